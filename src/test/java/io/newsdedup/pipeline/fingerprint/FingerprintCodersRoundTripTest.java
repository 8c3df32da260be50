package io.newsdedup.pipeline.fingerprint;

import static io.newsdedup.pipeline.coders.CoderChecks.roundTrip;
import static io.newsdedup.pipeline.coders.CoderChecks.roundTripEqual;
import static io.newsdedup.pipeline.coders.CoderChecks.sameBytes;
import static io.newsdedup.pipeline.coders.CoderValues.WORLD;
import static io.newsdedup.pipeline.coders.CoderValues.assertFingerprint;
import static io.newsdedup.pipeline.coders.CoderValues.emptyFingerprint;
import static io.newsdedup.pipeline.coders.CoderValues.facts;
import static io.newsdedup.pipeline.coders.CoderValues.fingerprint;
import static io.newsdedup.pipeline.coders.CoderValues.origin;
import static io.newsdedup.pipeline.coders.CoderValues.sentences;
import static io.newsdedup.pipeline.coders.CoderValues.sparseFacts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.story.Sentences;
import io.newsdedup.pipeline.coders.CoreCoders.CleanedCoder;
import io.newsdedup.pipeline.coders.CoreCoders.FingerprintCoder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Round trips of {@link FingerprintCoder} and {@link CleanedCoder}. */
class FingerprintCodersRoundTripTest {

  @Test
  void fingerprintCoder() throws Exception {
    Fingerprint f = roundTrip(FingerprintCoder.of(), fingerprint());
    assertFingerprint(fingerprint(), f);
    assertEquals(facts(), f.facts());
    assertArrayEquals(new long[] {7, 8, 9, Long.MAX_VALUE}, f.shingles());
    assertArrayEquals(new long[] {-1, -2, -3}, f.signature());
    assertEquals(sentences(), f.sentences());
    sameBytes(FingerprintCoder.of(), fingerprint(), fingerprint());

    Fingerprint empty = roundTrip(FingerprintCoder.of(), emptyFingerprint());
    assertFingerprint(emptyFingerprint(), empty);
    assertTrue(empty.isEmpty());
    assertSame(Sentences.NONE, empty.sentences());

    // A signature without shingles and sentences with only numbers: the arrays stay apart.
    Fingerprint lopsided =
        new Fingerprint(
            sparseFacts(),
            new long[0],
            new long[] {42},
            new Sentences(new long[0], new long[] {-9}));
    assertFingerprint(lopsided, roundTrip(FingerprintCoder.of(), lopsided));
  }

  @Test
  void cleanedCoder() throws Exception {
    Cleaned c = roundTripEqual(CleanedCoder.of(), cleaned(), cleaned());
    assertEquals("c-1", c.id());
    assertEquals("https://example.org/" + WORLD, c.url());
    assertEquals("Source مرحبا", c.source());
    assertEquals("Title łódź", c.title());
    assertEquals(Instant.ofEpochSecond(1_600_000_000L, 1), c.publishedAt());
    assertEquals(origin(), c.origin());
    assertEquals("text: " + WORLD, c.text());
    assertEquals(70_000, c.markers());
    assertEquals("Reuters 北京", c.wireAgency());
    assertTrue(c.pointsToOriginal());
    assertEquals(-1_234_567_890_123L, c.titleKey());
    assertFalse(c.truncated());
    assertTrue(c.fromIndex());
    assertEquals("previous-cluster", c.previousClusterId());

    // Optional fields absent, empty strings; booleans false, true, true (each pair differs once).
    Cleaned sparse = roundTripEqual(CleanedCoder.of(), sparseCleaned(), sparseCleaned());
    assertNull(sparse.url());
    assertEquals("", sparse.text());
    assertFalse(sparse.pointsToOriginal());
    assertTrue(sparse.truncated());
    assertTrue(sparse.fromIndex());
    assertNull(sparse.previousClusterId());
  }

  private static Cleaned cleaned() {
    return new Cleaned(
        "c-1",
        "https://example.org/" + WORLD,
        "Source مرحبا",
        "Title łódź",
        Instant.ofEpochSecond(1_600_000_000L, 1),
        origin(),
        "text: " + WORLD,
        70_000,
        "Reuters 北京",
        true,
        -1_234_567_890_123L,
        false,
        true,
        "previous-cluster",
        null);
  }

  private static Cleaned sparseCleaned() {
    return new Cleaned(
        "",
        null,
        null,
        null,
        null,
        Origin.ofFile("a.txt"),
        "",
        0,
        null,
        false,
        0L,
        true,
        true,
        null,
        null);
  }
}
