package io.newsdedup.report;

import static io.newsdedup.report.OutputFixture.article;
import static io.newsdedup.report.OutputFixture.dup;
import static io.newsdedup.report.OutputFixture.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.report.OutputFixture.LowFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Low-content articles by reason ({@code low_content_reason}: template_only, too_short): the
 * index's counts, the per-source counts and the list of template-only pages (bounded, linking to
 * the cluster each is in), the badges of the cluster pages, and outputs older than the reasons.
 */
class LowContentReportTest {
  @TempDir Path tmp;
  OutputFixture f;
  Path rep;

  static final String STORY =
      "The council voted on Tuesday to buy the old wharf.\n"
          + "The vote was seven to two after a long debate.\n"
          + "The mayor said the purchase would close by June.";
  static final String WALL =
      "We value your privacy. Please accept cookies to continue.\n"
          + "Subscribe to read this article.";

  @BeforeEach
  void inputs() {
    f = new OutputFixture(tmp);
    rep = tmp.resolve("report");
    f.input(
        "in/feed.jsonl",
        String.join(
                "\n",
                article("orig-1", "Harbor Gazette", "Council buys the old wharf", STORY),
                article("agg-1", "NewsPulse", "Council buys the old wharf", "Home\n" + STORY),
                article("wall-1", "Daily Paywall", "Council buys the old wharf", WALL),
                article(
                    "short-1", "NewsPulse", "Council buys the old wharf", "Council buys wharf."),
                article("wall-2", "Daily Paywall", "Markets rally on rate hopes", WALL),
                article(
                    "wall-3",
                    "Bot Guarded Times",
                    "Storm closes the coast road",
                    "Checking your browser before accessing the site."),
                article("short-2", "AP", "Ferry strike ends", "Ferry strike ends."),
                article(
                    "plain",
                    "AP",
                    "Library reopens",
                    "The library reopened on Monday after" + " repairs to its roof."))
            + "\n");
  }

  /** Four template-only or too-short pages around one story, and singletons. */
  void standard(LowFields fields) {
    f.lowFields = fields;
    f.cluster(
        "cl-story",
        "has_content",
        m(
            "orig-1",
            "Harbor Gazette",
            "Council buys the old wharf",
            "2025-03-01T10:00:00Z",
            "in/feed.jsonl",
            1),
        dup(
            "agg-1",
            "NewsPulse",
            "Council buys the old wharf",
            "2025-03-01T11:00:00Z",
            "in/feed.jsonl",
            2,
            0.8,
            1.0),
        dup(
                "wall-1",
                "Daily Paywall",
                "Council buys the old wharf",
                "2025-03-01T12:00:00Z",
                "in/feed.jsonl",
                3,
                0.0,
                0.0)
            .low("template_only"),
        dup(
                "short-1",
                "NewsPulse",
                "Council buys the old wharf",
                "2025-03-01T13:00:00Z",
                "in/feed.jsonl",
                4,
                0.1,
                1.0)
            .low("too_short"));
    f.cluster(
        "cl-wall-2",
        "singleton",
        m(
                "wall-2",
                "Daily Paywall",
                "Markets rally on rate hopes",
                "2025-03-02T10:00:00Z",
                "in/feed.jsonl",
                5)
            .low("template_only"));
    f.cluster(
        "cl-wall-3",
        "singleton",
        m(
                "wall-3",
                "Bot Guarded Times",
                "Storm closes the coast road",
                "2025-03-02T11:00:00Z",
                "in/feed.jsonl",
                6)
            .low("template_only"));
    f.cluster(
        "cl-short-2",
        "singleton",
        m("short-2", "AP", "Ferry strike ends", "2025-03-02T12:00:00Z", "in/feed.jsonl", 7)
            .low("too_short"));
    f.cluster(
        "cl-plain",
        "singleton",
        m("plain", "AP", "Library reopens", "2025-03-02T13:00:00Z", "in/feed.jsonl", 8));
  }

  Document page(String name) throws IOException {
    return Jsoup.parse(Files.readString(rep.resolve(name)));
  }

