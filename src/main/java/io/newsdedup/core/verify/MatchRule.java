package io.newsdedup.core.verify;

import io.newsdedup.core.story.Sentences;
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
 *
 * <p>With {@code reworded}, a pair below those thresholds is still a copy when it is a reprint
 * whose sentences were reworded ({@link #acceptsReworded}): containment at least {@link
 * #REWORDED_CONTAINMENT} (the shorter text has at least {@code minContainmentShingles}), at least
 * {@link #REWORDED_ALIGNED} of the shorter text's sentences, and three, align with the other's, and
 * at least {@link #REWORDED_NUMBERS} of its numbers are in the other ({@link Sentences}).
 */
public record MatchRule(
    Mode mode,
    double jaccardThreshold,
    double containmentThreshold,
    int minContainmentShingles,
    boolean reworded)
    implements Serializable {

  /** Containment at or above which a pair may be a reworded reprint. */
  public static final double REWORDED_CONTAINMENT = 0.4;

  /** Share of the shorter text's sentences that must align for a reworded reprint. */
  public static final double REWORDED_ALIGNED = 0.75;

  /** Share of the smaller set of numbers that a reworded reprint keeps. */
  public static final double REWORDED_NUMBERS = 0.7;

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
      throw new IllegalArgumentException(
          "jaccard threshold must be in (0, 1]: " + jaccardThreshold);
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

  /** The rule without the reworded-reprint check. */
  public MatchRule(
      Mode mode, double jaccardThreshold, double containmentThreshold, int minContainmentShingles) {
    this(mode, jaccardThreshold, containmentThreshold, minContainmentShingles, false);
  }

  public static MatchRule defaults() {
    return new MatchRule(
        Mode.JACCARD_OR_CONTAINMENT,
        DEFAULT_JACCARD,
        DEFAULT_CONTAINMENT,
        DEFAULT_MIN_CONTAINMENT_SHINGLES,
        true);
  }

  /**
   * Whether the pair may be a reworded reprint, judged on its similarity alone (its sentences
   * decide, {@link #acceptsReworded}): the reworded check is on, the shorter text is long enough
   * and the containment reaches {@link #REWORDED_CONTAINMENT} less {@code margin}.
   */
  public boolean mayBeReworded(Similarity s, int sizeA, int sizeB, double margin) {
    return reworded
        && Math.min(sizeA, sizeB) >= minContainmentShingles
        && s.containment() >= REWORDED_CONTAINMENT - margin;
  }

  /**
   * Whether a pair is a reworded reprint: {@link #mayBeReworded}, at least three and {@link
   * #REWORDED_ALIGNED} of the shorter text's sentences align with the other's, and {@link
   * #REWORDED_NUMBERS} of the smaller set of numbers is in the other (a report of this week's
   * figures in last week's words is another story).
   */
  public boolean acceptsReworded(Similarity s, int sizeA, int sizeB, Sentences a, Sentences b) {
    if (!mayBeReworded(s, sizeA, sizeB, 0)) {
      return false;
    }
    int aligned = a.aligned(b);
    return aligned >= 3
        && aligned >= REWORDED_ALIGNED * a.shorter(b)
        && a.numbersKept(b) >= REWORDED_NUMBERS;
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
