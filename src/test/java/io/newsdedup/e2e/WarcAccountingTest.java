package io.newsdedup.e2e;

import static io.newsdedup.testing.WarcFiles.T0;
import static io.newsdedup.testing.WarcFiles.newsPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.testing.WarcFiles;
import io.newsdedup.testing.WarcFiles.Gzip;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run on WARC files with every kind of record, a file gzipped whole, a truncated archive
 * and a page captured twice: every record read is an article, a rejection or a skip of its kind,
 * and the same story captured from three sites is one cluster, as it is from .html files.
 */
class WarcAccountingTest {
  @TempDir static Path tmp;
  static Path out;
  static Path htmlOut;

  static final String[] STORY = {
    "GDANSK, Poland (AP) — The harbor authority in Gdansk approved a new ferry line to Karlskrona"
        + " on Tuesday, the first direct passenger link between the two ports in a decade.",
    "The ferries will sail twice a day from June and carry up to 900 passengers and 300 cars,"
        + " the authority said in a statement after a vote of its board.",
    "Local businesses welcomed the decision, saying the link would bring tourists from southern"
        + " Sweden, while environmental groups asked for cleaner fuel on the new ships.",
    "The authority said the ships would run on liquefied natural gas for the first years and"
        + " switch to methanol once bunkering facilities are ready in both ports."
  };

  static String copy(String site, String title, String canonical) {
    return newsPage(
        title,
        site.equals("apnews") ? "2025-03-04T08:00:00Z" : null,
        canonical,
        STORY[0],
        STORY[1],
        STORY[2],
        STORY[3],
        "Read more stories from " + site + ".");
  }

  static final String POLISH =
      newsPage(
          "Żółta łódź wróciła do portu w Gdańsku po rejsie",
          null,
          null,
          "Załoga statku świętowała powrót po długim rejsie przez Bałtyk, mówią rybacy z Helu.",
          "Rejs trwał trzy tygodnie, a statek zawinął do pięciu portów w Szwecji i Danii.");

  static final String CHINESE =
      newsPage(
          "北京地铁新线路今日开通运营",
          null,
          null,
          "北京市交通委员会表示，新线路将缓解城市东部的交通压力，每天可运送乘客二十万人次。",
          "新线路全长三十公里，共设二十个车站，沿线居民对此表示欢迎。");

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static final String AP = "https://apnews.example/article/gdansk-ferry";

  @BeforeAll
  static void run() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    // every kind of record, the story from three sites, the AP page captured again later
    WarcFiles mixed =
        new WarcFiles()
            .warcinfo()
            .request(AP, at(0))
            .page(AP, at(0), copy("apnews", "Gdansk approves ferry line to Sweden", null))
            .metadata(AP, at(0))
            .page(
                "https://baltic-herald.example/news/ferry?ref=rss",
                at(1),
                copy(
                    "baltic-herald",
                    "New ferry to Karlskrona approved",
                    "https://baltic-herald.example/news/ferry"))
            .page(
                "https://newsfeed24.example/p/123",
                at(2),
                copy("newsfeed24", "Gdansk ferry line approved", null))
            .response(AP + "/old", at(3), 301, "text/html", new byte[0])
            .response(
                "https://apnews.example/missing", at(3), 404, "text/html", "<p>No</p>".getBytes())
            .response("https://apnews.example/logo.png", at(3), 200, "image/png", new byte[] {1})
            .revisit(AP, at(4))
            .page("https://gazeta.example/lodz", at(5), POLISH, Charset.forName("windows-1250"))
            .page("https://news.example/ditie", at(6), CHINESE, Charset.forName("GBK"))
            .page(AP, at(30), copy("apnews", "Gdansk approves ferry line to Sweden", null))
            .response(
                AP,
                at(40),
                200,
                "text/html; charset=utf-8",
                copy("apnews", "Gdansk approves ferry line to Sweden", null)
                    .getBytes(StandardCharsets.UTF_8),
                true); // later, but cut by the crawler: the one at 30 minutes is kept
    mixed.write(in.resolve("mixed.warc.gz"), Gzip.PER_RECORD);
    // a file gzipped whole, with one page
    new WarcFiles()
        .warcinfo()
        .page(
            "https://other.example/tram",
            at(7),
            newsPage(
                "Tram line extended",
                null,
                null,
                "The city extended its tram line to the new hospital, the mayor said on Friday.",
                "Trams will run every ten minutes on weekdays and every twenty on weekends."))
        .write(in.resolve("whole.warc.gz"), Gzip.WHOLE);
    // a truncated archive: the last page is cut
    WarcFiles cut =
        new WarcFiles()
            .page(
                "https://cut.example/a",
                at(8),
                newsPage(
                    "Bridge reopens after repairs",
                    null,
                    null,
                    "The old bridge reopened to traffic on Monday after eight months of repairs.",
                    "Engineers replaced the deck and strengthened the pillars, the city said."))
            .request("https://cut.example/b", at(9))
            .page(
                "https://cut.example/b",
                at(9),
                newsPage(
                    "Cut", null, null, "This page is cut off by the end of the file. ".repeat(20)));
    byte[] bytes = cut.bytes(Gzip.NONE);
    Files.write(in.resolve("cut.warc"), Arrays.copyOf(bytes, bytes.length - 300));
    out = tmp.resolve("out");
    assertEquals(0, BatchOnTestdataTest.main("batch", "--input=" + in + "/*", "--output=" + out));

