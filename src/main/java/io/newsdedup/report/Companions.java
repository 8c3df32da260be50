package io.newsdedup.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.report.Aggregates.SourceStats;
import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable files next to {@code index.html}: {@code clusters.csv} (every cluster, in
 * the order of {@code clusters-*.jsonl}), {@code sources.csv} (every source, most articles first)
 * and {@code summary.json} (the report's aggregates).
 */
final class Companions {
  private Companions() {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static final String[] CLUSTER_COLUMNS = {
    "cluster_id",
    "size",
    "canonical_id",
    "canonical_source",
    "canonical_title",
    "canonical_url",
    "canonical_published_at",
    "canonical_reason",
    "sources",
    "min_jaccard",
    "min_containment"
  };
  static final String[] SOURCE_COLUMNS = {
    "source",
    "articles",
    "originals",
    "originals_copied",
    "reposts",
    "copies_received",
    "dated_reposts",
    "median_lag_seconds",
    "low_content",
    "template_only"
  };
  static final String[] TEMPLATE_ONLY_COLUMNS = {
    "id",
    "source",
    "title",
    "url",
    "published_at",
    "cluster_id",
    "cluster_size",
    "role",
    "canonical_id"
  };

  static void templateOnlyHeader(Writer out) throws IOException {
    Csv.row(out, TEMPLATE_ONLY_COLUMNS);
  }

  /** A template-only member and the cluster it is in ({@code cluster_size} 1: alone). */
  static void templateOnlyRow(Writer out, Member m, Summary s) throws IOException {
    boolean canonical = m == s.canonical();
    Csv.row(
        out,
        Csv.text(m.id()),
        Csv.text(m.source()),
        Csv.text(m.title()),
        Csv.text(m.url()),
        Csv.text(m.published() == null ? m.publishedAt() : m.published().toString()),
        Csv.text(s.clusterId()),
        Csv.number(s.size()),
        Csv.text(canonical ? "canonical" : "duplicate"),
        Csv.text(s.canonical().id()));
  }

  static void clustersHeader(Writer out) throws IOException {
    Csv.row(out, CLUSTER_COLUMNS);
  }

  static void clusterRow(Writer out, Summary s) throws IOException {
    var c = s.canonical();
    Csv.row(
        out,
        Csv.text(s.clusterId()),
        Csv.number(s.size()),
        Csv.text(c.id()),
        Csv.text(c.source()),
        Csv.text(c.title()),
        Csv.text(c.url()),
        Csv.text(c.published() == null ? c.publishedAt() : c.published().toString()),
        Csv.text(s.reason()),
        Csv.number(s.sources()),
        Csv.number(s.minJaccard()),
        Csv.number(s.minContainment()));
  }

  static void sources(Writer out, ReportData d) throws IOException {
    Csv.row(out, SOURCE_COLUMNS);
    for (SourceStats s : d.agg.sourcesByArticles()) {
      Csv.row(
          out,
          Csv.text(s.source),
          Csv.number(s.articles),
          Csv.number(s.originals),
          Csv.number(s.originalsCopied),
          Csv.number(s.reposts),
          Csv.number(s.copiesReceived),
          Csv.number(s.datedReposts()),
          Csv.number(s.medianLag()),
          Csv.number(s.lowContent),
          Csv.number(s.templateOnly));
    }
  }

  /** The report's aggregates as JSON. */
  static void summary(Writer out, ReportData d) throws IOException {
    Aggregates a = d.agg;
    ObjectNode o = JSON.createObjectNode();
    ObjectNode r = o.putObject("report");
    r.put("output", d.settings.output().toString());
    r.put("top_clusters", d.settings.topClusters());
    r.put("list_clusters", d.settings.listClusters());
    r.put("max_members", d.settings.maxMembers());
    r.put("max_rejected", d.settings.maxRejected());
    r.put("max_template_only", d.settings.maxTemplateOnly());
    r.put("listed_template_only", d.templateOnlyShown.size());
    r.put("cluster_pages", d.details.size());
    r.put("listed_clusters", d.listed.size());
    r.put("complete", d.complete);
    ArrayNode warnings = r.putArray("warnings");
    d.warnings.forEach(warnings::add);
    if (d.runSummary != null) {
      o.set("run", d.runSummary);
    } else {
      o.putNull("run");
    }
    ObjectNode c = o.putObject("counts");
    c.put("read", d.read());
    c.put("articles", a.articles);
    c.put("rejected", d.rejected);
    c.put("skipped", Math.max(0, d.runCount("skipped")));
    c.put("clusters", a.clusters);
    c.put("clusters_with_duplicates", a.clustersWithDuplicates);
    c.put("singletons", a.sizes.getOrDefault(1, 0L));
    c.put("duplicates", a.duplicates);
    c.put("duplicate_rate", round(d.duplicateRate()));
    c.put("chained_duplicates", a.chained);
    c.put("assignments", d.assignments);
    ObjectNode byReason = c.putObject("rejected_by_reason");
    d.rejectedByReason.forEach(byReason::put);
    c.put("low_content", a.lowContent);
    ObjectNode lowByReason = c.putObject("low_content_by_reason");
    lowByReason.put(ClusterLine.TEMPLATE_ONLY, a.lowContent(ClusterLine.TEMPLATE_ONLY));
    lowByReason.put(ClusterLine.TOO_SHORT, a.lowContent(ClusterLine.TOO_SHORT));
    a.lowContentByReason.forEach(lowByReason::put);
    c.put("low_content_reasons_known", a.reasonsKnown());
    ObjectNode low = o.putObject("template_only");
    low.put("pages", a.templateOnly());
    low.put(
        "alone_in_their_cluster", a.templateOnly() - a.lowContentJoined(ClusterLine.TEMPLATE_ONLY));
    low.put("in_clusters_with_others", a.lowContentJoined(ClusterLine.TEMPLATE_ONLY));
    List<SourceStats> templateSources = a.sourcesByTemplateOnly();
    low.put("sources", templateSources.size());
    ArrayNode topTemplate = low.putArray("top_sources");
    for (SourceStats s : head(templateSources, IndexPage.WHO_ROWS)) {
      topTemplate
          .addObject()
          .put("source", s.source)
          .put("template_only", s.templateOnly)
          .put("articles", s.articles);
    }
    ObjectNode sizes = o.putObject("cluster_sizes");
    a.sizes.forEach((k, v) -> sizes.put(String.valueOf(k), v));
    ObjectNode reasons = o.putObject("canonical_reasons");
    a.reasons.forEach(reasons::put);
    ObjectNode sim = o.putObject("similarity");
    sim.put("bin_width", 1.0 / Aggregates.SIMILARITY_BINS);
    putNumber(sim, "threshold", d.parameter("threshold"));
    putNumber(sim, "containment_threshold", d.parameter("containment_threshold"));
    ArrayNode j = sim.putArray("jaccard");
    for (long v : a.jaccard) {
      j.add(v);
    }
    ArrayNode k = sim.putArray("containment");
    for (long v : a.containment) {
      k.add(v);
    }
    ObjectNode lag = o.putObject("repost_lag");
    ArrayNode buckets = lag.putArray("buckets");
    for (int i = 0; i < a.lagBuckets.length; i++) {
      ObjectNode b = buckets.addObject();
      b.put("label", Aggregates.LAG_LABELS[i].replace('\n', ' '));
      if (i > 0) {
        b.put("from_seconds", Aggregates.LAG_EDGES[i - 1]);
      }
      if (i < Aggregates.LAG_EDGES.length) {
        b.put("to_seconds", Aggregates.LAG_EDGES[i]);
      }
      b.put("count", a.lagBuckets[i]);
    }
    lag.put("dated", a.datedDuplicates());
    lag.put("missing_timestamp", a.lagMissing);
    lag.put("negative", a.lagNegative);
    Long median = a.medianLag();
    if (median == null) {
      lag.putNull("median_seconds");
    } else {
      lag.put("median_seconds", median);
    }
    ArrayNode who = o.putArray("who_copies_whom");
    for (SourceStats s : head(a.sourcesByReposts(), IndexPage.WHO_ROWS)) {
      ObjectNode w = who.addObject();
      w.put("source", s.source);
      w.put("reposts", s.reposts);
      ArrayNode from = w.putArray("copies_from");
      for (Aggregates.Copied cp : a.copiedBy(s.source, IndexPage.WHO_COLUMNS)) {
        from.addObject().put("source", cp.source()).put("count", cp.count());
      }
    }
    ArrayNode top = o.putArray("top_sources");
    for (SourceStats s : head(a.sourcesByArticles(), IndexPage.SOURCE_ROWS)) {
      ObjectNode t = top.addObject();
      t.put("source", s.source);
      t.put("articles", s.articles);
      t.put("originals", s.originals);
      t.put("originals_copied", s.originalsCopied);
      t.put("reposts", s.reposts);
      t.put("copies_received", s.copiesReceived);
      t.put("low_content", s.lowContent);
      t.put("template_only", s.templateOnly);
      Long m = s.medianLag();
      if (m == null) {
        t.putNull("median_lag_seconds");
      } else {
        t.put("median_lag_seconds", m);
      }
    }
    JSON.writeValue(out, o);
  }

  static <T> List<T> head(List<T> list, int n) {
    return list.size() > n ? list.subList(0, n) : list;
  }

  private static void putNumber(ObjectNode o, String name, double v) {
    if (Double.isNaN(v)) {
      o.putNull(name);
    } else {
      o.put(name, v);
    }
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
  }
}
