package io.newsdedup.eval.generate;

import java.util.Locale;

/** How a generated article relates to its story; the label name is written to the labels file. */
public enum CopyKind {
  /** The story as its own publisher put it out. */
  ORIGINAL("original"),
  /** A newspaper reprint of a wire or partner story: new headline, possibly truncated. */
  REPRINT("reprint"),
  /** An aggregator repost of the full text wrapped in aggregator boilerplate. */
  AGGREGATOR("aggregator"),
  /** A whole HTML page of a site carrying the story, with navigation, ads and other chrome. */
  SCRAPED("scraped"),
  /** A lightly edited copy: a few words changed, a sentence dropped, a local paragraph added. */
  EDITED("edited"),
  /** The first two or three paragraphs plus a pointer to the full story (keeps under 60%). */
  EXCERPT("excerpt"),
  /** The story's page behind a paywall or cookie wall: the headline, a teaser at most, the wall. */
  PAYWALL("paywall"),
  /** A short, different story posted inside one aggregator's identical long boilerplate. */
  DISTRACTOR_BOILERPLATE("distractor_boilerplate"),
  /**
   * The story's page on a site whose scraped text is only a template (bot check, consent wall, 404,
   * registration form, video player shell, ...): the headline, at most a teaser, the site's
   * template, which the same site shows on pages of other stories too.
   */
  TEMPLATE_PAGE("template_page"),
  /**
   * A reprint reworded here and there: the same paragraphs in the same order with a few words
   * changed in most sentences (synonyms, numbers, clause order, adverbs, contractions).
   */
  REWORDED("reworded");

  private final String label;

  CopyKind(String label) {
    this.label = label;
  }

  /** The name used on the command line and in the labels file. */
  public String label() {
    return label;
  }

  /**
   * The kind with this label (case-insensitive, '-' accepted for '_').
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static CopyKind parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (CopyKind k : values()) {
      if (k.label.equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown copy kind: " + name);
  }
}
