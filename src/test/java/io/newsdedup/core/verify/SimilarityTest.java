package io.newsdedup.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.verify.MatchRule.Mode;
import org.junit.jupiter.api.Test;

class SimilarityTest {

  @Test
  void exactJaccardAndContainmentOfSortedSets() {
    long[] a = {1, 2, 3, 4, 5, 6, 7, 8};
    long[] b = {5, 6, 7, 8, 9, 10};
    Similarity s = Similarity.exact(a, b);
    assertEquals(4.0 / 10, s.jaccard(), 1e-12);
    assertEquals(4.0 / 6, s.containment(), 1e-12);
  }

  @Test
  void aTruncatedCopyIsFullyContained() {
    long[] original = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    long[] firstHalf = {1, 2, 3, 4, 5};
    Similarity s = Similarity.exact(original, firstHalf);
    assertEquals(0.5, s.jaccard(), 1e-12);
    assertEquals(1.0, s.containment(), 1e-12);
    assertEquals(s, Similarity.exact(firstHalf, original));
  }

  @Test
  void emptyAndDisjointSetsAreNotSimilar() {
    assertEquals(new Similarity(0, 0), Similarity.exact(new long[0], new long[] {1}));
    assertEquals(new Similarity(0, 0), Similarity.exact(new long[] {1, 3}, new long[] {2, 4}));
    assertEquals(Similarity.IDENTICAL, Similarity.exact(new long[] {-5, 3}, new long[] {-5, 3}));
  }

  @Test
  void containmentFromAnEstimatedJaccardMatchesTheExactValue() {
    // |A| = 100, |B| = 50, B inside A: J = 0.5, containment 1.
    Similarity s = Similarity.fromJaccard(0.5, 100, 50);
    assertEquals(1.0, s.containment(), 1e-12);
    // |A| = |B| = 100 with 60 in common: J = 60/140.
    Similarity t = Similarity.fromJaccard(60.0 / 140, 100, 100);
    assertEquals(0.6, t.containment(), 1e-12);
  }

  @Test
  void roundingIsToFourDecimals() {
    assertEquals(0.6667, Similarity.round(2.0 / 3));
    assertEquals(1.0, Similarity.round(0.99999));
  }

  @Test
  void ruleModesAndMinimumSize() {
    MatchRule either = new MatchRule(Mode.JACCARD_OR_CONTAINMENT, 0.5, 0.8, 15);
    Similarity truncated = new Similarity(0.3, 0.95);
    assertTrue(either.accepts(truncated, 100, 30));
    assertFalse(either.accepts(truncated, 100, 10), "too short for the containment rule");
    assertFalse(new MatchRule(Mode.JACCARD, 0.5, 0.8, 15).accepts(truncated, 100, 30));
    assertTrue(new MatchRule(Mode.CONTAINMENT, 0.5, 0.8, 15).accepts(truncated, 100, 30));
    Similarity nearDup = new Similarity(0.62, 0.7);
    assertTrue(either.accepts(nearDup, 100, 100));
    assertFalse(new MatchRule(Mode.CONTAINMENT, 0.5, 0.8, 15).accepts(nearDup, 100, 100));
  }

  @Test
  void marginLowersBothThresholds() {
    MatchRule rule = MatchRule.defaults();
    Similarity s = new Similarity(0.47, 0.77);
    assertFalse(rule.accepts(s, 100, 100));
    assertTrue(rule.accepts(s, 100, 100, 0.05));
  }

  @Test
  void invalidThresholdsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new MatchRule(Mode.JACCARD, 0, 0.8, 15));
    assertThrows(IllegalArgumentException.class, () -> new MatchRule(Mode.JACCARD, 0.5, 1.2, 15));
    assertThrows(IllegalArgumentException.class, () -> new MatchRule(Mode.JACCARD, 0.5, 0.8, 0));
    assertThrows(IllegalArgumentException.class, () -> new MatchRule(null, 0.5, 0.8, 1));
  }
}
