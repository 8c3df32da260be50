package io.newsdedup.report;

import static io.newsdedup.report.html.Html.bdi;
import static io.newsdedup.report.html.Html.el;
import static io.newsdedup.report.html.Html.group;
import static io.newsdedup.report.html.Html.link;
import static io.newsdedup.report.html.Html.text;

import io.newsdedup.report.ClusterLine.Detail;
import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.OriginRef;
import io.newsdedup.report.ClusterLine.Summary;
import io.newsdedup.report.TextLoader.Text;
import io.newsdedup.report.html.Html;
import io.newsdedup.report.html.HtmlWriter;
import io.newsdedup.report.html.Node;
import io.newsdedup.report.html.Tag;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code clusters/NNNN.html}: one cluster's canonical and members (similarity, reason, matched_via,
 * origin, lag) and, for each member, a word diff against the canonical's text as the pipeline read
 * it. Written member by member, so a page's diffs are never all in memory.
 */
final class ClusterPage {
  private ClusterPage() {}

  static void write(Writer out, ReportData d, Detail det, int rank, Map<OriginRef, Text> texts)
      throws IOException {
    Summary s = det.summary();
    Member canonical = det.shown().get(0);
    int pages = d.details.size();
    String title = canonical.title() == null ? "(no title)" : canonical.title();
    HtmlWriter w = new HtmlWriter(out);
    Layout.open(
        w, Html.clip(title, 120) + " · cluster " + rank + " · news-dedup report", d.banner());
    w.add(
        Layout.header(
            el("h1").add(bdi(title, 400)),
            el("p")
                .text("Cluster " + rank + " of the " + pages + " largest · ")
                .add(el("span").cls("mono").add(bdi(s.clusterId())))),
        Layout.NL);
    w.open(el("main"));
    Tag crumbs =
        el("nav")
            .cls("crumbs")
            .add(el("a").attr("href", "../index.html#clusters").text("← report"));
    if (rank > 1) {
      crumbs.add(
          el("a").attr("href", fileName(d, d.details.get(rank - 2))).text("← larger cluster"));
    }
    if (rank < pages) {
      crumbs.add(el("a").attr("href", fileName(d, d.details.get(rank))).text("smaller cluster →"));
    }
    w.add(crumbs);
    Tag cards =
        el("div")
            .cls("cards")
            .add(
                card("size", Fmt.n(s.size()), "members"),
                card("duplicates", Fmt.n(det.duplicates()), "duplicates"),
                card("sources", Fmt.n(s.sources()), "sources"),
                card(null, Fmt.sim(s.minJaccard()), "lowest Jaccard"),
                card(null, Fmt.sim(s.minContainment()), "lowest containment"));
    if (s.lowContent() > 0) {
      cards.add(card("low_content", Fmt.n(s.lowContent()), "low-content members"));
    }
    if (s.templateOnly() > 0) {
      cards.add(card("template_only", Fmt.n(s.templateOnly()), "template-only pages"));
    }
    w.add(cards, lowContentNote(s));
    String reason = s.reason() == null ? "(none)" : s.reason();
    String meaning = IndexPage.REASONS.get(reason);
    w.add(
        el("p")
            .text("Canonical chosen by ")
            .add(el("b").add(bdi(reason)))
            .text(meaning == null ? "." : ": " + meaning + "."));
    if (!det.extra().isEmpty()) {
      w.add(el("p").cls("note").text("Other fields: ").add(extra(det.extra())));
    }
    if (det.shown().size() - 1 < det.duplicates()) {
      w.add(
          el("p")
              .cls("warning")
              .text(
                  "This cluster has "
                      + Fmt.n(det.duplicates())
                      + " duplicates; the "
                      + Fmt.n(det.shown().size() - 1)
                      + " least similar to the"
                      + " canonical are shown (--maxMembers="
                      + d.settings.maxMembers()
                      + ")."
                      + " clusters-*.jsonl and assignments-*.jsonl list all of them."));
    }
    w.add(membersTable(det));

    Text canonText = texts.get(canonical.origin());
    w.add(
        el("h2").text("Texts"),
        el("p")
            .cls("legend")
            .add(
                el("del").text("struck red"),
                text(": in the canonical, missing from the copy (cuts, truncation) · "),
                el("ins").text("green"),
                text(
                    ": only in the copy (boilerplate, captions, local additions). Unchanged"
                        + " paragraphs away from any change are folded. Texts are as the pipeline"
                        + " read them (before cleaning), re-read from their origin.")));
    Tag article =
        el("article")
            .cls("member")
            .id("m-0")
            .add(
                el("h3")
                    .add(
                        el("span").cls("chip can").text("canonical"),
                        text(" "),
                        badge(canonical),
                        bdi(canonical.sourceKey(), 120)),
                facts(canonical, null));
    if (canonText == null || canonText.body() == null) {
      article.add(
          el("p")
              .cls("warning")
              .text(
                  "The canonical's text could not be re-read: "
                      + (canonText == null ? "unknown origin" : canonText.problem())
                      + ". No diffs can be shown."));
    } else {
      long words =
          WordDiff.tokens(canonText.body()).stream()
              .filter(t -> !t.equals(WordDiff.PARAGRAPH))
              .count();
      article.add(
          el("details")
              .add(
                  el("summary").text("Text of the canonical (" + Fmt.n(words) + " words)"),
                  DiffHtml.plain(canonText.body())));
    }
    w.add(article, Layout.NL);

    List<Member> shown = det.shown();
    for (int i = 1; i < shown.size(); i++) {
      Member m = shown.get(i);
      Tag member =
          el("article")
              .cls("member")
              .id("m-" + i)
              .add(
                  el("h3")
                      .add(
                          text(i + ". "),
                          roleChip(m, canonical),
                          text(" "),
                          badge(m),
                          bdi(m.sourceKey(), 120)),
                  facts(m, canonical));
      if (m.title() != null && canonical.title() != null && !m.title().equals(canonical.title())) {
        member.add(
            el("div")
                .cls("stats")
                .text("Headline: ")
                .add(DiffHtml.render(WordDiff.diff(canonical.title(), m.title()))));
      }
      Text t = texts.get(m.origin());
      if (t == null || t.body() == null) {
        member.add(
            el("p")
                .cls("warning")
                .text(
                    "No diff: the text could not be re-read: "
                        + (t == null ? "unknown origin" : t.problem())
                        + "."));
      } else if (canonText != null && canonText.body() != null) {
        WordDiff.Result r = WordDiff.diff(canonText.body(), t.body());
        member.add(el("p").cls("stats").add(stats(r)));
        if (!r.stats().identical()) {
          member.add(DiffHtml.render(r));
        }
      }
      w.add(member, Layout.NL);
    }
    w.close("main").newline();
    Layout.close(w);
  }

