package io.newsdedup.core.clean;

/** Takes the article out of a whole HTML page (jsoup). Never throws on any input string. */
public final class HtmlExtractor {
  private HtmlExtractor() {}

  /**
   * @param html a whole page or a fragment
   * @param baseUri used to make canonical/og:url absolute; may be null or empty
   */
  public static HtmlPage extract(String html, String baseUri) {
    throw new UnsupportedOperationException("TODO");
  }
}
