package io.newsdedup.pipeline.verify;

import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.core.verify.Similarity;
import io.newsdedup.pipeline.fingerprint.Fingerprint;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps the candidate pairs that the {@link MatchRule} may accept, judged on MinHash estimates: the
 * Jaccard estimate J from the signatures, raised to its upper confidence bound J + z·σ with σ =
 * sqrt(J(1−J)/k) (k signature positions, σ at least 1/k), and the containment derived from that
 * bound and the exact shingle counts. Erring on the generous side here loses no true copy to
 * estimation noise (a short excerpt's containment estimate is noisy); the exact check against each
 * cluster's canonical comes later ({@link io.newsdedup.core.cluster.ClusterBuilder}) and decides.
 * Two joins bring each pair both signatures; only the signatures travel, not the shingle sets.
 */
public final class VerifyCandidates
    extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {

  public static final String NAMESPACE = "verify";
  public static final double DEFAULT_CONFIDENCE_Z = 2.0;

  private static final TupleTag<String> PARTNERS = new TupleTag<>() {};
  private static final TupleTag<Sketch> SKETCH = new TupleTag<>() {};
  private static final TupleTag<Sketch> HALF = new TupleTag<>() {};

  private final PCollection<Fingerprint> docs;
  private final MatchRule rule;
  private final double z;

  private VerifyCandidates(PCollection<Fingerprint> docs, MatchRule rule, double z) {
    this.docs = docs;
    this.rule = rule;
    this.z = z;
  }

  public static VerifyCandidates against(PCollection<Fingerprint> docs, MatchRule rule) {
    return new VerifyCandidates(docs, rule, DEFAULT_CONFIDENCE_Z);
  }

  /** How many standard deviations above the Jaccard estimate a pair is judged at (0: as is). */
  public VerifyCandidates withConfidence(double z) {
    return new VerifyCandidates(docs, rule, z);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> pairs) {
    PCollection<KV<String, Sketch>> sketches =
        docs.apply("Sketches", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(Sketch.class)))
            .via(f -> KV.of(f.id(), new Sketch(f.id(), f.shingles().length, f.signature()))));
    PCollection<KV<String, Sketch>> halves =
        KeyedPCollectionTuple.of(PARTNERS, pairs)
            .and(SKETCH, sketches)
            .apply("JoinFirst", CoGroupByKey.create())
            .apply("ToSecond", ParDo.of(new ToSecondFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), Sketch.SketchCoder.of()));
    return KeyedPCollectionTuple.of(HALF, halves)
        .and(SKETCH, sketches)
        .apply("JoinSecond", CoGroupByKey.create())
        .apply("Verify", ParDo.of(new VerifyFn(rule, z)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  static double upperBound(double j, int k, double z) {
    double sigma = Math.max(Math.sqrt(j * (1 - j) / k), 1.0 / k);
    return Math.min(1.0, j + z * sigma);
  }

  /** For each pair (a, b): (b, sketch of a). */
  static final class ToSecondFn extends DoFn<KV<String, CoGbkResult>, KV<String, Sketch>> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, Sketch>> out) {
      Sketch a = e.getValue().getOnly(SKETCH, null);
      if (a == null) {
        return;
      }
      for (String b : e.getValue().getAll(PARTNERS)) {
        out.output(KV.of(b, a));
      }
    }
  }

  static final class VerifyFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final MatchRule rule;
    private final double z;
    private final Counter checked = Metrics.counter(NAMESPACE, "pairs_checked");
    private final Counter accepted = Metrics.counter(NAMESPACE, "pairs_accepted");

    VerifyFn(MatchRule rule, double z) {
      this.rule = rule;
      this.z = z;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, String>> out) {
      Sketch b = e.getValue().getOnly(SKETCH, null);
      if (b == null) {
        return;
      }
      for (Sketch a : e.getValue().getAll(HALF)) {
        checked.inc();
        double j = upperBound(MinHasher.estimateJaccard(a.signature(), b.signature()),
            a.signature().length, z);
        Similarity s = Similarity.fromJaccard(j, a.shingleCount(), b.shingleCount());
        if (rule.accepts(s, a.shingleCount(), b.shingleCount())) {
          accepted.inc();
          out.output(KV.of(a.id(), b.id()));
        }
      }
    }
  }
}
