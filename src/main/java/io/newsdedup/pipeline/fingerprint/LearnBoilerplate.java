package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.core.story.Coverage;
import io.newsdedup.core.story.Headline;
import io.newsdedup.pipeline.coders.LongArrayCoder;
import io.newsdedup.pipeline.shard.Shards;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * paragraphs that recur in several different stories). Records named in the {@link #without} side
 * input do not count: each context carries a hash of its record's origin, and a shard drops the
 * contexts of those records before it decides (contexts are small, so the shards wait for that side
 * input rather than the articles).
 */
public final class LearnBoilerplate
    extends PTransform<PCollection<Cleaned>, PCollectionView<List<Long>>> {

  private final LearnedBoilerplate rule;
  private final int shards;
  private final PCollectionView<Map<String, String>> dropped;

  private LearnBoilerplate(
      LearnedBoilerplate rule, int shards, PCollectionView<Map<String, String>> dropped) {
    this.rule = rule;
    this.shards = shards;
    this.dropped = dropped;
  }

  public static LearnBoilerplate with(LearnedBoilerplate rule) {
    return new LearnBoilerplate(rule, Shards.DEFAULT, null);
  }

  public LearnBoilerplate withShards(int n) {
    return new LearnBoilerplate(rule, n, dropped);
  }

  /**
   * Input records whose origin ({@link io.newsdedup.core.article.Origin#toString()}) is a key of
   * {@code view} (null: none) do not count; records from the index always do.
   */
  public LearnBoilerplate without(PCollectionView<Map<String, String>> view) {
    return new LearnBoilerplate(rule, shards, view);
  }

  @Override
  public PCollectionView<List<Long>> expand(PCollection<Cleaned> articles) {
    Shards.check(shards);
    return articles
        .apply("ParagraphContexts", ParDo.of(new ContextsFn(shards)))
        .setCoder(
            KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), LongArrayCoder.INSTANCE)))
        .apply("ParagraphsOfShard", GroupByKey.create())
        .apply(
            "Decide",
            dropped == null
                ? ParDo.of(new DecideFn(rule, null))
                : ParDo.of(new DecideFn(rule, dropped)).withSideInputs(dropped))
        .setCoder(VarLongCoder.of())
        .apply(View.asList());
  }

  /**
   * The hash that tags the contexts of an input record (never 0); 0 for a record from the index,
   * which is never dropped.
   */
  static long originTag(Cleaned c) {
    return c.fromIndex() ? 0 : tag(c.origin().toString());
  }

  private static long tag(String origin) {
    long h = LearnedBoilerplate.hash(origin, false);
    return h == 0 ? 1 : h;
  }

  /** Per paragraph: (its shard, (its key, its context followed by {@link #originTag})). */
  static final class ContextsFn extends DoFn<Cleaned, KV<Integer, KV<Long, long[]>>> {
    private final int shards;

    ContextsFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Cleaned c, OutputReceiver<KV<Integer, KV<Long, long[]>>> out) {
      long[] keys = LearnedBoilerplate.keys(c.text());
      Headline headline = Headline.of(c.title(), c.source());
      long[] title = headline.informative() ? headline.terms() : new long[0];
      long[] carrying = Coverage.carryingParagraphs(headline, c.text());
      long tag = originTag(c);
      for (long k : keys) {
        long[] context = LearnedBoilerplate.context(keys, k, title, carrying);
        long[] tagged = Arrays.copyOf(context, context.length + 1);
        tagged[context.length] = tag;
        out.output(KV.of(Shards.of(k, shards), KV.of(k, tagged)));
      }
    }
  }

  static final class DecideFn extends DoFn<KV<Integer, Iterable<KV<Long, long[]>>>, Long> {
    private final LearnedBoilerplate rule;
    private final PCollectionView<Map<String, String>> dropped;
    private transient Set<Long> droppedTags;
    private final Counter learned =
        Metrics.counter(FingerprintArticles.NAMESPACE, "boilerplate_paragraphs_learned");

    DecideFn(LearnedBoilerplate rule, PCollectionView<Map<String, String>> dropped) {
      this.rule = rule;
      this.dropped = dropped;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Long, long[]>>> shard,
        OutputReceiver<Long> out,
        ProcessContext c) {
      if (droppedTags == null) { // batch, global window: the same side input for every element
        droppedTags = new HashSet<>();
        if (dropped != null) {
          for (String origin : c.sideInput(dropped).keySet()) {
            droppedTags.add(tag(origin));
          }
        }
      }
      Map<Long, List<long[]>> byParagraph = new HashMap<>();
      for (KV<Long, long[]> e : shard.getValue()) {
        long[] tagged = e.getValue();
        if (!droppedTags.isEmpty() && droppedTags.contains(tagged[tagged.length - 1])) {
          continue;
        }
        byParagraph
            .computeIfAbsent(e.getKey(), k -> new ArrayList<>(1))
            .add(Arrays.copyOf(tagged, tagged.length - 1));
      }
      byParagraph.forEach(
          (key, contexts) -> {
            if (rule.isBoilerplate(contexts)) {
              learned.inc();
              out.output(key);
            }
          });
    }
  }
}
