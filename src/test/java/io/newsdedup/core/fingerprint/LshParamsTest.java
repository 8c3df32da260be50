package io.newsdedup.core.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LshParamsTest {
  /**
   * threshold, bands, rows for 128 hashes and weights 0.5 / 0.5 (datasketch, 200-step midpoint).
   */
  private static final double[][] TABLE = {
    {0.3, 37, 3}, {0.4, 32, 4}, {0.5, 25, 5}, {0.6, 18, 7}, {0.7, 14, 9}, {0.8, 9, 13}
  };

  @Test
  void optimalMatchesDatasketch() {
    for (double[] row : TABLE) {
      LshParams expected = new LshParams((int) row[1], (int) row[2]);
      assertEquals(expected, LshParams.optimal(row[0], 128, 0.5, 0.5), "threshold " + row[0]);
      assertEquals(
          expected,
          LshParams.optimal(
              row[0],
              128,
              LshParams.DEFAULT_FALSE_POSITIVE_WEIGHT,
              LshParams.DEFAULT_FALSE_NEGATIVE_WEIGHT));
    }
  }

  @Test
  void optimalIsStableUnderFinerIntegration() {
    for (double[] row : TABLE) {
      LshParams expected = new LshParams((int) row[1], (int) row[2]);
      for (int steps : new int[] {200, 10_000}) {
        assertEquals(expected, LshParams.optimal(row[0], 128, 0.5, 0.5, steps), steps + " steps");
      }
    }
  }

  @Test
  void optimalRespectsTheBudgetAndTheWeights() {
    for (int numHashes : new int[] {1, 2, 7, 64, 256}) {
      for (double t = 0.05; t < 1; t += 0.1) {
        LshParams p = LshParams.optimal(t, numHashes, 0.5, 0.5);
        assertTrue(p.bands() * p.rows() <= numHashes, p + " for " + numHashes);
      }
    }
    assertEquals(new LshParams(1, 1), LshParams.optimal(0.5, 1, 0.5, 0.5));
    // Only false negatives count: as many single-row bands as possible.
    assertEquals(new LshParams(128, 1), LshParams.optimal(0.5, 128, 0, 1));
    // Only false positives count: a single band.
    assertEquals(1, LshParams.optimal(0.5, 128, 1, 0).bands());
    // Weighting false negatives more makes pairs at the threshold likelier candidates.
    LshParams balanced = LshParams.optimal(0.5, 128, 0.5, 0.5);
    LshParams recall = LshParams.optimal(0.5, 128, 0.2, 0.8);
    assertTrue(recall.candidateProbability(0.5) > balanced.candidateProbability(0.5));
  }

  @Test
  void optimalValidatesArguments() {
    for (double t : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      assertThrows(IllegalArgumentException.class, () -> LshParams.optimal(t, 128, 0.5, 0.5));
    }
    assertThrows(IllegalArgumentException.class, () -> LshParams.optimal(0.5, 0, 0.5, 0.5));
    assertThrows(IllegalArgumentException.class, () -> LshParams.optimal(0.5, 128, -0.1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> LshParams.optimal(0.5, 128, 0.5, -1));
    assertThrows(IllegalArgumentException.class, () -> LshParams.optimal(0.5, 128, 0, 0));
    assertThrows(
        IllegalArgumentException.class, () -> LshParams.optimal(0.5, 128, Double.NaN, 0.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> LshParams.optimal(0.5, 128, Double.POSITIVE_INFINITY, 0.5));
  }

  @Test
  void constructorValidates() {
    assertThrows(IllegalArgumentException.class, () -> new LshParams(0, 5));
    assertThrows(IllegalArgumentException.class, () -> new LshParams(5, 0));
    assertThrows(IllegalArgumentException.class, () -> new LshParams(-1, -1));
  }

  @Test
  void candidateProbabilityIsTheSCurve() {
    LshParams p = new LshParams(25, 5);
    assertEquals(0.0, p.candidateProbability(0));
    assertEquals(1.0, p.candidateProbability(1));
    assertEquals(1 - Math.pow(1 - 1.0 / 32, 25), p.candidateProbability(0.5), 1e-15);
    for (LshParams q : new LshParams[] {p, new LshParams(9, 13), new LshParams(1, 1)}) {
      double previous = -1;
      for (int i = 0; i <= 1000; i++) {
        double s = i / 1000.0;
        double c = q.candidateProbability(s);
        assertTrue(c >= previous && c >= 0 && c <= 1, q + " at " + s);
        previous = c;
      }
    }
    // Steeper with more rows: (9, 13) rejects 0.5 and accepts 0.9 more sharply than (25, 5).
    LshParams steep = new LshParams(9, 13);
    assertTrue(steep.candidateProbability(0.5) < p.candidateProbability(0.5));
    assertTrue(steep.candidateProbability(0.9) > 0.9);
    assertThrows(IllegalArgumentException.class, () -> p.candidateProbability(-0.01));
    assertThrows(IllegalArgumentException.class, () -> p.candidateProbability(1.01));
    assertThrows(IllegalArgumentException.class, () -> p.candidateProbability(Double.NaN));
  }

  @Test
  void bandKeysAreDeterministic() {
    long[] signature = new long[128];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = i * 1000003L;
    }
    long[] keys = new LshParams(25, 5).bandKeys(signature);
    assertEquals(25, keys.length);
    // Hard-coded on purpose: a change here changes every LSH bucket.
    assertArrayEquals(
        new long[] {-7027980456017035851L, 537531941120664181L, 7904319768149942663L},
        Arrays.copyOf(keys, 3));
    assertEquals(1142693244, Arrays.hashCode(keys));
    assertArrayEquals(keys, new LshParams(25, 5).bandKeys(signature.clone()));
  }

  @Test
  void equalValuesInDifferentBandsGiveDifferentKeys() {
    for (LshParams p : new LshParams[] {new LshParams(128, 1), new LshParams(25, 5)}) {
      long[] same = new long[128];
      Arrays.fill(same, 7);
      Set<Long> keys = new HashSet<>();
      for (long key : p.bandKeys(same)) {
        keys.add(key);
      }
      assertEquals(p.bands(), keys.size(), p.toString());
    }
    // A band that holds its neighbour's values does not share its key.
    long[] shifted = new long[10];
    for (int i = 0; i < 10; i++) {
      shifted[i] = i % 5;
    }
    long[] keys = new LshParams(2, 5).bandKeys(shifted);
    assertNotEquals(keys[0], keys[1]);
  }

  @Test
  void keyDependsOnlyOnItsOwnBand() {
    SplittableRandom random = new SplittableRandom(1);
    LshParams p = new LshParams(9, 13);
    long[] a = random.longs(128).toArray();
    long[] b = a.clone();
    b[3 * 13 + 4] ^= 1; // inside band 3
    b[127] ^= 1; // beyond 9 * 13 = 117: not used
    long[] keysA = p.bandKeys(a);
    long[] keysB = p.bandKeys(b);
    for (int band = 0; band < 9; band++) {
      if (band == 3) {
        assertNotEquals(keysA[band], keysB[band]);
      } else {
        assertEquals(keysA[band], keysB[band]);
      }
    }
    // Swapping two rows within a band changes it: rows are ordered.
    long[] c = a.clone();
    c[0] = a[1];
    c[1] = a[0];
    assertNotEquals(keysA[0], p.bandKeys(c)[0]);
  }

  @Test
  void bandKeysValidateTheSignatureLength() {
    assertThrows(
        IllegalArgumentException.class, () -> new LshParams(9, 13).bandKeys(new long[116]));
    assertEquals(9, new LshParams(9, 13).bandKeys(new long[117]).length);
    assertThrows(
        IllegalArgumentException.class,
        () -> new LshParams(Integer.MAX_VALUE, 2).bandKeys(new long[128]));
    assertThrows(NullPointerException.class, () -> new LshParams(9, 13).bandKeys(null));
  }
}
