package io.newsdedup.core.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnchorFilterTest {
  /** Anchors as the sampler makes them: random 64-bit hashes whose low 3 bits are zero. */
  private static long[] anchors(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextLong() & ~7L;
    }
    return a;
  }

  @Test
  void containsEveryQueryItWasBuiltFrom() {
    long[] queries = anchors(50_000, 1);
    AnchorFilter f = AnchorFilter.of(queries, queries.length);
    for (long q : queries) {
      assertTrue(f.mightContain(q));
    }
  }

  @Test
  void onlyTheFirstCountValuesAreIn() {
    long[] queries = anchors(1_000, 2);
    AnchorFilter f = AnchorFilter.of(queries, 10);
    int in = 0;
    for (int i = 10; i < queries.length; i++) {
      in += f.mightContain(queries[i]) ? 1 : 0;
    }
    assertTrue(in < 10, "at most a few false positives, got " + in);
  }

  @Test
  void falsePositiveRateIsAboutOneInSixteen() {
    long[] queries = anchors(100_000, 3);
    AnchorFilter f = AnchorFilter.of(queries, queries.length);
    long[] others = anchors(200_000, 4);
    int positives = 0;
    for (long o : others) {
      positives += f.mightContain(o) ? 1 : 0;
    }
    double rate = positives / (double) others.length;
    assertTrue(rate > 0.02 && rate < 0.07, "false-positive rate " + rate);
  }

  @Test
  void sizedFromTheCountAndRoundTripsThroughItsWords() {
    assertEquals(AnchorFilter.MIN_BITS, AnchorFilter.of(new long[0], 0).bits());
    long[] queries = anchors(100_000, 5);
    AnchorFilter f = AnchorFilter.of(queries, queries.length);
    assertEquals(21, f.bits()); // 2^21 >= 16 * 100,000 > 2^20
    AnchorFilter back = AnchorFilter.fromWords(f.words().clone());
    assertEquals(f, back);
    assertFalse(AnchorFilter.of(queries, 0).mightContain(queries[0]));
  }
}
