package io.newsdedup.core.fingerprint;

import io.newsdedup.core.article.Origin;
import java.time.Instant;

/**
 * An article after rule-based cleaning: its metadata, the cleaned (case-folded) text and what the
 * cleaner noticed. The raw body is no longer needed downstream. {@code crawledAt}: when a crawler
 * captured it (an article read from a WARC file), else null.
 */
public record Cleaned(
    String id,
    String url,
    String source,
    String title,
    Instant publishedAt,
    Origin origin,
    String text,
    int markers,
    String wireAgency,
    boolean pointsToOriginal,
    long titleKey,
    boolean truncated,
    boolean fromIndex,
    String previousClusterId,
    Instant crawledAt) {

  public Cleaned withPrevious(String clusterId) {
    return new Cleaned(
        id,
        url,
        source,
        title,
        publishedAt,
        origin,
        text,
        markers,
        wireAgency,
        pointsToOriginal,
        titleKey,
        truncated,
        fromIndex,
        clusterId,
        crawledAt);
  }
}
