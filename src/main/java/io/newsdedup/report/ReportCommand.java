package io.newsdedup.report;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code news-dedup report --output=DIR [--report=DIR] [options]}: the offline report of a batch
 * run. Exit codes: 0 written, 1 the outputs could not be read or the report not written, 2 a usage
 * error (an unknown or bad option, a missing --output directory). An output without {@code
 * _SUCCESS} is reported too (exit code 0), with {@link DedupReport#INCOMPLETE} on every page and on
 * stderr.
 */
public final class ReportCommand {
  private ReportCommand() {}

  /** Option → (value shown as default, description), in the order of the help. */
  private static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put(
        "output",
        new String[] {
          null,
          "The output directory of a batch run (clusters-*.jsonl, assignments-*.jsonl,"
              + " rejected-*.jsonl, summary.json). Only read."
        });
    OPTIONS.put(
        "report",
        new String[] {
          "OUTPUT/report",
          "Directory to write the report into (created; pages of an earlier report there are"
              + " replaced). Must not be the --output directory."
        });
    OPTIONS.put(
        "inputRoot",
        new String[] {
          "the current directory",
          "Directory that relative origin paths (as the batch --input pattern was written) are"
              + " resolved against when article texts are re-read for the diffs: where batch ran."
        });
    OPTIONS.put(
        "topClusters",
        new String[] {
          String.valueOf(ReportSettings.DEFAULT_TOP_CLUSTERS),
          "The largest clusters that get a page with their members and word diffs."
        });
    OPTIONS.put(
        "listClusters",
        new String[] {
          String.valueOf(ReportSettings.DEFAULT_LIST_CLUSTERS),
          "The largest clusters listed (searchable) on index.html; clusters.csv lists all."
        });
    OPTIONS.put(
        "maxMembers",
        new String[] {
          String.valueOf(ReportSettings.DEFAULT_MAX_MEMBERS),
          "Members shown on a cluster page, the canonical included; beyond it, the least similar"
              + " duplicates are shown."
        });
    OPTIONS.put(
        "maxRejected",
        new String[] {
          String.valueOf(ReportSettings.DEFAULT_MAX_REJECTED),
          "Rejected records shown on rejected.html (all are counted)."
        });
    OPTIONS.put(
        "maxTemplateOnly",
        new String[] {
          String.valueOf(ReportSettings.DEFAULT_MAX_TEMPLATE_ONLY),
          "Template-only pages (walls, bot checks, error pages: low_content_reason template_only)"
              + " listed on template-only.html; all are counted, template-only.csv lists all."
        });
  }

  /** Runs the command; returns its exit code. Never throws for bad input. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h") || a.startsWith("--help=")) {
        out.print(help());
        return 0;
      }
    }
    try {
      ReportSettings settings = parse(args);
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
      return 0;
    } catch (ReportException e) {
      err.println("news-dedup report: " + e.getMessage());
      if (e.exitCode() == 2) {
        err.println("Run `news-dedup report --help` for the options.");
      }
      return e.exitCode();
    }
  }

  /** The settings an argument list asks for. */
  static ReportSettings parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        throw ReportException.usage("expected --name=value, got \"" + a + "\"");
      }
      String name = a.substring(2, eq);
      if (!OPTIONS.containsKey(name)) {
        throw ReportException.usage("unknown option --" + name);
      }
      if (values.put(name, a.substring(eq + 1)) != null) {
        throw ReportException.usage("--" + name + " given twice");
      }
    }
    String output = values.get("output");
    if (output == null || output.isBlank()) {
      throw ReportException.usage("--output is required");
    }
    Path outputDir = path("output", output);
    Path report =
        values.containsKey("report")
            ? path("report", values.get("report"))
            : outputDir.resolve("report");
    Path root =
        values.containsKey("inputRoot") ? path("inputRoot", values.get("inputRoot")) : Path.of("");
    return new ReportSettings(
        outputDir,
        report,
        root,
        number(values, "topClusters", ReportSettings.DEFAULT_TOP_CLUSTERS),
        number(values, "listClusters", ReportSettings.DEFAULT_LIST_CLUSTERS),
        number(values, "maxMembers", ReportSettings.DEFAULT_MAX_MEMBERS),
        number(values, "maxRejected", ReportSettings.DEFAULT_MAX_REJECTED),
        number(values, "maxTemplateOnly", ReportSettings.DEFAULT_MAX_TEMPLATE_ONLY));
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

  private static int number(Map<String, String> values, String name, int fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ReportException.usage("--" + name + " must be a whole number, got \"" + v + "\"");
    }
  }

  /** The help text: usage and every option with its default. */
  static String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("news-dedup report --output=DIR [--report=DIR] [options]\n\n")
        .append(
            "Writes an offline HTML report of a batch run into --report: index.html (summary,\n")
        .append(
            "charts, who copies whom, searchable cluster list), clusters/NNNN.html (members and\n")
        .append("word diffs of the largest clusters), rejected.html, template-only.html, and\n")
        .append(
            "summary.json, sources.csv, clusters.csv, template-only.csv. Open index.html in a\n")
        .append("browser; no server or network is needed.\n\n")
        .append("Options:\n");
    OPTIONS.forEach(
        (name, d) -> {
          sb.append("  --")
              .append(name)
              .append("=<")
              .append(
                  name.equals("output") || name.equals("report") || name.equals("inputRoot")
                      ? "dir"
                      : "int")
              .append(">  ");
          sb.append(d[0] == null ? "(required)" : "(default: " + d[0] + ")").append('\n');
          for (String line : wrap(d[1], 72)) {
            sb.append("      ").append(line).append('\n');
          }
        });
    sb.append(
            "\n"
                + "An output without _SUCCESS (a run that did not finish, or whose accounting did"
                + " not\n")
        .append(
            "hold) is reported all the same, with a warning banner on every page and on stderr:\n")
        .append("its numbers may be incomplete. The exit code is still 0.\n")
        .append(
            "\nExit codes: 0 written, 1 the outputs could not be read or the report not written,\n")
        .append("2 a usage error (bad option, missing --output directory).\n");
    return sb.toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
