package io.newsdedup.core.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHasherTest {
  private static final MinHasher DEFAULT =
      new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);

  private static final double[] SIMILARITIES = {0.1, 0.3, 0.5, 0.7, 0.9};

  @Test
  void rejectsNumHashesOutsidePowersOfTwoFrom8To1024() {
    for (int bad : new int[] {-8, 0, 1, 4, 7, 100, 127, 129, 2048, Integer.MIN_VALUE}) {
      assertThrows(IllegalArgumentException.class, () -> new MinHasher(bad, 1), "" + bad);
    }
    for (int good : new int[] {8, 16, 128, 1024}) {
      MinHasher hasher = new MinHasher(good, 1);
      assertEquals(good, hasher.numHashes());
      assertEquals(good, hasher.signature(new long[] {1, 2, 3}).length);
    }
    assertEquals(128, MinHasher.DEFAULT_NUM_HASHES);
  }

  @Test
  void goldenSignatures() {
    // Hard-coded on purpose: a change here changes every stored fingerprint.
    // The first values and a hash of all of them (Arrays.hashCode is specified, hence stable).
    long[] big = DEFAULT.signature(LongStream.rangeClosed(1, 1000).toArray());
    assertArrayEquals(
        new long[] {73443812049716021L, 2121455529715126L, 50883379258165926L, 44667881135219903L},
        Arrays.copyOf(big, 4));
    assertEquals(1241363901, Arrays.hashCode(big));
    // Three shingles: most positions come from densification probing.
    long[] small = DEFAULT.signature(new long[] {42, 7, -3});
    assertArrayEquals(
        new long[] {
          67030635384949898L, 67030635384949898L, 47896383194668454L, 104866242771299687L
        },
        Arrays.copyOf(small, 4));
    assertEquals(1074311777, Arrays.hashCode(small));
    long[] seeded = new MinHasher(64, 12345).signature(new long[] {42, 7, -3});
    assertArrayEquals(
        new long[] {
          97565380901855231L, 208352694240575197L, 172984437435754310L, 208352694240575197L
        },
        Arrays.copyOf(seeded, 4));
    assertEquals(-1859035549, Arrays.hashCode(seeded));
  }

  @Test
  void ignoresOrderAndDuplicates() {
    SplittableRandom random = new SplittableRandom(3);
    long[] set = random.longs(700).toArray();
    long[] shuffled = set.clone();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    long[] duplicated = LongStream.concat(Arrays.stream(shuffled), Arrays.stream(set)).toArray();
    long[] expected = DEFAULT.signature(set);
    assertArrayEquals(expected, DEFAULT.signature(shuffled));
    assertArrayEquals(expected, DEFAULT.signature(duplicated));
    long[] few = {5, -9, 5, 5, 1L << 40};
    assertArrayEquals(DEFAULT.signature(new long[] {1L << 40, -9, 5}), DEFAULT.signature(few));
  }

  @Test
  void seedChangesTheSignature() {
    long[] set = new SplittableRandom(4).longs(500).toArray();
    long[] a = new MinHasher(128, 1).signature(set);
    long[] b = new MinHasher(128, 2).signature(set);
    assertFalse(Arrays.equals(a, b));
    // Values of different seeds are unrelated, so hardly any position agrees.
    assertTrue(MinHasher.estimateJaccard(a, b) < 0.05);
    assertArrayEquals(a, new MinHasher(128, 1).signature(set));
    assertEquals(12345L, new MinHasher(128, 12345L).seed());
  }

  @Test
  void seedsGiveIndependentEstimates() {
    // The estimation errors of two seeds over the same 400 pairs (J = 0.5) are uncorrelated:
    // |r| < 0.2 where the standard error of r is about 1/sqrt(400) = 0.05.
    MinHasher other = new MinHasher(128, MinHasher.DEFAULT_SEED + 1);
    SplittableRandom random = new SplittableRandom(6);
    int trials = 400;
    double[] x = new double[trials];
    double[] y = new double[trials];
    for (int t = 0; t < trials; t++) {
      long[][] pair = pairWithJaccard(random, 0.5, 600 + 10 * random.nextInt(51));
      x[t] = MinHasher.estimateJaccard(DEFAULT.signature(pair[0]), DEFAULT.signature(pair[1]));
      y[t] = MinHasher.estimateJaccard(other.signature(pair[0]), other.signature(pair[1]));
    }
    double r = correlation(x, y);
    System.out.printf("error correlation between seeds: %+.3f%n", r);
    assertTrue(Math.abs(r) < 0.2, "correlation " + r);
  }

  @Test
  void emptySetGivesAllEmpty() {
    long[] sig = DEFAULT.signature(new long[0]);
    assertEquals(128, sig.length);
    for (long v : sig) {
      assertEquals(MinHasher.EMPTY, v);
    }
    assertEquals(-1L, MinHasher.EMPTY);
    assertEquals(1.0, MinHasher.estimateJaccard(sig, DEFAULT.signature(new long[0])));
    assertEquals(0.0, MinHasher.estimateJaccard(sig, DEFAULT.signature(new long[] {1})));
    assertThrows(NullPointerException.class, () -> DEFAULT.signature(null));
  }

  @Test
  void valuesNeverEqualTheEmptySentinel() {
    SplittableRandom random = new SplittableRandom(9);
    long[] special = {-1, 0, 1, Long.MIN_VALUE, Long.MAX_VALUE, -2};
    for (int numHashes : new int[] {8, 128, 1024}) {
      MinHasher hasher = new MinHasher(numHashes, random.nextLong());
      for (int t = 0; t < 200; t++) {
        long[] set = t == 0 ? special : random.longs(1 + random.nextInt(2000)).toArray();
        for (long v : hasher.signature(set)) {
          assertTrue(v >= 0 && v != MinHasher.EMPTY, "value " + v);
        }
      }
    }
  }

  @Test
  void singleShingleFillsEveryPositionWithItsValue() {
    long[] sig = DEFAULT.signature(new long[] {123456789L});
    for (long v : sig) {
      assertEquals(sig[0], v);
    }
  }

  @Test
  void densificationOnlyBorrowsFromFilledBins() {
    // Three shingles fill at most three bins; every position holds one of their values.
    SplittableRandom random = new SplittableRandom(10);
    for (int t = 0; t < 100; t++) {
      long[] set = random.longs(3).toArray();
      long[] sig = DEFAULT.signature(set);
      Set<Long> own = new HashSet<>();
      for (long x : set) {
        for (long v : DEFAULT.signature(new long[] {x})) {
          own.add(v);
        }
      }
      for (long v : sig) {
        assertTrue(own.contains(v));
      }
    }
  }

  @Test
  void identicalSetsEstimateOneAndDisjointSetsZero() {
    SplittableRandom random = new SplittableRandom(12);
    for (int size : new int[] {1, 10, 100, 1000}) {
      long[] a = random.longs(size).toArray();
      long[] b = random.longs(size).toArray();
      assertEquals(1.0, MinHasher.estimateJaccard(DEFAULT.signature(a), DEFAULT.signature(a)));
      // Disjoint sets agree only if two 57-bit values collide: practically never.
      assertEquals(0.0, MinHasher.estimateJaccard(DEFAULT.signature(a), DEFAULT.signature(b)));
    }
  }

  @Test
  void estimateJaccardCountsEqualPositions() {
    assertEquals(0.5, MinHasher.estimateJaccard(new long[] {1, 2, 3, 4}, new long[] {1, 9, 3, 9}));
    assertThrows(
        IllegalArgumentException.class,
        () -> MinHasher.estimateJaccard(new long[] {1, 2}, new long[] {1, 2, 3}));
    assertThrows(
        IllegalArgumentException.class, () -> MinHasher.estimateJaccard(new long[0], new long[0]));
    assertThrows(NullPointerException.class, () -> MinHasher.estimateJaccard(null, new long[1]));
  }

  /**
   * Large sets (union 600..1100, sets of about 330..1050 shingles, so almost no empty bin).
   *
   * <p>Bound: with k independent permutations each position matches with probability J on its own,
   * so the estimate is Binomial(k, J) / k with variance J(1 - J) / k. One-permutation hashing
   * splits the union into k bins and each bin's minimum is a uniform draw from the union elements
   * in it, so each position still matches with probability J, while the draws are without
   * replacement (disjoint bins), which makes positions negatively correlated and the variance at
   * most J(1 - J) / k (Li, Owen and Zhang, NIPS 2012). The rare empty bin (k (1 - 1/k)^U < 1.2
   * expected here) is filled by optimal densification, which keeps P(match) = J. So the estimate is
   * unbiased with sd <= sqrt(J(1 - J) / k): we require |mean - J| <= 4 sd / sqrt(trials) and the
   * empirical sd <= 1.2 sqrt(J(1 - J) / k); the sd of 400 trials is itself within about 3.5%.
   */
  @Test
  void estimateIsUnbiasedWithinTheMinHashBound() {
    int k = 128;
    MinHasher hasher = new MinHasher(k, MinHasher.DEFAULT_SEED);
    SplittableRandom random = new SplittableRandom(20261128);
    int trials = 400;
    for (double j : SIMILARITIES) {
      double[] errors = new double[trials];
      for (int t = 0; t < trials; t++) {
        long[][] pair = pairWithJaccard(random, j, 600 + 10 * random.nextInt(51));
        errors[t] = estimate(hasher, pair) - j;
      }
      double bound = Math.sqrt(j * (1 - j) / k);
      assertErrors(j, errors, bound, 1.2, "k=" + k);
    }
  }

  /**
   * Sets smaller than numHashes: union U = 20..100 with k = 128, and U = 300..1000 with k = 1024.
   *
   * <p>Expected sd: about m = k (1 - (1 - 1/k)^U) bins are non-empty in the union, and their minima
   * are m distinct union elements drawn without replacement, each shared with probability J. Every
   * other bin copies the position of one of them, found by probing as if at random (in both
   * documents alike), so the estimate is sum_i w_i X_i with X_i the m match indicators and weights
   * w_i = (1 + c_i) / k, where c_i, the number of bins borrowing from bin i, is multinomial with
   * mean λ = k/m - 1, so E[sum w_i²] = S = 1/m + λ (1 - 1/m) / (m (1 + λ)²). Sampling without
   * replacement gives Cov(X_i, X_j) = -J(1 - J) / (U - 1), hence Var = J(1-J)(SU-1)/(U-1); this
   * becomes J (1 - J) / k times the finite-population factor when no bin is empty. Measured sd is
   * 0.95..1.07 times this (variance averaged over the trials' U); we require at most 1.2 times it
   * and |mean - J| within 4 standard errors. Densification that favours neighbours (rotation, or
   * borrowing from already densified bins) has uneven weights and measures 1.4..1.6 here.
   */
  @Test
  void estimateIsUnbiasedForSetsSmallerThanNumHashes() {
    SplittableRandom random = new SplittableRandom(77);
    int trials = 400;
    for (int[] config : new int[][] {{128, 20, 100}, {1024, 300, 1000}}) {
      int k = config[0];
      MinHasher hasher = new MinHasher(k, random.nextLong());
      for (double j : SIMILARITIES) {
        double[] errors = new double[trials];
        double boundVariance = 0;
        for (int t = 0; t < trials; t++) {
          int union = config[1] + 10 * random.nextInt((config[2] - config[1]) / 10 + 1);
          long[][] pair = pairWithJaccard(random, j, union);
          errors[t] = estimate(hasher, pair) - j;
          double m = k * (1 - Math.pow(1 - 1.0 / k, union));
          double lambda = (k - m) / m;
          double sumSquaredWeights =
              1 / m + lambda * (1 - 1 / m) / (m * (1 + lambda) * (1 + lambda));
          boundVariance += j * (1 - j) * (sumSquaredWeights * union - 1) / (union - 1) / trials;
        }
        assertErrors(j, errors, Math.sqrt(boundVariance), 1.2, "k=" + k);
      }
    }
  }

  @Test
  void survivesSerialization() throws Exception {
    MinHasher hasher = new MinHasher(256, 99);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(hasher);
    }
    MinHasher copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (MinHasher) in.readObject();
    }
    long[] set = new SplittableRandom(1).longs(50).toArray();
    assertArrayEquals(hasher.signature(set), copy.signature(set));
    assertNotEquals(hasher.signature(set)[0], DEFAULT.signature(set)[0]);
  }

  private static void assertErrors(
      double j, double[] errors, double sdBound, double factor, String label) {
    double mean = Arrays.stream(errors).average().orElseThrow();
    double variance =
        Arrays.stream(errors).map(e -> (e - mean) * (e - mean)).sum() / (errors.length - 1);
    double sd = Math.sqrt(variance);
    System.out.printf(
        "%s J=%.1f bias=%+.4f sd=%.4f bound=%.4f ratio=%.2f%n",
        label, j, mean, sd, sdBound, sd / sdBound);
    assertTrue(
        Math.abs(mean) <= 4 * sdBound / Math.sqrt(errors.length),
        label + " J=" + j + ": bias " + mean);
    assertTrue(
        sd <= factor * sdBound,
        label + " J=" + j + ": sd " + sd + " > " + factor + " * " + sdBound);
  }

  private static double estimate(MinHasher hasher, long[][] pair) {
    return MinHasher.estimateJaccard(hasher.signature(pair[0]), hasher.signature(pair[1]));
  }

  /**
   * Two sets of distinct random longs with union size {@code union} (a multiple of 10) and exact
   * Jaccard similarity {@code j} (a multiple of 0.1); the non-shared elements are split about
   * evenly between them.
   */
  static long[][] pairWithJaccard(SplittableRandom random, double j, int union) {
    int shared = (int) Math.round(j * union);
    assertEquals(j, (double) shared / union, 1e-12);
    int rest = union - shared;
    int onlyA = rest / 2 + random.nextInt(-rest / 10, rest / 10 + 1);
    Set<Long> seen = new HashSet<>();
    long[] elements = new long[union];
    for (int i = 0; i < union; ) {
      long x = random.nextLong();
      if (seen.add(x)) {
        elements[i++] = x;
      }
    }
    long[] a = Arrays.copyOfRange(elements, 0, shared + onlyA);
    long[] b = new long[union - onlyA];
    System.arraycopy(elements, 0, b, 0, shared);
    System.arraycopy(elements, shared + onlyA, b, shared, union - shared - onlyA);
    return new long[][] {a, b};
  }

  private static double correlation(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
