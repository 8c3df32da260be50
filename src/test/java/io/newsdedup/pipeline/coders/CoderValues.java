package io.newsdedup.pipeline.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.story.Sentences;
import io.newsdedup.core.story.StoryEvidence;
import java.time.Instant;

/**
 * Values for the coders' round-trip tests, shared by those whose values nest the same types. In
 * each value every field has its own value, unlike any other field's of the same type, so that a
 * coder that swaps two fields decodes a different value.
 */
public final class CoderValues {
  private CoderValues() {}

  /** Text outside ASCII: Latin with diacritics, Polish, Arabic, Chinese and an emoji. */
  public static final String WORLD = "Zürich – łódź مرحبا 北京 🙂";

  /** A file and line (beyond 32 bits) and a message id. */
  public static Origin origin() {
    return new Origin("feeds/" + WORLD + ".jsonl", 9_876_543_210L, "msg-北京-17");
  }

  /** The full facts of {@link #facts(String)} with the id {@code "id-Zürich-1"}. */
  public static ArticleFacts facts() {
    return facts("id-Zürich-1");
  }

  /**
   * Facts with every field set, each to its own value (booleans: pointsToOriginal true, truncated
   * false, fromIndex true; the low-content reason not the enum's first), the story's headline and
   * sample distinct, crawled (as read from a WARC file).
   */
  public static ArticleFacts facts(String id) {
    return new ArticleFacts(
        id,
        "https://example.org/łódź/" + id,
        "Source مرحبا",
        "Title: " + WORLD,
        Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
        origin(),
        987_654,
        321,
        "Agence 北京",
        true,
        -8_765_432_109_876L,
        LowContent.TEMPLATE_ONLY,
        false,
        true,
        "cluster-previous-ü",
        new StoryEvidence(new long[] {11, -22, 33}, new long[] {-44, 55}),
        Instant.ofEpochSecond(1_700_000_900L, 5));
  }

  /**
   * Facts with the optional fields absent (null), empty strings, no story, and the booleans the
   * other way from {@link #facts(String)} where they were equal: pointsToOriginal false, truncated
   * true, fromIndex true.
   */
  public static ArticleFacts sparseFacts() {
    return new ArticleFacts(
        "",
        null,
        null,
        "",
        null,
        Origin.ofMessage("m-1"),
        0,
        -1,
        null,
        false,
        0L,
        null,
        true,
        true,
        null,
        StoryEvidence.NONE);
  }

  /** Sentence fingerprints and numbers, distinct. */
  public static Sentences sentences() {
    return new Sentences(new long[] {101, -202, Long.MIN_VALUE}, new long[] {404, 505});
  }

  /** A fingerprint whose shingles, signature and sentences all differ. */
  public static Fingerprint fingerprint() {
    return new Fingerprint(
        facts(), new long[] {7, 8, 9, Long.MAX_VALUE}, new long[] {-1, -2, -3}, sentences());
  }

  /** A fingerprint of an empty text: no shingles, no signature, no sentences. */
  public static Fingerprint emptyFingerprint() {
    return new Fingerprint(sparseFacts(), new long[0], new long[0]);
  }

  /** Field by field: a fingerprint's arrays make its equals identity. */
  public static void assertFingerprint(Fingerprint expected, Fingerprint actual) {
    assertEquals(expected.facts(), actual.facts(), "facts");
    assertArrayEquals(expected.shingles(), actual.shingles(), "shingles");
    assertArrayEquals(expected.signature(), actual.signature(), "signature");
    assertEquals(expected.sentences(), actual.sentences(), "sentences");
  }
}
