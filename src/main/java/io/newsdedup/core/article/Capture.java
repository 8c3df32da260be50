package io.newsdedup.core.article;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * How a crawler captured an article read from a crawl archive (a WARC {@code response} or {@code
 * resource} record): when, and whether it stored the whole response. The crawl time is never the
 * publication time.
 *
 * @param crawledAt the record's {@code WARC-Date}
 * @param complete false when the crawler cut the response ({@code WARC-Truncated}, or HTTP 206
 *     Partial Content)
 */
public record Capture(Instant crawledAt, boolean complete) implements Serializable {

  public Capture {
    Objects.requireNonNull(crawledAt, "crawledAt");
  }

  /**
   * Which of two captures of the same article is kept: a complete one before a cut one, then the
   * later one. Captures equal by this order are told apart by their origins.
   */
  public static final Comparator<Capture> PREFERRED =
      Comparator.comparing(Capture::complete)
          .reversed()
          .thenComparing(Capture::crawledAt, Comparator.reverseOrder());
}
