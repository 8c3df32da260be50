package io.newsdedup.pipeline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.testing.TestPipelines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectedComponentsTest {

  private static PCollection<KV<String, String>> components(
      TestPipeline p, List<KV<String, String>> edges, int rounds) {
    return p.apply(
            Create.of(edges).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(ConnectedComponents.create().withRounds(rounds));
  }

  private static String node(int i) {
    return String.format("n%03d", i);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void aChainOfFiftyIsOneComponentWhateverTheRounds(int rounds) {
    TestPipeline p = TestPipelines.create();
    List<KV<String, String>> edges = new ArrayList<>();
    // A chain in scrambled order: n017-n042, n042-n003, ...
    List<Integer> order = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 50; i++) {
      order.add(i);
    }
    for (int i = order.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      order.set(i, order.set(j, order.get(i)));
    }
    for (int i = 0; i + 1 < order.size(); i++) {
      edges.add(KV.of(node(order.get(i)), node(order.get(i + 1))));
    }
    List<KV<String, String>> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add(KV.of(node(i), node(0)));
    }
    PAssert.that(components(p, edges, rounds)).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  @Test
  void separateComponentsKeepTheirSmallestNode() {
    TestPipeline p = TestPipelines.create();
    List<KV<String, String>> edges =
        List.of(
            KV.of("b", "c"), KV.of("c", "d"), KV.of("x", "y"), KV.of("z", "y"), KV.of("a", "e"));
    PAssert.that(components(p, edges, 2))
        .containsInAnyOrder(
            KV.of("a", "a"),
            KV.of("e", "a"),
            KV.of("b", "b"),
            KV.of("c", "b"),
            KV.of("d", "b"),
            KV.of("x", "x"),
            KV.of("y", "x"),
            KV.of("z", "x"));
    p.run().waitUntilFinish();
  }

  @Test
  void randomGraphMatchesUnionFind() {
    SplittableRandom r = new SplittableRandom(11);
    List<KV<String, String>> edges = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int a = r.nextInt(400);
      int b = r.nextInt(400);
      if (a != b) {
        edges.add(KV.of(node(a), node(b)));
      }
    }
    io.newsdedup.core.cluster.UnionFind uf = new io.newsdedup.core.cluster.UnionFind();
    edges.forEach(e -> uf.union(e.getKey(), e.getValue()));
    Map<String, String> roots = new HashMap<>(uf.roots());
    for (KV<String, String> e : edges) {
      roots.putIfAbsent(e.getKey(), e.getKey());
      roots.putIfAbsent(e.getValue(), e.getValue());
    }
    List<KV<String, String>> expected = new ArrayList<>();
    roots.forEach((n, root) -> expected.add(KV.of(n, root)));
    assertEquals(roots.size(), expected.size());
    TestPipeline p = TestPipelines.create();
    PAssert.that(components(p, edges, 1)).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }
}
