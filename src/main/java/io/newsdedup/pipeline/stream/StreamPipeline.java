package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Decision;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.index.IndexSeeds;
import io.newsdedup.pipeline.options.DeferredOptions;
import io.newsdedup.pipeline.options.UsageException;
import java.io.IOException;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The stream job: articles from Pub/Sub or Kafka ({@link StreamEnds}), decisions back to it (and,
 * with {@code --output}, to windowed JSONL files), unusable messages to its dead-letter topic. See
 * {@link StreamDedup} for the stages.
 */
public final class StreamPipeline {
  private StreamPipeline() {}

  /** Parses and validates (required options) a command line into stream options. */
  public static StreamOptions options(String... args) {
    StreamOptions o =
        DeferredOptions.fromArgs(StreamOptions.class, args)
            .withValidation()
            .as(StreamOptions.class);
    o.setStreaming(true);
    return o;
  }

  /**
   * Validates the settings, builds and starts the job, and returns at once (on the Direct runner
   * too); {@code waitUntilFinish()} or {@code cancel()} the result.
   */
  public static PipelineResult start(StreamOptions o) {
    StreamSettings s = StreamSettings.from(o);
    if (s.index() != null) {
      System.err.println(
          "news-dedup stream: starting from the batch index in "
              + s.index()
              + ": "
              + checkedArticles(s.index())
              + " articles");
    }
    o.setStreaming(true);
    if (o.getRunner().getSimpleName().equals("DirectRunner")) {
      o.as(DirectOptions.class).setBlockOnRun(false);
    }
    EmbeddedFlink.configure(o); // before IndexStateBackend takes --stateBackend over
    IndexStateBackend.apply(o);
    Pipeline p = Pipeline.create(o);
    build(p, s);
    return p.run();
  }

  /**
   * Reads the whole batch index once before the job starts, so that a damaged one stops the command
   * with a clear message instead of failing the running job's first arrival.
   */
  private static long checkedArticles(String index) {
    try {
      return IndexSeeds.read(index, c -> {});
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("--index: cannot read " + index + ": " + e.getMessage(), e);
    }
  }

  /** read → {@link StreamDedup} → publish decisions and dead letters (and decision files). */
  public static void build(Pipeline p, StreamSettings s) {
    CoreCoders.registerAll(p);
    StreamEnds ends = s.ends();
    PCollectionTuple out = ends.read(p).apply("Dedup", StreamDedup.with(s));
    PCollection<Decision> decisions = out.get(StreamDedup.DECISIONS);
    ends.writeDecisions(decisions);
    ends.writeDeadLetters(out.get(StreamDedup.DEAD_LETTERS));
    if (s.output() != null) {
      writeFiles(decisions, s.output(), s.windowMinutes());
    }
  }

  /**
   * Decision lines into {@code dir/decisions-WINDOW-pane-N-...-00000-of-00001.jsonl}, windowed by
   * decision time (not event time: a decision on an article published days ago belongs with the
   * decisions made now). A window's decisions are written at the latest one window length (of
   * processing time) after the first of them, and whatever came after that when the watermark
   * passes the window's end, each time as a further pane file: files appear even while the
   * watermark stands still (PubsubIO's watermark does on an idle subscription on the Direct
   * runner).
   */
  public static void writeFiles(PCollection<Decision> decisions, String dir, int windowMinutes) {
    String prefix = dir.endsWith("/") ? dir + "decisions-" : dir + "/decisions-";
    Duration window = Duration.standardMinutes(windowMinutes);
    decisions
        .apply("AtDecisionTime", ParDo.of(new DecisionLineFn()))
        .apply(
            "DecisionWindows",
            Window.<String>into(FixedWindows.of(window))
                .triggering(
                    AfterWatermark.pastEndOfWindow()
                        .withEarlyFirings(
                            AfterProcessingTime.pastFirstElementInPane().plusDelayOf(window))
                        .withLateFirings(AfterPane.elementCountAtLeast(1)))
                .withAllowedLateness(window)
                .discardingFiredPanes())
        .apply(
            "WriteDecisionFiles",
            TextIO.write().to(prefix).withSuffix(".jsonl").withWindowedWrites().withNumShards(1));
  }

  /** The decision's JSON line, timestamped with its decision time (never earlier than it was). */
  static final class DecisionLineFn extends DoFn<Decision, String> {
    @ProcessElement
    public void process(
        @Element Decision d, @Timestamp Instant timestamp, OutputReceiver<String> out) {
      Instant decided = new Instant(d.decidedAtMillis());
      out.outputWithTimestamp(d.toJson(), decided.isAfter(timestamp) ? decided : timestamp);
    }
  }
}
