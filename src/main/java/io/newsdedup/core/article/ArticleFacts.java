package io.newsdedup.core.article;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the clustering and canonical choice need to know about an article, and what the outputs
 * report about it: the article's metadata plus facts found while cleaning and fingerprinting.
 *
 * @param shingleCount distinct shingles of the cleaned text (how complete the text is)
 * @param boilerplateMarkers boilerplate lines/spans the cleaner removed
 * @param wireAgency agency named in a wire dateline ("AP", "Reuters", ...), or null
 * @param pointsToOriginal the text pointed to an original elsewhere ("Read original article here")
 */
public record ArticleFacts(
    String id,
    String url,
    String source,
    String title,
    Instant publishedAt,
    Origin origin,
    int shingleCount,
    int boilerplateMarkers,
    String wireAgency,
    boolean pointsToOriginal)
    implements Serializable {}
