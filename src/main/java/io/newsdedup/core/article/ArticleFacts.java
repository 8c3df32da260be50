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
 * @param titleKey {@link Titles#key} of the title (0: no informative title)
 * @param truncated the text was longer than the size limit; only its beginning was fingerprinted
 * @param fromIndex the article comes from the index of earlier runs, not from this run's input
 * @param previousClusterId its cluster in the index of earlier runs (null: not indexed before)
 * @param lowContent too little text is left after cleaning to fingerprint reliably (a paywall or
 *     cookie wall, a bare headline): matched only on strong evidence
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
    boolean pointsToOriginal,
    long titleKey,
    boolean lowContent,
    boolean truncated,
    boolean fromIndex,
    String previousClusterId)
    implements Serializable {

  /** Facts with no title key and enough content. */
  public ArticleFacts(
      String id, String url, String source, String title, Instant publishedAt, Origin origin,
      int shingleCount, int boilerplateMarkers, String wireAgency, boolean pointsToOriginal) {
    this(id, url, source, title, publishedAt, origin, shingleCount, boilerplateMarkers, wireAgency,
        pointsToOriginal, 0, false, false, false, null);
  }
}
