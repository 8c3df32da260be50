package io.newsdedup.pipeline.batch;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.pipeline.candidates.FindCandidates;
import io.newsdedup.pipeline.cluster.BuildClusters;
import io.newsdedup.pipeline.cluster.ConnectedComponents;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.fingerprint.Cleaned;
import io.newsdedup.pipeline.fingerprint.Fingerprint;
import io.newsdedup.pipeline.fingerprint.FingerprintArticles;
import io.newsdedup.pipeline.index.IndexDirectory;
import io.newsdedup.pipeline.index.MergeWithIndex;
import io.newsdedup.pipeline.index.ReadIndex;
import io.newsdedup.pipeline.index.WriteIndex;
import io.newsdedup.pipeline.progress.ProgressLine;
import io.newsdedup.pipeline.read.InputFile;
import io.newsdedup.pipeline.read.InputPatterns;
import io.newsdedup.pipeline.read.ReadArticles;
import io.newsdedup.pipeline.read.UniqueIds;
import io.newsdedup.pipeline.verify.VerifyCandidates;
import io.newsdedup.pipeline.write.DirectoryLock;
import io.newsdedup.pipeline.write.StagingDirectories;
import io.newsdedup.pipeline.write.WriteResults;
import io.newsdedup.report.DedupReport;
import io.newsdedup.report.ReportSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/** The batch job: article files in, canonical clusters with provenance out. */
public final class BatchPipeline {
  private BatchPipeline() {}

  /** What a finished run produced. */
  public record Outcome(PipelineResult result, RunSummary summary) {}

