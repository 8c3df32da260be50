package io.newsdedup.pipeline.candidates;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Candidate pairs from one LSH bucket without quadratic blow-up. A bucket of at most {@code
 * fullPairsUpTo} members yields all its pairs. A larger ("hot") bucket yields, over its members in
 * id order, a star from the first member to every other plus each member to its next {@code
 * neighbours} members: about (1 + neighbours) pairs per member, so 10,000 identical articles give
 * about 50,000 pairs instead of 50 million, and every member is still connected. Because the order
 * is by id, every band's bucket of the same near-identical group yields the same pairs.
 */
public final class BucketPairs {
  private BucketPairs() {}

  /** @param sortedIds distinct ids in ascending order */
  public static void pairs(
      List<String> sortedIds, int fullPairsUpTo, int neighbours, BiConsumer<String, String> out) {
    int n = sortedIds.size();
    if (n <= fullPairsUpTo) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          out.accept(sortedIds.get(i), sortedIds.get(j));
        }
      }
      return;
    }
    String first = sortedIds.get(0);
    for (int j = 1; j < n; j++) {
      out.accept(first, sortedIds.get(j));
    }
    for (int i = 1; i < n; i++) {
      for (int j = i + 1; j <= Math.min(n - 1, i + neighbours); j++) {
        out.accept(sortedIds.get(i), sortedIds.get(j));
      }
    }
  }
}