  /** The member's low-content badge and a space, or nothing. */
  private static Node badge(Member m) {
    return m.isLowContent() ? group(LowContentReasons.badge(m.lowContent()), text(" ")) : null;
  }

  /** Says, when the cluster has template-only pages, whether they were merged with a story. */
  private static Tag lowContentNote(Summary s) {
    if (s.templateOnly() == 0) {
      return null;
    }
    Tag p = el("p").cls("note");
    if (s.size() <= 1) {
      p.text(
              "This article is a template-only page: its text does not carry its headline (a wall,"
                  + " a bot check, an error page, a form, a player shell), so its text was not"
                  + " used. It was ")
          .add(el("b").text("not merged"))
          .text(" with any other article.");
    } else if (s.templateOnly() >= s.size()) {
      p.text(
          "All "
              + Fmt.n(s.size())
              + " members are template-only pages: their texts were not"
              + " used; they are one cluster because they share an informative headline.");
    } else {
      p.text(
          Fmt.n(s.templateOnly())
              + " of the "
              + Fmt.n(s.size())
              + " members are template-only pages: their text (a wall, a bot check, an error page…)"
              + " was not used; they joined this story through the same informative headline. Their"
              + " diffs compare a template with the story.");
    }
    return p;
  }

  private static String fileName(ReportData d, Detail det) {
    String page = d.pageOf.get(det.summary().clusterId());
    return page.substring(page.lastIndexOf('/') + 1);
  }

  private static Tag card(String key, String value, String label) {
    return el("div")
        .cls("card")
        .add(
            el("div").cls("v").attr("data-count", key).text(value), el("div").cls("k").text(label));
  }

  private static Tag roleChip(Member m, Member canonical) {
    if (m.matchedVia() != null && !m.matchedVia().equals(canonical.id())) {
      return el("span")
          .cls("chip chain")
          .attr("title", "joined through another copy")
          .text("duplicate via chain");
    }
    return el("span").cls("chip dup").text("duplicate");
  }

  private static Tag membersTable(Member canonical, List<Member> shown) {
    Tag table =
        el("table")
            .cls("members")
            .add(
                el("tr")
                    .add(
                        th("n", "#"),
                        th(null, "role"),
                        th(null, "source"),
                        th(null, "title"),
                        th("n", "published (UTC)"),
                        th("n", "lag"),
                        th("n", "Jaccard"),
                        th("n", "containment"),
                        th(null, "matched via"),
                        th(null, "origin")));
    for (int i = 0; i < shown.size(); i++) {
      Member m = shown.get(i);
      Tag title =
          el("td")
              .cls("t")
              .add(
                  el("a")
                      .attr("href", "#m-" + i)
                      .add(bdi(m.title() == null ? "(no title)" : m.title(), 200)));
      if (!m.extra().isEmpty()) {
        title.add(el("br"), el("span").cls("muted").add(extra(m.extra())));
      }
      boolean first = i == 0;
      table.add(
          el("tr")
              .add(
                  td("n", Integer.toString(i)),
                  el("td")
                      .add(
                          first
                              ? el("span").cls("chip can").text("canonical")
                              : roleChip(m, canonical),
                          m.isLowContent()
                              ? group(text(" "), LowContentReasons.badge(m.lowContent()))
                              : null),
                  el("td").add(bdi(m.sourceKey(), 80)),
                  title,
                  td("n", time(m)),
                  td("n", first ? "" : Fmt.lag(lag(m, canonical))),
                  td("n", first ? "" : Fmt.sim(m.jaccard())),
                  td("n", first ? "" : Fmt.sim(m.containment())),
                  el("td").cls("id").add(bdi(m.matchedVia(), 100)),
                  el("td").cls("id").add(bdi(m.origin().display(), 200))));
    }
    return table;
  }

