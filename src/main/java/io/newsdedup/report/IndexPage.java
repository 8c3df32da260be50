package io.newsdedup.report;

import static io.newsdedup.report.html.Html.bdi;
import static io.newsdedup.report.html.Html.el;
import static io.newsdedup.report.html.Html.group;
import static io.newsdedup.report.html.Html.link;
import static io.newsdedup.report.html.Html.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.report.Aggregates.Copied;
import io.newsdedup.report.Aggregates.SourceStats;
import io.newsdedup.report.ClusterLine.Summary;
import io.newsdedup.report.html.Html;
import io.newsdedup.report.html.HtmlWriter;
import io.newsdedup.report.html.Node;
import io.newsdedup.report.html.Tag;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code index.html}: run summary, charts, who copies whom, sources, the searchable list of the
 * largest clusters and the rejected records by reason. The list's data is JSON in a {@code <script
 * type="application/json">} block that {@code report.js} renders with {@code textContent} only.
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

  static final Map<String, String> REASONS =
      Map.of(
          "has_content", "the others are low-content pages (paywall, cookie wall, bare headline)",
          "wire_source", "a wire agency's copy is preferred to publishers' and reposts",
          "not_a_repost",
              "the only candidate that is not a repost (aggregator, or text pointing to"
                  + " an original)",
          "earliest_published", "published first",
          "most_complete", "the most complete text (most distinct shingles)",
          "fewest_boilerplate_markers", "the least boilerplate removed by cleaning",
          "smallest_id", "a tie, broken by the smallest id",
          "singleton", "the cluster's only article");

  static void write(Writer out, ReportData d) throws IOException {
    HtmlWriter w = new HtmlWriter(out);
    Layout.open(w, "news-dedup report", d.banner());
    w.add(
        header(d),
        Layout.NL,
        el("nav")
            .cls("toc")
            .add(
                el("div")
                    .cls("inner")
                    .add(
                        anchor("#summary", "Summary"), anchor("#charts", "Charts"),
                        anchor("#who", "Who copies whom"), anchor("#sources", "Sources"),
                        anchor("#low-content", "Low content"), anchor("#clusters", "Clusters"),
                        anchor("#rejected", "Rejected"), anchor("#files", "Files & limits"))),
        Layout.NL);
    w.open(el("main")).newline();
    w.add(summary(d), charts(d), who(d), sources(d));
    lowContent(w, d);
    clusters(w, d);
    rejected(w, d);
    w.add(
        files(d),
        el("footer")
            .text(
                "news-dedup report of "
                    + d.settings.output()
                    + ". Opens from disk; needs no server and no network."),
        Layout.NL);
    w.close("main").newline();
    Layout.close(w);
  }

  private static Tag anchor(String href, String label) {
    return el("a").attr("href", href).text(label);
  }

  private static Tag note(String text) {
    return el("p").cls("note").text(text);
  }

  private static Tag th(String cls, String label) {
    return el("th").cls(cls).text(label);
  }

  private static Tag td(String cls, String text) {
    return el("td").cls(cls).text(text);
  }

  /** A table row of cells. */
  private static Tag tr(Node... cells) {
    return el("tr").add(cells);
  }

  private static Tag header(ReportData d) {
    JsonNode run = d.runSummary;
    Tag p = el("p");
    if (run != null) {
      String finished = str(run.path("timings").get("finished_at"));
      Instant at = ClusterLine.instant(finished.equals("—") ? null : finished);
      p.text("Run finished " + (at == null ? finished : Fmt.time(at)) + " · input ")
          .add(el("span").cls("mono").add(bdi(str(run.path("parameters").get("input")))))
          .text(" · ");
    }
    p.text("output ").add(el("span").cls("mono").add(bdi(d.settings.output().toString())));
    return Layout.header(el("h1").text("news-dedup report"), p);
  }

  private static Tag card(String key, String label, long value, String shown, boolean warn) {
    return el("div")
        .cls(warn ? "card warn" : "card")
        .add(
            el("div")
                .cls("v")
                .attr("data-count", key)
                .attr("data-value", key == null ? null : Long.toString(value))
                .text(shown),
            el("div").cls("k").text(label));
  }

  private static Tag summary(ReportData d) {
    Aggregates a = d.agg;
    Tag cards =
        el("div")
            .cls("cards")
            .add(
                card("read", "records read", d.read(), Fmt.n(d.read()), false),
                card("articles", "articles clustered", a.articles, Fmt.n(a.articles), false),
                card("rejected", "records rejected", d.rejected, Fmt.n(d.rejected), d.rejected > 0),
                card("clusters", "clusters (stories)", a.clusters, Fmt.n(a.clusters), false),
                card(
                    "clusters_with_duplicates",
                    "clusters with duplicates",
                    a.clustersWithDuplicates,
                    Fmt.n(a.clustersWithDuplicates),
                    false),
                card(
                    "duplicates", "duplicates collapsed", a.duplicates, Fmt.n(a.duplicates), false),
                card(
                    null,
                    "duplicate rate (duplicates / articles)",
                    0,
                    Fmt.pct(d.duplicateRate()),
                    false));
    lowContentCards(cards, a);
    long skipped = d.runCount("skipped");
    if (skipped > 0) {
      cards.add(
          card(
              "skipped",
              "records skipped (crawl records that are no article, pages captured again)",
              skipped,
              Fmt.n(skipped),
              false));
    }
    JsonNode wall = d.runSummary == null ? null : d.runSummary.path("timings").get("wall_seconds");
    cards.add(
        card(
            null,
            "run time (wall clock)",
            0,
            wall != null && wall.isNumber() ? Fmt.wall(wall.asDouble()) : "unknown",
            false));
    Tag section =
        el("section").id("summary").add(el("h2").text("Run summary"), Layout.NL, cards, Layout.NL);
    for (String warning : d.warnings) {
      section.add(el("p").cls("warning").text(warning), Layout.NL);
    }
    Tag left = el("div").add(el("h3").text("Rejected records by reason"));
    if (d.rejectedByReason.isEmpty()) {
      left.add(note("No record was rejected."));
    } else {
      Tag table = el("table").add(tr(th(null, "reason"), th("n", "records")));
      d.rejectedByReason.forEach((k, v) -> table.add(tr(el("td").add(bdi(k)), td("n", Fmt.n(v)))));
      left.add(
          table,
          el("p")
              .cls("note")
              .add(anchor("rejected.html", "The rejected records"))
              .text(" with their raw payload."));
    }
    Tag rules = el("table").add(tr(th(null, "rule"), th("n", "clusters"), th(null, "meaning")));
    a.reasons.forEach(
        (k, v) ->
            rules.add(
                tr(
                    el("td").add(bdi(k)),
                    td("n", Fmt.n(v)),
                    td("muted", REASONS.getOrDefault(k, "")))));
    left.add(el("h3").text("Why each canonical was chosen"), rules);
    if (d.runSummary != null) {
      left.add(el("h3").text("Timings"), keyValues(d.runSummary.path("timings"), "kv"));
    }
    Tag right =
        el("div")
            .add(
                el("h3").text("Parameters"),
                d.runSummary == null
                    ? note("Unknown: summary.json is missing.")
                    : keyValues(d.runSummary.path("parameters"), "kv"));
    section.add(el("div").cls("cols").add(left, right), Layout.NL);
    if (d.runSummary != null) {
      JsonNode counters = d.runSummary.path("counters");
      Tag table = el("table").add(tr(th(null, "counter"), th("n", "value")));
      counters
          .fields()
          .forEachRemaining(
              e ->
                  table.add(
                      tr(
                          el("td").cls("id").add(bdi(e.getKey())),
                          td(
                              "n",
                              e.getValue().isNumber()
                                  ? Fmt.n(e.getValue().asLong())
                                  : str(e.getValue())))));
      section.add(
          el("details")
              .add(el("summary").text("All " + counters.size() + " counters of the run"), table));
    }
    return section.add(Layout.NL);
  }

  /**
   * The low-content counts of the outputs' members: all, template-only, too short, and those
   * without a recorded reason (older outputs). Without any reason in the outputs, how many are
   * template-only or too short is unknown, not 0.
   */
  private static void lowContentCards(Tag cards, Aggregates a) {
    boolean known = a.reasonsKnown();
    long template = a.lowContent(ClusterLine.TEMPLATE_ONLY);
    long tooShort = a.lowContent(ClusterLine.TOO_SHORT);
    cards.add(
        card(
            "low_content",
            "low-content articles (text not used for matching)",
            a.lowContent,
            Fmt.n(a.lowContent),
            false),
        card(
            known ? "template_only" : null,
            "template-only pages (walls, bot checks, error pages)",
            template,
            known ? Fmt.n(template) : "unknown",
            template > 0),
        card(
            known ? "too_short" : null,
            "too short (bare headlines, teasers)",
            tooShort,
            known ? Fmt.n(tooShort) : "unknown",
            false));
    long unknown = a.lowContent(ClusterLine.UNKNOWN_REASON);
    if (unknown > 0) {
      cards.add(
          card(
              "low_content_unknown",
              "low-content, reason not recorded",
              unknown,
              Fmt.n(unknown),
              false));
    }
  }

  private static Tag keyValues(JsonNode object, String cls) {
    Tag dl = el("dl").cls(cls);
    object
        .fields()
        .forEachRemaining(
            e ->
                dl.add(
                    el("dt").text(e.getKey()),
                    el("dd").add(bdi(e.getValue().isNull() ? "—" : str(e.getValue())))));
    return dl;
  }

  private static final int[] SIZE_EDGES = {1, 2, 3, 4, 5, 6, 11, 21, 51, 101, 1001};
  private static final String[] SIZE_LABELS = {
    "1", "2", "3", "4", "5", "6–10", "11–20", "21–50", "51–100", "101–1k", "> 1k"
  };

  private static Tag charts(ReportData d) {
    Aggregates a = d.agg;
    Tag figures = el("div").cls("charts").add(Layout.NL);
    long[] sizes = new long[SIZE_LABELS.length];
    long[] articlesIn = new long[SIZE_LABELS.length];
    a.sizes.forEach(
        (size, count) -> {
          int i = SIZE_EDGES.length - 1;
          while (i > 0 && size < SIZE_EDGES[i]) {
            i--;
          }
          sizes[i] += count;
          articlesIn[i] += count * size;
        });
    int largest = a.sizes.isEmpty() ? 0 : a.sizes.lastKey();
    figures.add(
        figure(
            "Cluster sizes",
            Charts.bars("Clusters by size", SIZE_LABELS, sizes, null, "clusters"),
            Fmt.n(a.sizes.getOrDefault(1, 0L))
                + " singletons (articles nobody copied and that copy"
                + " nobody); the largest cluster has "
                + Fmt.n(largest)
                + " members. Articles per"
                + " size class: "
                + sizeArticles(articlesIn)
                + "."));
    double thr = d.parameter("threshold");
    double cthr = d.parameter("containment_threshold");
    String chained =
        a.chained == 0
            ? ""
            : " "
                + Fmt.n(a.chained)
                + " duplicates joined through a near-identical copy"
                + " (matched_via another member), so they may lie below the threshold.";
    figures.add(
        figure(
            "Jaccard similarity of duplicates to their canonical",
            Charts.histogram(
                "Jaccard similarity",
                a.jaccard,
                "Jaccard (shingle sets)",
                marker(thr, "threshold")),
            "Exact Jaccard of each duplicate's cleaned text against its canonical's, in bins of"
                + " 0.05; the line is --threshold."
                + chained));
    figures.add(
        figure(
            "Containment of duplicates in their canonical",
            Charts.histogram(
                "Containment",
                a.containment,
                "containment (share of the shorter text)",
                marker(cthr, "containment threshold")),
            "Share of the shorter text's shingles found in the longer one: truncated reprints and"
                + " reposts wrapped in boilerplate score high here while their Jaccard is low. The"
                + " line is --containmentThreshold."));
    String[] lagClasses = new String[Aggregates.LAG_LABELS.length];
    for (int i = 0; i < lagClasses.length; i++) {
      lagClasses[i] = i < 3 ? "bar neg" : "bar";
    }
    figures.add(
        figure(
            "Repost lag after the original",
            Charts.bars(
                "Repost lag", Aggregates.LAG_LABELS, a.lagBuckets, lagClasses, "duplicates"),
            "Duplicate's published_at minus its canonical's, for "
                + Fmt.n(a.datedDuplicates())
                + " dated duplicates (median "
                + Fmt.lag(a.medianLag())
                + "). "
                + Fmt.n(a.lagMissing)
                + " duplicates are not shown: they or their canonical have no timestamp. "
                + Fmt.n(a.lagNegative)
                + " (left, purple) were published before their canonical: aggregators with wrong"
                + " clocks, or a canonical preferred for its source class."));
    List<SourceStats> reposters = Companions.head(a.sourcesByReposts(), CHART_SOURCES);
    String[] labels = new String[reposters.size()];
    long[] values = new long[reposters.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = reposters.get(i).source;
      values[i] = reposters.get(i).reposts;
    }
    figures.add(
        figure(
            "Duplicates per source",
            Charts.hbars("Duplicates per source", labels, values),
            "The "
                + labels.length
                + " sources with the most articles that are copies of another"
                + " source's original (of "
                + Fmt.n(a.sourcesByReposts().size())
                + " sources with any)."));
    return el("section").id("charts").add(el("h2").text("Charts"), figures).add(Layout.NL);
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

  private static Node figure(String caption, Tag svg, String note) {
    return group(el("figure").add(el("figcaption").text(caption), svg, note(note)), Layout.NL);
  }

  private static Tag who(ReportData d) {
    Aggregates a = d.agg;
    Tag left =
        el("div").add(el("h3").text("Top sources by reposts, and whose originals they" + " copy"));
    List<SourceStats> top = Companions.head(a.sourcesByReposts(), WHO_ROWS);
    if (top.isEmpty()) {
      left.add(note("No duplicates: nobody copies anybody in this run."));
    } else {
      Tag table =
          el("table")
              .add(
                  tr(
                      th(null, "source"),
                      th("n", "reposts"),
                      th(null, "copies the originals of (most first)")));
      for (SourceStats s : top) {
        Tag chips = el("td");
        for (Copied c : a.copiedBy(s.source, WHO_COLUMNS)) {
          chips.add(
              el("span")
                  .cls("chip")
                  .add(bdi(c.source(), 60))
                  .text(
                      " · "
                          + Fmt.n(c.count())
                          + " ("
                          + Fmt.pct((double) c.count() / s.reposts)
                          + ")"),
              text(" "));
        }
        table.add(tr(el("td").add(bdi(s.source, 80)), td("n", Fmt.n(s.reposts)), chips));
      }
      left.add(table);
    }
    Tag right = el("div").add(el("h3").text("Most copied sources, and who copies them"));
    List<SourceStats> copied = Companions.head(a.sourcesByCopiesReceived(), WHO_ROWS);
    if (copied.isEmpty()) {
      right.add(note("No original was copied."));
    } else {
      Map<String, List<Copied>> copiers = copiers(a, copied);
      Tag table =
          el("table")
              .add(
                  tr(
                      th(null, "original's source"),
                      th("n", "originals copied"),
                      th("n", "copies"),
                      th(null, "copied by (most first)")));
      for (SourceStats s : copied) {
        Tag chips = el("td");
        for (Copied c : copiers.getOrDefault(s.source, List.of())) {
          chips.add(
              el("span").cls("chip dup").add(bdi(c.source(), 60)).text(" · " + Fmt.n(c.count())),
              text(" "));
        }
        table.add(
            tr(
                el("td").add(bdi(s.source, 80)),
                td("n", Fmt.n(s.originalsCopied)),
                td("n", Fmt.n(s.copiesReceived)),
                chips));
      }
      right.add(table);
    }
    return el("section")
        .id("who")
        .add(el("h2").text("Who copies whom"), el("div").cls("cols").add(left, right))
        .add(Layout.NL);
  }

  /** For each of {@code originals}, the sources copying it most (at most WHO_COLUMNS). */
  private static Map<String, List<Copied>> copiers(Aggregates a, List<SourceStats> originals) {
    Map<String, List<Copied>> out = new HashMap<>();
    for (SourceStats s : originals) {
      out.put(s.source, new ArrayList<>());
    }
    a.copies.forEach(
        (repost, byOriginal) ->
            byOriginal.forEach(
                (original, count) -> {
                  List<Copied> l = out.get(original);
                  if (l != null) {
                    l.add(new Copied(repost, count[0]));
                  }
                }));
    out.replaceAll(
        (k, l) -> {
          l.sort(Comparator.comparingLong((Copied c) -> -c.count()).thenComparing(Copied::source));
          return Companions.head(l, WHO_COLUMNS);
        });
    return out;
  }

  private static Tag sources(ReportData d) {
    List<SourceStats> all = d.agg.sourcesByArticles();
    Tag intro = el("p").cls("note");
    if (all.size() > SOURCE_ROWS) {
      intro
          .text(
              "The "
                  + SOURCE_ROWS
                  + " sources with the most articles, of "
                  + Fmt.n(all.size())
                  + "; all are in ")
          .add(anchor("sources.csv", "sources.csv"))
          .text(".");
    } else {
      intro
          .text("All " + Fmt.n(all.size()) + " sources, also in ")
          .add(anchor("sources.csv", "sources.csv"))
          .text(".");
    }
    intro.text(
        " Originals: articles that are their cluster's canonical; reposts: duplicates of"
            + " another article; median lag: of its reposts after their originals.");
    Tag table =
        el("table")
            .add(
                tr(
                    th(null, "source"),
                    th("n", "articles"),
                    th("n", "originals"),
                    th("n", "originals copied"),
                    th("n", "copies received"),
                    th("n", "reposts"),
                    th("n", "median repost lag")));
    for (SourceStats s : Companions.head(all, SOURCE_ROWS)) {
      table.add(
          tr(
              el("td").add(bdi(s.source, 80)),
              td("n", Fmt.n(s.articles)),
              td("n", Fmt.n(s.originals)),
              td("n", Fmt.n(s.originalsCopied)),
              td("n", Fmt.n(s.copiesReceived)),
              td("n", Fmt.n(s.reposts)),
              td("n", Fmt.lag(s.medianLag()))));
    }
    return el("section").id("sources").add(el("h2").text("Sources"), intro, table).add(Layout.NL);
  }

  /**
   * Low-content articles by reason (alone in their cluster or merged with others), the sources with
   * the most template-only pages and the first template-only pages, with links to
   * template-only.html and template-only.csv.
   */
  private static void lowContent(HtmlWriter w, ReportData d) throws IOException {
    Aggregates a = d.agg;
    w.open(el("section").id("low-content"))
        .add(
            el("h2").text("Low-content pages"),
            note(
                "Articles whose text was not used for matching: template-only pages (the text does"
                    + " not carry the headline: a consent or paywall wall, a bot check, an error"
                    + " page, a registration form, a video-player shell) and articles with too"
                    + " little text left after cleaning. They join a story only through the same"
                    + " informative headline (\"alone\": not merged with any other article)."));
    if (!a.reasonsKnown()) {
      w.add(el("p").cls("warning").text(TemplateOnlyPage.unknownReasons(a)));
    }
    Tag byReason = el("div").add(el("h3").text("By reason"));
    if (a.lowContent == 0) {
      byReason.add(note("No article is low-content."));
    } else {
      Tag table =
          el("table")
              .add(
                  tr(
                      th(null, "reason"),
                      th("n", "articles"),
                      th("n", "of all articles"),
                      th("n", "alone"),
                      th("n", "merged with others"),
                      th(null, "meaning")));
      Set<String> reasons =
          new LinkedHashSet<>(List.of(ClusterLine.TEMPLATE_ONLY, ClusterLine.TOO_SHORT));
      reasons.addAll(a.lowContentByReason.keySet());
      for (String r : reasons) {
        long n = a.lowContent(r);
        long joined = a.lowContentJoined(r);
        boolean countable = a.reasonsKnown() || r.equals(ClusterLine.UNKNOWN_REASON) || n > 0;
        table.add(
            tr(
                el("td").add(LowContentReasons.badge(r)),
                el("td")
                    .cls("n")
                    .attr("data-count", countable ? "low_content." + r : null)
                    .text(countable ? Fmt.n(n) : "unknown"),
                td("n", countable && a.articles > 0 ? Fmt.pct((double) n / a.articles) : "—"),
                td("n", countable ? Fmt.n(n - joined) : "—"),
                td("n", countable ? Fmt.n(joined) : "—"),
                td("muted", LowContentReasons.meaning(r))));
      }
      byReason.add(table);
    }
    Tag bySourceDiv = el("div").add(el("h3").text("Template-only pages by source"));
    List<SourceStats> bySource = a.sourcesByTemplateOnly();
    if (bySource.isEmpty()) {
      bySourceDiv.add(note("No source has template-only pages."));
    } else {
      bySourceDiv.add(
          el("p")
              .cls("note")
              .text(
                  bySource.size() > WHO_ROWS
                      ? "The " + WHO_ROWS + " sources with the most, of " + Fmt.n(bySource.size())
                      : "All " + Fmt.n(bySource.size()) + " sources with any")
              .text("; ")
              .add(anchor("sources.csv", "sources.csv"))
              .text(
                  " counts them for every"
                      + " source. A crawler gets walls per site: these are the sites to look at."));
      Tag table =
          el("table")
              .id("template-sources")
              .add(
                  tr(
                      th(null, "source"),
                      th("n", "template-only"),
                      th("n", "of its articles"),
                      th(null, "example page")));
      for (SourceStats s : Companions.head(bySource, WHO_ROWS)) {
        table.add(
            tr(
                el("td").add(bdi(s.source, 80)),
                td("n", Fmt.n(s.templateOnly)),
                td("n", Fmt.pct(s.articles == 0 ? 0 : (double) s.templateOnly / s.articles)),
                el("td")
                    .cls("t")
                    .add(
                        s.templateExampleUrl != null
                            ? link(s.templateExampleUrl, Html.clip(s.templateExampleId, 80))
                            : el("span").cls("mono").add(bdi(s.templateExampleId, 80)))));
      }
      bySourceDiv.add(table);
    }
    w.add(el("div").cls("cols").add(byReason, bySourceDiv), el("h3").text("Template-only pages"));
    long total = a.templateOnly();
    if (total == 0) {
      w.add(note(a.reasonsKnown() ? "None." : "Unknown."));
    } else {
      int inline = Math.min(TEMPLATE_INLINE, d.templateOnlyShown.size());
      w.add(
          el("p")
              .cls("note")
              .text(TemplateOnlyPage.listNote(d) + " The first " + inline + " are below; ")
              .add(anchor(DedupReport.TEMPLATE_ONLY_HTML, DedupReport.TEMPLATE_ONLY_HTML))
              .text(" shows " + Fmt.n(d.templateOnlyShown.size()) + " and ")
              .add(anchor(DedupReport.TEMPLATE_ONLY_CSV, DedupReport.TEMPLATE_ONLY_CSV))
              .text(" lists all " + Fmt.n(total) + "."));
      TemplateOnlyPage.table(w, d, Companions.head(d.templateOnlyShown, TEMPLATE_INLINE));
    }
    w.close("section").newline();
  }

  private static void clusters(HtmlWriter w, ReportData d) throws IOException {
    ReportSettings s = d.settings;
    long total = d.agg.clusters;
    w.open(el("section").id("clusters")).add(el("h2").text("Largest clusters"));
    w.add(
        el("p")
            .cls("note")
            .text(
                (d.listed.size() < total
                        ? "The "
                            + Fmt.n(d.listed.size())
                            + " largest of "
                            + Fmt.n(total)
                            + " clusters are listed (--listClusters="
                            + s.listClusters()
                            + ")"
                        : "All " + Fmt.n(total) + " clusters are listed")
                    + ", largest first; the "
                    + Fmt.n(d.details.size())
                    + " largest have a page with their"
                    + " members and a diff of each against the canonical (--topClusters="
                    + s.topClusters()
                    + "). Every cluster is in ")
            .add(anchor("clusters.csv", "clusters.csv"))
            .text(". Search" + " matches titles, sources and ids; all words must match."));
    w.add(
        el("div")
            .id("cluster-controls")
            .cls("filters")
            .attr("hidden", "")
            .add(
                el("label")
                    .text("Search")
                    .add(
                        el("input")
                            .attr("type", "search")
                            .id("q")
                            .attr("placeholder", "title, source or id")),
                el("label")
                    .text("Size at least")
                    .add(
                        el("input")
                            .attr("type", "number")
                            .id("min-size")
                            .attr("min", 1)
                            .attr("value", 1)),
                el("label")
                    .text("Order")
                    .add(
                        el("select")
                            .id("sort")
                            .add(
                                option("size", "largest first"), option("new", "newest first"),
                                option("old", "oldest first"),
                                    option("sim", "least similar duplicate first"))),
                el("label")
                    .text("Per page")
                    .add(
                        el("select")
                            .id("per-page")
                            .add(
                                el("option").text("25"),
                                    el("option").attr("selected", "").text("50"),
                                el("option").text("100"), el("option").text("250")))));
    w.add(
        el("noscript")
            .add(
                el("p")
                    .cls("warning")
                    .text(
                        "The cluster list needs JavaScript;"
                            + " clusters.csv holds the same data.")));
    w.add(el("p").cls("note").id("list-count"));
    w.add(
        el("table")
            .cls("clusters")
            .add(
                el("thead")
                    .add(
                        tr(
                            th("n", "#"),
                            th("n", "size"),
                            th(null, "canonical title"),
                            th(null, "canonical source"),
                            th("n", "published (UTC)"),
                            th(null, "canonical because"),
                            th("n", "min J"),
                            th("n", "min C"),
                            th("n", "sources"),
                            th(null, "cluster id"))),
                el("tbody").id("cluster-rows")));
    w.add(
        el("nav")
            .cls("pager")
            .add(
                el("button").attr("type", "button").id("prev").text("← previous"),
                el("span").id("page-info").cls("muted"),
                el("button").attr("type", "button").id("next").text("next →")),
        Layout.NL);
    w.add(Html.jsonScript("cluster-data", clusterData(d)));
    w.close("section").newline();
  }

  private static Tag option(String value, String label) {
    return el("option").attr("value", value).text(label);
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
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void rejected(HtmlWriter w, ReportData d) throws IOException {
    w.open(el("section").id("rejected")).add(el("h2").text("Rejected records"));
    if (d.rejected == 0) {
      w.add(note("None: every record read was clustered."));
    } else {
      w.add(
          el("p")
              .cls("note")
              .text(Fmt.n(d.rejected) + " records could not be used (reasons" + " in the ")
              .add(anchor("#summary", "summary"))
              .text(
                  "). The first "
                      + Math.min(REJECTED_INLINE, d.rejectedShown.size())
                      + " are below; ")
              .add(anchor("rejected.html", "rejected.html"))
              .text(
                  " shows "
                      + (d.rejectedShown.size() < d.rejected
                          ? "the first " + Fmt.n(d.rejectedShown.size()) + " (--maxRejected)"
                          : "all of them")
                      + " with their raw payload, and rejected-*.jsonl holds every one."));
      RejectedPage.table(w, Companions.head(d.rejectedShown, REJECTED_INLINE), 0, 300);
    }
    w.close("section").newline();
  }

  private static Tag files(ReportData d) {
    ReportSettings s = d.settings;
    Tag dl = el("dl").cls("kv");
    file(
        dl,
        "summary.json",
        "the aggregates of this report (counts, histograms, lag buckets, top"
            + " sources, who copies whom) and the run's own summary");
    file(
        dl,
        "sources.csv",
        "per source: articles, originals, originals copied, reposts, copies"
            + " received, dated reposts, median lag (seconds), low-content articles, template-only"
            + " pages");
    file(
        dl,
        "clusters.csv",
        "every cluster: id, size, canonical id/source/title/url/time,"
            + " reason, sources, lowest similarities");
    file(dl, "rejected.html", "rejected records with their raw payload");
    file(
        dl,
        "template-only.html",
        "template-only pages (walls, bot checks, error pages) with the" + " cluster each is in");
    file(
        dl,
        "template-only.csv",
        "every template-only page: id, source, title, url,"
            + " published_at, cluster id and size, role, canonical id");
    String root = s.inputRoot().toString();
    Tag limits =
        note("Limits: the aggregates, charts and CSV files cover every line of the"
                + " outputs. The cluster list holds the "
                + Fmt.n(s.listClusters())
                + " largest clusters;"
                + " pages with diffs exist for the "
                + Fmt.n(s.topClusters())
                + " largest, each showing"
                + " at most "
                + Fmt.n(s.maxMembers())
                + " members (the canonical and the least similar"
                + " duplicates when there are more); template-only.html lists "
                + Fmt.n(s.maxTemplateOnly())
                + " template-only pages; diffs compare at most "
                + Fmt.n(WordDiff.MAX_WORDS)
                + " words of each text. Texts are re-read from the members'"
                + " origin files, resolved against ")
            .add(bdi(root.isEmpty() ? "the current directory" : root))
            .text(".");
    return el("section")
        .id("files")
        .add(el("h2").text("Files & limits"), dl, limits)
        .add(Layout.NL);
  }

  private static void file(Tag dl, String name, String description) {
    dl.add(el("dt").add(anchor(name, name)), el("dd").text(description));
  }

  private static String str(JsonNode n) {
    String s = ClusterLine.text(n);
    return s == null ? "—" : s;
  }
}
