package io.newsdedup.cli;

import io.newsdedup.report.DedupReport;
import io.newsdedup.report.ReportException;
import io.newsdedup.report.ReportSettings;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code news-dedup report --output=DIR [--report=DIR] [options]}: the offline report of a batch
 * run. Exit codes: 0 written, 1 the outputs could not be read or the report not written, 2 a usage
 * error (an unknown or bad option, a missing --output directory). An output without {@code
 * _SUCCESS} is reported too (exit code 0), with {@link DedupReport#INCOMPLETE} on every page and on
 * stderr.
 */
final class ReportCommand {
  private ReportCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (CommandLine.wantsHelp(args)) {
      CommandLine.help(
          out,
          "news-dedup report --output=DIR [--report=DIR] [options]",
          WHAT,
          ReportOptions.class,
          NOTES);
      return Main.OK;
    }
    ReportSettings settings = settings(CommandLine.parse(ReportOptions.class, args));
    DedupReport.Result r = DedupReport.write(settings);
    out.printf(
        "report of %,d clusters (%,d articles, %,d duplicates), %d cluster pages -> %s%n",
        r.clusters(), r.articles(), r.duplicates(), r.pages(), r.index());
    if (!r.complete()) {
      err.println("news-dedup report: warning: " + DedupReport.INCOMPLETE);
    }
    for (String w : r.warnings()) {
      err.println("news-dedup report: warning: " + w);
    }
    return Main.OK;
  }

  /** The settings the options ask for. */
  static ReportSettings settings(ReportOptions o) {
    Path output = path("output", o.getOutput());
    Path report = o.getReport() == null ? output.resolve("report") : path("report", o.getReport());
    Path root = o.getInputRoot() == null ? Path.of("") : path("inputRoot", o.getInputRoot());
    return new ReportSettings(
        output,
        report,
        root,
        o.getTopClusters(),
        o.getListClusters(),
        o.getMaxMembers(),
        o.getMaxRejected(),
        o.getMaxTemplateOnly());
  }

  private static Path path(String name, String value) {
    if (value.isBlank()) {
      throw ReportException.usage("--" + name + " must not be empty");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw ReportException.usage("--" + name + " is not a valid path: " + e.getMessage());
    }
  }

  private static final String WHAT =
      """
      Writes an offline HTML report of a batch run into --report: index.html (summary,
      charts, who copies whom, searchable cluster list), clusters/NNNN.html (members and
      word diffs of the largest clusters), rejected.html, template-only.html, and
      summary.json, sources.csv, clusters.csv, template-only.csv. Open index.html in a
      browser; no server or network is needed.
      """;

  private static final String NOTES =
      """
      An output without _SUCCESS (a run that did not finish, or whose accounting did not
      hold) is reported all the same, with a warning banner on every page and on stderr:
      its numbers may be incomplete. The exit code is still 0.

      Exit codes: 0 written, 1 the outputs could not be read or the report not written,
      2 a usage error (bad option, missing --output directory).
      """;
}
