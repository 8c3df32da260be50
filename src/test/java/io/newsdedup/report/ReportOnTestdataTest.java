package io.newsdedup.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: batch on testdata/ with --report, and the report command on the same output; the
 * report opened in headless Chromium loads without script errors and shows the run's totals.
 */
class ReportOnTestdataTest {
  @TempDir static Path tmp;
  static Path out;
  static Path report;
  static JsonNode counts;

  static int main(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      System.err.println(err.toString(StandardCharsets.UTF_8));
    }
    return code;
  }

  @BeforeAll
  static void batchThenReport() throws IOException {
    out = tmp.resolve("out");
    assertEquals(
        0,
        main(
            "batch",
            "--input=testdata/articles/*",
            "--output=" + out,
            "--report=" + tmp.resolve("report-of-batch")));
    report = tmp.resolve("report");
    assertEquals(0, main("report", "--output=" + out, "--report=" + report));
    counts = OutputFixture.JSON.readTree(out.resolve("summary.json").toFile()).path("counts");
  }

  @Test
  void bothWaysGiveTheSameReport() throws IOException {
    Path other = tmp.resolve("report-of-batch");
    List<Path> files;
    try (Stream<Path> all = Files.walk(report)) {
      files = all.filter(Files::isRegularFile).map(report::relativize).sorted().toList();
    }
    // index, rejected and template-only pages, summary.json, three CSV files, a page per cluster
    assertEquals(7 + counts.path("clusters").asInt(), files.size(), files.toString());
    for (Path f : files) {
      assertArrayEquals(
          Files.readAllBytes(report.resolve(f)),
          Files.readAllBytes(other.resolve(f)),
          f.toString());
    }
    // batch --report writes the report before _SUCCESS, knowing the run is complete
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertEquals(
        null,
        org.jsoup.Jsoup.parse(other.resolve("index.html").toFile()).selectFirst("#incomplete"));
  }

  @Test
  void lowContentCountsMatchTheRunsSummary() throws IOException {
    Document index = org.jsoup.Jsoup.parse(report.resolve("index.html").toFile());
    JsonNode byReason = counts.path("low_content_by_reason");
    for (String reason : List.of("template_only", "too_short")) {
      assertEquals(
          String.format(Locale.ROOT, "%,d", byReason.path(reason).asLong()),
          index.selectFirst("[data-count=" + reason + "]").text(),
          reason);
    }
    assertEquals(
        String.valueOf(counts.path("low_content").asLong()),
        index.selectFirst("[data-count=low_content]").attr("data-value"));
    JsonNode own = OutputFixture.JSON.readTree(report.resolve("summary.json").toFile());
    assertEquals(0, own.path("report").path("warnings").size(), own.path("report").toString());
    long templates = byReason.path("template_only").asLong();
    try (Stream<String> lines = Files.lines(report.resolve("template-only.csv"))) {
      assertEquals(1 + templates, lines.count());
    }
    assertEquals(
        Math.min(templates, 1000),
        org.jsoup.Jsoup.parse(report.resolve("template-only.html").toFile())
            .select("table tr:has(td)")
            .size());
  }

  @Test
  void indexShowsTheTotalsInChromium() {
    Chromium.assumeAvailable();
    Chromium.Page page = Chromium.load(report.resolve("index.html"), tmp);
    page.assertLoadedCleanly("index.html");
    Document dom = page.doc();
    for (String count : List.of("read", "clusters", "duplicates", "rejected")) {
      long expected = counts.path(count).asLong();
      Element e = dom.selectFirst("[data-count=" + count + "]");
      assertEquals(String.valueOf(expected), e.attr("data-value"), count);
      assertEquals(String.format(Locale.ROOT, "%,d", expected), e.text(), count);
    }
    assertEquals(199, counts.path("read").asLong());
    assertEquals(55, counts.path("clusters").asLong());
    assertEquals(144, counts.path("duplicates").asLong());
    int clusters = counts.path("clusters").asInt();
    assertEquals(Math.min(50, clusters), dom.select("#cluster-rows tr").size());
    assertEquals("All " + clusters + " listed clusters.", dom.getElementById("list-count").text());
    assertEquals(5, dom.select("figure svg.chart").size());
    Path png =
        Chromium.screenshot(
            report.resolve("index.html"), tmp.resolve("report.png"), 1400, 2000, tmp);
    try {
      byte[] bytes = Files.readAllBytes(png);
      assertEquals((byte) 0x89, bytes[0]);
      assertEquals('P', bytes[1]);
      assertTrue(bytes.length > 20_000, "screenshot too small: " + bytes.length);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void searchAndSizeFilterTheClusterList() {
    Chromium.assumeAvailable();
    Chromium.Page page =
        Chromium.load(report.resolve("index.html").toUri() + "?q=wildfire&min=5", tmp);
    page.assertLoadedCleanly("index.html?q=wildfire&min=5");
    Document dom = page.doc();
    var rows = dom.select("#cluster-rows tr");
    assertTrue(rows.size() >= 1 && rows.size() < counts.path("clusters").asInt(), rows.toString());
    for (Element row : rows) {
      assertTrue(row.text().toLowerCase(Locale.ROOT).contains("wildfire"), row.text());
      assertTrue(Integer.parseInt(row.child(1).text()) >= 5, row.text());
    }
    assertTrue(dom.getElementById("list-count").text().endsWith("listed clusters match."));
  }

  @Test
  void theLargestClustersPageLoadsInChromium() {
    Chromium.assumeAvailable();
    Chromium.Page cluster = Chromium.load(report.resolve("clusters/0001.html"), tmp);
    cluster.assertLoadedCleanly("clusters/0001.html");
    Document dom = cluster.doc();
    assertTrue(dom.select("article.member").size() >= 2);
    assertTrue(!dom.select("ins").isEmpty() || !dom.select("del").isEmpty());
  }
}
