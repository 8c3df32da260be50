package io.newsdedup.core.clean;

/**
 * The text of an article as it is fingerprinted, plus the facts the cleaner noticed on the way.
 *
 * @param text normalised, case-folded body with boilerplate removed; paragraphs separated by '\n'
 * @param boilerplateMarkers how many boilerplate lines/spans/tails were removed (0 for a clean
 *     article)
 * @param wireAgency the agency named in a wire dateline such as "BEIJING (AP) —" ("AP", "Reuters",
 *     "AFP", ...), or null when there is none
 * @param pointsToOriginal true when the text carried a pointer to an original elsewhere ("Read
 *     original article here", "Source: ...", "Read the full story at ...")
 */
public record CleanedText(
    String text, int boilerplateMarkers, String wireAgency, boolean pointsToOriginal) {}
