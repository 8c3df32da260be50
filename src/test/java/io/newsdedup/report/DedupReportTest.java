package io.newsdedup.report;

import static io.newsdedup.report.OutputFixture.article;
import static io.newsdedup.report.OutputFixture.dup;
import static io.newsdedup.report.OutputFixture.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupReportTest {
  @TempDir Path tmp;
  OutputFixture f;

  static final String STORY =
      "The council voted on Tuesday to buy the old wharf.\n"
          + "The vote was seven to two after a long debate.\n"
          + "The mayor said the purchase would close by June.";

  @BeforeEach
  void inputs() {
    f = new OutputFixture(tmp);
    f.input(
        "in/feed.jsonl",
        String.join(
                "\n",
                article("orig-1", "Harbor Gazette", "Council buys wharf", STORY),
                "",
                article(
                    "agg-1",
                    "NewsPulse",
                    "Council buys wharf",
                    "Home | World\n" + STORY + "\nRead original article here"),
                article("other", "Somebody", "Another story", "Nothing to see here at all today."))
            + "\n");
    f.input(
        "in/note.txt", "Council buys the wharf\n\n" + STORY.substring(0, STORY.lastIndexOf('\n')));
    f.input(
        "in/page.html",
        "<html><head><title>Wharf</title></head><body><article><h1>Wharf"
            + "</h1>"
            + "<p>"
            + STORY.replace("\n", "</p><p>")
            + "</p></article></body></html>");
    f.input(
        "in/old.jsonl.gz", article("single", "AP", "A singleton", "Only one of a kind.") + "\n");
  }

  Path standardRun() {
    f.cluster(
        "cl-a",
        "earliest_published",
        m(
            "orig-1",
            "Harbor Gazette",
            "Council buys wharf",
            "2025-03-01T10:00:00Z",
            "in/feed.jsonl",
            1),
        dup(
            "agg-1",
            "NewsPulse",
            "Council buys wharf",
            "2025-03-01T12:30:00Z",
            "in/feed.jsonl",
            3,
            0.8,
            1.0),
        dup("note.txt", null, "Council buys the wharf", null, "in/note.txt", 0, 0.6, 1.0),
        dup("page.html", "Web", "Wharf", "2025-03-01T09:00:00Z", "in/page.html", 0, 1.0, 1.0),
        dup(
            "msg-1",
            "Wire feed",
            "Council buys wharf",
            "2025-03-01T11:00:00Z",
            "pubsub:77",
            0,
            0.9,
            0.95));
    f.cluster(
        "cl-b",
        "singleton",
        m("single", "AP", "A singleton", "2025-02-01T00:00:00Z", "in/old.jsonl.gz", 1));
    f.cluster(
        "cl-c",
        "wire_source",
        m("gone-1", "AP", "Gone", "2025-02-01T00:00:00Z", "in/deleted.jsonl", 4),
        dup(
            "gone-2",
            "NewsPulse",
            "Gone too",
            "2025-02-01T01:00:00Z",
            "in/deleted.jsonl",
            9,
            0.7,
            0.9));
    f.reject("in/feed.jsonl", 2, "malformed_json", "bad", "{\"id\": <b>");
    return f.write(2, true);
  }

  static String read(Path p) throws IOException {
    return Files.readString(p);
  }

  @Test
  void writesPagesCompanionsAndAggregates() throws IOException {
    standardRun();
    DedupReport.Result r = DedupReport.write(f.settings());
    Path rep = tmp.resolve("report");
    assertEquals(List.of(), r.warnings());
    assertEquals(3, r.clusters());
    assertEquals(8, r.articles());
    assertEquals(5, r.duplicates());
    assertEquals(3, r.pages());
    for (String name :
        List.of(
            "index.html",
            "rejected.html",
            "summary.json",
            "sources.csv",
            "clusters.csv",
            "clusters/0001.html",
            "clusters/0002.html",
            "clusters/0003.html")) {
      assertTrue(Files.isRegularFile(rep.resolve(name)), name);
    }
    List<String> csv = Files.readAllLines(rep.resolve("clusters.csv"));
    assertEquals(4, csv.size());
    assertEquals(String.join(",", Companions.CLUSTER_COLUMNS), csv.get(0));
    assertTrue(
        csv.stream().anyMatch(l -> l.startsWith("cl-a,5,orig-1,Harbor Gazette,")), csv.toString());
    List<String> sources = Files.readAllLines(rep.resolve("sources.csv"));
    assertTrue(sources.contains("NewsPulse,2,0,0,2,0,2,6300,0,0"), sources.toString());
    assertTrue(sources.contains("Harbor Gazette,1,1,1,0,4,0,,0,0"), sources.toString());

    JsonNode s = OutputFixture.JSON.readTree(rep.resolve("summary.json").toFile());
    assertEquals(8, s.path("counts").path("articles").asLong());
    assertEquals(9, s.path("counts").path("read").asLong());
    assertEquals(1, s.path("counts").path("rejected_by_reason").path("malformed_json").asLong());
    assertEquals(1, s.path("cluster_sizes").path("5").asLong());
    assertEquals(4, s.path("repost_lag").path("dated").asLong());
    assertEquals(1, s.path("repost_lag").path("missing_timestamp").asLong());
    assertEquals(1, s.path("repost_lag").path("negative").asLong());
    assertEquals("NewsPulse", s.path("who_copies_whom").get(0).path("source").asText());
    assertEquals(0.5, s.path("similarity").path("threshold").asDouble());

    // The largest cluster's page: texts re-read from JSONL, .txt and .html, a Pub/Sub origin.
    Document page = Jsoup.parse(read(rep.resolve("clusters/0001.html")));
    assertEquals("Council buys wharf", page.selectFirst("h1").text());
    String html = page.html();
    assertTrue(html.contains("<ins>Home | World</ins>"), html);
    assertTrue(html.contains("<ins>Read original article here</ins>"), html);
    assertTrue(page.text().contains("Pub/Sub message: its text is not kept"), page.text());
    assertTrue(
        page.select("del").text().contains("The mayor said the purchase would close by June."),
        page.select("del").text());
    assertTrue(page.text().contains("at the end: the copy is cut short"));
    assertEquals(5, page.select("article.member").size());
    // A cluster whose files are gone says so instead of a diff.
    Document gone = Jsoup.parse(read(rep.resolve("clusters/0002.html")));
    assertTrue(gone.text().contains("source file not found"), gone.text());
    Document single = Jsoup.parse(read(rep.resolve("clusters/0003.html")));
    assertTrue(single.text().contains("Only one of a kind."), single.text());

    Document index = Jsoup.parse(read(rep.resolve("index.html")));
    assertEquals("9", index.selectFirst("[data-count=read]").attr("data-value"));
    assertEquals("5", index.selectFirst("[data-count=duplicates]").text());
    JsonNode data = OutputFixture.JSON.readTree(index.getElementById("cluster-data").data());
    assertEquals(3, data.path("rows").size());
    assertEquals("clusters/0001.html", data.path("rows").get(0).get(11).asText());
    Document rejected = Jsoup.parse(read(rep.resolve("rejected.html")));
    assertTrue(rejected.select("pre.raw").text().contains("{\"id\": <b>"));
  }

  @Test
  void limitsAreAppliedAndStated() throws IOException {
    standardRun();
    DedupReport.write(f.settings().withLimits(1, 2, 3, 0));
    Path rep = tmp.resolve("report");
    assertTrue(Files.exists(rep.resolve("clusters/0001.html")));
    assertFalse(Files.exists(rep.resolve("clusters/0002.html")));
    Document index = Jsoup.parse(read(rep.resolve("index.html")));
    assertEquals(
        2,
        OutputFixture.JSON
            .readTree(index.getElementById("cluster-data").data())
            .path("rows")
            .size());
    assertTrue(index.text().contains("The 2 largest of 3 clusters are listed"), index.text());
    Document page = Jsoup.parse(read(rep.resolve("clusters/0001.html")));
    assertTrue(
        page.text().contains("This cluster has 4 duplicates; the 2 least similar"), page.text());
    assertEquals(3, page.select("article.member").size());
    // The least similar are kept: note.txt (J 0.6) and agg-1 (J 0.8).
    assertTrue(page.text().contains("note.txt") && page.text().contains("agg-1"));
    assertFalse(page.text().contains("msg-1"));
    assertEquals(4, Files.readAllLines(rep.resolve("clusters.csv")).size());
  }

  @Test
  void staleClusterPagesAreRemovedOtherFilesKept() throws IOException {
    standardRun();
    Path pages = Files.createDirectories(tmp.resolve("report/clusters"));
    Files.writeString(pages.resolve("0099.html"), "old");
    Files.writeString(pages.resolve("notes.txt"), "mine");
    DedupReport.write(f.settings());
    assertFalse(Files.exists(pages.resolve("0099.html")));
    assertTrue(Files.exists(pages.resolve("notes.txt")));
  }

  @Test
  void unknownFieldsAreShownAndChangedFilesDetected() throws IOException {
    var o =
        f.cluster(
            "cl-x",
            "earliest_published",
            m(
                "orig-1",
                "Harbor Gazette",
                "Council buys wharf",
                "2025-03-01T10:00:00Z",
                "in/feed.jsonl",
                1),
            dup(
                "agg-1",
                "NewsPulse",
                "Council buys wharf",
                "2025-03-01T12:30:00Z",
                "in/feed.jsonl",
                4,
                0.8,
                1.0));
    ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("members").get(1))
        .put("low_content", true);
    o.putArray("flags").add("suspicious");
    f.replaceLast(o);
    f.write(1, true);
    DedupReport.write(f.settings());
    Document page = Jsoup.parse(read(tmp.resolve("report/clusters/0001.html")));
    // "low_content": true without a low_content_reason (older outputs): a badge, reason unknown.
    assertEquals("low-content", page.select("table.members span.chip.low").text());
    assertTrue(page.text().contains("reason not recorded"), page.text());
    assertTrue(page.text().contains("flags: [\"suspicious\"]"), page.text());
    assertTrue(page.text().contains("now holds article \"other\", not \"agg-1\""), page.text());
  }

  @Test
  void missingSummaryAndDisagreementsAreWarnings() throws IOException {
    standardRun();
    Files.delete(f.out.resolve("summary.json"));
    DedupReport.Result r = DedupReport.write(f.settings());
    assertTrue(r.warnings().get(0).startsWith("summary.json is missing"), r.warnings().toString());
    Files.writeString(
        f.out.resolve("summary.json"),
        "{\"status\":\"ok\",\"counts\":{\"clusters\":4,\"duplicates\":5}}");
    r = DedupReport.write(f.settings());
    assertEquals(
        List.of("summary.json says clusters = 4 but the report found 3 cluster lines"),
        r.warnings());
    Document index = Jsoup.parse(read(tmp.resolve("report/index.html")));
    assertTrue(index.select("p.warning").text().contains("clusters = 4"));
  }

  @Test
  void reportHasNoBeamImports() throws IOException {
    try (var files = Files.walk(Path.of("src/main/java/io/newsdedup/report"))) {
      for (Path p : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        assertFalse(Files.readString(p).contains("org.apache.beam"), p.toString());
      }
    }
  }
}
