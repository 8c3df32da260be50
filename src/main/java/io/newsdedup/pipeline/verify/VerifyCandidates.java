package io.newsdedup.pipeline.verify;

import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.core.verify.Sketch;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.progress.Progress;
import io.newsdedup.pipeline.shard.Shards;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Keeps the candidate pairs that the {@link MatchRule} may accept, judged on MinHash estimates: the
 * Jaccard estimate J from the signatures, raised to its upper confidence bound J + z·σ with σ =
 * sqrt(J(1−J)/k) (k signature positions, σ at least 1/k), and the containment derived from that
 * bound and the exact shingle counts. Erring on the generous side here loses no true copy to
 * estimation noise (a short excerpt's containment estimate is noisy); the exact check against each
 * cluster's canonical comes later ({@link io.newsdedup.core.cluster.ClusterBuilder}) and decides.
 *
 * <p>Two sharded joins bring each pair both signatures: pairs meet the first article's sketch in
 * its shard, then the second's. Only signatures travel, not the shingle sets.
 */
public final class VerifyCandidates
    extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {

  public static final String NAMESPACE = "verify";

  private static final TupleTag<KV<String, String>> PAIRS = new TupleTag<>() {};
  private static final TupleTag<Sketch> SKETCHES = new TupleTag<>() {};
  private static final TupleTag<KV<Sketch, String>> HALVES = new TupleTag<>() {};

  private final PCollection<Fingerprint> docs;
  private final MatchRule rule;
  private final double z;
  private final int shards;

  private VerifyCandidates(PCollection<Fingerprint> docs, MatchRule rule, double z, int shards) {
    this.docs = docs;
    this.rule = rule;
    this.z = z;
    this.shards = shards;
  }

  public static VerifyCandidates against(PCollection<Fingerprint> docs, MatchRule rule) {
    return new VerifyCandidates(docs, rule, Sketch.DEFAULT_CONFIDENCE_Z, Shards.DEFAULT);
  }

  /** How many standard deviations above the Jaccard estimate a pair is judged at (0: as is). */
  public VerifyCandidates withConfidence(double z) {
    return new VerifyCandidates(docs, rule, z, shards);
  }

  public VerifyCandidates withShards(int n) {
    return new VerifyCandidates(docs, rule, z, n);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> pairs) {
    Shards.check(shards);
    PCollection<KV<Integer, Sketch>> sketches =
        docs.apply("Sketches", ParDo.of(new SketchFn(shards)))
            .setCoder(KvCoder.of(VarIntCoder.of(), CoreCoders.SketchCoder.of()));
    PCollection<KV<Integer, KV<Sketch, String>>> halves =
        KeyedPCollectionTuple.of(
                PAIRS,
                pairs
                    .apply("ByFirst", ParDo.of(new ByFirstFn(shards)))
                    .setCoder(
                        KvCoder.of(
                            VarIntCoder.of(),
                            KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))))
            .and(SKETCHES, sketches)
            .apply("JoinFirst", CoGroupByKey.create())
            .apply("ToSecond", ParDo.of(new ToSecondFn(shards)))
            .setCoder(
                KvCoder.of(
                    VarIntCoder.of(),
                    KvCoder.of(CoreCoders.SketchCoder.of(), StringUtf8Coder.of())));
    return KeyedPCollectionTuple.of(HALVES, halves)
        .and(SKETCHES, sketches)
        .apply("JoinSecond", CoGroupByKey.create())
        .apply("Verify", ParDo.of(new VerifyFn(rule, z)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  private static Map<String, Sketch> sketchesOf(CoGbkResult r) {
    Map<String, Sketch> m = new HashMap<>();
    for (Sketch s : r.getAll(SKETCHES)) {
      m.put(s.id(), s);
    }
    return m;
  }

  static final class SketchFn extends DoFn<Fingerprint, KV<Integer, Sketch>> {
    private final int shards;

    SketchFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Fingerprint f, OutputReceiver<KV<Integer, Sketch>> out) {
      if (!f.isEmpty() || f.facts().titleKey() != 0) {
        out.output(
            KV.of(
                Shards.of(f.id(), shards),
                new Sketch(
                    f.id(),
                    f.shingles().length,
                    Sketch.lowBits(f.signature()),
                    f.facts().titleKey(),
                    f.facts().lowContent())));
      }
    }
  }

  static final class ByFirstFn extends DoFn<KV<String, String>, KV<Integer, KV<String, String>>> {
    private final int shards;

    ByFirstFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<String, String> pair, OutputReceiver<KV<Integer, KV<String, String>>> out) {
      out.output(KV.of(Shards.of(pair.getKey(), shards), pair));
    }
  }

  /** For each pair (a, b) of the shard: (shard of b, (sketch of a, b)). */
  static final class ToSecondFn
      extends DoFn<KV<Integer, CoGbkResult>, KV<Integer, KV<Sketch, String>>> {
    private final int shards;

    ToSecondFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, CoGbkResult> e, OutputReceiver<KV<Integer, KV<Sketch, String>>> out) {
      Map<String, Sketch> sketches = sketchesOf(e.getValue());
      for (KV<String, String> pair : e.getValue().getAll(PAIRS)) {
        Sketch a = sketches.get(pair.getKey());
        if (a != null) {
          out.output(KV.of(Shards.of(pair.getValue(), shards), KV.of(a, pair.getValue())));
        }
      }
    }
  }

  static final class VerifyFn extends DoFn<KV<Integer, CoGbkResult>, KV<String, String>> {
    private final MatchRule rule;
    private final double z;
    private final Counter checked = Metrics.counter(NAMESPACE, "pairs_checked");
    private final Counter accepted = Metrics.counter(NAMESPACE, "pairs_accepted");

    VerifyFn(MatchRule rule, double z) {
      this.rule = rule;
      this.z = z;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, CoGbkResult> e, OutputReceiver<KV<String, String>> out) {
      Map<String, Sketch> sketches = sketchesOf(e.getValue());
      for (KV<Sketch, String> half : e.getValue().getAll(HALVES)) {
        Sketch a = half.getKey();
        Sketch b = sketches.get(half.getValue());
        if (b == null) {
          continue;
        }
        checked.inc();
        Progress.PAIRS_VERIFIED.add(1);
        if (Sketch.mayMatch(a, b, rule, z)) {
          accepted.inc();
          out.output(KV.of(a.id(), b.id()));
        }
      }
    }
  }
}
