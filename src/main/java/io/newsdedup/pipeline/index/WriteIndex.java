package io.newsdedup.pipeline.index;

import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.shard.Shards;
import io.newsdedup.pipeline.write.WriteResults;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes the next index: every article of this run (input and indexed) with the cluster it is in
 * now. With a retention, articles published more than that before the newest article of the run are
 * left out (articles without a timestamp are kept); the cut is made after matching, so it never
 * changes this run's result.
 */
public final class WriteIndex extends PTransform<PCollection<Cluster>, PDone> {
  private static final TupleTag<Cleaned> ARTICLE = new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> PLACE = new TupleTag<>() {};

  private final String directory;
  private final PCollection<Cleaned> articles;
  private final Duration retention;
  private final int shards;

  private WriteIndex(
      String directory, PCollection<Cleaned> articles, Duration retention, int shards) {
    this.directory = directory;
    this.articles = articles;
    this.retention = retention;
    this.shards = shards;
  }

  /**
   * @param articles the cleaned articles of the run, input and indexed together
   */
  public static WriteIndex to(String directory, PCollection<Cleaned> articles) {
    return new WriteIndex(directory, articles, null, Shards.DEFAULT);
  }

  /** Leaves out articles published more than {@code r} before the newest one; null keeps all. */
  public WriteIndex withRetention(Duration r) {
    return new WriteIndex(directory, articles, r, shards);
  }

  public WriteIndex withShards(int n) {
    return new WriteIndex(directory, articles, retention, n);
  }

  @Override
  public PDone expand(PCollection<Cluster> clusters) {
    int n = shards;
    PCollectionView<Long> newest =
        articles
            .apply(
                "PublishedMillis",
                MapElements.into(TypeDescriptors.longs())
                    .via(
                        (Cleaned c) ->
                            c.publishedAt() == null
                                ? Long.MIN_VALUE
                                : c.publishedAt().toEpochMilli()))
            .apply("Newest", Max.longsGlobally())
            .apply("NewestView", org.apache.beam.sdk.transforms.View.asSingleton());
    long keepMillis = retention == null ? Long.MAX_VALUE : retention.toMillis();
    var placeCoder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    return KeyedPCollectionTuple.of(
            ARTICLE,
            articles
                .apply("ArticlesByShard", WithKeys.of((Cleaned c) -> Shards.of(c.id(), n)))
                .setCoder(KvCoder.of(VarIntCoder.of(), CoreCoders.CleanedCoder.of())))
        .and(
            PLACE,
            clusters
                .apply("Places", ParDo.of(new PlacesFn(n)))
                .setCoder(KvCoder.of(VarIntCoder.of(), placeCoder)))
        .apply("ById", CoGroupByKey.create())
        .apply("Lines", ParDo.of(new LinesFn(newest, keepMillis)).withSideInputs(newest))
        .setCoder(StringUtf8Coder.of())
        .apply(
            "WriteIndex",
            TextIO.write()
                .to(WriteResults.prefix(directory, IndexDirectory.ARTICLES))
                .withSuffix(".jsonl")
                .withCompression(Compression.GZIP)
                .withShardNameTemplate("-SSSSS-of-NNNNN"));
  }

  /** (shard of id, (id, "cluster id \n canonical id")) for every member of every cluster. */
  static final class PlacesFn extends DoFn<Cluster, KV<Integer, KV<String, String>>> {
    private final int shards;

    PlacesFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Cluster c, OutputReceiver<KV<Integer, KV<String, String>>> out) {
      for (ClusterMember m : c.members()) {
        out.output(
            KV.of(
                Shards.of(m.facts().id(), shards),
                KV.of(m.facts().id(), c.id() + "\n" + c.canonical().id())));
      }
    }
  }

  static final class LinesFn extends DoFn<KV<Integer, CoGbkResult>, String> {
    private final PCollectionView<Long> newest;
    private final long keepMillis;
    private final Counter written = Metrics.counter(MergeWithIndex.NAMESPACE, "articles_indexed");
    private final Counter expired = Metrics.counter(MergeWithIndex.NAMESPACE, "articles_expired");

    LinesFn(PCollectionView<Long> newest, long keepMillis) {
      this.newest = newest;
      this.keepMillis = keepMillis;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, CoGbkResult> shard, OutputReceiver<String> out, ProcessContext ctx) {
      long newestMillis = ctx.sideInput(newest);
      Map<String, String> placeOf = new HashMap<>();
      for (KV<String, String> p : shard.getValue().getAll(PLACE)) {
        placeOf.put(p.getKey(), p.getValue());
      }
      for (Cleaned c : shard.getValue().getAll(ARTICLE)) {
        if (c.publishedAt() != null
            && newestMillis != Long.MIN_VALUE
            && newestMillis - c.publishedAt().toEpochMilli() > keepMillis) {
          expired.inc();
          continue;
        }
        String place = placeOf.get(c.id());
        if (place == null) {
          continue; // not clustered: cannot happen, every fingerprinted article is in a cluster
        }
        int nl = place.indexOf('\n');
        written.inc();
        out.output(IndexRecords.line(c, place.substring(0, nl), place.substring(nl + 1)));
      }
    }
  }
}
