package io.newsdedup.report;

import io.newsdedup.report.ClusterLine.Summary;
import io.newsdedup.report.ReportData.TemplatePage;
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
 * in; {@code template-only.csv} lists all of them. Everything shown comes from the outputs and is
 * escaped.
 */
final class TemplateOnlyPage {
  private TemplateOnlyPage() {}

  static void write(Writer w, ReportData d) throws IOException {
    Aggregates a = d.agg;
    long total = a.templateOnly();
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append(Layout.head("Template-only pages · news-dedup report", d.banner()));
    sb.append("<header class=\"top\"><div class=\"inner\"><h1>Template-only pages</h1><p>")
        .append(Fmt.n(total)).append(" pages of ").append(Html.bdi(d.settings.output().toString()))
        .append(" are templates, not stories</p></div></header>\n<main><nav class=\"crumbs\">"
            + "<a href=\"index.html#low-content\">← report</a></nav>");
    sb.append("<p class=\"note\">").append(Html.text(
        "A template-only page's text does not carry its headline: it is a consent or paywall"
            + " wall, a bot check, an error page, a registration form or a video-player shell, the"
            + " same whatever the story. Its text is not used for matching; it only joins a story"
            + " with the same informative headline. Most are scraped pages of paywalled or"
            + " bot-protected sites: the crawler got the wall, not the article.")).append("</p>");
    if (!a.reasonsKnown()) {
      sb.append("<p class=\"warning\">").append(Html.text(unknownReasons(a))).append("</p>");
    }
    if (total == 0) {
      sb.append("<p class=\"note\">No template-only page.</p>");
    } else {
      sb.append("<p class=\"note\">").append(listNote(d))
          .append(" <a href=\"").append(DedupReport.TEMPLATE_ONLY_CSV).append("\">")
          .append(DedupReport.TEMPLATE_ONLY_CSV).append("</a> lists all ").append(Fmt.n(total))
          .append(" (id, source, title, url, published_at, cluster_id, cluster_size, role,"
              + " canonical_id).</p>");
      table(sb, d, d.templateOnlyShown, w);
    }
    sb.append("</main>\n").append(Layout.foot());
    w.write(sb.toString());
  }

  /** Says which template-only pages the list holds (HTML). */
  static String listNote(ReportData d) {
    long total = d.agg.templateOnly();
    int shown = d.templateOnlyShown.size();
    long joined = d.agg.lowContentJoined(ClusterLine.TEMPLATE_ONLY);
    return (shown < total
        ? "The first " + Fmt.n(shown) + " of " + Fmt.n(total) + " (--maxTemplateOnly="
            + d.settings.maxTemplateOnly() + ")"
        : "All " + Fmt.n(total))
        + ", those in the largest clusters first (the " + Fmt.n(joined)
        + " in a cluster with other articles, to audit), then by source and id.";
  }

  /** What the report cannot tell about outputs without {@code low_content_reason}. */
  static String unknownReasons(Aggregates a) {
    return "These outputs have " + Fmt.n(a.lowContent) + " low-content articles but no"
        + " low_content_reason field (a run older than the reasons): which of them are"
        + " template-only pages is unknown. Run batch again to see them.";
  }

  /**
   * A table of template-only pages with the cluster each is in; {@code w}, when not null,
   * receives the rows written so far every 500 rows (long lists are not held twice).
   */
  static void table(StringBuilder sb, ReportData d, List<TemplatePage> rows, Writer w)
      throws IOException {
    sb.append("<div class=\"scroll\"><table class=\"members\"><tr><th class=\"n\">#</th>"
        + "<th>title</th><th>source</th><th>id</th><th>url</th><th>cluster</th></tr>");
    int i = 0;
    for (TemplatePage t : rows) {
      i++;
      sb.append("<tr><td class=\"n\">").append(i).append("</td><td class=\"t\">")
          .append(LowContentReasons.badge(ClusterLine.TEMPLATE_ONLY)).append(' ')
          .append(Html.bdi(t.title() == null ? "(no title)" : t.title(), 200))
          .append("</td><td>").append(Html.bdi(t.source(), 80))
          .append("</td><td class=\"id\">").append(Html.bdi(t.id(), 120))
          .append("</td><td class=\"t\">")
          .append(t.url() == null ? "—" : Html.link(t.url(), Html.clip(t.url(), 100)))
          .append("</td><td>");
      cluster(sb, d, t);
      sb.append("</td></tr>");
      if (w != null && i % 500 == 0) {
        w.write(sb.toString());
        sb.setLength(0);
      }
    }
    sb.append("</table></div>");
  }

  /** The cluster a page is in: alone or merged, its id linked to its page or list entry. */
  private static void cluster(StringBuilder sb, ReportData d, TemplatePage t) {
    if (t.clusterSize() <= 1) {
      sb.append("<span class=\"chip can\" title=\"not merged with any other article\">alone"
          + "</span> ");
    } else if (t.canonical()) {
      sb.append("<span class=\"chip dup\" title=\"merged with other articles\">canonical of ")
          .append(Fmt.n(t.clusterSize())).append(" members</span> ");
    } else {
      sb.append("<span class=\"chip dup\" title=\"merged with other articles\">in a cluster of ")
          .append(Fmt.n(t.clusterSize())).append("</span> ");
    }
    String href = clusterHref(d, t);
    String id = Html.bdi(t.clusterId(), 80);
    sb.append("<span class=\"mono\">");
    if (href == null) {
      sb.append(id);
    } else {
      sb.append("<a href=\"").append(Html.text(href)).append("\">").append(id).append("</a>");
    }
    sb.append("</span>");
    if (t.canonicalTitle() != null || t.canonicalId() != null) {
      sb.append("<br><span class=\"muted\">canonical: ")
          .append(Html.bdi(t.canonicalTitle() != null ? t.canonicalTitle() : t.canonicalId(), 120))
          .append("</span>");
    }
  }

  /**
   * The cluster's page ({@code clusters/NNNN.html}) when it has one, else its entry in the index's
   * cluster list ({@code index.html?q=ID#clusters}) when listed, else null. Pages linking here
   * are in the report's top directory.
   */
  static String clusterHref(ReportData d, TemplatePage t) {
    String page = d.pageOf.get(t.clusterId());
    if (page != null) {
      return page;
    }
    Summary probe = new Summary(t.clusterId(), t.clusterSize(), null, null, null, null, 0,
        List.of(), 0, 0);
    if (t.clusterId() != null
        && Collections.binarySearch(d.listed, probe, ClusterLine.LARGEST_FIRST) >= 0) {
      return "index.html?q=" + URLEncoder.encode(t.clusterId(), StandardCharsets.UTF_8)
          + "#clusters";
    }
    return null;
  }
}
