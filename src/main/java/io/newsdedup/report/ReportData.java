package io.newsdedup.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.report.ClusterLine.Detail;
import io.newsdedup.report.ClusterLine.Summary;
import io.newsdedup.report.html.Html;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the pages and companion files show, gathered in one streaming pass. */
final class ReportData {
  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  /** A rejected record as shown. */
  record Rejected(String origin, String reason, String message, String raw) {}

  /**
   * A template-only page as listed, with the cluster it is in ({@code clusterSize} 1: alone, not
   * merged with anything); texts clipped. {@code canonicalId} and {@code canonicalTitle} are its
   * cluster's canonical's when it is not the canonical itself.
   */
  record TemplatePage(
      String id,
      String title,
      String source,
      String url,
      String publishedAt,
      String clusterId,
      int clusterSize,
      boolean canonical,
      String canonicalId,
      String canonicalTitle) {

    static TemplatePage of(ClusterLine.Member m, Summary s) {
      ClusterLine.Member c = s.canonical();
      boolean isCanonical = m == c;
      return new TemplatePage(
          Html.clip(m.id(), 300),
          Html.clip(m.title(), 400),
          Html.clip(m.sourceKey(), 200),
          m.url() == null || m.url().length() <= 4096 ? m.url() : Html.clip(m.url(), 300),
          m.published() != null ? m.published().toString() : Html.clip(m.publishedAt(), 40),
          Html.clip(s.clusterId(), 200),
          s.size(),
          isCanonical,
          isCanonical ? null : Html.clip(c.id(), 300),
          isCanonical ? null : Html.clip(c.title(), 200));
    }
  }

  /**
   * Template-only pages in the largest clusters first (merged ones), then by source, id, cluster.
   */
  static final Comparator<TemplatePage> TEMPLATE_ORDER =
      Comparator.comparingInt((TemplatePage t) -> -t.clusterSize())
          .thenComparing(TemplatePage::source, NULLS_FIRST)
          .thenComparing(TemplatePage::id, NULLS_FIRST)
          .thenComparing(TemplatePage::clusterId, NULLS_FIRST);

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

  /** The first {@code maxTemplateOnly} template-only pages in {@link #TEMPLATE_ORDER}. */
  List<TemplatePage> templateOnlyShown = List.of();

  long assignments;
  long assignedCanonicals;

  /** Assignment lines with a low_content field, low-content ones, and template-only ones. */
  long assignmentsWithLowContentField;

  long assignedLowContent;
  long assignedTemplateOnly;
  long rejected;
  final TreeMap<String, Long> rejectedByReason = new TreeMap<>();
  final List<Rejected> rejectedShown = new ArrayList<>();

  /** Disagreements between the outputs and summary.json, and other things to warn about. */
  final List<String> warnings = new ArrayList<>();

  /**
   * Whether the run finished with its accounting holding ({@code _SUCCESS}); else every page
   * carries the {@link DedupReport#INCOMPLETE} banner.
   */
  boolean complete = true;

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

  /** A count of the run's summary.json nested in an object ({@code counts.object.name}), or -1. */
  long runCount(String object, String name) {
    if (runSummary == null) {
      return -1;
    }
    JsonNode v = runSummary.path("counts").path(object).get(name);
    return v != null && v.canConvertToLong() ? v.asLong() : -1;
  }

  /** Whether the run matched its input together with an index (an incremental run). */
  boolean incremental() {
    return runSummary != null && runSummary.path("counts").path("index").isObject();
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

  /** The banner every page carries: {@link DedupReport#INCOMPLETE}, or null for a complete run. */
  String banner() {
    return complete ? null : DedupReport.INCOMPLETE;
  }

  /** Duplicates per article, 0 with no article. */
  double duplicateRate() {
    return agg.articles == 0 ? 0 : (double) agg.duplicates / agg.articles;
  }
}