  static String count(Document d, String key) {
    Element e = d.selectFirst("[data-count=" + key + "]");
    assertNotNull(e, "no data-count=" + key);
    return e.text();
  }

  /** The data rows (not the header) of a table. */
  static Elements rows(Element table) {
    Elements rows = table.select("tr");
    rows.remove(0);
    return rows;
  }

  /** The page a template-only list row links its cluster to, opened; null without a link. */
  Document clusterOf(Element row) throws IOException {
    Element link = row.select("td").last().selectFirst("a[href]");
    return link == null ? null : Jsoup.parse(Files.readString(rep.resolve(link.attr("href"))));
  }

  @Test
  void indexCountsByReasonListsTemplatePagesAndSources() throws IOException {
    standard(LowFields.NEW);
    f.write(2, true);
    DedupReport.Result r = DedupReport.write(f.settings());
    assertEquals(List.of(), r.warnings());

    Document index = page("index.html");
    assertEquals("5", count(index, "low_content"));
    assertEquals("3", count(index, "template_only"));
    assertEquals("2", count(index, "too_short"));
    assertNull(index.selectFirst("[data-count=low_content_unknown]"));
    assertEquals("3", count(index, "low_content.template_only"));
    Element byReason = index.selectFirst("[data-count=low_content.template_only]").parent();
    // 3 template-only: 3 of 8 articles, 2 alone, 1 merged with others
    assertEquals(
        List.of("template-only", "3", "37.5%", "2", "1"),
        byReason.select("td").eachText().subList(0, 5));
    assertNotNull(index.selectFirst("nav.toc a[href=\"#low-content\"]"));

    // Per source, most first, with an example page.
    Elements sources = rows(index.getElementById("template-sources"));
    assertEquals(2, sources.size());
    assertEquals(
        List.of("Daily Paywall", "2", "100.0%", "wall-1"), sources.get(0).select("td").eachText());
    assertEquals("https://example.com/wall-1", sources.get(0).selectFirst("a").attr("href"));
    assertEquals(
        List.of("Bot Guarded Times", "1", "100.0%", "wall-3"),
        sources.get(1).select("td").eachText());

    // The list: the page merged into a story first, then by source and id; each links to the
    // page of the cluster it is in.
    Document list = page("template-only.html");
    Elements items = rows(list.selectFirst("table"));
    assertEquals(3, items.size());
    assertEquals(
        List.of("wall-1", "wall-3", "wall-2"),
        items.stream().map(e -> e.select("td").get(3).text()).toList());
    Element first = items.get(0);
    assertTrue(first.text().contains("Council buys the old wharf"), first.text());
    assertTrue(first.text().contains("Daily Paywall"), first.text());
    assertEquals(
        "https://example.com/wall-1", first.select("td").get(4).selectFirst("a").attr("href"));
    assertTrue(first.text().contains("in a cluster of 4"), first.text());
    assertEquals("clusters/0001.html", first.select("td").last().selectFirst("a").attr("href"));
    assertEquals("cl-story", first.select("td").last().selectFirst("a").text());
    assertTrue(clusterOf(first).text().contains("cl-story"));
    for (int i = 1; i < 3; i++) {
      Element alone = items.get(i);
      assertTrue(alone.text().contains("alone"), alone.text());
      String id = alone.select("td").get(3).text();
      Document cluster = clusterOf(alone);
      assertTrue(cluster.text().contains("cl-" + id), cluster.text());
      assertTrue(
          cluster.text().contains("It was not merged with any other article"), cluster.text());
    }
    assertTrue(list.text().contains("All 3, those in the largest clusters first"), list.text());
    // The index shows the same first rows.
    Elements inline = rows(index.getElementById("low-content").select("table").last());
    assertEquals(3, inline.size());
    assertEquals(
        "clusters/0001.html", inline.get(0).select("td").last().selectFirst("a").attr("href"));

    List<String> csv = Files.readAllLines(rep.resolve("template-only.csv"));
    assertEquals(4, csv.size(), csv.toString());
    assertEquals(String.join(",", Companions.TEMPLATE_ONLY_COLUMNS), csv.get(0));
    assertTrue(
        csv.contains(
            "wall-1,Daily Paywall,Council buys the old wharf,"
                + "https://example.com/wall-1,2025-03-01T12:00:00Z,cl-story,4,duplicate,orig-1"),
        csv.toString());
    assertTrue(
        csv.contains(
            "wall-2,Daily Paywall,Markets rally on rate hopes,"
                + "https://example.com/wall-2,2025-03-02T10:00:00Z,cl-wall-2,1,canonical,wall-2"),
        csv.toString());
    List<String> sourcesCsv = Files.readAllLines(rep.resolve("sources.csv"));
    assertTrue(sourcesCsv.get(0).endsWith(",low_content,template_only"), sourcesCsv.get(0));
    assertTrue(sourcesCsv.contains("Daily Paywall,2,1,0,1,0,1,7200,2,2"), sourcesCsv.toString());
    assertTrue(sourcesCsv.contains("NewsPulse,2,0,0,2,0,2,7200,1,0"), sourcesCsv.toString());
    JsonNode summary = OutputFixture.JSON.readTree(rep.resolve("summary.json").toFile());
    assertEquals(5, summary.path("counts").path("low_content").asLong());
    assertEquals(
        3, summary.path("counts").path("low_content_by_reason").path("template_only").asLong());
    assertEquals(2, summary.path("template_only").path("alone_in_their_cluster").asLong());
    assertEquals(
        "Daily Paywall",
        summary.path("template_only").path("top_sources").get(0).path("source").asText());
  }