  /**
   * Validates the options, runs the job to completion into the output directory's staging
   * directory, then publishes the outputs and {@code summary.json}, updates the index, writes the
   * offline report ({@code --report}) and, when the accounting holds, {@code _SUCCESS} last
   * ({@link OutputDirectory}).
   */
  public static Outcome run(BatchOptions options) {
    Instant started = Instant.now();
    BatchSettings settings = BatchSettings.from(options);
    FileSystems.setDefaultPipelineOptions(options);
    List<InputFile> inputs = checkInputs(settings);
    checkIndex(settings);
    MemoryEstimate.warning(options.getRunner().getSimpleName(), inputs,
            Runtime.getRuntime().maxMemory())
        .ifPresent(w -> System.err.println("news-dedup batch: " + w));
    try (OutputDirectory output = OutputDirectory.open(options);
        IndexDirectory index = openIndex(settings)) {
      PipelineResult result = runJob(options, settings, output.staging(),
          index == null ? null : index.staging());
      RunSummary summary =
          RunSummary.of(result.metrics(), settings, options, started, Instant.now());
      output.publish(summary);
      if (index != null) {
        index.publish(summary.counter(MergeWithIndex.NAMESPACE, "articles_indexed"));
      }
      if (options.getReport() != null) {
        // before _SUCCESS, the last file: the report is told whether it will be written
        DedupReport.write(
            ReportSettings.defaults(Path.of(settings.output()), Path.of(options.getReport())),
            summary.accountingHolds());
      }
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
          if (attempt == DirectRunnerWatch.ATTEMPTS || !StagingDirectories.emptyLocal(writeTo)
              || (indexTo != null && !StagingDirectories.emptyLocal(indexTo))) {
            throw new IllegalStateException(e.getMessage() + " (a rare stall of Beam's Direct"
                + " runner; nothing was published: run again, or use --runner=FlinkRunner)", e);
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
      throw new UsageException("cannot match --input pattern " + pattern + ": " + e.getMessage(), e);
    }
  }

  /** The stages of the batch job, in order; {@link #buildUpTo} stops after one of them. */
  public enum Stage { READ, CLEAN, FINGERPRINT, CANDIDATES, VERIFY, COMPONENTS, WRITE }

  /**
   * read → clean → (merge with the index) → fingerprint → candidates → verify → components →
   * clusters → write (into {@code writeTo}: the output directory or a staging directory; and the
   * next index into {@code indexTo} when there is an index). Beside them, unique ids name the
   * records that give up their id, which the merge or the fingerprinting drops.
   */
  public static void build(Pipeline p, BatchSettings s, String writeTo, String indexTo) {
    build(p, s, writeTo, indexTo, Stage.WRITE);
  }

  /**
   * The job up to and including {@code last} (without an index), for timing the stages: returns
   * that stage's output, which nothing consumes yet; {@link Stage#WRITE} is the whole job.
   */
  public static PCollection<?> buildUpTo(Pipeline p, BatchSettings s, String writeTo, Stage last) {
    if (s.index() != null) {
      throw new UsageException("timing the stages does not take --index");
    }
    return build(p, s, writeTo, null, last);
  }

  private static PCollection<?> build(
      Pipeline p, BatchSettings s, String writeTo, String indexTo, Stage last) {
    CoreCoders.registerAll(p);
    WithFailures.Result<PCollection<Article>, Rejection> read =
        p.apply("ReadArticles", ReadArticles.from(s.inputs()));
    UniqueIds.Result unique =
        read.output().apply("UniqueIds", UniqueIds.of(s.inputs()).withShards(s.shards()));
    if (last == Stage.READ) {
      return read.output();
    }
    FingerprintArticles fingerprint = FingerprintArticles.create()
        .withRules(s.rules()).withLearning(s.learning()).withMinShingles(s.minShingles())
        .withShingleSize(s.shingleSize()).withNumHashes(s.numHashes())
        .withMaxChars(s.maxArticleChars()).withShards(s.shards());
    // The records that gave up their id are dropped at the first step that waits anyway: the
    // merge with the index, else the fingerprinting (which waits for the learned boilerplate).
    PCollection<Cleaned> cleaned = read.output().apply("Clean", fingerprint.cleaning());
    if (s.index() != null) {
      cleaned = cleaned.apply("MergeWithIndex",
          MergeWithIndex.of(p.apply("ReadIndex", ReadIndex.from(s.index())))
              .without(unique.dropped()).withShards(s.shards()));
    }
    if (last == Stage.CLEAN) {
      return cleaned;
    }
    PCollection<Fingerprint> docs = cleaned.apply("Fingerprint",
        fingerprint.fingerprinting(s.index() != null ? null : unique.dropped()));
    if (last == Stage.FINGERPRINT) {
      return docs;
    }
    PCollection<KV<String, String>> candidates =
        docs.apply("FindCandidates", FindCandidates.withBanding(s.lsh())
                .withFullPairsUpTo(s.hotBucketSize()).withNeighbours(s.hotBucketNeighbours())
                .withAnchors(s.anchors()).withMaxAnchorBucket(s.maxAnchorBucket())
                .withTitles(s.titleCandidates())
                .withShards(s.shards()));
    if (last == Stage.CANDIDATES) {
      return candidates;
    }
    PCollection<KV<String, String>> edges = candidates.apply("VerifyCandidates",
        VerifyCandidates.against(docs, s.rule()).withShards(s.shards()));
    if (last == Stage.VERIFY) {
      return edges;
    }
    PCollection<KV<String, String>> components =
        edges.apply("ConnectedComponents",
            ConnectedComponents.create().withRounds(s.componentRounds()).withShards(s.shards()));
    if (last == Stage.COMPONENTS) {
      return components;
    }
    PCollection<Cluster> clusters =
        docs.apply("BuildClusters",
            BuildClusters.from(components, s.builder()).withShards(s.shards()));
    PCollection<Rejection> rejected =
        PCollectionList.of(read.failures()).and(unique.rejected())
            .apply("AllRejections", Flatten.pCollections());
    clusters.apply("WriteResults",
        WriteResults.to(writeTo, rejected).withNumShards(s.numShards())
            .withReviewAbove(s.reviewClusterSize()).withIncremental(s.index() != null));
    if (s.index() != null) {
      clusters.apply("WriteIndex", WriteIndex.to(indexTo, cleaned)
          .withRetention(s.indexRetention()).withShards(s.shards()));
    }
    return clusters;
  }
}
