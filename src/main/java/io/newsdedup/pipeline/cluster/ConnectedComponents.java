package io.newsdedup.pipeline.cluster;

import io.newsdedup.core.cluster.UnionFind;
import io.newsdedup.pipeline.shard.Shards;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Connected components of an undirected graph given as edges, without collecting the edges on one
 * worker: alternating Large-Star and Small-Star rounds (Kiveris et al., "Connected Components in
 * MapReduce and Beyond", SoCC 2014), unrolled {@code rounds} times. Each round shrinks the graph
 * towards stars around each component's smallest node; a few rounds converge in practice. Then each
 * node takes the smallest node of its neighbourhood as its label. Edges whose two ends still have
 * different labels — none once converged, and always few compared to the input — are the only thing
 * gathered on one worker: a union-find over those label pairs makes the result exact whatever the
 * graph. Groupings are by shard of the node ({@link Shards}).
 *
 * <p>Output: (node, label) for every node that has an edge; the label is the smallest node id of
 * its component.
 */
public final class ConnectedComponents
    extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {

  public static final String NAMESPACE = "components";
  public static final int DEFAULT_ROUNDS = 4;

  private static final TupleTag<KV<String, String>> LABELS = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, KV<String, String>>> NEIGHBOUR_LABELS =
      new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> OWN = new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> SEEN = new TupleTag<>() {};

  private final int rounds;
  private final int shards;

  private ConnectedComponents(int rounds, int shards) {
    this.rounds = rounds;
    this.shards = shards;
  }

  public static ConnectedComponents create() {
    return new ConnectedComponents(DEFAULT_ROUNDS, Shards.DEFAULT);
  }

  public ConnectedComponents withRounds(int rounds) {
    return new ConnectedComponents(rounds, shards);
  }

  public ConnectedComponents withShards(int n) {
    return new ConnectedComponents(rounds, n);
  }

  private static KvCoder<String, String> edgeCoder() {
    return KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
  }

  private static KvCoder<Integer, KV<String, String>> shardedCoder() {
    return KvCoder.of(VarIntCoder.of(), edgeCoder());
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be >= 0");
    }
    Shards.check(shards);
    PCollection<KV<String, String>> e = edges;
    for (int i = 1; i <= rounds; i++) {
      e =
          e.apply("LargeStar" + i, new Star(true, shards))
              .apply("SmallStar" + i, new Star(false, shards));
    }
    return e.apply("Labels", new Labels(shards));
  }

  /**
   * (node, label) from the edges left after the star rounds: each node's smallest neighbour (or
   * itself), corrected by a union-find over the label pairs of edges whose ends disagree.
   */
  static final class Labels
      extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
    private final int shards;

    Labels(int shards) {
      this.shards = shards;
    }

    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
      PCollectionTuple labelled =
          edges
              .apply("BothWays", ParDo.of(new KeyFn(shards, true)))
              .setCoder(shardedCoder())
              .apply("ByNode", GroupByKey.create())
              .apply(
                  "Label",
                  ParDo.of(new LabelFn(shards))
                      .withOutputTags(LABELS, TupleTagList.of(NEIGHBOUR_LABELS)));
      PCollection<KV<String, String>> labels = labelled.get(LABELS).setCoder(edgeCoder());
      PCollectionView<Map<String, String>> merged =
          KeyedPCollectionTuple.of(
                  OWN,
                  labels
                      .apply("ByShard", ParDo.of(new KeyFn(shards, false)))
                      .setCoder(shardedCoder()))
              .and(SEEN, labelled.get(NEIGHBOUR_LABELS).setCoder(shardedCoder()))
              .apply("CompareLabels", CoGroupByKey.create())
              .apply("Unconverged", ParDo.of(new UnconvergedFn()))
              .setCoder(shardedCoder())
              .apply("Together", GroupByKey.create())
              .apply("UnionFind", ParDo.of(new UnionFindFn()))
              .setCoder(edgeCoder())
              .apply(View.asMap());
      return labels
          .apply("FinalLabel", ParDo.of(new ResolveFn(merged)).withSideInputs(merged))
          .setCoder(edgeCoder());
    }
  }

  /** (shard of u, (u, v)); with {@code bothWays} also (shard of v, (v, u)). */
  static final class KeyFn extends DoFn<KV<String, String>, KV<Integer, KV<String, String>>> {
    private final int shards;
    private final boolean bothWays;

    KeyFn(int shards, boolean bothWays) {
      this.shards = shards;
      this.bothWays = bothWays;
    }

    @ProcessElement
    public void process(
        @Element KV<String, String> e, OutputReceiver<KV<Integer, KV<String, String>>> out) {
      out.output(KV.of(Shards.of(e.getKey(), shards), e));
      if (bothWays) {
        out.output(KV.of(Shards.of(e.getValue(), shards), KV.of(e.getValue(), e.getKey())));
      }
    }
  }

  /** Neighbour sets of the nodes of one shard. */
  static Map<String, TreeSet<String>> adjacency(Iterable<KV<String, String>> edges) {
    Map<String, TreeSet<String>> adj = new HashMap<>();
    for (KV<String, String> e : edges) {
      if (!e.getKey().equals(e.getValue())) {
        adj.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue());
      }
    }
    return adj;
  }

  /**
   * One Large-Star step (connect every strictly larger neighbour of a node to the smallest node of
   * its neighbourhood) or Small-Star step (connect the node and its smaller neighbours to the
   * smallest of them).
   */
  static final class Star
      extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
    private final boolean large;
    private final int shards;

    Star(boolean large, int shards) {
      this.large = large;
      this.shards = shards;
    }

    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
      return edges
          .apply("Key", ParDo.of(large ? new KeyFn(shards, true) : new ToLargerFn(shards)))
          .setCoder(shardedCoder())
          .apply("Group", GroupByKey.create())
          .apply("Connect", ParDo.of(new StarFn(large)))
          .setCoder(edgeCoder());
    }
  }

  /** (shard of the larger end, (larger, smaller)). */
  static final class ToLargerFn extends DoFn<KV<String, String>, KV<Integer, KV<String, String>>> {
    private final int shards;

    ToLargerFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<String, String> e, OutputReceiver<KV<Integer, KV<String, String>>> out) {
      boolean keyLarger = e.getKey().compareTo(e.getValue()) >= 0;
      KV<String, String> larger = keyLarger ? e : KV.of(e.getValue(), e.getKey());
      out.output(KV.of(Shards.of(larger.getKey(), shards), larger));
    }
  }

  static final class StarFn
      extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    private final boolean large;

    StarFn(boolean large) {
      this.large = large;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, String>>> shard,
        OutputReceiver<KV<String, String>> out) {
      for (Map.Entry<String, TreeSet<String>> node : adjacency(shard.getValue()).entrySet()) {
        String u = node.getKey();
        Set<String> neighbours = node.getValue();
        String first = node.getValue().first();
        String min = first.compareTo(u) < 0 ? first : u;
        if (large) {
          for (String v : neighbours) {
            if (v.compareTo(u) > 0) {
              out.output(KV.of(v, min));
            }
          }
        } else {
          // Here every neighbour is smaller than u.
          if (!u.equals(min)) {
            out.output(KV.of(u, min));
          }
          for (String v : neighbours) {
            if (!v.equals(min)) {
              out.output(KV.of(v, min));
            }
          }
        }
      }
    }
  }

  /** Label = smallest of the node and its neighbours; also tells each neighbour that label. */
  static final class LabelFn
      extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    private final int shards;

    LabelFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, String>>> shard, MultiOutputReceiver out) {
      for (Map.Entry<String, TreeSet<String>> node : adjacency(shard.getValue()).entrySet()) {
        String u = node.getKey();
        String first = node.getValue().first();
        String label = first.compareTo(u) < 0 ? first : u;
        out.get(LABELS).output(KV.of(u, label));
        for (String v : node.getValue()) {
          out.get(NEIGHBOUR_LABELS).output(KV.of(Shards.of(v, shards), KV.of(v, label)));
        }
      }
    }
  }

  /** Pairs of different labels at the two ends of an edge, all under one key. */
  static final class UnconvergedFn
      extends DoFn<KV<Integer, CoGbkResult>, KV<Integer, KV<String, String>>> {
    private final Counter unconverged = Metrics.counter(NAMESPACE, "unconverged_edges");

    @ProcessElement
    public void process(
        @Element KV<Integer, CoGbkResult> shard,
        OutputReceiver<KV<Integer, KV<String, String>>> out) {
      Map<String, String> own = new HashMap<>();
      for (KV<String, String> l : shard.getValue().getAll(OWN)) {
        own.put(l.getKey(), l.getValue());
      }
      for (KV<String, String> seen : shard.getValue().getAll(SEEN)) {
        String mine = own.get(seen.getKey());
        String theirs = seen.getValue();
        if (mine != null && !mine.equals(theirs)) {
          unconverged.inc();
          out.output(KV.of(0, KV.of(mine, theirs)));
        }
      }
    }
  }

  static final class UnionFindFn
      extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, String>>> all,
        OutputReceiver<KV<String, String>> out) {
      UnionFind uf = new UnionFind();
      for (KV<String, String> pair : all.getValue()) {
        uf.union(pair.getKey(), pair.getValue());
      }
      uf.roots()
          .forEach(
              (node, root) -> {
                if (!node.equals(root)) {
                  out.output(KV.of(node, root));
                }
              });
    }
  }

  static final class ResolveFn extends DoFn<KV<String, String>, KV<String, String>> {
    private final PCollectionView<Map<String, String>> residual;
    private transient Map<String, String> roots;

    ResolveFn(PCollectionView<Map<String, String>> residual) {
      this.residual = residual;
    }

    @ProcessElement
    public void process(
        @Element KV<String, String> nodeLabel,
        OutputReceiver<KV<String, String>> out,
        ProcessContext c) {
      if (roots == null) {
        roots = c.sideInput(residual); // batch, global window: one map for all elements
      }
      String root = roots.get(nodeLabel.getValue());
      out.output(KV.of(nodeLabel.getKey(), root == null ? nodeLabel.getValue() : root));
    }
  }
}
