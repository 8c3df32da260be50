package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
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
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Makes article ids unique. When several records share an id, the one whose origin comes first
 * (file path, then line) keeps it, whatever the order the files were read in; the others are
 * rejected as {@code duplicate_id}, naming the record that kept the id. Only (id, origin) pairs are
 * shuffled; the articles themselves are filtered against the (small) set of losers.
 */
public final class UniqueIds
    extends PTransform<PCollection<Article>, WithFailures.Result<PCollection<Article>, Rejection>> {

  static final TupleTag<Article> KEPT = new TupleTag<>() {};
  static final TupleTag<Rejection> REJECTED = new TupleTag<>() {};

  private final int shards;

  private UniqueIds(int shards) {
    this.shards = shards;
  }

  public static UniqueIds create() {
    return new UniqueIds(Shards.DEFAULT);
  }

  public UniqueIds withShards(int n) {
    return new UniqueIds(n);
  }

  @Override
  public WithFailures.Result<PCollection<Article>, Rejection> expand(PCollection<Article> articles) {
    Shards.check(shards);
    PCollectionView<Map<String, String>> losers =
        articles
            .apply("IdAndOrigin", ParDo.of(new IdOriginFn(shards)))
            .setCoder(KvCoder.of(VarIntCoder.of(),
                KvCoder.of(StringUtf8Coder.of(), CoreCoders.OriginCoder.INSTANCE)))
            .apply("IdsOfShard", GroupByKey.create())
            .apply("Losers", ParDo.of(new LosersFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply(View.asMap());
    PCollectionTuple split =
        articles.apply(
            "Filter",
            ParDo.of(new FilterFn(losers))
                .withSideInputs(losers)
                .withOutputTags(KEPT, TupleTagList.of(REJECTED)));
    return WithFailures.Result.of(
        split.get(KEPT).setCoder(CoreCoders.ArticleCoder.INSTANCE),
        split.get(REJECTED).setCoder(CoreCoders.RejectionCoder.INSTANCE));
  }

  static final class IdOriginFn extends DoFn<Article, KV<Integer, KV<String, Origin>>> {
    private final int shards;

    IdOriginFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<KV<Integer, KV<String, Origin>>> out) {
      out.output(KV.of(Shards.of(a.id(), shards), KV.of(a.id(), a.origin())));
    }
  }

  /** For each id used more than once: (origin of each loser, origin of the winner). */
  static final class LosersFn
      extends DoFn<KV<Integer, Iterable<KV<String, Origin>>>, KV<String, String>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, Origin>>> shard,
        OutputReceiver<KV<String, String>> out) {
      Map<String, List<Origin>> byId = new HashMap<>();
      for (KV<String, Origin> e : shard.getValue()) {
        byId.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue());
      }
      for (List<Origin> origins : byId.values()) {
        if (origins.size() < 2) {
          continue;
        }
        origins.sort(Origin.ORDER);
        String winner = origins.get(0).toString();
        for (Origin loser : origins.subList(1, origins.size())) {
          out.output(KV.of(loser.toString(), winner));
        }
      }
    }
  }

  static final class FilterFn extends DoFn<Article, Article> {
    private final PCollectionView<Map<String, String>> losers;
    private transient Map<String, String> loserMap;
    private final Counter duplicates = Metrics.counter(ReadArticles.NAMESPACE, "rejected_duplicate_id");

    FilterFn(PCollectionView<Map<String, String>> losers) {
      this.losers = losers;
    }

    @ProcessElement
    public void process(@Element Article a, MultiOutputReceiver out, ProcessContext c) {
      if (loserMap == null) {
        loserMap = c.sideInput(losers); // batch, global window: the same map for every element
      }
      String winner = loserMap.get(a.origin().toString());
      if (winner == null) {
        out.get(KEPT).output(a);
        return;
      }
      duplicates.inc();
      out.get(REJECTED)
          .output(
              Rejection.of(
                  a.origin(),
                  Reasons.DUPLICATE_ID,
                  "id \"" + a.id() + "\" is already used by the record at " + winner,
                  asJson(a)));
    }
  }

  /** The record as parsed, for the rejected output (the original line is no longer at hand). */
  static String asJson(Article a) {
    return io.newsdedup.core.output.OutputJson.articleAsParsed(a);
  }
}
