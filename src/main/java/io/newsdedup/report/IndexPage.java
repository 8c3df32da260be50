package io.newsdedup.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.report.Aggregates.Copied;
import io.newsdedup.report.Aggregates.SourceStats;
import io.newsdedup.report.ClusterLine.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code index.html}: run summary, charts, who copies whom, sources, the searchable list of the
 * largest clusters and the rejected records by reason. The list's data is JSON in a {@code
 * <script type="application/json">} block that {@code report.js} renders with {@code
 * textContent} only.
 */
final class IndexPage {
  private IndexPage() {}

  static final int WHO_ROWS = 20;
  static final int WHO_COLUMNS = 5;
  static final int SOURCE_ROWS = 100;
  static final int CHART_SOURCES = 15;
  static final int REJECTED_INLINE = 10;
  static final int TITLE_CHARS = 200;
  static final int TEMPLATE_INLINE = 10;

  static final Map<String, String> REASONS = Map.of(
      "has_content", "the others are low-content pages (paywall, cookie wall, bare headline)",
      "wire_source", "a wire agency's copy is preferred to publishers' and reposts",
      "not_a_repost", "the only candidate that is not a repost (aggregator, or text pointing to"
          + " an original)",
      "earliest_published", "published first",
      "most_complete", "the most complete text (most distinct shingles)",
      "fewest_boilerplate_markers", "the least boilerplate removed by cleaning",
      "smallest_id", "a tie, broken by the smallest id",
      "singleton", "the cluster's only article");

