package io.newsdedup.core.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.cluster.UnionFind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BucketPairsTest {

  private static List<String> ids(int n) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(String.format("d%05d", i));
    }
    return l;
  }

  @Test
  void smallBucketsGiveAllPairs() {
    Set<String> pairs = new HashSet<>();
    BucketPairs.pairs(ids(5), 50, 4, (a, b) -> pairs.add(a + "-" + b));
    assertEquals(10, pairs.size());
    assertTrue(pairs.contains("d00003-d00004"));
  }

  @Test
  void aHotBucketOfTenThousandIsLinearAndConnected() {
    List<String> ids = ids(10_000);
    long[] count = {0};
    UnionFind uf = new UnionFind();
    BucketPairs.pairs(
        ids,
        50,
        4,
        (a, b) -> {
          count[0]++;
          assertTrue(a.compareTo(b) < 0);
          uf.union(a, b);
        });
    assertTrue(count[0] < 50_000, "pairs: " + count[0]);
    assertEquals(Set.of("d00000"), new HashSet<>(uf.roots().values()));
    assertEquals(10_000, uf.roots().size());
  }

  /** partners(i) is exactly the set of ids paired with member i by pairs(), hot or not. */
  @Test
  void partnersOfOneMemberAreItsPairs() {
    for (int n : new int[] {1, 2, 5, 6, 7, 12, 40}) {
      for (int full : new int[] {2, 5, 50}) {
        for (int neighbours : new int[] {1, 2, 4}) {
          List<String> ids = ids(n);
          Map<String, Set<String>> expected = new HashMap<>();
          BucketPairs.pairs(
              ids,
              full,
              neighbours,
              (a, b) -> {
                expected.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                expected.computeIfAbsent(b, k -> new HashSet<>()).add(a);
              });
          for (int i = 0; i < n; i++) {
            Set<String> actual = new HashSet<>();
            List<String> calls = new ArrayList<>();
            BucketPairs.partners(ids, i, full, neighbours, calls::add);
            actual.addAll(calls);
            assertEquals(calls.size(), actual.size(), "each partner once");
            assertEquals(
                expected.getOrDefault(ids.get(i), Set.of()),
                actual,
                "n=" + n + " full=" + full + " neighbours=" + neighbours + " i=" + i);
          }
        }
      }
    }
  }
}
