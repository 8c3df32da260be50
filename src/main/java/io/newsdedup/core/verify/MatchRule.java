package io.newsdedup.core.verify;

import java.io.Serializable;

/**
 * Decides whether two articles are copies of one story.
 *
 * <ul>
 *   <li>{@link Mode#JACCARD}: Jaccard ≥ {@code jaccardThreshold};
 *   <li>{@link Mode#CONTAINMENT}: containment ≥ {@code containmentThreshold} and the smaller text
 *       has at least {@code minContainmentShingles} shingles (so a one-line text is not "contained"
 *       in everything that quotes it);
 *   <li>{@link Mode#JACCARD_OR_CONTAINMENT} (default): either.
 * </ul>
 *
 * A {@code margin} lowers both thresholds; it is used when only MinHash estimates are known, so
 * that estimation noise does not lose a pair that the exact check would accept.
 */
public record MatchRule(
    Mode mode, double jaccardThreshold, double containmentThreshold, int minContainmentShingles)
    implements Serializable {

  public static final double DEFAULT_JACCARD = 0.5;
  public static final double DEFAULT_CONTAINMENT = 0.8;
  public static final int DEFAULT_MIN_CONTAINMENT_SHINGLES = 15;

  public enum Mode {
    JACCARD,
    CONTAINMENT,
    JACCARD_OR_CONTAINMENT
  }

  public MatchRule {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
    if (!(jaccardThreshold > 0 && jaccardThreshold <= 1)) {
      throw new IllegalArgumentException("jaccard threshold must be in (0, 1]: " + jaccardThreshold);
    }
    if (!(containmentThreshold > 0 && containmentThreshold <= 1)) {
      throw new IllegalArgumentException(
          "containment threshold must be in (0, 1]: " + containmentThreshold);
    }
    if (minContainmentShingles < 1) {
      throw new IllegalArgumentException(
          "minimum shingles for containment must be >= 1: " + minContainmentShingles);
    }
  }

  public static MatchRule defaults() {
    return new MatchRule(
        Mode.JACCARD_OR_CONTAINMENT,
        DEFAULT_JACCARD,
        DEFAULT_CONTAINMENT,
        DEFAULT_MIN_CONTAINMENT_SHINGLES);
  }

  public boolean accepts(Similarity s, int sizeA, int sizeB) {
    return accepts(s, sizeA, sizeB, 0);
  }

  public boolean accepts(Similarity s, int sizeA, int sizeB, double margin) {
    boolean byJaccard = s.jaccard() >= jaccardThreshold - margin;
    boolean byContainment =
        Math.min(sizeA, sizeB) >= minContainmentShingles
            && s.containment() >= containmentThreshold - margin;
    return switch (mode) {
      case JACCARD -> byJaccard;
      case CONTAINMENT -> byContainment;
      case JACCARD_OR_CONTAINMENT -> byJaccard || byContainment;
    };
  }
}
