package io.newsdedup.pipeline.cluster;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterBuilder;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.cluster.Member;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.verify.Similarity;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.shard.Shards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Builds the final clusters: every article with no verified edge is a cluster of its own; the
 * articles of each connected component are grouped and split by {@link ClusterBuilder} (exact
 * verification against the canonical, near-duplicate chains, canonical policy). The component of
 * each article is looked up in a side input (only articles with an edge are in it), so articles
 * without one never travel; components are grouped by shard and built in memory.
 */
public final class BuildClusters
    extends PTransform<PCollection<Fingerprint>, PCollection<Cluster>> {

  public static final String NAMESPACE = "clusters";

  private static final TupleTag<Cluster> SINGLE = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, KV<String, Member>>> GROUPED = new TupleTag<>() {};

  private final PCollection<KV<String, String>> componentOfNode;
  private final ClusterBuilder builder;
  private final int shards;

  private BuildClusters(
      PCollection<KV<String, String>> componentOfNode, ClusterBuilder builder, int shards) {
    this.componentOfNode = componentOfNode;
    this.builder = builder;
    this.shards = shards;
  }

  /**
   * @param componentOfNode (article id, component label) for articles with a verified edge
   */
  public static BuildClusters from(
      PCollection<KV<String, String>> componentOfNode, ClusterBuilder builder) {
    return new BuildClusters(componentOfNode, builder, Shards.DEFAULT);
  }

  public BuildClusters withShards(int n) {
    return new BuildClusters(componentOfNode, builder, n);
  }

  @Override
  public PCollection<Cluster> expand(PCollection<Fingerprint> docs) {
    Shards.check(shards);
    PCollectionView<Map<String, String>> componentOf =
        componentOfNode.apply("ComponentOf", View.asMap());
    // Route waits for the components, so on most runners its input is materialised: only what
    // clustering needs (no signature).
    PCollectionTuple routed =
        docs.apply(
                "Members",
                MapElements.into(TypeDescriptor.of(Member.class)).via(Fingerprint::member))
            .setCoder(CoreCoders.MemberCoder.INSTANCE)
            .apply(
                "Route",
                ParDo.of(new RouteFn(componentOf, shards))
                    .withSideInputs(componentOf)
                    .withOutputTags(SINGLE, TupleTagList.of(GROUPED)));
    PCollection<Cluster> built =
        routed
            .get(GROUPED)
            .setCoder(
                KvCoder.of(
                    VarIntCoder.of(),
                    KvCoder.of(StringUtf8Coder.of(), CoreCoders.MemberCoder.INSTANCE)))
            .apply("ComponentsOfShard", GroupByKey.create())
            .apply("Split", ParDo.of(new SplitFn(builder)))
            .setCoder(CoreCoders.ClusterCoder.INSTANCE);
    return PCollectionList.of(routed.get(SINGLE).setCoder(CoreCoders.ClusterCoder.INSTANCE))
        .and(built)
        .apply(Flatten.pCollections());
  }

  static Cluster singleton(Member m) {
    ArticleFacts f = m.facts();
    return new Cluster(
        ArticleIds.clusterId(f.id()),
        f,
        CanonicalPolicy.SINGLETON,
        List.of(new ClusterMember(f, true, Similarity.IDENTICAL, null)));
  }

  static final class RouteFn extends DoFn<Member, Cluster> {
    private final PCollectionView<Map<String, String>> componentOf;
    private transient Map<String, String> components;
    private final int shards;
    private final Counter singletons = Metrics.counter(NAMESPACE, "articles_without_candidates");

    RouteFn(PCollectionView<Map<String, String>> componentOf, int shards) {
      this.componentOf = componentOf;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Member m, MultiOutputReceiver out, ProcessContext c) {
      if (components == null) {
        components = c.sideInput(componentOf); // batch, global window: one map for all elements
      }
      String component = components.get(m.facts().id());
      if (component == null) {
        singletons.inc();
        out.get(SINGLE).output(singleton(m));
      } else {
        out.get(GROUPED).output(KV.of(Shards.of(component, shards), KV.of(component, m)));
      }
    }
  }

  static final class SplitFn extends DoFn<KV<Integer, Iterable<KV<String, Member>>>, Cluster> {
    private final ClusterBuilder builder;
    private final Distribution componentSize = Metrics.distribution(NAMESPACE, "component_size");
    private final Counter splits = Metrics.counter(NAMESPACE, "components_split");

    SplitFn(ClusterBuilder builder) {
      this.builder = builder;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, Member>>> shard, OutputReceiver<Cluster> out) {
      Map<String, List<Member>> components = new HashMap<>();
      for (KV<String, Member> kv : shard.getValue()) {
        components.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue());
      }
      for (List<Member> members : components.values()) {
        componentSize.update(members.size());
        List<Cluster> clusters = builder.build(members);
        if (clusters.size() > 1) {
          splits.inc();
        }
        clusters.forEach(out::output);
      }
    }
  }
}
