package io.newsdedup.bench;

import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.pipeline.batch.BatchOptions;
import io.newsdedup.pipeline.batch.BatchSettings;
import io.newsdedup.pipeline.batch.BatchStages;
import io.newsdedup.pipeline.options.DeferredOptions;
import io.newsdedup.pipeline.options.ProductionDefaults;
import io.newsdedup.pipeline.options.UsageException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Runs the batch job only up to one stage and discards that stage's output, so that {@code bench
 * --stages} can time each stage as the difference between two such prefixes (shuffles included,
 * which per-element timers would miss). Usage: {@code StageRun STAGE batch-options...}; writes
 * nothing.
 */
public final class StageRun {
  private StageRun() {}

  /** The stages of the batch job, in order; {@link #buildUpTo} stops after one of them. */
  public enum Stage {
    READ,
    CLEAN,
    FINGERPRINT,
    CANDIDATES,
    VERIFY,
    COMPONENTS,
    WRITE
  }

  public static void main(String[] args) {
    Stage last = Stage.valueOf(args[0].toUpperCase(Locale.ROOT));
    if (last == Stage.WRITE) {
      throw new IllegalArgumentException("the whole job is `batch`; StageRun stops before writing");
    }
    String[] all = ProductionDefaults.apply(Arrays.copyOfRange(args, 1, args.length));
    BatchOptions options =
        DeferredOptions.fromArgs(BatchOptions.class, all).withValidation().as(BatchOptions.class);
    BatchSettings settings = BatchSettings.from(options);
    Pipeline p = Pipeline.create(options);
    @SuppressWarnings("unchecked")
    PCollection<Object> output = (PCollection<Object>) buildUpTo(p, settings, last);
    output.apply("Discard", ParDo.of(new DiscardFn()));
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
  }

  /**
   * The job up to and including {@code last} (without an index): returns that stage's output, which
   * nothing consumes yet; {@link Stage#WRITE} is the whole job, writing into the output.
   */
  public static PCollection<?> buildUpTo(Pipeline p, BatchSettings s, Stage last) {
    if (s.index() != null) {
      throw new UsageException("timing the stages does not take --index");
    }
    BatchStages stages = new BatchStages(p, s);
    BatchStages.Read read = stages.read();
    if (last == Stage.READ) {
      return read.articles().output();
    }
    PCollection<Cleaned> cleaned = stages.clean(read);
    if (last == Stage.CLEAN) {
      return cleaned;
    }
    PCollection<Fingerprint> docs = stages.fingerprint(read, cleaned);
    if (last == Stage.FINGERPRINT) {
      return docs;
    }
    PCollection<KV<String, String>> candidates = stages.candidates(docs);
    if (last == Stage.CANDIDATES) {
      return candidates;
    }
    PCollection<KV<String, String>> edges = stages.verify(docs, candidates);
    if (last == Stage.VERIFY) {
      return edges;
    }
    PCollection<KV<String, String>> components = stages.components(edges);
    if (last == Stage.COMPONENTS) {
      return components;
    }
    PCollection<Cluster> clusters = stages.clusters(docs, components);
    stages.write(read, cleaned, clusters, s.output(), null);
    return clusters;
  }

  /** Consumes every element (so that the runner computes them) and keeps only a count. */
  static final class DiscardFn extends DoFn<Object, Void> {
    private final Counter discarded = Metrics.counter("bench", "discarded");

    @ProcessElement
    public void process(@Element Object element) {
      discarded.inc();
    }
  }
}