  @Test
  void clusterPagesMarkLowContentMembersWithTheirReason() throws IOException {
    standard(LowFields.NEW);
    f.write(1, true);
    DedupReport.write(f.settings());
    Document story = page("clusters/0001.html");
    assertEquals("cl-story", story.selectFirst("header .mono").text());
    Elements members = rows(story.selectFirst("table.members"));
    assertEquals(4, members.size());
    for (Element row : members) {
      String text = row.text();
      Elements badges = row.select("span.chip.low");
      if (text.contains("Daily Paywall")) {
        assertEquals("template-only", badges.text(), text);
        assertTrue(badges.first().hasClass("tpl"));
        assertTrue(badges.attr("title").contains("does not carry its headline"));
      } else if (text.contains("NewsPulse") && row.select("td").get(0).text().equals("3")) {
        assertEquals("too short", badges.text(), text);
      } else {
        assertTrue(badges.isEmpty(), text);
      }
    }
    assertEquals(1, story.select("article.member h3 span.chip.low.tpl").size());
    assertEquals(1, story.select("article.member h3 span.chip.low.short").size());
    assertEquals("1", count(story, "template_only"));
    assertEquals("2", count(story, "low_content"));
    assertTrue(story.text().contains("1 of the 4 members are template-only pages"), story.text());
    assertTrue(
        story
            .select("dl.kv")
            .text()
            .contains("low content template-only the page's text" + " does not carry its headline"),
        story.select("dl.kv").text());
    Document plain = page("clusters/0002.html");
    assertTrue(plain.select("span.chip.low").isEmpty());
    assertFalse(plain.text().contains("template-only"));
  }

  @Test
  void outputsWithoutLowContentReasonSayTheReasonIsUnknown() throws IOException {
    standard(LowFields.OLD);
    f.write(1, true);
    DedupReport.Result r = DedupReport.write(f.settings());
    assertEquals(List.of(), r.warnings());
    Document index = page("index.html");
    assertEquals("5", count(index, "low_content"));
    assertEquals("5", count(index, "low_content_unknown"));
    assertNull(index.selectFirst("[data-count=template_only]"));
    assertTrue(
        index.select(".card").text().contains("unknown template-only pages"),
        index.select(".card").text());
    assertTrue(
        index
            .getElementById("low-content")
            .text()
            .contains("which of them are template-only pages is unknown"));
    assertTrue(
        page("template-only.html")
            .text()
            .contains("which of them are template-only" + " pages is unknown"));
    assertEquals(1, Files.readAllLines(rep.resolve("template-only.csv")).size());
    Document story = page("clusters/0001.html");
    assertEquals(
        List.of("low-content", "low-content"),
        story.select("table.members span.chip.low").eachText());
    assertTrue(
        story.select("table.members span.chip.low").attr("title").contains("reason not recorded"));
    JsonNode summary = OutputFixture.JSON.readTree(rep.resolve("summary.json").toFile());
    assertFalse(summary.path("counts").path("low_content_reasons_known").asBoolean());
    assertEquals(5, summary.path("counts").path("low_content_by_reason").path("unknown").asLong());
  }

