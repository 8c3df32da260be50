package io.newsdedup.cli;

import io.newsdedup.bench.Bench;
import io.newsdedup.bench.BenchSettings;
import io.newsdedup.bench.stream.IndexBench;
import io.newsdedup.bench.stream.StreamBench;
import io.newsdedup.pipeline.options.MatchingOptions;
import io.newsdedup.pipeline.options.MatchingSettingsFactory;
import io.newsdedup.pipeline.options.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code news-dedup bench [tool] [--name=value ...]}: the end-to-end bench of {@code batch}, and
 * the tools {@code fixed-cost}, {@code kernels}, {@code corpus-kernels}, {@code floor}, {@code
 * accuracy}, {@code stream} and {@code warc}.
 */
final class BenchCommand {
  private BenchCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    if (CommandLine.wantsHelp(args)) {
      CommandLine.help(out, USAGE, WHAT, BenchOptions.class, NOTES);
      return Main.OK;
    }
    String tool = args.length > 0 && !args[0].startsWith("--") ? args[0] : "";
    String[] rest = tool.isEmpty() ? args : Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.stream(rest).anyMatch(a -> a.startsWith("--floorClasses="))) {
      throw new UsageException(
          "--floorClasses is gone: --floor=true times the floor program of this jar");
    }
    BenchOptions o = CommandLine.parse(BenchOptions.class, rest);
    return switch (tool) {
      case "" -> Bench.endToEnd(settings(o), out, err);
      case "fixed-cost" ->
          Bench.fixedCost(
              settings(o),
              o.getCorpus() == null || o.getCorpus().isBlank() ? Bench.README_INPUT : o.getCorpus(),
              out,
              err);
      case "kernels" -> Bench.kernels(out, err);
      case "accuracy" -> Bench.accuracy(out, o.getPairs());
      case "corpus-kernels" ->
          Bench.corpusKernels(
              out,
              corpus(o, tool),
              o.getArticles() == null ? Integer.MAX_VALUE : o.getArticles(),
              o.getPasses());
      case "floor" -> Bench.floor(out, corpus(o, tool));
      case "stream" -> {
        StreamBench.run(
            new StreamBench.Settings(
                corpus(o, tool),
                o.getArticles() == null ? 2_000 : o.getArticles(),
                o.getRate(),
                StreamBench.args(o.getStreamArgs()),
                o.getEmulator(),
                Path.of(o.getWorkDir()).resolve("stream"),
                o.getXmx()),
            out);
        yield Main.OK;
      }
      case "stream-index" -> {
        IndexBench.run(
            corpus(o, tool),
            o.getArticles() == null ? 20_000 : o.getArticles(),
            List.of(o.getState().split(",")),
            Path.of(o.getWorkDir()),
            MatchingSettingsFactory.from(PipelineOptionsFactory.create().as(MatchingOptions.class)),
            out);
        yield Main.OK;
      }
      case "warc" -> Bench.warc(out, corpus(o, tool), Path.of(o.getWorkDir()));
      default -> throw new UsageException("no bench tool \"" + tool + "\"");
    };
  }

  private static Path corpus(BenchOptions o, String tool) {
    if (o.getCorpus() == null || o.getCorpus().isBlank()) {
      throw new UsageException("--corpus=FILE.jsonl is required");
    }
    return Path.of(o.getCorpus());
  }

  /** The end-to-end bench's settings, with the defaults the command applies itself. */
  static BenchSettings settings(BenchOptions o) {
    return new BenchSettings(
        o.getArticles() == null ? BenchSettings.DEFAULT_ARTICLES : o.getArticles(),
        o.getCopyShare() == null ? BenchSettings.DEFAULT_COPY_SHARE : o.getCopyShare(),
        o.getSeed() == null ? BenchSettings.DEFAULT_SEED : o.getSeed(),
        o.getCorpus() == null || o.getCorpus().isBlank() ? null : o.getCorpus(),
        o.getWorkDir(),
        o.getReps(),
        o.getRunner().getSimpleName(),
        o.getXmx(),
        nullToEmpty(o.getBatchArgs()),
        o.getFloor(),
        o.getRunnerFloor(),
        o.getStages(),
        nullToEmpty(o.getBaseline()),
        nullToEmpty(o.getJvmArgs()),
        nullToEmpty(o.getBaselineJvmArgs()),
        o.getAsUser());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The tools {@link #run} knows besides the end-to-end bench; messages name them with "bench". */
  static final List<String> TOOLS =
      List.of(
          "fixed-cost",
          "kernels",
          "corpus-kernels",
          "floor",
          "accuracy",
          "stream",
          "stream-index",
          "warc");

  private static final String USAGE =
      "news-dedup bench [" + String.join("|", TOOLS) + "] [--name=value ...]";

  private static final String WHAT =
      """
      bench: end-to-end throughput of batch. Generates (or takes, --corpus) a JSONL corpus,
        runs batch on it in a fresh JVM per repetition (--runner, default DirectRunner), and
        prints wall time, articles/s and peak resident memory, then the medians (RESULT lines).
        With --floor=true also the ratio to the floor program, and TARGET lines: the ratio
        against its goal (4 below 1,000,000 articles, 2.5 from there) and, from 1,000,000
        articles, peak RSS against 3 GB. --asUser=true runs batch as the README's first command.
      bench fixed-cost [--corpus=PATTERN] [--reps=3] [--baseline=JAR]: the README's first
        command (java -jar JAR batch --input='testdata/articles/*' --output=...) timed from the
        repository's top directory, JVM start included, against its goal of 5 s.
      bench kernels: JMH benchmarks of the per-article kernels.
      bench corpus-kernels --corpus=FILE.jsonl [--articles=N] [--passes=5]: the same kernels
        over a corpus's own texts, one thread.
      bench floor --corpus=FILE.jsonl: the floor program alone, in this JVM (read the JSONL,
        5-word shingles, OPH MinHash-128, 9 x 13 LSH buckets; one thread, no Beam).
      bench accuracy [--pairs=N]: the MinHash estimate's error against exact Jaccard.
      bench stream --corpus=FILE.jsonl [--articles=2000] [--rate=200] [--streamArgs="..."]:
        the stream job against the Pub/Sub emulator, in its own JVM (--xmx); publishes the
        articles at --rate per second once the job decides, and prints publish-to-decision
        latency (p50, p95, p99, max), the rates, and with a local --stateBackendStoragePath the
        last checkpoint's size per article.
      bench stream-index --corpus=FILE.jsonl [--articles=20000] [--state=heap,rocksdb]: the
        stream index's algorithm alone, one thread, no runner: the ceiling of its one key, on
        each state asked for (heap, encoded, rocksdb), with RocksDB's bytes on disk.
      bench warc --corpus=FILE.jsonl [--workDir=DIR]: the corpus's articles captured into a
        .warc.gz (a request and a response with a news page each, gzipped record by record),
        to time WARC input against the same articles as JSONL.
      """;

  private static final String NOTES =
      """
      Beam's --runner names the runner of the timed batch runs (default: DirectRunner).
      Runs alternate with the baseline's, the baseline first in every other repetition, so
      that a machine whose speed drifts favours neither side.
      """;
}
