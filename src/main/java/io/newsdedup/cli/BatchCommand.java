package io.newsdedup.cli;

import io.newsdedup.pipeline.batch.BatchOptions;
import io.newsdedup.pipeline.batch.BatchPipeline;
import io.newsdedup.pipeline.batch.Companion;
import io.newsdedup.pipeline.options.ProductionDefaults;
import io.newsdedup.report.DedupReport;
import io.newsdedup.report.ReportSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** {@code news-dedup batch}: the batch job, and with {@code --report} its offline report. */
final class BatchCommand {
  private BatchCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (CommandLine.wantsHelp(args)) {
      CommandLine.help(
          out,
          "news-dedup batch --input=PATTERN[,PATTERN...] --output=DIR [options]",
          """
          Finds copies of the same story among the input articles and writes, in --output:
          clusters-*.jsonl, assignments-*.jsonl, rejected-*.jsonl and summary.json;
          with --report=DIR also the offline HTML report (`news-dedup report --help`).
          """,
          BatchOptions.class,
          String.format(
              Locale.ROOT,
              """
              Beam options are accepted too, e.g. --runner=DirectRunner,
              --runner=FlinkRunner, --targetParallelism=N (Direct runner threads).

              Without --runner, local input of fewer than %,d records (estimated)
              runs on the Direct runner and larger input on embedded Flink, which spills
              to disk; and when the JVM options set no heap, the job's JVM gets one sized
              to the input. The command says which on standard error.
              """,
              BatchChoice.FLINK_FROM));
      return Main.OK;
    }
    BatchOptions options = CommandLine.parse(BatchOptions.class, ProductionDefaults.apply(args));
    if (options.getReport() != null) {
      DedupReport.checkTarget(Path.of(options.getOutput()), Path.of(options.getReport()));
    }
    BatchPipeline.Outcome outcome = BatchPipeline.run(options, report(options));
    var s = outcome.summary();
    out.printf(
        "read %d records: %d articles in %d clusters (%d duplicates), %d rejected%s -> %s%n",
        s.read(),
        s.articles(),
        s.counter("output", "clusters"),
        s.counter("output", "duplicates"),
        s.rejected(),
        s.skipped() > 0 ? ", " + s.skipped() + " skipped" : "",
        options.getOutput());
    if (options.getReport() != null) {
      out.println("report -> " + Path.of(options.getReport(), "index.html"));
    }
    if (!s.accountingHolds()) {
      err.printf(
          "news-dedup batch: accounting mismatch: read %d != articles %d + rejected %d"
              + " + skipped %d%n",
          s.read(), s.articles(), s.rejected(), s.skipped());
      return Main.FAILED;
    }
    return Main.OK;
  }

  /**
   * The offline report as the run's companion: written before {@code _SUCCESS} when {@code
   * --report} is set; its files are what {@code --overwrite} may delete of an earlier run's report.
   */
  private static Companion report(BatchOptions options) {
    return new Companion() {
      @Override
      public boolean writes(String relative) {
        return DedupReport.isReportFile(relative);
      }

      @Override
      public void write(boolean complete) {
        if (options.getReport() != null) {
          DedupReport.write(
              ReportSettings.defaults(Path.of(options.getOutput()), Path.of(options.getReport())),
              complete);
        }
      }
    };
  }
}