  @Test
  void theOutputsWinWhenSummaryOrAssignmentsDisagree() throws IOException {
    standard(LowFields.NEW);
    Path out = f.write(1, true);
    ObjectNode s = (ObjectNode) OutputFixture.JSON.readTree(out.resolve("summary.json").toFile());
    ((ObjectNode) s.path("counts")).put("low_content", 9);
    ((ObjectNode) s.path("counts").path("low_content_by_reason")).put("template_only", 7);
    ((ObjectNode) s.path("counts").path("low_content_by_reason")).put("too_short", "many");
    Files.writeString(out.resolve("summary.json"), s.toString());
    Path assignments = out.resolve("assignments-00000-of-00001.jsonl");
    Files.writeString(
        assignments,
        Files.readString(assignments)
            .replace(
                "\"low_content\":false,\"low_content_reason\":null",
                "\"low_content\":true,\"low_content_reason\":\"template_only\""));
    DedupReport.Result r = DedupReport.write(f.settings());
    assertEquals(
        List.of(
            "summary.json says low_content = 9 but the report found 5 low-content members in"
                + " clusters-*.jsonl",
            "summary.json says low_content_by_reason.template_only = 7 but the report found 3"
                + " such members in clusters-*.jsonl",
            "assignments-*.jsonl marks 8 articles low-content (6 template-only) but"
                + " clusters-*.jsonl marks 5 members (3 template-only)"),
        r.warnings());
    Document index = page("index.html");
    assertEquals("3", count(index, "template_only"));
    assertEquals("5", count(index, "low_content"));
    assertTrue(index.select("p.warning").text().contains("low_content_by_reason.template_only"));
  }

  @Test
  void oddValuesAreCountedNotFatal() throws IOException {
    f.lowFields = LowFields.NEW;
    ObjectNode o =
        f.cluster(
            "cl-odd",
            "earliest_published",
            m("a", "S", "A title here", "2025-03-01T10:00:00Z", "in/feed.jsonl", 1),
            dup("b", "S", "A title here", "2025-03-01T10:00:00Z", "in/feed.jsonl", 2, 0.9, 0.9),
            dup("c", "S", "A title here", "2025-03-01T10:00:00Z", "in/feed.jsonl", 3, 0.9, 0.9),
            dup("d", "S", "A title here", "2025-03-01T10:00:00Z", "in/feed.jsonl", 4, 0.9, 0.9));
    var ms = o.get("members");
    ((ObjectNode) ms.get(1))
        .put("low_content", true)
        .put("low_content_reason", "<b>a_later_reason</b>");
    ((ObjectNode) ms.get(2)).put("low_content", false).put("low_content_reason", "template_only");
    ((ObjectNode) ms.get(3)).remove("low_content");
    ((ObjectNode) ms.get(3)).put("low_content_reason", "template_only");
    f.replaceLast(o);
    f.write(1, false);
    DedupReport.Result r = DedupReport.write(f.settings());
    assertTrue(
        r.warnings()
            .contains(
                "1 members have a low_content_reason but \"low_content\":"
                    + " false; they are counted as not low-content"),
        r.warnings().toString());
    Document index = page("index.html");
    assertEquals("2", count(index, "low_content"));
    assertEquals("1", count(index, "template_only"));
    assertTrue(
        index.getElementById("low-content").text().contains("low-content: <b>a_later_reason</b>"));
    assertTrue(Files.readString(rep.resolve("index.html")).contains("&lt;b&gt;a_later_reason"));
    Document page = page("clusters/0001.html");
    assertEquals(
        List.of("low-content: <b>a_later_reason</b>", "template-only"),
        page.select("table.members span.chip.low").eachText());
  }

