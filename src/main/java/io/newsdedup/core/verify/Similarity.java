package io.newsdedup.core.verify;

import java.io.Serializable;

/**
 * How much two shingle sets A and B overlap.
 *
 * @param jaccard |A ∩ B| / |A ∪ B|
 * @param containment |A ∩ B| / min(|A|, |B|): the share of the smaller text found in the larger (a
 *     truncated copy, or an original inside a repost that wraps it, scores near 1)
 */
public record Similarity(double jaccard, double containment) implements Serializable {

  public static final Similarity IDENTICAL = new Similarity(1, 1);

  /** Exact similarity of two sorted, distinct arrays of shingle hashes. */
  public static Similarity exact(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return new Similarity(0, 0);
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      if (x == y) {
        common++;
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return fromCounts(common, a.length, b.length);
  }

  /**
   * From an estimated Jaccard and the exact set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J), and the
   * containment follows (capped at 1).
   */
  public static Similarity fromJaccard(double jaccard, int sizeA, int sizeB) {
    if (sizeA == 0 || sizeB == 0) {
      return new Similarity(0, 0);
    }
    double common = jaccard * (sizeA + sizeB) / (1 + jaccard);
    return new Similarity(jaccard, Math.min(1.0, common / Math.min(sizeA, sizeB)));
  }

  static Similarity fromCounts(int common, int sizeA, int sizeB) {
    double union = (double) sizeA + sizeB - common;
    return new Similarity(common / union, common / (double) Math.min(sizeA, sizeB));
  }

  /** Rounded to 4 decimals, as written in outputs. */
  public static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
