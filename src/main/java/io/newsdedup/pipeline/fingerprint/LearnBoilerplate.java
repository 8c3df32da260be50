package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.pipeline.coders.LongArrayCoder;
import io.newsdedup.pipeline.shard.Shards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The first pass over the corpus: which paragraphs are boilerplate ({@link LearnedBoilerplate}).
 * Every paragraph occurrence goes, with its context, to the shard of its key; each shard decides
 * for its paragraphs. Output: the keys of the boilerplate paragraphs, as a side input (small: only
 * paragraphs that recur in several different stories).
 */
public final class LearnBoilerplate
    extends PTransform<PCollection<Cleaned>, PCollectionView<List<Long>>> {

  private final LearnedBoilerplate rule;
  private final int shards;

  private LearnBoilerplate(LearnedBoilerplate rule, int shards) {
    this.rule = rule;
    this.shards = shards;
  }

  public static LearnBoilerplate with(LearnedBoilerplate rule) {
    return new LearnBoilerplate(rule, Shards.DEFAULT);
  }

  public LearnBoilerplate withShards(int n) {
    return new LearnBoilerplate(rule, n);
  }

  @Override
  public PCollectionView<List<Long>> expand(PCollection<Cleaned> articles) {
    Shards.check(shards);
    return articles
        .apply("ParagraphContexts", ParDo.of(new ContextsFn(shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), LongArrayCoder.INSTANCE)))
        .apply("ParagraphsOfShard", GroupByKey.create())
        .apply("Decide", ParDo.of(new DecideFn(rule)))
        .setCoder(VarLongCoder.of())
        .apply(View.asList());
  }

  static final class ContextsFn extends DoFn<Cleaned, KV<Integer, KV<Long, long[]>>> {
    private final int shards;

    ContextsFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Cleaned c, OutputReceiver<KV<Integer, KV<Long, long[]>>> out) {
      long[] keys = LearnedBoilerplate.keys(c.text());
      long[] title = LearnedBoilerplate.titleWords(c.title());
      for (long k : keys) {
        out.output(KV.of(Shards.of(k, shards),
            KV.of(k, LearnedBoilerplate.context(keys, k, title))));
      }
    }
  }

  static final class DecideFn extends DoFn<KV<Integer, Iterable<KV<Long, long[]>>>, Long> {
    private final LearnedBoilerplate rule;
    private final Counter learned = Metrics.counter(FingerprintArticles.NAMESPACE,
        "boilerplate_paragraphs_learned");

    DecideFn(LearnedBoilerplate rule) {
      this.rule = rule;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<Long, long[]>>> shard, OutputReceiver<Long> out) {
      Map<Long, List<long[]>> byParagraph = new HashMap<>();
      for (KV<Long, long[]> e : shard.getValue()) {
        byParagraph.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue());
      }
      byParagraph.forEach((key, contexts) -> {
        if (rule.isBoilerplate(contexts)) {
          learned.inc();
          out.output(key);
        }
      });
    }
  }
}
