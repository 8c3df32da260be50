package io.newsdedup.pipeline.cluster;

import io.newsdedup.core.cluster.UnionFind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Connected components of an undirected graph given as edges, without collecting the edges on one
 * worker: alternating Large-Star and Small-Star rounds (Kiveris et al., "Connected Components in
 * MapReduce and Beyond", SoCC 2014), unrolled {@code rounds} times. Each round shrinks the graph
 * towards stars around each component's smallest node; in practice a few rounds converge. What is
 * left unconverged after the last round — edges between two different labels — is usually empty and
 * always tiny compared to the input; those label pairs alone are joined with a union-find on one
 * worker, which makes the result exact whatever the graph.
 *
 * <p>Output: (node, label) for every node that has an edge; the label is the smallest node id of
 * its component.
 */
public final class ConnectedComponents
    extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {

  public static final String NAMESPACE = "components";
  public static final int DEFAULT_ROUNDS = 4;

  private static final TupleTag<String> NEIGHBOURS = new TupleTag<>() {};
  private static final TupleTag<String> LABEL = new TupleTag<>() {};

  private final int rounds;

  private ConnectedComponents(int rounds) {
    this.rounds = rounds;
  }

  public static ConnectedComponents create() {
    return new ConnectedComponents(DEFAULT_ROUNDS);
  }

  public ConnectedComponents withRounds(int rounds) {
    return new ConnectedComponents(rounds);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be >= 0");
    }
    PCollection<KV<String, String>> e = edges;
    for (int i = 1; i <= rounds; i++) {
      e = e.apply("LargeStar" + i, new Star(true)).apply("SmallStar" + i, new Star(false));
    }
    PCollection<KV<String, String>> labels =
        e.apply("BothDirections", bothDirections())
            .apply("ByNode", GroupByKey.create())
            .apply("MinNeighbour", ParDo.of(new MinLabelFn()))
            .setCoder(kvCoder());
    PCollectionView<Map<String, String>> residual =
        KeyedPCollectionTuple.of(NEIGHBOURS, e)
            .and(LABEL, labels)
            .apply("LabelOfFirst", CoGroupByKey.create())
            .apply("EdgeLabels", ParDo.of(new FirstLabelFn()))
            .setCoder(kvCoder())
            .apply("WithSecondLabel", new JoinSecondLabel(labels))
            .apply("ResidualLabels", GroupByKey.create())
            .apply("UnionFind", ParDo.of(new ResidualUnionFindFn()))
            .setCoder(kvCoder())
            .apply(View.asMap());
    return labels
        .apply("FinalLabel", ParDo.of(new ResolveFn(residual)).withSideInputs(residual))
        .setCoder(kvCoder());
  }

  private static KvCoder<String, String> kvCoder() {
    return KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
  }

  private static FlatMapElements<KV<String, String>, KV<String, String>> bothDirections() {
    return FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
        .via((KV<String, String> kv) -> List.of(kv, KV.of(kv.getValue(), kv.getKey())));
  }

  /**
   * One Large-Star (connect every strictly larger neighbour of a node to the smallest node of its
   * neighbourhood) or Small-Star (connect the node and its smaller neighbours to the smallest of
   * them) step.
   */
  static final class Star
      extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
    private final boolean large;

    Star(boolean large) {
      this.large = large;
    }

    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
      PCollection<KV<String, String>> keyed =
          large
              ? edges.apply("BothDirections", bothDirections())
              : edges.apply("ToLarger", MapElements
                  .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                  .via((KV<String, String> kv) -> kv.getKey().compareTo(kv.getValue()) >= 0
                      ? kv : KV.of(kv.getValue(), kv.getKey())));
      return keyed
          .apply("Group", GroupByKey.create())
          .apply("Connect", ParDo.of(new StarFn(large)))
          .setCoder(kvCoder())
          .apply("Distinct", Distinct.create());
    }
  }

  static final class StarFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private final boolean large;

    StarFn(boolean large) {
      this.large = large;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<String>> e, OutputReceiver<KV<String, String>> out) {
      String u = e.getKey();
      List<String> neighbours = new ArrayList<>();
      String min = u;
      for (String v : e.getValue()) {
        neighbours.add(v);
        if (v.compareTo(min) < 0) {
          min = v;
        }
      }
      if (large) {
        for (String v : neighbours) {
          if (v.compareTo(u) > 0) {
            out.output(KV.of(v, min));
          }
        }
      } else {
        // Neighbours here are all smaller than (or equal to) u.
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

  /** (node, smallest of node and its neighbours). */
  static final class MinLabelFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<String>> e, OutputReceiver<KV<String, String>> out) {
      String min = e.getKey();
      for (String v : e.getValue()) {
        if (v.compareTo(min) < 0) {
          min = v;
        }
      }
      out.output(KV.of(e.getKey(), min));
    }
  }

  /** For each edge (u, v): (v, label of u). */
  static final class FirstLabelFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, String>> out) {
      String label = e.getValue().getOnly(LABEL, e.getKey());
      for (String v : e.getValue().getAll(NEIGHBOURS)) {
        out.output(KV.of(v, label));
      }
    }
  }

  /** (label of u, label of v) for the edges whose two ends have different labels. */
  static final class JoinSecondLabel
      extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
    private final PCollection<KV<String, String>> labels;

    JoinSecondLabel(PCollection<KV<String, String>> labels) {
      this.labels = labels;
    }

    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> vAndLabelOfU) {
      return KeyedPCollectionTuple.of(NEIGHBOURS, vAndLabelOfU)
          .and(LABEL, labels)
          .apply(CoGroupByKey.create())
          .apply(ParDo.of(new DifferentLabelsFn()))
          .setCoder(kvCoder());
    }
  }

  static final class DifferentLabelsFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final Counter residual = Metrics.counter(NAMESPACE, "unconverged_edges");

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, String>> out) {
      String labelOfV = e.getValue().getOnly(LABEL, e.getKey());
      for (String labelOfU : e.getValue().getAll(NEIGHBOURS)) {
        if (!labelOfU.equals(labelOfV)) {
          residual.inc();
          // One key for all residual edges: they are few, and a union-find needs them together.
          out.output(KV.of("", labelOfU + "\n" + labelOfV));
        }
      }
    }
  }

  static final class ResidualUnionFindFn
      extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<String>> e, OutputReceiver<KV<String, String>> out) {
      UnionFind uf = new UnionFind();
      for (String pair : e.getValue()) {
        int nl = pair.indexOf('\n');
        uf.union(pair.substring(0, nl), pair.substring(nl + 1));
      }
      uf.roots().forEach((node, root) -> {
        if (!node.equals(root)) {
          out.output(KV.of(node, root));
        }
      });
    }
  }

  static final class ResolveFn extends DoFn<KV<String, String>, KV<String, String>> {
    private final PCollectionView<Map<String, String>> residual;

    ResolveFn(PCollectionView<Map<String, String>> residual) {
      this.residual = residual;
    }

    @ProcessElement
    public void process(
        @Element KV<String, String> nodeLabel, OutputReceiver<KV<String, String>> out,
        ProcessContext c) {
      String root = c.sideInput(residual).get(nodeLabel.getValue());
      out.output(KV.of(nodeLabel.getKey(), root == null ? nodeLabel.getValue() : root));
    }
  }
}