    // the three copies of the story as .html files
    Path html = Files.createDirectories(tmp.resolve("html"));
    Files.writeString(
        html.resolve("a.html"), copy("apnews", "Gdansk approves ferry line to Sweden", null));
    Files.writeString(
        html.resolve("b.html"),
        copy(
            "baltic-herald",
            "New ferry to Karlskrona approved",
            "https://baltic-herald.example/news/ferry"));
    Files.writeString(
        html.resolve("c.html"), copy("newsfeed24", "Gdansk ferry line approved", null));
    htmlOut = tmp.resolve("out-html");
    assertEquals(
        0, BatchOnTestdataTest.main("batch", "--input=" + html + "/*", "--output=" + htmlOut));
  }

  @Test
  void everyRecordIsAnArticleARejectionOrASkipOfItsKind() throws IOException {
    JsonNode s = BatchOutputs.JSON.readTree(out.resolve("summary.json").toFile());
    // mixed: 14 records; whole: 2; cut: 3 (the last one cut off)
    assertEquals(19, s.at("/counts/read").asLong());
    // the story three times, Polish, Chinese, tram, bridge
    assertEquals(7, s.at("/counts/articles").asLong());
    Map<String, Long> skipped = new TreeMap<>();
    s.at("/counts/skipped_by_kind")
        .fields()
        .forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asLong()));
    assertEquals(
        Map.of(
            "warcinfo", 2L,
            "request", 2L,
            "metadata", 1L,
            "http_3xx", 1L,
            "http_4xx", 1L,
            "not_html", 1L,
            "revisit", 1L,
            "duplicate_capture", 2L),
        skipped);
    assertEquals(11, s.at("/counts/skipped").asLong());
    assertEquals(1, s.at("/counts/rejected").asLong());
    assertEquals(1, s.at("/counts/rejected_by_reason/unreadable_file").asLong());
    assertTrue(s.at("/counts/accounting_holds").asBoolean());
  }

  @Test
  void theTruncatedRecordIsOneRejectionAtItsOffsetAndTheRecordsBeforeItStand() {
    List<JsonNode> rejected = BatchOutputs.json(out, "rejected");
    assertEquals(1, rejected.size(), rejected.toString());
    JsonNode r = rejected.get(0);
    assertTrue(r.at("/origin/file").asText().endsWith("cut.warc"), r.toString());
    assertTrue(r.at("/origin/offset").asLong() > 0, r.toString());
    assertTrue(r.get("message").asText().contains("truncated"), r.toString());
    assertTrue(ids().contains("https://cut.example/a"));
  }

  @Test
  void theStoryFromThreeSitesIsOneClusterAsFromHtmlFiles() {
    TreeSet<String> warc = new TreeSet<>();
    String canonicalWarc = null;
    for (JsonNode c : BatchOutputs.json(out, "clusters")) {
      if (c.get("size").asInt() > 1) {
        assertEquals(null, canonicalWarc, "one cluster with duplicates");
        canonicalWarc = c.at("/canonical/title").asText();
        c.get("members").forEach(m -> warc.add(m.get("title").asText()));
      }
    }
    TreeSet<String> html = new TreeSet<>();
    String canonicalHtml = null;
    for (JsonNode c : BatchOutputs.json(htmlOut, "clusters")) {
      if (c.get("size").asInt() > 1) {
        canonicalHtml = c.at("/canonical/title").asText();
        c.get("members").forEach(m -> html.add(m.get("title").asText()));
      }
    }
    assertEquals(3, warc.size(), warc.toString());
    assertEquals(html, warc);
    assertEquals(canonicalHtml, canonicalWarc);
  }

  @Test
  void theLaterCompleteCaptureIsKeptAndPagesInOtherCharsetsAreDecoded() {
    JsonNode ap = null;
    TreeSet<String> titles = new TreeSet<>();
    for (JsonNode c : BatchOutputs.json(out, "clusters")) {
      for (JsonNode m : c.get("members")) {
        titles.add(m.get("title").asText());
        if (m.get("id").asText().equals(AP)) {
          ap = m;
        }
      }
    }
    assertEquals(at(30).toString(), ap.get("crawled_at").asText());
    assertEquals("2025-03-04T08:00:00Z", ap.get("published_at").asText());
    assertTrue(
        titles.contains("Żółta łódź wróciła do portu w Gdańsku po rejsie"), titles.toString());
    assertTrue(titles.contains("北京地铁新线路今日开通运营"), titles.toString());
    assertTrue(titles.contains("Tram line extended"), titles.toString());
  }

  @Test
  void theReportDiffsWarcMembersReadAgainAtTheirOffsets() throws IOException {
    Path report = tmp.resolve("report");
    assertEquals(0, BatchOnTestdataTest.main("report", "--output=" + out, "--report=" + report));
    Path largest = report.resolve("clusters/0001.html"); // the story from three sites
    String page = Files.readString(largest);
    assertTrue(page.contains("twice a day from June"), "the texts are loaded");
    for (String problem :
        List.of("could not read", "no longer holds", "not found", "has no record", "not loaded")) {
      assertTrue(!page.contains(problem), problem + " in " + largest);
    }
  }

  private static TreeSet<String> ids() {
    TreeSet<String> ids = new TreeSet<>();
    for (JsonNode a : BatchOutputs.json(out, "assignments")) {
      ids.add(a.get("id").asText());
    }
    return ids;
  }
}
