package io.newsdedup.report;

import java.nio.file.Path;

/**
 * What to report and how much of it.
 *
 * @param output the batch run's {@code --output} directory (read only)
 * @param report the directory the report is written to
 * @param inputRoot the directory relative origin paths are resolved against (where batch ran)
 * @param topClusters the largest clusters that get a page of their own, with diffs
 * @param listClusters the largest clusters listed (searchable) on the index page; {@code
 *     clusters.csv} lists all
 * @param maxMembers members shown on one cluster page, the canonical included
 * @param maxRejected rejected records shown on {@code rejected.html}
 * @param maxTemplateOnly template-only pages listed on {@code template-only.html}; {@code
 *     template-only.csv} lists all
 */
public record ReportSettings(
    Path output,
    Path report,
    Path inputRoot,
    int topClusters,
    int listClusters,
    int maxMembers,
    int maxRejected,
    int maxTemplateOnly) {

  public static final int DEFAULT_TOP_CLUSTERS = 100;
  public static final int DEFAULT_LIST_CLUSTERS = 5000;
  public static final int DEFAULT_MAX_MEMBERS = 200;
  public static final int DEFAULT_MAX_REJECTED = 1000;
  public static final int DEFAULT_MAX_TEMPLATE_ONLY = 1000;

  public ReportSettings {
    if (output == null || report == null || inputRoot == null) {
      throw ReportException.usage("--output, --report and --inputRoot must be set");
    }
    positive("topClusters", topClusters, 0, 100_000);
    positive("listClusters", listClusters, 0, 1_000_000);
    positive("maxMembers", maxMembers, 1, 100_000);
    positive("maxRejected", maxRejected, 0, 1_000_000);
    positive("maxTemplateOnly", maxTemplateOnly, 0, 1_000_000);
  }

  /** The defaults, reading {@code output} and writing {@code report}; origins relative to ".". */
  public static ReportSettings defaults(Path output, Path report) {
    return new ReportSettings(
        output,
        report,
        Path.of(""),
        DEFAULT_TOP_CLUSTERS,
        DEFAULT_LIST_CLUSTERS,
        DEFAULT_MAX_MEMBERS,
        DEFAULT_MAX_REJECTED,
        DEFAULT_MAX_TEMPLATE_ONLY);
  }

  public ReportSettings withInputRoot(Path root) {
    return new ReportSettings(
        output, report, root, topClusters, listClusters, maxMembers, maxRejected, maxTemplateOnly);
  }

  public ReportSettings withLimits(int top, int list, int members, int rejected) {
    return new ReportSettings(
        output, report, inputRoot, top, list, members, rejected, maxTemplateOnly);
  }

  public ReportSettings withMaxTemplateOnly(int max) {
    return new ReportSettings(
        output, report, inputRoot, topClusters, listClusters, maxMembers, maxRejected, max);
  }

  private static void positive(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw ReportException.usage(
          "--" + name + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