  private static Node membersTable(Detail det) {
    return group(
        el("h2").text("Members"),
        el("div").cls("scroll").add(membersTable(det.shown().get(0), det.shown())));
  }

  private static Tag th(String cls, String label) {
    return el("th").cls(cls).text(label);
  }

  private static Tag td(String cls, String text) {
    return el("td").cls(cls).text(text);
  }

  private static Tag facts(Member m, Member canonical) {
    Tag dl = el("dl").cls("kv");
    dl.add(
        el("dt").text("title"),
        el("dd").add(bdi(m.title() == null ? "(no title)" : m.title(), 1000)),
        el("dt").text("id"),
        el("dd").cls("mono").add(bdi(m.id(), 300)),
        el("dt").text("url"),
        el("dd").add(m.url() == null ? text("—") : link(m.url(), Html.clip(m.url(), 200))));
    Tag published = el("dd").text(time(m));
    dl.add(el("dt").text("published"), published);
    if (canonical != null) {
      Long lag = lag(m, canonical);
      if (lag != null) {
        published.text(" (" + Fmt.lag(lag) + (lag < 0 ? " before" : " after") + " the canonical)");
      }
      dl.add(
          el("dt").text("similarity"),
          el("dd")
              .text(
                  "Jaccard " + Fmt.sim(m.jaccard()) + " · containment " + Fmt.sim(m.containment())),
          el("dt").text("matched via"),
          el("dd").cls("mono").add(m.matchedVia() == null ? text("—") : bdi(m.matchedVia(), 300)));
    }
    dl.add(el("dt").text("origin"), el("dd").cls("mono").add(bdi(m.origin().display(), 400)));
    if (m.isLowContent()) {
      dl.add(
          el("dt").text("low content"),
          el("dd")
              .add(
                  LowContentReasons.badge(m.lowContent()),
                  text(" " + LowContentReasons.meaning(m.lowContent()))));
    }
    m.extra().forEach((k, v) -> dl.add(el("dt").text(k), el("dd").add(bdi(v))));
    return dl;
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

  private static Node extra(Map<String, String> extra) {
    List<Node> chips = new ArrayList<>();
    extra.forEach(
        (k, v) -> {
          chips.add(el("span").cls("chip").text(k + ": ").add(bdi(v, 100)));
          chips.add(text(" "));
        });
    return group(chips);
  }

  /** The diff's word counts as a sentence. */
  static Node stats(WordDiff.Result r) {
    WordDiff.Stats s = r.stats();
    if (s.identical()) {
      return group(el("b").text("Identical text"), text(" (" + Fmt.n(s.same()) + " words)."));
    }
    StringBuilder added = new StringBuilder(" added");
    if (s.addedAtStart() > 0 && s.addedAtEnd() > 0) {
      added
          .append(" (")
          .append(Fmt.n(s.addedAtStart()))
          .append(" before the text, ")
          .append(Fmt.n(s.addedAtEnd()))
          .append(" after it)");
    } else if (s.addedAtStart() > 0) {
      added.append(" (").append(Fmt.n(s.addedAtStart())).append(" before the text)");
    } else if (s.addedAtEnd() > 0) {
      added.append(" (").append(Fmt.n(s.addedAtEnd())).append(" after the text)");
    }
    added.append(" · ");
    StringBuilder removed = new StringBuilder(" removed");
    if (s.removedAtEnd() > 0) {
      removed
          .append(" (")
          .append(Fmt.n(s.removedAtEnd()))
          .append(" at the end: the copy is cut short)");
    }
    removed.append('.');
    if (!r.aligned()) {
      removed.append(
          " Parts too different to align word by word within the cost bound are"
              + " shown as removed and added.");
    }
    if (r.clipped()) {
      removed
          .append(" Only the first ")
          .append(Fmt.n(WordDiff.MAX_WORDS))
          .append(" words of each text were compared.");
    }
    return group(
        el("b").text(Fmt.n(s.same())),
        text(" words kept · "),
        el("b").text("+" + Fmt.n(s.added())),
        text(added.toString()),
        el("b").text("−" + Fmt.n(s.removed())),
        text(removed.toString()));
  }
}
