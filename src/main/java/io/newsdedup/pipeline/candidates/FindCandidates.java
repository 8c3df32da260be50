package io.newsdedup.pipeline.candidates;

import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.pipeline.fingerprint.Fingerprint;
import io.newsdedup.pipeline.shard.Shards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * LSH banding: articles that share a band of their MinHash signature are candidate pairs. Output:
 * distinct pairs (a, b) with a &lt; b. Articles with an empty text take no part. Buckets are
 * grouped by shard and split in memory; a hot bucket yields a linear number of pairs ({@link
 * BucketPairs}).
 */
public final class FindCandidates
    extends PTransform<PCollection<Fingerprint>, PCollection<KV<String, String>>> {

  public static final String NAMESPACE = "candidates";
  public static final int DEFAULT_FULL_PAIRS_UP_TO = 50;
  public static final int DEFAULT_NEIGHBOURS = 4;

  private final LshParams lsh;
  private final int fullPairsUpTo;
  private final int neighbours;
  private final int shards;

  private FindCandidates(LshParams lsh, int fullPairsUpTo, int neighbours, int shards) {
    this.lsh = lsh;
    this.fullPairsUpTo = fullPairsUpTo;
    this.neighbours = neighbours;
    this.shards = shards;
  }

  public static FindCandidates withBanding(LshParams lsh) {
    return new FindCandidates(lsh, DEFAULT_FULL_PAIRS_UP_TO, DEFAULT_NEIGHBOURS, Shards.DEFAULT);
  }

  /** Buckets larger than {@code n} are "hot": star plus neighbours instead of all pairs. */
  public FindCandidates withFullPairsUpTo(int n) {
    return new FindCandidates(lsh, n, neighbours, shards);
  }

  public FindCandidates withNeighbours(int k) {
    return new FindCandidates(lsh, fullPairsUpTo, k, shards);
  }

  public FindCandidates withShards(int n) {
    return new FindCandidates(lsh, fullPairsUpTo, neighbours, n);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<Fingerprint> docs) {
    if (fullPairsUpTo < 2 || neighbours < 1) {
      throw new IllegalArgumentException("fullPairsUpTo must be >= 2 and neighbours >= 1");
    }
    Shards.check(shards);
    var pairCoder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    return docs.apply("BandKeys", ParDo.of(new BandKeysFn(lsh, shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of())))
        .apply("BucketsByShard", GroupByKey.create())
        .apply("BucketPairs", ParDo.of(new PairsFn(fullPairsUpTo, neighbours, shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), pairCoder))
        .apply("PairsByShard", GroupByKey.create())
        .apply("DistinctPairs", ParDo.of(new DistinctFn()))
        .setCoder(pairCoder);
  }

  static final class BandKeysFn extends DoFn<Fingerprint, KV<Integer, KV<Long, String>>> {
    private final LshParams lsh;
    private final int shards;

    BandKeysFn(LshParams lsh, int shards) {
      this.lsh = lsh;
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element Fingerprint f, OutputReceiver<KV<Integer, KV<Long, String>>> out) {
      if (f.isEmpty()) {
        return;
      }
      for (long key : lsh.bandKeys(f.signature())) {
        out.output(KV.of(Shards.of(key, shards), KV.of(key, f.id())));
      }
    }
  }

  static final class PairsFn
      extends DoFn<KV<Integer, Iterable<KV<Long, String>>>, KV<Integer, KV<String, String>>> {
    private final int fullPairsUpTo;
    private final int neighbours;
    private final int shards;
    private final Counter hotBuckets = Metrics.counter(NAMESPACE, "hot_buckets");
    private final Counter pairs = Metrics.counter(NAMESPACE, "bucket_pairs");
    private final Distribution sizes = Metrics.distribution(NAMESPACE, "shared_bucket_size");

    PairsFn(int fullPairsUpTo, int neighbours, int shards) {
      this.fullPairsUpTo = fullPairsUpTo;
      this.neighbours = neighbours;
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Long, String>>> shard,
        OutputReceiver<KV<Integer, KV<String, String>>> out) {
      Map<Long, List<String>> buckets = new HashMap<>();
      for (KV<Long, String> e : shard.getValue()) {
        buckets.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2)).add(e.getValue());
      }
      for (List<String> ids : buckets.values()) {
        if (ids.size() < 2) {
          continue;
        }
        ids.sort(null);
        sizes.update(ids.size());
        if (ids.size() > fullPairsUpTo) {
          hotBuckets.inc();
        }
        BucketPairs.pairs(ids, fullPairsUpTo, neighbours, (a, b) -> {
          if (!a.equals(b)) {
            pairs.inc();
            out.output(KV.of(Shards.of(a, shards), KV.of(a, b)));
          }
        });
      }
    }
  }

  static final class DistinctFn
      extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    private final Counter distinct = Metrics.counter(NAMESPACE, "candidate_pairs");

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, String>>> shard,
        OutputReceiver<KV<String, String>> out) {
      Set<KV<String, String>> seen = new HashSet<>();
      for (KV<String, String> pair : shard.getValue()) {
        if (seen.add(pair)) {
          distinct.inc();
          out.output(pair);
        }
      }
    }
  }
}
