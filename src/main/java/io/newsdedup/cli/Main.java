package io.newsdedup.cli;

import io.newsdedup.pipeline.batch.BatchOptions;
import io.newsdedup.pipeline.batch.BatchPipeline;
import io.newsdedup.pipeline.batch.UsageException;
import io.newsdedup.pipeline.stream.StreamOptions;
import io.newsdedup.pipeline.stream.StreamPipeline;
import io.newsdedup.report.DedupReport;
import io.newsdedup.report.ReportCommand;
import io.newsdedup.report.ReportException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code news-dedup <command> [--name=value ...]}. Exit codes: 0 success, 1 the run failed (or its
 * accounting did not add up), 2 a usage error.
 */
public final class Main {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private Main() {}

  /**
   * The jar's entry point: runs the command in a child JVM that ends at the first out-of-memory,
   * stops on SIGTERM and reads file names as UTF-8 ({@link Supervisor}).
   */
  public static void main(String[] args) {
    boolean help = args.length == 0 || args[0].equals("help")
        || Arrays.stream(args).anyMatch(Main::isHelp);
    int code = help
        ? run(args, System.out, System.err)
        : Supervisor.runInChild(args, System.err)
            .orElseGet(() -> run(args, System.out, System.err));
    System.exit(code);
  }

  /** Runs a command; returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || isHelp(args[0]) || args[0].equals("help")) {
      out.print(usage());
      return args.length == 0 ? USAGE : OK;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return switch (command) {
        case "batch" -> batch(rest, out, err);
        case "stream" -> stream(rest, out, err);
        case "eval" -> EvalCommand.run(rest, out, err);
        case "bench" -> io.newsdedup.bench.BenchCommand.run(rest, out, err);
        case "report" -> ReportCommand.run(rest, out, err);
        default -> {
          err.println("news-dedup: unknown command \"" + command + "\"");
          err.print(usage());
          yield USAGE;
        }
      };
    } catch (UsageException | IllegalArgumentException e) {
      err.println("news-dedup " + command + ": " + e.getMessage());
      err.println("Run `news-dedup " + command + " --help` for the options.");
      return USAGE;
    } catch (ReportException e) {
      err.println("news-dedup " + command + ": report: " + e.getMessage());
      return e.exitCode();
    } catch (RuntimeException | java.io.IOException e) {
      err.println("news-dedup " + command + " failed: " + e);
      e.printStackTrace(err);
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  private static int batch(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.stream(args).anyMatch(Main::isHelp)) {
      out.println("news-dedup batch --input=PATTERN[,PATTERN...] --output=DIR [options]");
      out.println();
      out.println("Finds copies of the same story among the input articles and writes, in --output:");
      out.println("clusters-*.jsonl, assignments-*.jsonl, rejected-*.jsonl and summary.json;");
      out.println("with --report=DIR also the offline HTML report (`news-dedup report --help`).");
      out.println();
      out.println("Options:");
      out.print(OptionsHelp.describe(BatchOptions.class));
      out.println();
      out.println("Beam options are accepted too, e.g. --runner=DirectRunner,");
      out.println("--runner=FlinkRunner, --targetParallelism=N (Direct runner threads).");
      out.println();
      out.printf(java.util.Locale.ROOT, "Without --runner, local input of fewer than %,d records"
          + " (estimated)%n", BatchChoice.FLINK_FROM);
      out.println("runs on the Direct runner and larger input on embedded Flink, which spills");
      out.println("to disk; and when the JVM options set no heap, the job's JVM gets one sized");
      out.println("to the input. The command says which on standard error.");
      return OK;
    }
    PipelineOptionsFactory.register(BatchOptions.class);
    BatchOptions options =
        PipelineOptionsFactory.fromArgs(withProductionDefaults(args))
            .withValidation()
            .as(BatchOptions.class);
    if (options.getReport() != null) {
      DedupReport.checkTarget(Path.of(options.getOutput()), Path.of(options.getReport()));
    }
    BatchPipeline.Outcome outcome = BatchPipeline.run(options);
    var s = outcome.summary();
    out.printf(
        "read %d records: %d articles in %d clusters (%d duplicates), %d rejected -> %s%n",
        s.read(), s.articles(), s.counter("output", "clusters"), s.counter("output", "duplicates"),
        s.rejected(), options.getOutput());
    if (options.getReport() != null) {
      out.println("report -> " + Path.of(options.getReport(), "index.html"));
    }
    if (!s.accountingHolds()) {
      err.printf(
          "news-dedup batch: accounting mismatch: read %d != articles %d + rejected %d%n",
          s.read(), s.articles(), s.rejected());
      return FAILED;
    }
    return OK;
  }

  /** The stream job's options that Beam's Pub/Sub and Google Cloud interfaces declare. */
  private static final java.util.Set<String> PUBSUB_OPTIONS =
      java.util.Set.of("pubsubRootUrl", "project", "credentialFactoryClass");

