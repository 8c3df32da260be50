package io.newsdedup.core.article;

import io.newsdedup.core.story.StoryEvidence;
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
 * @param lowContentReason why the article is low-content ({@link LowContent}), null when it has
 *     content: matched only on strong evidence
 * @param story its headline's terms and a sample of the sentences that carry them ({@link
 *     StoryEvidence})
 * @param crawledAt when a crawler captured it (an article read from a WARC file: its {@code
 *     WARC-Date}), else null; never taken for the publication time
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
    LowContent lowContentReason,
    boolean truncated,
    boolean fromIndex,
    String previousClusterId,
    StoryEvidence story,
    Instant crawledAt)
    implements Serializable {

  public ArticleFacts {
    story = story == null ? StoryEvidence.NONE : story;
  }

  /** Facts of an article with no crawl time (not read from a crawl archive). */
  public ArticleFacts(
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
      LowContent lowContentReason,
      boolean truncated,
      boolean fromIndex,
      String previousClusterId,
      StoryEvidence story) {
    this(
        id,
        url,
        source,
        title,
        publishedAt,
        origin,
        shingleCount,
        boilerplateMarkers,
        wireAgency,
        pointsToOriginal,
        titleKey,
        lowContentReason,
        truncated,
        fromIndex,
        previousClusterId,
        story,
        null);
  }

  /** Whether the article is low-content (see {@link #lowContentReason}). */
  public boolean lowContent() {
    return lowContentReason != null;
  }

  /** Facts with no title key and enough content. */
  public ArticleFacts(
      String id,
      String url,
      String source,
      String title,
      Instant publishedAt,
      Origin origin,
      int shingleCount,
      int boilerplateMarkers,
      String wireAgency,
      boolean pointsToOriginal) {
    this(
        id,
        url,
        source,
        title,
        publishedAt,
        origin,
        shingleCount,
        boilerplateMarkers,
        wireAgency,
        pointsToOriginal,
        0,
        null,
        false,
        false,
        null,
        StoryEvidence.NONE);
  }
}
