package io.newsdedup.bench;

import io.newsdedup.cli.Main;
import io.newsdedup.pipeline.batch.BatchOptions;
import io.newsdedup.pipeline.batch.BatchPipeline;
import io.newsdedup.pipeline.batch.BatchPipeline.Stage;
import io.newsdedup.pipeline.batch.BatchSettings;
import java.util.Arrays;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Runs the batch job only up to one stage and discards that stage's output, so that {@code bench
 * --stages} can time each stage as the difference between two such prefixes (shuffles included,
 * which per-element timers would miss). Usage: {@code StageRun STAGE batch-options...}; writes
 * nothing.
 */
public final class StageRun {
  private StageRun() {}

  public static void main(String[] args) {
    Stage last = Stage.valueOf(args[0].toUpperCase(Locale.ROOT));
    if (last == Stage.WRITE) {
      throw new IllegalArgumentException("the whole job is `batch`; StageRun stops before writing");
    }
    PipelineOptionsFactory.register(BatchOptions.class);
    BatchOptions options = PipelineOptionsFactory
        .fromArgs(Main.withProductionDefaults(Arrays.copyOfRange(args, 1, args.length)))
        .withValidation().as(BatchOptions.class);
    BatchSettings settings = BatchSettings.from(options);
    Pipeline p = Pipeline.create(options);
    @SuppressWarnings("unchecked")
    PCollection<Object> output =
        (PCollection<Object>) BatchPipeline.buildUpTo(p, settings, settings.output(), last);
    output.apply("Discard", ParDo.of(new DiscardFn()));
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
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