  private static int stream(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.stream(args).anyMatch(Main::isHelp)) {
      out.println("news-dedup stream (--inputSubscription=SUBSCRIPTION | --inputTopic=TOPIC)");
      out.println("    --outputTopic=TOPIC --deadLetterTopic=TOPIC [options]");
      out.println();
      out.println("Reads articles from Pub/Sub (one per message, the batch JSON contract;");
      out.println("attributes id and published_at override the JSON) and publishes one decision");
      out.println("per article on --outputTopic: new, duplicate (of canonical_id), and");
      out.println("canonical_changed for earlier articles when a better original arrives.");
      out.println("Unusable messages go to --deadLetterTopic. Runs until stopped (Ctrl-C).");
      out.println("Topics and subscriptions are projects/PROJECT/topics/NAME and");
      out.println("projects/PROJECT/subscriptions/NAME.");
      out.println();
      out.println("Options:");
      out.print(OptionsHelp.describe(StreamOptions.class));
      out.println();
      out.println("Pub/Sub and Google Cloud options (Beam's):");
      out.print(OptionsHelp.describe(StreamOptions.class, PUBSUB_OPTIONS));
      out.println();
      out.println("Google Cloud Pub/Sub takes Application Default Credentials (gcloud auth");
      out.println("application-default login, or GOOGLE_APPLICATION_CREDENTIALS).");
      out.println("The local emulator:");
      out.println("  --pubsubRootUrl=http://127.0.0.1:8085 --project=PROJECT");
      out.println("  --credentialFactoryClass=" + NOOP_CREDENTIALS);
      out.println("  with NO_GCE_CHECK=true in the environment.");
      out.println("Beam options are accepted too, e.g. --runner=DirectRunner (default).");
      return OK;
    }
    StreamOptions options = StreamPipeline.options(withProductionDefaults(args));
    PipelineResult result = StreamPipeline.start(options);
    String input = options.getInputSubscription() != null
        ? options.getInputSubscription() : options.getInputTopic();
    out.printf("news-dedup stream: reading %s; decisions -> %s; dead letters -> %s;"
            + " index retention %s. Stop with Ctrl-C.%n", input, options.getOutputTopic(),
        options.getDeadLetterTopic(), options.getIndexRetention());
    Thread cancel = new Thread(() -> {
      try {
        result.cancel();
      } catch (java.io.IOException | RuntimeException e) {
        // stopping anyway
      }
    }, "news-dedup-stream-cancel");
    Runtime.getRuntime().addShutdownHook(cancel);
    PipelineResult.State state;
    try {
      state = result.waitUntilFinish();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cancel);
      } catch (IllegalStateException e) {
        // the JVM is shutting down
      }
    }
    if (state == PipelineResult.State.DONE || state == PipelineResult.State.CANCELLED) {
      return OK;
    }
    err.println("news-dedup stream: the pipeline ended in state " + state);
    return FAILED;
  }

  private static final String NOOP_CREDENTIALS =
      "org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory";

  /**
   * The Direct runner re-encodes and clones every element to catch DoFns that mutate their input,
   * and Flink copies every element by encoding it between chained operators for the same reason;
   * that is for tests (TestPipeline keeps the Direct runner's checks on, so a DoFn that mutated
   * its input would fail there) and costs production runs dearly. Production runs turn both off
   * unless the command line says otherwise.
   */
  public static String[] withProductionDefaults(String[] args) {
    java.util.List<String> all = new java.util.ArrayList<>(Arrays.asList(args));
    String[][] defaults = {
      {"enforceImmutability", "false"}, // Direct runner: no immutability checks of every element
      {"enforceEncodability", "false"}, // Direct runner: no encoding round trip of every element
      {"fasterCopy", "true"}, // Flink: no copy by encoding between chained operators
    };
    for (String[] d : defaults) {
      if (all.stream().noneMatch(a -> a.startsWith("--" + d[0]))) {
        all.add("--" + d[0] + "=" + d[1]);
      }
    }
    return all.toArray(String[]::new);
  }

  static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.startsWith("--help=");
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: java -jar news-dedup.jar <command> [--name=value ...]",
        "",
        "Commands:",
        "  batch           dedup article files: clusters, assignments, rejected, summary.json",
        "  stream          dedup articles from Pub/Sub as they arrive: a decision per article",
        "  eval            score a batch output against labels (precision, recall, ARI, ...)",
        "  eval generate   build a labelled evaluation corpus from plain article texts",
        "  bench           end-to-end throughput of batch on a generated corpus",
        "  report          offline HTML report of a batch run's outputs",
        "",
        "Run `java -jar news-dedup.jar <command> --help` for a command's options.",
        "Exit codes: 0 success, 1 failure, 2 usage error.",
        "");
  }
}
