package io.newsdedup.core.fingerprint;

import java.io.Serializable;

/**
 * Containment-aware candidate keys. LSH on MinHash finds pairs of high Jaccard; an excerpt (two
 * paragraphs of a ten-paragraph story) has a Jaccard of 0.2 with its original although every one of
 * its shingles is in it. Anchors find such pairs:
 *
 * <ul>
 *   <li>a shingle is an <em>anchor</em> when its hash's low {@code samplingBits} bits are zero (one
 *       shingle in 2^bits, the same decision in every text, so a text's anchors that are inside
 *       another text are anchors of that text too);
 *   <li>every article is indexed under all its anchors, and <em>queries</em> with its {@code
 *       queries} smallest anchors;
 *   <li>two articles are candidates when one's query anchors hit the other at least {@code
 *       minShared} times.
 * </ul>
 *
 * If A is contained in B, all of A's query anchors are anchors of B, so the pair is found whenever
 * A has at least {@code minShared} anchors (a text of 60 shingles has 7.5 on average at 1 in 8); a
 * text with fewer anchors than that needs a single hit. Each article costs (shingles / 2^bits)
 * index entries and at most {@code queries} lookups.
 */
public record Anchors(int samplingBits, int queries, int minShared) implements Serializable {
  public static final int DEFAULT_SAMPLING_BITS = 3;
  public static final int DEFAULT_QUERIES = 8;
  public static final int DEFAULT_MIN_SHARED = 2;

  public Anchors {
    if (samplingBits < 0 || samplingBits > 16) {
      throw new IllegalArgumentException("anchor sampling bits must be in 0..16: " + samplingBits);
    }
    if (queries < 1 || minShared < 1 || minShared > queries) {
      throw new IllegalArgumentException(
          "anchor queries must be >= 1 and 1 <= minShared <= queries: "
              + queries
              + ", "
              + minShared);
    }
  }

  public static Anchors defaults() {
    return new Anchors(DEFAULT_SAMPLING_BITS, DEFAULT_QUERIES, DEFAULT_MIN_SHARED);
  }

  public boolean isAnchor(long shingle) {
    return (shingle & ((1L << samplingBits) - 1)) == 0;
  }

  /** The anchors of a sorted shingle array, in the same (ascending) order. */
  public long[] of(long[] sortedShingles) {
    int n = 0;
    for (long s : sortedShingles) {
      if (isAnchor(s)) {
        n++;
      }
    }
    long[] out = new long[n];
    int i = 0;
    for (long s : sortedShingles) {
      if (isAnchor(s)) {
        out[i++] = s;
      }
    }
    return out;
  }

  /** Whether the anchor at this position of {@link #of}'s result is one of the queries. */
  public boolean isQuery(int position) {
    return position < queries;
  }
}
