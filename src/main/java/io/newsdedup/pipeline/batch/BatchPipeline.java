package io.newsdedup.pipeline.batch;

import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.pipeline.index.IndexDirectory;
import io.newsdedup.pipeline.index.MergeWithIndex;
import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.pipeline.progress.ProgressLine;
import io.newsdedup.pipeline.read.InputFile;
import io.newsdedup.pipeline.read.InputPatterns;
import io.newsdedup.pipeline.write.DirectoryLock;
import io.newsdedup.pipeline.write.StagingDirectories;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** The batch job: article files in, canonical clusters with provenance out. */
public final class BatchPipeline {
  private BatchPipeline() {}

  /** What a finished run produced. */
  public record Outcome(PipelineResult result, RunSummary summary) {}

  /**
   * Validates the options, runs the job to completion into the output directory's staging
   * directory, then publishes the outputs and {@code summary.json}, updates the index, writes the
   * companion (the offline report of {@code --report}) and, when the accounting holds, {@code
   * _SUCCESS} last ({@link OutputDirectory}).
   */
  public static Outcome run(BatchOptions options, Companion companion) {
    Instant started = Instant.now();
    BatchSettings settings = BatchSettings.from(options);
    FileSystems.setDefaultPipelineOptions(options);
    List<InputFile> inputs = checkInputs(settings);
    checkIndex(settings);
    MemoryEstimate.warning(
            options.getRunner().getSimpleName(), inputs, Runtime.getRuntime().maxMemory())
        .ifPresent(w -> System.err.println("news-dedup batch: " + w));
    try (OutputDirectory output = OutputDirectory.open(options, companion);
        IndexDirectory index = openIndex(settings)) {
      PipelineResult result =
          runJob(options, settings, output.staging(), index == null ? null : index.staging());
      RunSummary summary =
          RunSummary.of(result.metrics(), settings, options, started, Instant.now());
      output.publish(summary);
      if (index != null) {
        index.publish(summary.counter(MergeWithIndex.NAMESPACE, "articles_indexed"));
      }
      // before _SUCCESS, the last file: the companion is told whether it will be written
      companion.write(summary.accountingHolds());
      if (summary.accountingHolds()) {
        output.markSuccess();
      }
      return new Outcome(result, summary);
    }
  }

  /** Runs the job to its end; a job that does not end DONE is an exception. */
  private static PipelineResult runJob(
      BatchOptions options, BatchSettings settings, String writeTo, String indexTo) {
    // On the Direct runner the job is watched rather than waited for: a stalled runner is tried
    // again with emptied staging directories (the outputs are deterministic), up to ATTEMPTS runs
    // in all, then fails the run with a message instead of hanging it (DirectRunnerWatch).
    options.as(DirectOptions.class).setBlockOnRun(false);
    try (ProgressLine progress = ProgressLine.start("batch", System.err)) {
      for (int attempt = 1; ; attempt++) {
        Pipeline pipeline = Pipeline.create(options);
        build(pipeline, settings, writeTo, indexTo);
        PipelineResult result = pipeline.run();
        PipelineResult.State state;
        try {
          state = DirectRunnerWatch.await(result, DirectRunnerWatch.STALL);
        } catch (DirectRunnerWatch.Stalled e) {
          if (attempt == DirectRunnerWatch.ATTEMPTS
              || !StagingDirectories.emptyLocal(writeTo)
              || (indexTo != null && !StagingDirectories.emptyLocal(indexTo))) {
            throw new IllegalStateException(
                e.getMessage()
                    + " (a rare stall of Beam's Direct"
                    + " runner; nothing was published: run again, or use --runner=FlinkRunner)",
                e);
          }
          System.err.println("news-dedup batch: " + e.getMessage() + "; running the job again");
          continue;
        }
        if (state != PipelineResult.State.DONE) {
          throw new IllegalStateException("the pipeline ended in state " + state);
        }
        return result;
      }
    }
  }

  /** Every file the input patterns match; a pattern that matches nothing is a usage error. */
  private static List<InputFile> checkInputs(BatchSettings settings) {
    List<InputFile> files = new ArrayList<>();
    for (String pattern : settings.inputs()) {
      List<InputFile> matched = match(pattern);
      if (matched.isEmpty()) {
        throw new UsageException("--input pattern " + pattern + " matched no file");
      }
      files.addAll(matched);
    }
    return files;
  }

  private static IndexDirectory openIndex(BatchSettings settings) {
    if (settings.index() == null) {
      return null;
    }
    try {
      return IndexDirectory.open(settings.index(), settings.matchingParameters());
    } catch (DirectoryLock.Busy e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private static void checkIndex(BatchSettings settings) {
    if (settings.index() == null) {
      return;
    }
    String mismatch = IndexDirectory.mismatch(settings.index(), settings.matchingParameters());
    if (mismatch != null) {
      throw new UsageException(mismatch + "; use the same options, or another --index");
    }
  }

  private static List<InputFile> match(String pattern) {
    try {
      return InputPatterns.match(pattern);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException(
          "cannot match --input pattern " + pattern + ": " + e.getMessage(), e);
    }
  }

  /**
   * The whole job ({@link BatchStages}): read → clean → (merge with the index) → fingerprint →
   * candidates → verify → components → clusters → write (into {@code writeTo}: the output directory
   * or a staging directory; and the next index into {@code indexTo} when there is an index).
   */
  public static void build(Pipeline p, BatchSettings s, String writeTo, String indexTo) {
    BatchStages stages = new BatchStages(p, s);
    BatchStages.Read read = stages.read();
    PCollection<Cleaned> cleaned = stages.clean(read);
    PCollection<Fingerprint> docs = stages.fingerprint(read, cleaned);
    PCollection<KV<String, String>> edges = stages.verify(docs, stages.candidates(docs));
    PCollection<Cluster> clusters = stages.clusters(docs, stages.components(edges));
    stages.write(read, cleaned, clusters, writeTo, indexTo);
  }
}
