package io.newsdedup.core.article;

import java.io.Serializable;
import java.time.Instant;

/**
 * One article as read, before cleaning. Only {@code id}, {@code body} and {@code origin} are always
 * set; the other fields may be null.
 *
 * @param id unique id: given, or derived (see {@link ArticleIds})
 * @param body the article text as read (HTML already reduced to text), paragraphs separated by line
 *     breaks; kept for output, never modified by cleaning
 * @param publishedAt when it was published; null when absent or unparseable
 * @param capture how a crawler captured it, for an article read from a WARC file; else null
 */
public record Article(
    String id,
    String url,
    String source,
    String title,
    String body,
    Instant publishedAt,
    Capture capture,
    Origin origin)
    implements Serializable {

  /** An article not read from a crawl archive (no capture). */
  public Article(
      String id,
      String url,
      String source,
      String title,
      String body,
      Instant publishedAt,
      Origin origin) {
    this(id, url, source, title, body, publishedAt, null, origin);
  }

  /** When a crawler captured it ({@link Capture#crawledAt}), or null. */
  public Instant crawledAt() {
    return capture == null ? null : capture.crawledAt();
  }
}
