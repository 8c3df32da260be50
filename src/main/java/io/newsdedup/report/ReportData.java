package io.newsdedup.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.report.ClusterLine.Detail;
import io.newsdedup.report.ClusterLine.Summary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the pages and companion files show, gathered in one streaming pass. */
final class ReportData {
  /** A rejected record as shown. */
  record Rejected(String origin, String reason, String message, String raw) {}

  final ReportSettings settings;
  /** The batch run's summary.json, or null when it is missing. */
  JsonNode runSummary;
  final Aggregates agg = new Aggregates();
  /** The largest clusters, largest first: the searchable list. */
  List<Summary> listed = List.of();
  /** The largest clusters with a page of their own, largest first. */
  List<Detail> details = List.of();
  /** cluster id → page name ({@code clusters/0001.html}) for the clusters with a page. */
  final Map<String, String> pageOf = new HashMap<>();
  long assignments;
  long assignedCanonicals;
  long rejected;
  final TreeMap<String, Long> rejectedByReason = new TreeMap<>();
  final List<Rejected> rejectedShown = new ArrayList<>();
  /** Disagreements between the outputs and summary.json, and other things to warn about. */
  final List<String> warnings = new ArrayList<>();

  ReportData(ReportSettings settings) {
    this.settings = settings;
  }

  /** A count of the run's summary.json ({@code counts.name}), or -1 when absent. */
  long runCount(String name) {
    if (runSummary == null) {
      return -1;
    }
    JsonNode v = runSummary.path("counts").get(name);
    return v != null && v.canConvertToLong() ? v.asLong() : -1;
  }

  /** A parameter of the run as a number, or NaN. */
  double parameter(String name) {
    if (runSummary == null) {
      return Double.NaN;
    }
    JsonNode v = runSummary.path("parameters").get(name);
    return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
  }

  /** Records read: summary.json's count, else articles + rejected found in the files. */
  long read() {
    long r = runCount("read");
    return r >= 0 ? r : agg.articles + rejected;
  }

  /** Duplicates per article, 0 with no article. */
  double duplicateRate() {
    return agg.articles == 0 ? 0 : (double) agg.duplicates / agg.articles;
  }
}
