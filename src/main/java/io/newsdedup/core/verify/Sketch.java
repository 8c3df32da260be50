package io.newsdedup.core.verify;

/**
 * What verification needs of one side of a pair: its id, shingle count and MinHash signature (the
 * low 32 bits of each value: half the bytes to join, and equal 32-bit values of unequal 64-bit ones
 * are rare enough, 1 in 4 billion, not to matter to an estimate), and for low-content articles the
 * title key that is their only evidence.
 */
public record Sketch(
    String id, int shingleCount, int[] signature, long titleKey, boolean lowContent) {

  /**
   * How many standard deviations above the Jaccard estimate a pair is judged at by default: erring
   * on the generous side loses no true copy to estimation noise; the exact check decides later.
   */
  public static final double DEFAULT_CONFIDENCE_Z = 2.0;

  public static int[] lowBits(long[] signature) {
    int[] s = new int[signature.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = (int) signature[i];
    }
    return s;
  }

  /** Share of equal positions: the Jaccard estimate. */
  public static double estimateJaccard(int[] a, int[] b) {
    if (a.length != b.length || a.length == 0) {
      return 0;
    }
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return (double) equal / a.length;
  }

  /**
   * Whether the pair is a verified edge: a low-content article's only evidence is its title (the
   * exact check against the canonical follows); any other pair is judged on its signatures, the
   * Jaccard estimate raised by {@code z} standard deviations. Symmetric in {@code a} and {@code b}.
   * Batch ({@code VerifyCandidates}) and the stream index ({@link io.newsdedup.core.index}) both
   * judge candidate edges with it.
   */
  public static boolean mayMatch(Sketch a, Sketch b, MatchRule rule, double z) {
    if (a.lowContent() || b.lowContent()) {
      return a.titleKey() != 0 && a.titleKey() == b.titleKey();
    }
    double j = upperBound(estimateJaccard(a.signature(), b.signature()), a.signature().length, z);
    Similarity s = Similarity.fromJaccard(j, a.shingleCount(), b.shingleCount());
    return rule.accepts(s, a.shingleCount(), b.shingleCount())
        || rule.mayBeReworded(s, a.shingleCount(), b.shingleCount(), 0);
  }

  static double upperBound(double j, int k, double z) {
    double sigma = Math.max(Math.sqrt(j * (1 - j) / k), 1.0 / k);
    return Math.min(1.0, j + z * sigma);
  }
}
