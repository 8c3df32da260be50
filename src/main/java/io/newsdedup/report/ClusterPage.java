package io.newsdedup.report;

import io.newsdedup.report.ClusterLine.Detail;
import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.OriginRef;
import io.newsdedup.report.ClusterLine.Summary;
import io.newsdedup.report.TextLoader.Text;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code clusters/NNNN.html}: one cluster's canonical and members (similarity, reason,
 * matched_via, origin, lag) and, for each member, a word diff against the canonical's text as the
 * pipeline read it. Written member by member, so a page's diffs are never all in memory.
 */
final class ClusterPage {
  private ClusterPage() {}

  static void write(Writer w, ReportData d, Detail det, int rank, Map<OriginRef, Text> texts)
      throws IOException {
    Summary s = det.summary();
    Member canonical = det.shown().get(0);
    int pages = d.details.size();
    StringBuilder sb = new StringBuilder(1 << 14);
    String title = canonical.title() == null ? "(no title)" : canonical.title();
    sb.append(Layout.head(Html.clip(title, 120) + " · cluster " + rank + " · news-dedup report",
        d.banner()));
    sb.append("<header class=\"top\"><div class=\"inner\"><h1>").append(Html.bdi(title, 400))
        .append("</h1><p>Cluster ").append(rank).append(" of the ").append(pages)
        .append(" largest · <span class=\"mono\">").append(Html.bdi(s.clusterId()))
        .append("</span></p></div></header>\n<main><nav class=\"crumbs\">"
            + "<a href=\"../index.html#clusters\">← report</a>");
    if (rank > 1) {
      sb.append("<a href=\"").append(fileName(d, d.details.get(rank - 2)))
          .append("\">← larger cluster</a>");
    }
    if (rank < pages) {
      sb.append("<a href=\"").append(fileName(d, d.details.get(rank)))
          .append("\">smaller cluster →</a>");
    }
    sb.append("</nav>");
    sb.append("<div class=\"cards\">");
    card(sb, "size", Fmt.n(s.size()), "members");
    card(sb, "duplicates", Fmt.n(det.duplicates()), "duplicates");
    card(sb, "sources", Fmt.n(s.sources()), "sources");
    card(sb, null, Fmt.sim(s.minJaccard()), "lowest Jaccard");
    card(sb, null, Fmt.sim(s.minContainment()), "lowest containment");
    if (s.lowContent() > 0) {
      card(sb, "low_content", Fmt.n(s.lowContent()), "low-content members");
    }
    if (s.templateOnly() > 0) {
      card(sb, "template_only", Fmt.n(s.templateOnly()), "template-only pages");
    }
    sb.append("</div>");
    lowContentNote(sb, s);
    String reason = s.reason() == null ? "(none)" : s.reason();
    sb.append("<p>Canonical chosen by <b>").append(Html.bdi(reason)).append("</b>");
    String meaning = IndexPage.REASONS.get(reason);
    if (meaning != null) {
      sb.append(": ").append(Html.text(meaning));
    }
    sb.append(".</p>");
    if (!det.extra().isEmpty()) {
      sb.append("<p class=\"note\">Other fields: ").append(extra(det.extra())).append("</p>");
    }
    if (det.shown().size() - 1 < det.duplicates()) {
      sb.append("<p class=\"warning\">This cluster has ").append(Fmt.n(det.duplicates()))
          .append(" duplicates; the ").append(Fmt.n(det.shown().size() - 1))
          .append(" least similar to the canonical are shown (--maxMembers=")
          .append(d.settings.maxMembers())
          .append("). clusters-*.jsonl and assignments-*.jsonl list all of them.</p>");
    }
    membersTable(sb, det);
    w.write(sb.toString());
    sb.setLength(0);

    Text canonText = texts.get(canonical.origin());
    sb.append("<h2>Texts</h2><p class=\"legend\"><del>struck red</del>: in the canonical, missing"
        + " from the copy (cuts, truncation) · <ins>green</ins>: only in the copy (boilerplate,"
        + " captions, local additions). Unchanged paragraphs away from any change are folded."
        + " Texts are as the pipeline read them (before cleaning), re-read from their origin.</p>");
    sb.append("<article class=\"member\" id=\"m-0\"><h3><span class=\"chip can\">canonical"
        + "</span> ").append(badge(canonical)).append(Html.bdi(canonical.sourceKey(), 120))
        .append("</h3>");
    facts(sb, canonical, null);
    if (canonText == null || canonText.body() == null) {
      sb.append("<p class=\"warning\">The canonical's text could not be re-read: ")
          .append(Html.text(canonText == null ? "unknown origin" : canonText.problem()))
          .append(". No diffs can be shown.</p>");
    } else {
      sb.append("<details><summary>Text of the canonical (")
          .append(Fmt.n(WordDiff.tokens(canonText.body()).stream()
              .filter(t -> !t.equals(WordDiff.PARAGRAPH)).count()))
          .append(" words)</summary>").append(DiffHtml.plain(canonText.body()))
          .append("</details>");
    }
    sb.append("</article>\n");
    w.write(sb.toString());
    sb.setLength(0);

    List<Member> shown = det.shown();
    for (int i = 1; i < shown.size(); i++) {
      Member m = shown.get(i);
      sb.append("<article class=\"member\" id=\"m-").append(i).append("\"><h3>").append(i)
          .append(". ").append(roleChip(m, canonical)).append(' ').append(badge(m))
          .append(Html.bdi(m.sourceKey(), 120)).append("</h3>");
      facts(sb, m, canonical);
      if (m.title() != null && canonical.title() != null && !m.title().equals(canonical.title())) {
        sb.append("<div class=\"stats\">Headline: ")
            .append(DiffHtml.render(WordDiff.diff(canonical.title(), m.title())))
            .append("</div>");
      }
      Text t = texts.get(m.origin());
      if (t == null || t.body() == null) {
        sb.append("<p class=\"warning\">No diff: the text could not be re-read: ")
            .append(Html.text(t == null ? "unknown origin" : t.problem())).append(".</p>");
      } else if (canonText != null && canonText.body() != null) {
        WordDiff.Result r = WordDiff.diff(canonText.body(), t.body());
        sb.append("<p class=\"stats\">").append(stats(r)).append("</p>");
        if (!r.stats().identical()) {
          sb.append(DiffHtml.render(r));
        }
      }
      sb.append("</article>\n");
      w.write(sb.toString());
      sb.setLength(0);
    }
    sb.append("</main>\n").append(Layout.foot());
    w.write(sb.toString());
  }

