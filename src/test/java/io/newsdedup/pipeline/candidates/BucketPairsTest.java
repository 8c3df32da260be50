package io.newsdedup.pipeline.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.cluster.UnionFind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    BucketPairs.pairs(ids, 50, 4, (a, b) -> {
      count[0]++;
      assertTrue(a.compareTo(b) < 0);
      uf.union(a, b);
    });
    assertTrue(count[0] < 50_000, "pairs: " + count[0]);
    assertEquals(Set.of("d00000"), new HashSet<>(uf.roots().values()));
    assertEquals(10_000, uf.roots().size());
  }
}
