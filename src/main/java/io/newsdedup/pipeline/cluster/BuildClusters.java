package io.newsdedup.pipeline.cluster;

import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterBuilder;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.cluster.Member;
import io.newsdedup.core.verify.Similarity;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.fingerprint.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Builds the final clusters: every article with no verified edge is a cluster of its own; the
 * articles of each connected component are grouped and split by {@link ClusterBuilder} (exact
 * verification against the canonical, near-duplicate chains, canonical policy).
 */
public final class BuildClusters
    extends PTransform<PCollection<Fingerprint>, PCollection<Cluster>> {

  public static final String NAMESPACE = "clusters";

  private static final TupleTag<Fingerprint> DOC = new TupleTag<>() {};
  private static final TupleTag<String> COMPONENT = new TupleTag<>() {};
  private static final TupleTag<Cluster> SINGLE = new TupleTag<>() {};
  private static final TupleTag<KV<String, Member>> GROUPED = new TupleTag<>() {};

  private final PCollection<KV<String, String>> componentOfNode;
  private final ClusterBuilder builder;

  private BuildClusters(PCollection<KV<String, String>> componentOfNode, ClusterBuilder builder) {
    this.componentOfNode = componentOfNode;
    this.builder = builder;
  }

  /** @param componentOfNode (article id, component label) for articles with a verified edge */
  public static BuildClusters from(
      PCollection<KV<String, String>> componentOfNode, ClusterBuilder builder) {
    return new BuildClusters(componentOfNode, builder);
  }

  @Override
  public PCollection<Cluster> expand(PCollection<Fingerprint> docs) {
    PCollectionTuple routed =
        KeyedPCollectionTuple.of(DOC, docs.apply("ById", WithKeys.of(Fingerprint::id))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), Fingerprint.FingerprintCoder.of())))
            .and(COMPONENT, componentOfNode)
            .apply("WithComponent", CoGroupByKey.create())
            .apply("Route", ParDo.of(new RouteFn()).withOutputTags(SINGLE, TupleTagList.of(GROUPED)));
    PCollection<Cluster> built =
        routed.get(GROUPED)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), CoreCoders.MemberCoder.INSTANCE))
            .apply("ByComponent", GroupByKey.create())
            .apply("Split", ParDo.of(new SplitFn(builder)))
            .setCoder(CoreCoders.ClusterCoder.INSTANCE);
    return PCollectionList.of(routed.get(SINGLE).setCoder(CoreCoders.ClusterCoder.INSTANCE))
        .and(built)
        .apply(Flatten.pCollections());
  }

  static Cluster singleton(Fingerprint f) {
    return new Cluster(
        ArticleIds.clusterId(f.id()), f.facts(), CanonicalPolicy.SINGLETON,
        List.of(new ClusterMember(f.facts(), true, Similarity.IDENTICAL, null)));
  }

  static final class RouteFn extends DoFn<KV<String, CoGbkResult>, Cluster> {
    private final Counter singletons = Metrics.counter(NAMESPACE, "articles_without_candidates");

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, MultiOutputReceiver out) {
      String component = e.getValue().getOnly(COMPONENT, null);
      for (Fingerprint f : e.getValue().getAll(DOC)) {
        if (component == null) {
          singletons.inc();
          out.get(SINGLE).output(singleton(f));
        } else {
          out.get(GROUPED).output(KV.of(component, f.member()));
        }
      }
    }
  }

  static final class SplitFn extends DoFn<KV<String, Iterable<Member>>, Cluster> {
    private final ClusterBuilder builder;
    private final Distribution componentSize = Metrics.distribution(NAMESPACE, "component_size");
    private final Counter splits = Metrics.counter(NAMESPACE, "components_split");

    SplitFn(ClusterBuilder builder) {
      this.builder = builder;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Member>> e, OutputReceiver<Cluster> out) {
      List<Member> members = new ArrayList<>();
      e.getValue().forEach(members::add);
      componentSize.update(members.size());
      List<Cluster> clusters = builder.build(members);
      if (clusters.size() > 1) {
        splits.inc();
      }
      clusters.forEach(out::output);
    }
  }
}