  /** The member's low-content badge and a space, or "". */
  private static String badge(Member m) {
    return m.isLowContent() ? LowContentReasons.badge(m.lowContent()) + " " : "";
  }

  /** Says, when the cluster has template-only pages, whether they were merged with a story. */
  private static void lowContentNote(StringBuilder sb, Summary s) {
    if (s.templateOnly() == 0) {
      return;
    }
    sb.append("<p class=\"note\">");
    if (s.size() <= 1) {
      sb.append("This article is a template-only page: its text does not carry its headline (a"
          + " wall, a bot check, an error page, a form, a player shell), so its text was not"
          + " used. It was <b>not merged</b> with any other article.");
    } else if (s.templateOnly() >= s.size()) {
      sb.append("All ").append(Fmt.n(s.size())).append(" members are template-only pages: their"
          + " texts were not used; they are one cluster because they share an informative"
          + " headline.");
    } else {
      sb.append(Fmt.n(s.templateOnly())).append(" of the ").append(Fmt.n(s.size()))
          .append(" members are template-only pages: their text (a wall, a bot check, an error"
              + " page…) was not used; they joined this story through the same informative"
              + " headline. Their diffs compare a template with the story.");
    }
    sb.append("</p>");
  }

  private static String fileName(ReportData d, Detail det) {
    String page = d.pageOf.get(det.summary().clusterId());
    return page.substring(page.lastIndexOf('/') + 1);
  }

  private static void card(StringBuilder sb, String key, String value, String label) {
    sb.append("<div class=\"card\"><div class=\"v\"");
    if (key != null) {
      sb.append(" data-count=\"").append(key).append('"');
    }
    sb.append('>').append(Html.text(value)).append("</div><div class=\"k\">")
        .append(Html.text(label)).append("</div></div>");
  }

  private static String roleChip(Member m, Member canonical) {
    if (m.matchedVia() != null && !m.matchedVia().equals(canonical.id())) {
      return "<span class=\"chip chain\" title=\"joined through another copy\">duplicate via"
          + " chain</span>";
    }
    return "<span class=\"chip dup\">duplicate</span>";
  }

  private static void membersTable(StringBuilder sb, Detail det) {
    Member canonical = det.shown().get(0);
    sb.append("<h2>Members</h2><div class=\"scroll\"><table class=\"members\"><tr>"
        + "<th class=\"n\">#</th><th>role</th><th>source</th>"
        + "<th>title</th><th class=\"n\">published (UTC)</th><th class=\"n\">lag</th>"
        + "<th class=\"n\">Jaccard</th><th class=\"n\">containment</th><th>matched via</th>"
        + "<th>origin</th></tr>");
    List<Member> shown = det.shown();
    for (int i = 0; i < shown.size(); i++) {
      Member m = shown.get(i);
      sb.append("<tr><td class=\"n\">").append(i).append("</td><td>")
          .append(i == 0 ? "<span class=\"chip can\">canonical</span>" : roleChip(m, canonical))
          .append(m.isLowContent() ? " " + LowContentReasons.badge(m.lowContent()) : "")
          .append("</td><td>").append(Html.bdi(m.sourceKey(), 80)).append("</td><td class=\"t\">"
              + "<a href=\"#m-").append(i).append("\">")
          .append(Html.bdi(m.title() == null ? "(no title)" : m.title(), 200)).append("</a>");
      if (!m.extra().isEmpty()) {
        sb.append("<br><span class=\"muted\">").append(extra(m.extra())).append("</span>");
      }
      sb.append("</td><td class=\"n\">").append(Html.text(time(m)))
          .append("</td><td class=\"n\">").append(i == 0 ? "" : Html.text(Fmt.lag(lag(m, canonical))))
          .append("</td><td class=\"n\">").append(i == 0 ? "" : Fmt.sim(m.jaccard()))
          .append("</td><td class=\"n\">").append(i == 0 ? "" : Fmt.sim(m.containment()))
          .append("</td><td class=\"id\">").append(Html.bdi(m.matchedVia(), 100))
          .append("</td><td class=\"id\">").append(Html.bdi(m.origin().display(), 200))
          .append("</td></tr>");
    }
    sb.append("</table></div>");
  }

