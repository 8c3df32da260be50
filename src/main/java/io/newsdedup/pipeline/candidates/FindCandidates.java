package io.newsdedup.pipeline.candidates;

import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.pipeline.fingerprint.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * LSH banding: articles that share a band of their MinHash signature are candidate pairs. Output:
 * distinct pairs (a, b) with a &lt; b. Articles with an empty text take no part.
 */
public final class FindCandidates
    extends PTransform<PCollection<Fingerprint>, PCollection<KV<String, String>>> {

  public static final String NAMESPACE = "candidates";
  public static final int DEFAULT_FULL_PAIRS_UP_TO = 50;
  public static final int DEFAULT_NEIGHBOURS = 4;

  private final LshParams lsh;
  private final int fullPairsUpTo;
  private final int neighbours;

  private FindCandidates(LshParams lsh, int fullPairsUpTo, int neighbours) {
    this.lsh = lsh;
    this.fullPairsUpTo = fullPairsUpTo;
    this.neighbours = neighbours;
  }

  public static FindCandidates withBanding(LshParams lsh) {
    return new FindCandidates(lsh, DEFAULT_FULL_PAIRS_UP_TO, DEFAULT_NEIGHBOURS);
  }

  /** Buckets larger than {@code n} are "hot": star plus neighbours instead of all pairs. */
  public FindCandidates withFullPairsUpTo(int n) {
    return new FindCandidates(lsh, n, neighbours);
  }

  public FindCandidates withNeighbours(int k) {
    return new FindCandidates(lsh, fullPairsUpTo, k);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<Fingerprint> docs) {
    if (fullPairsUpTo < 2 || neighbours < 1) {
      throw new IllegalArgumentException("fullPairsUpTo must be >= 2 and neighbours >= 1");
    }
    return docs.apply("BandKeys", ParDo.of(new BandKeysFn(lsh)))
        .setCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()))
        .apply("Buckets", GroupByKey.create())
        .apply("Pairs", ParDo.of(new PairsFn(fullPairsUpTo, neighbours)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("DistinctPairs", Distinct.create());
  }

  static final class BandKeysFn extends DoFn<Fingerprint, KV<Long, String>> {
    private final LshParams lsh;

    BandKeysFn(LshParams lsh) {
      this.lsh = lsh;
    }

    @ProcessElement
    public void process(@Element Fingerprint f, OutputReceiver<KV<Long, String>> out) {
      if (f.isEmpty()) {
        return;
      }
      for (long key : lsh.bandKeys(f.signature())) {
        out.output(KV.of(key, f.id()));
      }
    }
  }

  static final class PairsFn extends DoFn<KV<Long, Iterable<String>>, KV<String, String>> {
    private final int fullPairsUpTo;
    private final int neighbours;
    private final Counter hotBuckets = Metrics.counter(NAMESPACE, "hot_buckets");
    private final Counter pairs = Metrics.counter(NAMESPACE, "bucket_pairs");
    private final Distribution sizes = Metrics.distribution(NAMESPACE, "shared_bucket_size");

    PairsFn(int fullPairsUpTo, int neighbours) {
      this.fullPairsUpTo = fullPairsUpTo;
      this.neighbours = neighbours;
    }

    @ProcessElement
    public void process(
        @Element KV<Long, Iterable<String>> bucket, OutputReceiver<KV<String, String>> out) {
      List<String> ids = new ArrayList<>();
      bucket.getValue().forEach(ids::add);
      if (ids.size() < 2) {
        return;
      }
      ids.sort(null);
      sizes.update(ids.size());
      if (ids.size() > fullPairsUpTo) {
        hotBuckets.inc();
      }
      BucketPairs.pairs(ids, fullPairsUpTo, neighbours, (a, b) -> {
        if (!a.equals(b)) {
          pairs.inc();
          out.output(KV.of(a, b));
        }
      });
    }
  }
}