  static void write(Writer w, ReportData d) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append(Layout.head("news-dedup report", d.banner()));
    header(sb, d);
    sb.append("<nav class=\"toc\"><div class=\"inner\"><a href=\"#summary\">Summary</a>"
        + "<a href=\"#charts\">Charts</a><a href=\"#who\">Who copies whom</a>"
        + "<a href=\"#sources\">Sources</a><a href=\"#low-content\">Low content</a>"
        + "<a href=\"#clusters\">Clusters</a>"
        + "<a href=\"#rejected\">Rejected</a><a href=\"#files\">Files &amp; limits</a>"
        + "</div></nav>\n<main>\n");
    summary(sb, d);
    w.write(sb.toString());
    sb.setLength(0);
    charts(sb, d);
    who(sb, d);
    sources(sb, d);
    lowContent(sb, d);
    w.write(sb.toString());
    sb.setLength(0);
    clusters(sb, d, w);
    rejected(sb, d);
    files(sb, d);
    sb.append("<footer>news-dedup report of ").append(Html.text(d.settings.output().toString()))
        .append(". Opens from disk; needs no server and no network.</footer>\n</main>\n");
    sb.append(Layout.foot());
    w.write(sb.toString());
  }

  private static void header(StringBuilder sb, ReportData d) {
    JsonNode run = d.runSummary;
    sb.append("<header class=\"top\"><div class=\"inner\"><h1>news-dedup report</h1><p>");
    if (run != null) {
      String finished = text(run.path("timings").get("finished_at"));
      java.time.Instant at = ClusterLine.instant(finished.equals("—") ? null : finished);
      sb.append("Run finished ").append(Html.text(at == null ? finished : Fmt.time(at)))
          .append(" · input <span class=\"mono\">")
          .append(Html.bdi(text(run.path("parameters").get("input"))))
          .append("</span> · ");
    }
    sb.append("output <span class=\"mono\">").append(Html.bdi(d.settings.output().toString()))
        .append("</span></p></div></header>\n");
  }

  private static void card(StringBuilder sb, String key, String label, long value, String shown,
      boolean warn) {
    sb.append("<div class=\"card").append(warn ? " warn" : "").append("\"><div class=\"v\"");
    if (key != null) {
      sb.append(" data-count=\"").append(key).append("\" data-value=\"").append(value).append('"');
    }
    sb.append('>').append(Html.text(shown)).append("</div><div class=\"k\">")
        .append(Html.text(label)).append("</div></div>");
  }

  private static void summary(StringBuilder sb, ReportData d) {
    Aggregates a = d.agg;
    sb.append("<section id=\"summary\"><h2>Run summary</h2>\n<div class=\"cards\">");
    card(sb, "read", "records read", d.read(), Fmt.n(d.read()), false);
    card(sb, "articles", "articles clustered", a.articles, Fmt.n(a.articles), false);
    card(sb, "rejected", "records rejected", d.rejected, Fmt.n(d.rejected), d.rejected > 0);
    card(sb, "clusters", "clusters (stories)", a.clusters, Fmt.n(a.clusters), false);
    card(sb, "clusters_with_duplicates", "clusters with duplicates", a.clustersWithDuplicates,
        Fmt.n(a.clustersWithDuplicates), false);
    card(sb, "duplicates", "duplicates collapsed", a.duplicates, Fmt.n(a.duplicates), false);
    card(sb, null, "duplicate rate (duplicates / articles)", 0, Fmt.pct(d.duplicateRate()), false);
    lowContentCards(sb, a);
    JsonNode wall = d.runSummary == null ? null : d.runSummary.path("timings").get("wall_seconds");
    card(sb, null, "run time (wall clock)", 0,
        wall != null && wall.isNumber() ? Fmt.wall(wall.asDouble()) : "unknown", false);
    sb.append("</div>\n");
    for (String warning : d.warnings) {
      sb.append("<p class=\"warning\">").append(Html.text(warning)).append("</p>\n");
    }
    sb.append("<div class=\"cols\">");
    sb.append("<div><h3>Rejected records by reason</h3>");
    if (d.rejectedByReason.isEmpty()) {
      sb.append("<p class=\"note\">No record was rejected.</p>");
    } else {
      sb.append("<table><tr><th>reason</th><th class=\"n\">records</th></tr>");
      d.rejectedByReason.forEach((k, v) -> sb.append("<tr><td>").append(Html.bdi(k))
          .append("</td><td class=\"n\">").append(Fmt.n(v)).append("</td></tr>"));
      sb.append("</table><p class=\"note\"><a href=\"rejected.html\">The rejected records</a>"
          + " with their raw payload.</p>");
    }
    sb.append("<h3>Why each canonical was chosen</h3><table><tr><th>rule</th>"
        + "<th class=\"n\">clusters</th><th>meaning</th></tr>");
    a.reasons.forEach((k, v) -> sb.append("<tr><td>").append(Html.bdi(k))
        .append("</td><td class=\"n\">").append(Fmt.n(v)).append("</td><td class=\"muted\">")
        .append(Html.text(REASONS.getOrDefault(k, ""))).append("</td></tr>"));
    sb.append("</table>");
    if (d.runSummary != null) {
      sb.append("<h3>Timings</h3>");
      keyValues(sb, d.runSummary.path("timings"), "kv");
    }
    sb.append("</div><div><h3>Parameters</h3>");
    if (d.runSummary == null) {
      sb.append("<p class=\"note\">Unknown: summary.json is missing.</p>");
    } else {
      keyValues(sb, d.runSummary.path("parameters"), "kv");
    }
    sb.append("</div></div>\n");
    if (d.runSummary != null) {
      JsonNode counters = d.runSummary.path("counters");
      sb.append("<details><summary>All ").append(counters.size())
          .append(" counters of the run</summary><table><tr><th>counter</th>"
              + "<th class=\"n\">value</th></tr>");
      counters.fields().forEachRemaining(e -> sb.append("<tr><td class=\"id\">")
          .append(Html.bdi(e.getKey())).append("</td><td class=\"n\">")
          .append(Html.text(e.getValue().isNumber() ? Fmt.n(e.getValue().asLong())
              : text(e.getValue()))).append("</td></tr>"));
      sb.append("</table></details>");
    }
    sb.append("</section>\n");
  }

  /**
   * The low-content counts of the outputs' members: all, template-only, too short, and those
   * without a recorded reason (older outputs). Without any reason in the outputs, how many are
   * template-only or too short is unknown, not 0.
   */
  private static void lowContentCards(StringBuilder sb, Aggregates a) {
    card(sb, "low_content", "low-content articles (text not used for matching)", a.lowContent,
        Fmt.n(a.lowContent), false);
    boolean known = a.reasonsKnown();
    long template = a.lowContent(ClusterLine.TEMPLATE_ONLY);
    long tooShort = a.lowContent(ClusterLine.TOO_SHORT);
    card(sb, known ? "template_only" : null,
        "template-only pages (walls, bot checks, error pages)", template,
        known ? Fmt.n(template) : "unknown", template > 0);
    card(sb, known ? "too_short" : null, "too short (bare headlines, teasers)", tooShort,
        known ? Fmt.n(tooShort) : "unknown", false);
    long unknown = a.lowContent(ClusterLine.UNKNOWN_REASON);
    if (unknown > 0) {
      card(sb, "low_content_unknown", "low-content, reason not recorded", unknown, Fmt.n(unknown),
          false);
    }
  }

  private static void keyValues(StringBuilder sb, JsonNode object, String cls) {
    sb.append("<dl class=\"").append(cls).append("\">");
    object.fields().forEachRemaining(e -> sb.append("<dt>").append(Html.text(e.getKey()))
        .append("</dt><dd>").append(Html.bdi(e.getValue().isNull() ? "—" : text(e.getValue())))
        .append("</dd>"));
    sb.append("</dl>");
  }

  private static final int[] SIZE_EDGES = {1, 2, 3, 4, 5, 6, 11, 21, 51, 101, 1001};
  private static final String[] SIZE_LABELS =
      {"1", "2", "3", "4", "5", "6–10", "11–20", "21–50", "51–100", "101–1k", "> 1k"};

  private static void charts(StringBuilder sb, ReportData d) {
    Aggregates a = d.agg;
    sb.append("<section id=\"charts\"><h2>Charts</h2><div class=\"charts\">\n");
    long[] sizes = new long[SIZE_LABELS.length];
    long[] articlesIn = new long[SIZE_LABELS.length];
    a.sizes.forEach((size, count) -> {
      int i = SIZE_EDGES.length - 1;
      while (i > 0 && size < SIZE_EDGES[i]) {
        i--;
      }
      sizes[i] += count;
      articlesIn[i] += count * size;
    });
    int largest = a.sizes.isEmpty() ? 0 : a.sizes.lastKey();
    figure(sb, "Cluster sizes",
        Charts.bars("Clusters by size", SIZE_LABELS, sizes, null, "clusters"),
        Fmt.n(a.sizes.getOrDefault(1, 0L)) + " singletons (articles nobody copied and that copy"
            + " nobody); the largest cluster has " + Fmt.n(largest) + " members. Articles per"
            + " size class: " + sizeArticles(articlesIn) + ".");
    double thr = d.parameter("threshold");
    double cthr = d.parameter("containment_threshold");
    String chained = a.chained == 0 ? ""
        : " " + Fmt.n(a.chained) + " duplicates joined through a near-identical copy"
            + " (matched_via another member), so they may lie below the threshold.";
    figure(sb, "Jaccard similarity of duplicates to their canonical",
        Charts.histogram("Jaccard similarity", a.jaccard, "Jaccard (shingle sets)",
            marker(thr, "threshold")),
        "Exact Jaccard of each duplicate's cleaned text against its canonical's, in bins of 0.05;"
            + " the line is --threshold." + chained);
    figure(sb, "Containment of duplicates in their canonical",
        Charts.histogram("Containment", a.containment, "containment (share of the shorter text)",
            marker(cthr, "containment threshold")),
        "Share of the shorter text's shingles found in the longer one: truncated reprints and"
            + " reposts wrapped in boilerplate score high here while their Jaccard is low. The line"
            + " is --containmentThreshold.");
    String[] lagClasses = new String[Aggregates.LAG_LABELS.length];
    for (int i = 0; i < lagClasses.length; i++) {
      lagClasses[i] = i < 3 ? "bar neg" : "bar";
    }
    figure(sb, "Repost lag after the original",
        Charts.bars("Repost lag", Aggregates.LAG_LABELS, a.lagBuckets, lagClasses, "duplicates"),
        "Duplicate's published_at minus its canonical's, for " + Fmt.n(a.datedDuplicates())
            + " dated duplicates (median " + Fmt.lag(a.medianLag()) + "). " + Fmt.n(a.lagMissing)
            + " duplicates are not shown: they or their canonical have no timestamp. "
            + Fmt.n(a.lagNegative) + " (left, purple) were published before their canonical:"
            + " aggregators with wrong clocks, or a canonical preferred for its source class.");
    List<SourceStats> reposters = Companions.head(a.sourcesByReposts(), CHART_SOURCES);
    String[] labels = new String[reposters.size()];
    long[] values = new long[reposters.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = reposters.get(i).source;
      values[i] = reposters.get(i).reposts;
    }
    figure(sb, "Duplicates per source",
        Charts.hbars("Duplicates per source", labels, values),
        "The " + labels.length + " sources with the most articles that are copies of another"
            + " source's original (of " + Fmt.n(a.sourcesByReposts().size())
            + " sources with any).");
    sb.append("</div></section>\n");
  }

  private static String sizeArticles(long[] articlesIn) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < articlesIn.length; i++) {
      if (articlesIn[i] > 0) {
        parts.add(SIZE_LABELS[i] + ": " + Fmt.n(articlesIn[i]));
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static Charts.Marker[] marker(double at, String label) {
    if (Double.isNaN(at)) {
      return new Charts.Marker[0];
    }
    return new Charts.Marker[] {new Charts.Marker(at, label + " " + at)};
  }

  private static void figure(StringBuilder sb, String caption, String svg, String note) {
    sb.append("<figure><figcaption>").append(Html.text(caption)).append("</figcaption>")
        .append(svg).append("<p class=\"note\">").append(Html.text(note))
        .append("</p></figure>\n");
  }

  private static void who(StringBuilder sb, ReportData d) {
    Aggregates a = d.agg;
    sb.append("<section id=\"who\"><h2>Who copies whom</h2><div class=\"cols\"><div>"
        + "<h3>Top sources by reposts, and whose originals they copy</h3>");
    List<SourceStats> top = Companions.head(a.sourcesByReposts(), WHO_ROWS);
    if (top.isEmpty()) {
      sb.append("<p class=\"note\">No duplicates: nobody copies anybody in this run.</p>");
    } else {
      sb.append("<table><tr><th>source</th><th class=\"n\">reposts</th><th>copies the originals"
          + " of (most first)</th></tr>");
      for (SourceStats s : top) {
        sb.append("<tr><td>").append(Html.bdi(s.source, 80)).append("</td><td class=\"n\">")
            .append(Fmt.n(s.reposts)).append("</td><td>");
        for (Copied c : a.copiedBy(s.source, WHO_COLUMNS)) {
          sb.append("<span class=\"chip\">").append(Html.bdi(c.source(), 60)).append(" · ")
              .append(Fmt.n(c.count())).append(" (").append(Fmt.pct((double) c.count() / s.reposts))
              .append(")</span> ");
        }
        sb.append("</td></tr>");
      }
      sb.append("</table>");
    }
    sb.append("</div><div><h3>Most copied sources, and who copies them</h3>");
    List<SourceStats> copied = Companions.head(a.sourcesByCopiesReceived(), WHO_ROWS);
    if (copied.isEmpty()) {
      sb.append("<p class=\"note\">No original was copied.</p>");
    } else {
      Map<String, List<Copied>> copiers = copiers(a, copied);
      sb.append("<table><tr><th>original's source</th><th class=\"n\">originals copied</th>"
          + "<th class=\"n\">copies</th><th>copied by (most first)</th></tr>");
      for (SourceStats s : copied) {
        sb.append("<tr><td>").append(Html.bdi(s.source, 80)).append("</td><td class=\"n\">")
            .append(Fmt.n(s.originalsCopied)).append("</td><td class=\"n\">")
            .append(Fmt.n(s.copiesReceived)).append("</td><td>");
        for (Copied c : copiers.getOrDefault(s.source, List.of())) {
          sb.append("<span class=\"chip dup\">").append(Html.bdi(c.source(), 60)).append(" · ")
              .append(Fmt.n(c.count())).append("</span> ");
        }
        sb.append("</td></tr>");
      }
      sb.append("</table>");
    }
    sb.append("</div></div></section>\n");
  }

  /** For each of {@code originals}, the sources copying it most (at most WHO_COLUMNS). */
  private static Map<String, List<Copied>> copiers(Aggregates a, List<SourceStats> originals) {
    Map<String, List<Copied>> out = new HashMap<>();
    for (SourceStats s : originals) {
      out.put(s.source, new ArrayList<>());
    }
    a.copies.forEach((repost, byOriginal) -> byOriginal.forEach((original, count) -> {
      List<Copied> l = out.get(original);
      if (l != null) {
        l.add(new Copied(repost, count[0]));
      }
    }));
    out.replaceAll((k, l) -> {
      l.sort(java.util.Comparator.comparingLong((Copied c) -> -c.count())
          .thenComparing(Copied::source));
      return Companions.head(l, WHO_COLUMNS);
    });
    return out;
  }

  private static void sources(StringBuilder sb, ReportData d) {
    List<SourceStats> all = d.agg.sourcesByArticles();
    sb.append("<section id=\"sources\"><h2>Sources</h2><p class=\"note\">")
        .append(all.size() > SOURCE_ROWS ? "The " + SOURCE_ROWS + " sources with the most articles, of "
            + Fmt.n(all.size()) + "; all are in <a href=\"sources.csv\">sources.csv</a>."
            : "All " + Fmt.n(all.size()) + " sources, also in <a href=\"sources.csv\">sources.csv</a>.")
        .append(" Originals: articles that are their cluster's canonical; reposts: duplicates of"
            + " another article; median lag: of its reposts after their originals.</p>");
    sb.append("<table><tr><th>source</th><th class=\"n\">articles</th><th class=\"n\">originals"
        + "</th><th class=\"n\">originals copied</th><th class=\"n\">copies received</th>"
        + "<th class=\"n\">reposts</th><th class=\"n\">median repost lag</th></tr>");
    for (SourceStats s : Companions.head(all, SOURCE_ROWS)) {
      sb.append("<tr><td>").append(Html.bdi(s.source, 80)).append("</td><td class=\"n\">")
          .append(Fmt.n(s.articles)).append("</td><td class=\"n\">").append(Fmt.n(s.originals))
          .append("</td><td class=\"n\">").append(Fmt.n(s.originalsCopied))
          .append("</td><td class=\"n\">").append(Fmt.n(s.copiesReceived))
          .append("</td><td class=\"n\">").append(Fmt.n(s.reposts))
          .append("</td><td class=\"n\">").append(Fmt.lag(s.medianLag())).append("</td></tr>");
    }
    sb.append("</table></section>\n");
  }

  /**
   * Low-content articles by reason (alone in their cluster or merged with others), the sources
   * with the most template-only pages and the first template-only pages, with links to
   * template-only.html and template-only.csv.
   */
  private static void lowContent(StringBuilder sb, ReportData d) throws IOException {
    Aggregates a = d.agg;
    sb.append("<section id=\"low-content\"><h2>Low-content pages</h2><p class=\"note\">")
        .append(Html.text("Articles whose text was not used for matching: template-only pages"
            + " (the text does not carry the headline: a consent or paywall wall, a bot check, an"
            + " error page, a registration form, a video-player shell) and articles with too"
            + " little text left after cleaning. They join a story only through the same"
            + " informative headline (\"alone\": not merged with any other article)."))
        .append("</p>");
    if (!a.reasonsKnown()) {
      sb.append("<p class=\"warning\">").append(Html.text(TemplateOnlyPage.unknownReasons(a)))
          .append("</p>");
    }
    sb.append("<div class=\"cols\"><div><h3>By reason</h3>");
    if (a.lowContent == 0) {
      sb.append("<p class=\"note\">No article is low-content.</p>");
    } else {
      sb.append("<table><tr><th>reason</th><th class=\"n\">articles</th>"
          + "<th class=\"n\">of all articles</th><th class=\"n\">alone</th>"
          + "<th class=\"n\">merged with others</th><th>meaning</th></tr>");
      Set<String> reasons = new LinkedHashSet<>(
          List.of(ClusterLine.TEMPLATE_ONLY, ClusterLine.TOO_SHORT));
      reasons.addAll(a.lowContentByReason.keySet());
      for (String r : reasons) {
        long n = a.lowContent(r);
        long joined = a.lowContentJoined(r);
        boolean countable = a.reasonsKnown() || r.equals(ClusterLine.UNKNOWN_REASON)
            || n > 0;
        sb.append("<tr><td>").append(LowContentReasons.badge(r)).append("</td><td class=\"n\"")
            .append(countable ? " data-count=\"low_content." + Html.text(r) + "\"" : "")
            .append('>').append(countable ? Fmt.n(n) : "unknown").append("</td><td class=\"n\">")
            .append(countable && a.articles > 0 ? Fmt.pct((double) n / a.articles) : "—")
            .append("</td><td class=\"n\">").append(countable ? Fmt.n(n - joined) : "—")
            .append("</td><td class=\"n\">").append(countable ? Fmt.n(joined) : "—")
            .append("</td><td class=\"muted\">").append(Html.text(LowContentReasons.meaning(r)))
            .append("</td></tr>");
      }
      sb.append("</table>");
    }
    sb.append("</div><div><h3>Template-only pages by source</h3>");
    List<SourceStats> bySource = a.sourcesByTemplateOnly();
    if (bySource.isEmpty()) {
      sb.append("<p class=\"note\">No source has template-only pages.</p>");
    } else {
      sb.append("<p class=\"note\">")
          .append(bySource.size() > WHO_ROWS ? "The " + WHO_ROWS + " sources with the most, of "
              + Fmt.n(bySource.size()) : "All " + Fmt.n(bySource.size()) + " sources with any")
          .append("; <a href=\"sources.csv\">sources.csv</a> counts them for every source."
              + " A crawler gets walls per site: these are the sites to look at.</p>");
      sb.append("<table id=\"template-sources\"><tr><th>source</th>"
          + "<th class=\"n\">template-only</th><th class=\"n\">of its articles</th>"
          + "<th>example page</th></tr>");
      for (SourceStats s : Companions.head(bySource, WHO_ROWS)) {
        sb.append("<tr><td>").append(Html.bdi(s.source, 80)).append("</td><td class=\"n\">")
            .append(Fmt.n(s.templateOnly)).append("</td><td class=\"n\">")
            .append(Fmt.pct(s.articles == 0 ? 0 : (double) s.templateOnly / s.articles))
            .append("</td><td class=\"t\">");
        if (s.templateExampleUrl != null) {
          sb.append(Html.link(s.templateExampleUrl, Html.clip(s.templateExampleId, 80)));
        } else {
          sb.append("<span class=\"mono\">").append(Html.bdi(s.templateExampleId, 80))
              .append("</span>");
        }
        sb.append("</td></tr>");
      }
      sb.append("</table>");
    }
    sb.append("</div></div><h3>Template-only pages</h3>");
    long total = a.templateOnly();
    if (total == 0) {
      sb.append("<p class=\"note\">").append(a.reasonsKnown() ? "None." : "Unknown.")
          .append("</p>");
    } else {
      int inline = Math.min(TEMPLATE_INLINE, d.templateOnlyShown.size());
      sb.append("<p class=\"note\">").append(TemplateOnlyPage.listNote(d)).append(" The first ")
          .append(inline).append(" are below; <a href=\"").append(DedupReport.TEMPLATE_ONLY_HTML)
          .append("\">").append(DedupReport.TEMPLATE_ONLY_HTML).append("</a> shows ")
          .append(Fmt.n(d.templateOnlyShown.size())).append(" and <a href=\"")
          .append(DedupReport.TEMPLATE_ONLY_CSV).append("\">").append(DedupReport.TEMPLATE_ONLY_CSV)
          .append("</a> lists all ").append(Fmt.n(total)).append(".</p>");
      TemplateOnlyPage.table(sb, d, Companions.head(d.templateOnlyShown, TEMPLATE_INLINE), null);
    }
    sb.append("</section>\n");
  }

  private static void clusters(StringBuilder sb, ReportData d, Writer w) throws IOException {
    ReportSettings s = d.settings;
    long total = d.agg.clusters;
    sb.append("<section id=\"clusters\"><h2>Largest clusters</h2><p class=\"note\">");
    sb.append(d.listed.size() < total
        ? "The " + Fmt.n(d.listed.size()) + " largest of " + Fmt.n(total)
            + " clusters are listed (--listClusters=" + s.listClusters() + ")"
        : "All " + Fmt.n(total) + " clusters are listed");
    sb.append(", largest first; the ").append(Fmt.n(d.details.size()))
        .append(" largest have a page with their members and a diff of each against the"
            + " canonical (--topClusters=").append(s.topClusters())
        .append("). Every cluster is in <a href=\"clusters.csv\">clusters.csv</a>. Search matches"
            + " titles, sources and ids; all words must match.</p>");
    sb.append("<div id=\"cluster-controls\" class=\"filters\" hidden>"
        + "<label>Search<input type=\"search\" id=\"q\" placeholder=\"title, source or id\"></label>"
        + "<label>Size at least<input type=\"number\" id=\"min-size\" min=\"1\" value=\"1\"></label>"
        + "<label>Order<select id=\"sort\"><option value=\"size\">largest first</option>"
        + "<option value=\"new\">newest first</option><option value=\"old\">oldest first</option>"
        + "<option value=\"sim\">least similar duplicate first</option></select></label>"
        + "<label>Per page<select id=\"per-page\"><option>25</option><option selected>50</option>"
        + "<option>100</option><option>250</option></select></label></div>"
        + "<noscript><p class=\"warning\">The cluster list needs JavaScript; clusters.csv holds"
        + " the same data.</p></noscript>"
        + "<p class=\"note\" id=\"list-count\"></p>"
        + "<table class=\"clusters\"><thead><tr><th class=\"n\">#</th><th class=\"n\">size</th>"
        + "<th>canonical title</th><th>canonical source</th><th class=\"n\">published (UTC)</th>"
        + "<th>canonical because</th><th class=\"n\">min J</th><th class=\"n\">min C</th>"
        + "<th class=\"n\">sources</th><th>cluster id</th></tr></thead>"
        + "<tbody id=\"cluster-rows\"></tbody></table>"
        + "<nav class=\"pager\"><button type=\"button\" id=\"prev\">← previous</button>"
        + "<span id=\"page-info\" class=\"muted\"></span>"
        + "<button type=\"button\" id=\"next\">next →</button></nav>\n"
        + "<script type=\"application/json\" id=\"cluster-data\">");
    w.write(sb.toString());
    sb.setLength(0);
    w.write(Html.scriptJson(clusterData(d)));
    sb.append("</script></section>\n");
  }

  /** The listed clusters as JSON rows; field order as in report.js. */
  static String clusterData(ReportData d) {
    ObjectNode o = DedupReport.JSON.createObjectNode();
    ArrayNode rows = o.putArray("rows");
    int rank = 0;
    for (Summary s : d.listed) {
      rank++;
      ArrayNode r = rows.addArray();
      var c = s.canonical();
      r.add(rank);
      r.add(s.clusterId());
      r.add(s.size());
      r.add(c.id());
      r.add(c.sourceKey());
      r.add(Html.clip(c.title(), TITLE_CHARS));
      r.add(c.published() == null ? null : c.published().toString());
      r.add(s.reason());
      r.add(s.minJaccard());
      r.add(s.minContainment());
      r.add(s.sources());
      r.add(d.pageOf.get(s.clusterId()));
      r.add(Html.isWebUrl(c.url()) ? c.url() : null);
      r.add(String.join(" ", s.memberSources()));
    }
    try {
      return DedupReport.JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void rejected(StringBuilder sb, ReportData d) {
    sb.append("<section id=\"rejected\"><h2>Rejected records</h2>");
    if (d.rejected == 0) {
      sb.append("<p class=\"note\">None: every record read was clustered.</p></section>\n");
      return;
    }
    sb.append("<p class=\"note\">").append(Fmt.n(d.rejected))
        .append(" records could not be used (reasons in the <a href=\"#summary\">summary</a>). The"
            + " first ").append(Math.min(REJECTED_INLINE, d.rejectedShown.size()))
        .append(" are below; <a href=\"rejected.html\">rejected.html</a> shows ")
        .append(d.rejectedShown.size() < d.rejected ? "the first " + Fmt.n(d.rejectedShown.size())
            + " (--maxRejected)" : "all of them")
        .append(" with their raw payload, and rejected-*.jsonl holds every one.</p>");
    RejectedPage.table(sb, Companions.head(d.rejectedShown, REJECTED_INLINE), 0, 300);
    sb.append("</section>\n");
  }

  private static void files(StringBuilder sb, ReportData d) {
    ReportSettings s = d.settings;
    sb.append("<section id=\"files\"><h2>Files &amp; limits</h2><dl class=\"kv\">"
        + "<dt><a href=\"summary.json\">summary.json</a></dt><dd>the aggregates of this report"
        + " (counts, histograms, lag buckets, top sources, who copies whom) and the run's own"
        + " summary</dd>"
        + "<dt><a href=\"sources.csv\">sources.csv</a></dt><dd>per source: articles, originals,"
        + " originals copied, reposts, copies received, dated reposts, median lag (seconds),"
        + " low-content articles, template-only pages</dd>"
        + "<dt><a href=\"clusters.csv\">clusters.csv</a></dt><dd>every cluster: id, size,"
        + " canonical id/source/title/url/time, reason, sources, lowest similarities</dd>"
        + "<dt><a href=\"rejected.html\">rejected.html</a></dt><dd>rejected records with their"
        + " raw payload</dd>"
        + "<dt><a href=\"template-only.html\">template-only.html</a></dt><dd>template-only pages"
        + " (walls, bot checks, error pages) with the cluster each is in</dd>"
        + "<dt><a href=\"template-only.csv\">template-only.csv</a></dt><dd>every template-only"
        + " page: id, source, title, url, published_at, cluster id and size, role, canonical"
        + " id</dd></dl>");
    sb.append("<p class=\"note\">Limits: the aggregates, charts and CSV files cover every line of"
        + " the outputs. The cluster list holds the ").append(Fmt.n(s.listClusters()))
        .append(" largest clusters; pages with diffs exist for the ").append(Fmt.n(s.topClusters()))
        .append(" largest, each showing at most ").append(Fmt.n(s.maxMembers()))
        .append(" members (the canonical and the least similar duplicates when there are more);"
            + " template-only.html lists ").append(Fmt.n(s.maxTemplateOnly()))
        .append(" template-only pages; diffs compare at most ").append(Fmt.n(WordDiff.MAX_WORDS))
        .append(" words of each text. Texts are re-read from the members' origin files, resolved"
            + " against ").append(Html.bdi(s.inputRoot().toString().isEmpty() ? "the current"
            + " directory" : s.inputRoot().toString())).append(".</p></section>\n");
  }

  private static String text(JsonNode n) {
    String s = ClusterLine.text(n);
    return s == null ? "—" : s;
  }
}
