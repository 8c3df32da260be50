package io.newsdedup.core.article;

import java.util.Locale;

/**
 * Why an article is low-content: what is left of it after cleaning is no evidence of its story, so
 * it is matched only on strong evidence (the same informative title).
 */
public enum LowContent {
  /**
   * Too little text is left after cleaning to fingerprint it (a bare headline, a wall's teaser).
   */
  TOO_SHORT,
  /**
   * The text left does not carry the headline: it is a template (a consent or paywall wall, a bot
   * check, an error page, a form), the same whatever the story; its shingles are not used.
   */
  TEMPLATE_ONLY;

  /** The name in outputs and counters: {@code too_short}, {@code template_only}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason with this {@link #label()}, or null for null. */
  public static LowContent ofLabel(String label) {
    return label == null ? null : valueOf(label.toUpperCase(Locale.ROOT));
  }
}
