package io.newsdedup.core.candidates;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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

  /**
   * @param sortedIds distinct ids in ascending order
   */
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

  /**
   * The partners of one member in the pairs {@link #pairs} yields for the same bucket: every other
   * member of a bucket of at most {@code fullPairsUpTo}; in a hot bucket the first member's
   * partners are all others, any other member's the first plus its {@code neighbours} nearest
   * members on either side. Costs O(partners), not O(pairs): the stream job asks it for one new
   * article.
   *
   * @param sortedIds distinct ids in ascending order
   * @param index the member's position in {@code sortedIds}
   */
  public static void partners(
      List<String> sortedIds, int index, int fullPairsUpTo, int neighbours, Consumer<String> out) {
    int n = sortedIds.size();
    if (n <= fullPairsUpTo || index == 0) {
      for (int j = 0; j < n; j++) {
        if (j != index) {
          out.accept(sortedIds.get(j));
        }
      }
      return;
    }
    out.accept(sortedIds.get(0));
    for (int j = Math.max(1, index - neighbours); j <= Math.min(n - 1, index + neighbours); j++) {
      if (j != index) {
        out.accept(sortedIds.get(j));
      }
    }
  }
}