  @Test
  void theListIsBoundedAndSaysSo() throws IOException {
    f.lowFields = LowFields.NEW;
    f.cluster(
        "cl-big",
        "has_content",
        m("story", "AP", "Big story", "2025-03-01T10:00:00Z", "in/x.jsonl", 1),
        dup("story-2", "AP", "Big story", "2025-03-01T10:00:00Z", "in/x.jsonl", 2, 0.9, 0.9),
        dup("wall-big", "Zeta Times", "Big story", "2025-03-01T10:00:00Z", "in/x.jsonl", 3, 0, 0)
            .low("template_only"));
    for (int i = 0; i < 50; i++) {
      f.cluster(
          String.format("cl-w%02d", i),
          "singleton",
          m(
                  String.format("w%02d", i),
                  "Site " + (i % 5),
                  "Wall " + i,
                  "2025-03-02T10:00:00Z",
                  "in/x.jsonl",
                  10 + i)
              .low("template_only"));
    }
    f.write(3, true);
    DedupReport.Result r =
        DedupReport.write(f.settings().withLimits(1, 10, 200, 1000).withMaxTemplateOnly(12));
    assertEquals(List.of(), r.warnings());
    Document list = page("template-only.html");
    Elements items = rows(list.selectFirst("table"));
    assertEquals(12, items.size());
    assertTrue(list.text().contains("The first 12 of 51 (--maxTemplateOnly=12)"), list.text());
    // The merged one first, then by source and id: Site 0's w00, w05, ... then Site 1's.
    assertEquals("wall-big", items.get(0).select("td").get(3).text());
    assertEquals(
        List.of("w00", "w05", "w10"),
        items.subList(1, 4).stream().map(e -> e.select("td").get(3).text()).toList());
    assertEquals("w01", items.get(11).select("td").get(3).text());
    // The largest cluster has a page; listed clusters link to the index's list; others do not.
    assertEquals(
        "clusters/0001.html", items.get(0).select("td").last().selectFirst("a").attr("href"));
    int listed = 0;
    int unlinked = 0;
    for (Element item : items.subList(1, 12)) {
      Element a = item.select("td").last().selectFirst("a");
      if (a == null) {
        unlinked++;
      } else {
        String id = a.text();
        assertEquals("index.html?q=" + id + "#clusters", a.attr("href"));
        listed++;
      }
    }
    assertEquals(11, listed + unlinked);
    assertTrue(listed > 0 && unlinked > 0, listed + " listed, " + unlinked + " unlinked");
    Document index = page("index.html");
    assertEquals("51", count(index, "template_only"));
    assertEquals(
        IndexPage.TEMPLATE_INLINE,
        rows(index.getElementById("low-content").select("table").last()).size());
    assertTrue(
        index
            .getElementById("low-content")
            .text()
            .contains("The first 12 of 51 (--maxTemplateOnly=12)"));
    assertEquals(52, Files.readAllLines(rep.resolve("template-only.csv")).size());
    Elements sources = rows(index.getElementById("template-sources"));
    assertEquals(6, sources.size());
    assertEquals(List.of("Site 0", "10"), sources.get(0).select("td").eachText().subList(0, 2));
    assertEquals(List.of("Zeta Times", "1"), sources.get(5).select("td").eachText().subList(0, 2));

    DedupReport.write(f.settings().withMaxTemplateOnly(0));
    assertTrue(rows(page("template-only.html").selectFirst("table")).isEmpty());
    assertTrue(page("template-only.html").text().contains("The first 0 of 51"));
  }

  @Test
  void noLowContentSaysSo() throws IOException {
    f.lowFields = LowFields.NEW;
    f.cluster(
        "cl-plain",
        "singleton",
        m("plain", "AP", "Library reopens", "2025-03-02T13:00:00Z", "in/feed.jsonl", 8));
    f.write(1, true);
    DedupReport.write(f.settings());
    Document index = page("index.html");
    assertEquals("0", count(index, "template_only"));
    assertEquals("0", count(index, "too_short"));
    assertTrue(index.getElementById("low-content").text().contains("No article is low-content."));
    assertTrue(page("template-only.html").text().contains("No template-only page."));
  }
}
