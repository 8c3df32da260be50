package io.newsdedup.core.fingerprint;

import java.io.Serializable;

/** LSH banding: {@code bands} bands of {@code rows} signature positions each. */
public record LshParams(int bands, int rows) implements Serializable {
  public static final double DEFAULT_FALSE_POSITIVE_WEIGHT = 0.5;
  public static final double DEFAULT_FALSE_NEGATIVE_WEIGHT = 0.5;

  /**
   * The (bands, rows) with bands*rows <= numHashes minimising fpWeight * (area under the S-curve
   * below threshold) + fnWeight * (area above the S-curve from threshold to 1).
   */
  public static LshParams optimal(
      double threshold, int numHashes, double fpWeight, double fnWeight) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Probability that two sets of Jaccard similarity s share at least one band. */
  public double candidateProbability(double s) {
    throw new UnsupportedOperationException("TODO");
  }

  /** One 64-bit key per band; the key depends on the band index and that band's rows. */
  public long[] bandKeys(long[] signature) {
    throw new UnsupportedOperationException("TODO");
  }
}
