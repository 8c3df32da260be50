package io.newsdedup.core.shingle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.testing.Gen;
import io.newsdedup.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

/** Properties of {@link Shingler} on hostile strings, for k from 1 to 8, fixed seed. */
class ShinglerPropertiesTest {
  private static final long SEED = 4_2024_05_01L;
  private static final int TRIES = 1000;
  private static final Shingler[] SHINGLERS = new Shingler[9];

  static {
    for (int k = 1; k <= 8; k++) {
      SHINGLERS[k] = new Shingler(k);
    }
  }

  private static Shingler shingler(String s) {
    return SHINGLERS[1 + Math.floorMod(s.hashCode(), 8)];
  }

  @Test
  void neverThrowsAndGivesSortedDistinctHashes() {
    PropertyCheck.forAllStrings(
        "shingles sorted and distinct",
        SEED,
        TRIES,
        r -> Gen.string(r, 80),
        s -> {
          long[] h = shingler(s).shingles(s);
          for (int i = 1; i < h.length; i++) {
            assertTrue(h[i - 1] < h[i], "not strictly increasing at " + i);
          }
        });
  }

  @Test
  void isDeterministic() {
    PropertyCheck.forAllStrings(
        "shingles deterministic",
        SEED + 1,
        TRIES,
        r -> Gen.string(r, 80),
        s -> assertArrayEquals(shingler(s).shingles(s), shingler(s).shingles(new String(s))));
  }

  /** A token needs a letter or a decimal digit; at most one shingle per code point. */
  @Test
  void noShingleWithoutALetterOrDigit() {
    PropertyCheck.forAllStrings(
        "shingles exist iff a letter or digit does",
        SEED + 2,
        TRIES,
        r -> Gen.string(r, 20),
        s -> {
          long[] h = shingler(s).shingles(s);
          boolean wordy = s.codePoints().anyMatch(Character::isLetterOrDigit);
          assertEquals(wordy, h.length > 0);
          assertTrue(h.length <= s.codePointCount(0, s.length()));
        });
  }

  /** Separators only separate: which ones, and how many, does not matter. */
  @Test
  void separatorsAreInterchangeable() {
    PropertyCheck.forAllStrings(
        "spaces, line breaks and punctuation separate alike",
        SEED + 3,
        TRIES,
        r -> Gen.string(r, 60),
        s ->
            assertArrayEquals(
                shingler(s).shingles(s),
                shingler(s).shingles(s.replace(" ", " ,\n\t \u3000- ").replace("\n", " \r\n"))));
  }
}
