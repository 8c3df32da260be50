package io.newsdedup.eval.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoresTest {

  @Test
  void perfectClusteringScoresOne() {
    Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "2", "d", "3");
    Scores s = Scores.of(truth, Map.of("a", "x", "b", "x", "c", "y", "d", "z"));
    assertEquals(1.0, s.precision());
    assertEquals(1.0, s.recall());
    assertEquals(1.0, s.f1());
    assertEquals(1.0, s.adjustedRand(), 1e-12);
  }

  @Test
  void knownValues() {
    // truth {a,b,c} {d,e}; predicted {a,b} {c,d,e}: true pairs ab ac bc de = 4, predicted ab cd ce
    // de = 4, correct ab de = 2.
    Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "1", "d", "2", "e", "2");
    Map<String, String> predicted = Map.of("a", "x", "b", "x", "c", "y", "d", "y", "e", "y");
    Scores s = Scores.of(truth, predicted);
    assertEquals(4, s.truePairs());
    assertEquals(4, s.predictedPairs());
    assertEquals(2, s.correctPairs());
    assertEquals(0.5, s.precision());
    assertEquals(0.5, s.recall());
    // ARI: index 2, expected 4*4/10 = 1.6, max 4: (2 - 1.6) / (4 - 1.6) = 1/6.
    assertEquals(1.0 / 6, s.adjustedRand(), 1e-12);
  }

  @Test
  void unassignedArticlesAreSingletons() {
    Map<String, String> truth = Map.of("a", "1", "b", "1");
    Scores s = Scores.of(truth, Map.of("a", "x"));
    assertEquals(0, s.correctPairs());
    assertEquals(0.0, s.recall());
    assertEquals(1.0, s.precision());
  }
}