  private static void facts(StringBuilder sb, Member m, Member canonical) {
    sb.append("<dl class=\"kv\"><dt>title</dt><dd>")
        .append(Html.bdi(m.title() == null ? "(no title)" : m.title(), 1000))
        .append("</dd><dt>id</dt><dd class=\"mono\">").append(Html.bdi(m.id(), 300))
        .append("</dd><dt>url</dt><dd>")
        .append(m.url() == null ? "—" : Html.link(m.url(), Html.clip(m.url(), 200)))
        .append("</dd><dt>published</dt><dd>").append(Html.text(time(m)));
    if (canonical != null) {
      Long lag = lag(m, canonical);
      if (lag != null) {
        sb.append(" (").append(Html.text(Fmt.lag(lag)))
            .append(lag < 0 ? " before" : " after").append(" the canonical)");
      }
      sb.append("</dd><dt>similarity</dt><dd>Jaccard ").append(Fmt.sim(m.jaccard()))
          .append(" · containment ").append(Fmt.sim(m.containment()))
          .append("</dd><dt>matched via</dt><dd class=\"mono\">")
          .append(m.matchedVia() == null ? "—" : Html.bdi(m.matchedVia(), 300));
    }
    sb.append("</dd><dt>origin</dt><dd class=\"mono\">")
        .append(Html.bdi(m.origin().display(), 400)).append("</dd>");
    if (m.isLowContent()) {
      sb.append("<dt>low content</dt><dd>").append(LowContentReasons.badge(m.lowContent()))
          .append(' ').append(Html.text(LowContentReasons.meaning(m.lowContent())))
          .append("</dd>");
    }
    m.extra().forEach((k, v) -> sb.append("<dt>").append(Html.text(k)).append("</dt><dd>")
        .append(Html.bdi(v)).append("</dd>"));
    sb.append("</dl>");
  }

  private static String time(Member m) {
    if (m.published() != null) {
      return Fmt.time(m.published());
    }
    return m.publishedAt() == null ? "—" : Html.clip(m.publishedAt(), 40);
  }

  private static Long lag(Member m, Member canonical) {
    if (m.published() == null || canonical.published() == null) {
      return null;
    }
    return Duration.between(canonical.published(), m.published()).getSeconds();
  }

  private static String extra(Map<String, String> extra) {
    StringBuilder sb = new StringBuilder();
    extra.forEach((k, v) -> sb.append("<span class=\"chip\">").append(Html.text(k)).append(": ")
        .append(Html.bdi(v, 100)).append("</span> "));
    return sb.toString();
  }

  /** The diff's word counts as a sentence (HTML). */
  static String stats(WordDiff.Result r) {
    WordDiff.Stats s = r.stats();
    if (s.identical()) {
      return "<b>Identical text</b> (" + Fmt.n(s.same()) + " words).";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<b>").append(Fmt.n(s.same())).append("</b> words kept · <b>+")
        .append(Fmt.n(s.added())).append("</b> added");
    if (s.addedAtStart() > 0 && s.addedAtEnd() > 0) {
      sb.append(" (").append(Fmt.n(s.addedAtStart())).append(" before the text, ")
          .append(Fmt.n(s.addedAtEnd())).append(" after it)");
    } else if (s.addedAtStart() > 0) {
      sb.append(" (").append(Fmt.n(s.addedAtStart())).append(" before the text)");
    } else if (s.addedAtEnd() > 0) {
      sb.append(" (").append(Fmt.n(s.addedAtEnd())).append(" after the text)");
    }
    sb.append(" · <b>−").append(Fmt.n(s.removed())).append("</b> removed");
    if (s.removedAtEnd() > 0) {
      sb.append(" (").append(Fmt.n(s.removedAtEnd())).append(" at the end: the copy is cut short)");
    }
    sb.append('.');
    if (!r.aligned()) {
      sb.append(" Parts too different to align word by word within the cost bound are shown as"
          + " removed and added.");
    }
    if (r.clipped()) {
      sb.append(" Only the first ").append(Fmt.n(WordDiff.MAX_WORDS))
          .append(" words of each text were compared.");
    }
    return sb.toString();
  }
}
