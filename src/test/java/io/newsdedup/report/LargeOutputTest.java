package io.newsdedup.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic output of 200,000 articles (one cluster of 20,000, 2,000 of 10, 20,000 of 3 and
 * 100,000 singletons, 5,000 rejected): the report is written by a separate JVM limited to a 256 MB
 * heap, and its pages stay bounded.
 */
class LargeOutputTest {
  @TempDir Path tmp;

  @Test
  void twoHundredThousandArticlesInA256MbHeap() throws IOException, InterruptedException {
    SyntheticOutput synthetic = new SyntheticOutput(20_000, 2_000, 20_000, 100_000, 5_000);
    assertEquals(200_000, synthetic.articles());
    Path out = synthetic.write(tmp);
    Path report = tmp.resolve("report");
    Path log = tmp.resolve("report.log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.newsdedup.cli.Main",
                "report",
                "--output=" + out,
                "--report=" + report,
                "--inputRoot=" + tmp)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the report did not finish");
    }
    assertEquals(0, p.exitValue(), Files.readString(log));
    assertTrue(
        Files.readString(log)
            .contains(
                String.format(
                    "report of %,d clusters (%,d articles, %,d duplicates), 100 cluster pages",
                    synthetic.clusters(), synthetic.articles(), synthetic.duplicates())),
        Files.readString(log));

    Path index = report.resolve("index.html");
    assertTrue(Files.size(index) < 5_000_000, "index.html is " + Files.size(index) + " bytes");
    Document doc = Jsoup.parse(index.toFile());
    JsonNode rows =
        OutputFixture.JSON.readTree(doc.getElementById("cluster-data").data()).path("rows");
    assertEquals(5000, rows.size());
    assertEquals("cl-giant", rows.get(0).get(1).asText());
    assertTrue(doc.text().contains("The 5,000 largest of 122,001 clusters are listed"));
    assertEquals("200,000", doc.selectFirst("[data-count=articles]").text());

    List<Path> pages;
    try (Stream<Path> s = Files.list(report.resolve("clusters"))) {
      pages = s.toList();
    }
    assertEquals(100, pages.size());
    Path giantPage = report.resolve("clusters/0001.html");
    assertTrue(Files.size(giantPage) < 5_000_000, "giant page is " + Files.size(giantPage));
    Document giant = Jsoup.parse(giantPage.toFile());
    assertEquals(200, giant.select("article.member").size());
    assertTrue(giant.text().contains("This cluster has 19,999 duplicates; the 199 least similar"));
    assertTrue(giant.select("ins").text().contains("Read more stories like number"));
    Document small = Jsoup.parse(report.resolve("clusters/0100.html").toFile());
    assertEquals(10, small.select("article.member").size());

    try (Stream<String> lines = Files.lines(report.resolve("clusters.csv"))) {
      assertEquals(synthetic.clusters() + 1, lines.count());
    }
    try (Stream<String> lines = Files.lines(report.resolve("sources.csv"))) {
      assertEquals(1 + 500 + 1, lines.count()); // header, Source 0..499, Wire 0
    }
    assertTrue(Files.size(report.resolve("rejected.html")) < 5_000_000);
    JsonNode summary = OutputFixture.JSON.readTree(report.resolve("summary.json").toFile());
    assertEquals(
        0,
        summary.path("report").path("warnings").size(),
        summary.path("report").path("warnings").toString());
    assertEquals(100_000, summary.path("cluster_sizes").path("1").asLong());

    // 10,020 template-only pages: counted, listed up to --maxTemplateOnly, all in the CSV.
    assertEquals(10_020, synthetic.templateOnly());
    assertEquals("10,020", doc.selectFirst("[data-count=template_only]").text());
    assertEquals("10,000", doc.selectFirst("[data-count=too_short]").text());
    assertEquals(
        IndexPage.TEMPLATE_INLINE,
        doc.getElementById("low-content").select("table").last().select("tr").size() - 1);
    Path templates = report.resolve("template-only.html");
    assertTrue(Files.size(templates) < 5_000_000, "template-only.html is " + Files.size(templates));
    Document list = Jsoup.parse(templates.toFile());
    var listed = list.select("table tr");
    assertEquals(1 + 1000, listed.size());
    assertTrue(list.text().contains("The first 1,000 of 10,020 (--maxTemplateOnly=1000)"));
    // the 20 merged into the giant cluster first, linked to its page
    assertEquals(
        "clusters/0001.html", listed.get(20).select("td").last().selectFirst("a").attr("href"));
    assertTrue(listed.get(21).select("td").last().text().startsWith("alone"));
    try (Stream<String> lines = Files.lines(report.resolve("template-only.csv"))) {
      assertEquals(1 + 10_020, lines.count());
    }
    assertEquals(
        10_020,
        summary.path("counts").path("low_content_by_reason").path("template_only").asLong());
  }
}
