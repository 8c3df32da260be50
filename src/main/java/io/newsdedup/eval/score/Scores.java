package io.newsdedup.eval.score;

import java.util.HashMap;
import java.util.Map;

/**
 * Pair-counting scores of a predicted clustering against the true one, from their contingency table
 * (no pair is enumerated, so a million articles are fine).
 *
 * @param articles articles scored
 * @param truePairs pairs in the same true cluster
 * @param predictedPairs pairs in the same predicted cluster
 * @param correctPairs pairs in the same cluster in both
 * @param adjustedRand adjusted Rand index (Hubert and Arabie 1985)
 */
public record Scores(
    long articles, long truePairs, long predictedPairs, long correctPairs, double adjustedRand) {

  public double precision() {
    return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
  }

  public double recall() {
    return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * @param truth article → true cluster
   * @param predicted article → predicted cluster (articles missing here count as singletons)
   */
  public static Scores of(Map<String, String> truth, Map<String, String> predicted) {
    Map<String, Long> trueSizes = new HashMap<>();
    Map<String, Long> predictedSizes = new HashMap<>();
    Map<String, Long> cells = new HashMap<>();
    for (Map.Entry<String, String> e : truth.entrySet()) {
      String t = e.getValue();
      String p = predicted.getOrDefault(e.getKey(), "\u0000unassigned:" + e.getKey());
      trueSizes.merge(t, 1L, Long::sum);
      predictedSizes.merge(p, 1L, Long::sum);
      cells.merge(t + "\u0000" + p, 1L, Long::sum);
    }
    long n = truth.size();
    long sumCells = cells.values().stream().mapToLong(Scores::pairs).sum();
    long sumTrue = trueSizes.values().stream().mapToLong(Scores::pairs).sum();
    long sumPredicted = predictedSizes.values().stream().mapToLong(Scores::pairs).sum();
    double total = pairs(n);
    double expected = total == 0 ? 0 : (double) sumTrue * sumPredicted / total;
    double max = (sumTrue + sumPredicted) / 2.0;
    double ari = max == expected ? 1.0 : (sumCells - expected) / (max - expected);
    return new Scores(n, sumTrue, sumPredicted, sumCells, ari);
  }

  static long pairs(long n) {
    return n * (n - 1) / 2;
  }
}
