package io.newsdedup.core.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.testing.PropertyCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of {@link MinHasher}, fixed seeds. */
class MinHasherPropertiesTest {
  private static final long SEED = 3_2024_05_01L;

  /** A hasher of any allowed length and any seed, and a shingle array of any size and content. */
  private record Input(int numHashes, long seed, long[] shingles) {
    @Override
    public String toString() {
      return "numHashes "
          + numHashes
          + ", seed "
          + seed
          + ", "
          + shingles.length
          + " shingles "
          + Arrays.toString(Arrays.copyOf(shingles, Math.min(8, shingles.length)));
    }
  }

  private static Input input(SplittableRandom r) {
    int numHashes = 1 << (3 + r.nextInt(8)); // 8 .. 1024
    int n = r.nextInt(6) == 0 ? r.nextInt(3) : (int) Math.pow(20_000, r.nextDouble());
    long[] shingles = new long[n];
    for (int i = 0; i < n; i++) {
      shingles[i] =
          switch (r.nextInt(6)) {
            case 0 -> i > 0 ? shingles[r.nextInt(i)] : 0; // a duplicate
            case 1 -> new long[] {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE}[r.nextInt(5)];
            case 2 -> r.nextInt(100); // small values
            default -> r.nextLong();
          };
    }
    return new Input(numHashes, r.nextLong(), shingles);
  }

  @Test
  void signatureHasTheFixedLengthAndValuesInRange() {
    PropertyCheck.forAll(
        "signature length and range",
        SEED,
        500,
        MinHasherPropertiesTest::input,
        in -> {
          MinHasher h = new MinHasher(in.numHashes(), in.seed());
          long[] sig = h.signature(in.shingles());
          assertEquals(in.numHashes(), sig.length);
          long limit = 1L << (64 - Integer.numberOfTrailingZeros(in.numHashes()));
          for (long v : sig) {
            if (in.shingles().length == 0) {
              assertEquals(MinHasher.EMPTY, v);
            } else {
              assertTrue(v >= 0 && v < limit, "value " + v);
            }
          }
        });
  }

  @Test
  void signatureIsDeterministicAndDependsOnlyOnTheSet() {
    PropertyCheck.forAll(
        "signature of the set",
        SEED + 1,
        500,
        MinHasherPropertiesTest::input,
        in -> {
          long[] sig = new MinHasher(in.numHashes(), in.seed()).signature(in.shingles());
          assertArrayEquals(
              sig, new MinHasher(in.numHashes(), in.seed()).signature(in.shingles().clone()));
          // The same set in another order, without duplicates.
          long[] set = Arrays.stream(in.shingles()).distinct().toArray();
          SplittableRandom r = new SplittableRandom(in.seed());
          for (int i = set.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = set[i];
            set[i] = set[j];
            set[j] = t;
          }
          assertArrayEquals(sig, new MinHasher(in.numHashes(), in.seed()).signature(set));
        });
  }

  /**
   * The estimate's error on generated pairs of sets of known Jaccard J. One position of a signature
   * of k positions matches with probability J, so the estimate has a standard deviation of about
   * sqrt(J(1-J)/k) (one-permutation hashing with optimal densification stays close to k independent
   * permutations); the bound allows 4 of those plus 2/k for the rounding to multiples of 1/k and
   * the densified positions, which are not independent:
   *
   * <pre>|estimate - J| <= 4 * sqrt(J (1 - J) / k) + 2 / k</pre>
   *
   * <p>Tolerance: at most 1% of the pairs may break it (a normal variable leaves 4 standard
   * deviations with probability 6e-5), and the mean signed error must stay within 0.01 (no bias).
   * Sets have 15 (--minShingles: fewer is low-content and not matched by MinHash) to 5,000 elements
   * in their union; 600 pairs, k = 64, 128 or 256, fixed seed.
   */
  @Test
  void estimateErrorIsWithinItsBound() {
    SplittableRandom r = new SplittableRandom(SEED + 2);
    int pairs = 600;
    List<String> outside = new ArrayList<>();
    double signedErrorSum = 0;
    for (int p = 0; p < pairs; p++) {
      int k = 64 << r.nextInt(3);
      int union = 15 + (int) Math.pow(5_000 - 15, r.nextDouble());
      int common = (int) Math.round(r.nextDouble() * union);
      int onlyA = r.nextInt(union - common + 1);
      Set<Long> all = new LinkedHashSet<>();
      while (all.size() < union) {
        all.add(r.nextLong());
      }
      long[] elements = all.stream().mapToLong(Long::longValue).toArray();
      long[] a = Arrays.copyOfRange(elements, 0, common + onlyA);
      long[] b = new long[union - onlyA];
      System.arraycopy(elements, 0, b, 0, common);
      System.arraycopy(elements, common + onlyA, b, common, union - common - onlyA);
      double exact = (double) common / union;
      MinHasher h = new MinHasher(k, r.nextLong());
      double estimate = MinHasher.estimateJaccard(h.signature(a), h.signature(b));
      double bound = 4 * Math.sqrt(exact * (1 - exact) / k) + 2.0 / k;
      signedErrorSum += estimate - exact;
      if (Math.abs(estimate - exact) > bound) {
        outside.add(
            String.format(
                "k=%d |A|=%d |B|=%d J=%.4f estimate=%.4f bound=%.4f",
                k, a.length, b.length, exact, estimate, bound));
      }
    }
    System.out.println(
        "MinHash estimates outside the bound: "
            + outside.size()
            + " of "
            + pairs
            + ", mean signed error "
            + signedErrorSum / pairs
            + " "
            + outside);
    assertTrue(outside.size() <= pairs / 100, outside.toString());
    assertTrue(Math.abs(signedErrorSum / pairs) <= 0.01, "biased: " + signedErrorSum / pairs);
  }
}
