package io.newsdedup.report;

import static io.newsdedup.report.html.Html.bdi;
import static io.newsdedup.report.html.Html.el;
import static io.newsdedup.report.html.Html.link;
import static io.newsdedup.report.html.Html.text;

import io.newsdedup.report.ClusterLine.Summary;
import io.newsdedup.report.ReportData.TemplatePage;
import io.newsdedup.report.html.Html;
import io.newsdedup.report.html.HtmlWriter;
import io.newsdedup.report.html.Tag;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * {@code template-only.html}: the first {@code maxTemplateOnly} template-only pages (low-content
 * because their text does not carry their headline: walls, bot checks, error pages, forms, player
 * shells), pages in the largest clusters first, then by source and id, each with the cluster it is
 * in; {@code template-only.csv} lists all of them.
 */
final class TemplateOnlyPage {
  private TemplateOnlyPage() {}

  static void write(Writer out, ReportData d) throws IOException {
    Aggregates a = d.agg;
    long total = a.templateOnly();
    HtmlWriter w = new HtmlWriter(out);
    Layout.open(w, "Template-only pages · news-dedup report", d.banner());
    w.add(
        Layout.header(
            el("h1").text("Template-only pages"),
            el("p")
                .text(Fmt.n(total) + " pages of ")
                .add(bdi(d.settings.output().toString()))
                .text(" are templates, not stories")),
        Layout.NL);
    w.open(el("main"))
        .add(
            el("nav")
                .cls("crumbs")
                .add(el("a").attr("href", "index.html#low-content").text("← report")));
    w.add(
        el("p")
            .cls("note")
            .text(
                "A template-only page's text does not carry its headline: it is a consent or"
                    + " paywall wall, a bot check, an error page, a registration form or a"
                    + " video-player shell, the same whatever the story. Its text is not used for"
                    + " matching; it only joins a story with the same informative headline. Most"
                    + " are scraped pages of paywalled or bot-protected sites: the crawler got the"
                    + " wall, not the article."));
    if (!a.reasonsKnown()) {
      w.add(el("p").cls("warning").text(unknownReasons(a)));
    }
    if (total == 0) {
      w.add(el("p").cls("note").text("No template-only page."));
    } else {
      w.add(
          el("p")
              .cls("note")
              .text(listNote(d) + " ")
              .add(
                  el("a")
                      .attr("href", DedupReport.TEMPLATE_ONLY_CSV)
                      .text(DedupReport.TEMPLATE_ONLY_CSV))
              .text(
                  " lists all "
                      + Fmt.n(total)
                      + " (id, source, title, url, published_at,"
                      + " cluster_id, cluster_size, role, canonical_id)."));
      table(w, d, d.templateOnlyShown);
    }
    w.close("main").newline();
    Layout.close(w);
  }

  /** Says which template-only pages the list holds. */
  static String listNote(ReportData d) {
    long total = d.agg.templateOnly();
    int shown = d.templateOnlyShown.size();
    long joined = d.agg.lowContentJoined(ClusterLine.TEMPLATE_ONLY);
    return (shown < total
            ? "The first "
                + Fmt.n(shown)
                + " of "
                + Fmt.n(total)
                + " (--maxTemplateOnly="
                + d.settings.maxTemplateOnly()
                + ")"
            : "All " + Fmt.n(total))
        + ", those in the largest clusters first (the "
        + Fmt.n(joined)
        + " in a cluster with other articles, to audit), then by source and id.";
  }

  /** What the report cannot tell about outputs without {@code low_content_reason}. */
  static String unknownReasons(Aggregates a) {
    return "These outputs have "
        + Fmt.n(a.lowContent)
        + " low-content articles but no"
        + " low_content_reason field (a run older than the reasons): which of them are"
        + " template-only pages is unknown. Run batch again to see them.";
  }

  /** A table of template-only pages with the cluster each is in, written row by row. */
  static void table(HtmlWriter w, ReportData d, List<TemplatePage> rows) throws IOException {
    w.open(el("div").cls("scroll"))
        .open(el("table").cls("members"))
        .add(
            el("tr")
                .add(
                    el("th").cls("n").text("#"),
                    el("th").text("title"),
                    el("th").text("source"),
                    el("th").text("id"),
                    el("th").text("url"),
                    el("th").text("cluster")));
    int i = 0;
    for (TemplatePage t : rows) {
      i++;
      w.add(
          el("tr")
              .add(
                  el("td").cls("n").text(Integer.toString(i)),
                  el("td")
                      .cls("t")
                      .add(
                          LowContentReasons.badge(ClusterLine.TEMPLATE_ONLY),
                          text(" "),
                          bdi(t.title() == null ? "(no title)" : t.title(), 200)),
                  el("td").add(bdi(t.source(), 80)),
                  el("td").cls("id").add(bdi(t.id(), 120)),
                  el("td")
                      .cls("t")
                      .add(t.url() == null ? text("—") : link(t.url(), Html.clip(t.url(), 100))),
                  cluster(d, t)));
    }
    w.close("table").close("div");
  }

  /** The cluster a page is in: alone or merged, its id linked to its page or list entry. */
  private static Tag cluster(ReportData d, TemplatePage t) {
    Tag td = el("td");
    if (t.clusterSize() <= 1) {
      td.add(
          el("span")
              .cls("chip can")
              .attr("title", "not merged with any other article")
              .text("alone"));
    } else if (t.canonical()) {
      td.add(
          el("span")
              .cls("chip dup")
              .attr("title", "merged with other articles")
              .text("canonical of " + Fmt.n(t.clusterSize()) + " members"));
    } else {
      td.add(
          el("span")
              .cls("chip dup")
              .attr("title", "merged with other articles")
              .text("in a cluster of " + Fmt.n(t.clusterSize())));
    }
    td.add(text(" "));
    String href = clusterHref(d, t);
    Tag id = bdi(t.clusterId(), 80);
    td.add(el("span").cls("mono").add(href == null ? id : el("a").attr("href", href).add(id)));
    if (t.canonicalTitle() != null || t.canonicalId() != null) {
      td.add(
          el("br"),
          el("span")
              .cls("muted")
              .text("canonical: ")
              .add(bdi(t.canonicalTitle() != null ? t.canonicalTitle() : t.canonicalId(), 120)));
    }
    return td;
  }

  /**
   * The cluster's page ({@code clusters/NNNN.html}) when it has one, else its entry in the index's
   * cluster list ({@code index.html?q=ID#clusters}) when listed, else null. Pages linking here are
   * in the report's top directory.
   */
  static String clusterHref(ReportData d, TemplatePage t) {
    String page = d.pageOf.get(t.clusterId());
    if (page != null) {
      return page;
    }
    Summary probe =
        new Summary(t.clusterId(), t.clusterSize(), null, null, null, null, 0, List.of(), 0, 0);
    if (t.clusterId() != null
        && Collections.binarySearch(d.listed, probe, ClusterLine.LARGEST_FIRST) >= 0) {
      return "index.html?q="
          + URLEncoder.encode(t.clusterId(), StandardCharsets.UTF_8)
          + "#clusters";
    }
    return null;
  }
}
