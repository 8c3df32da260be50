package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.testing.WarcFiles;
import io.newsdedup.testing.WarcFiles.Gzip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML pages of testdata/ captured into one .warc.gz (each page a response, with a request
 * before it and, here and there, a redirect, a 404, an image and a revisit between them) cluster
 * exactly as the same pages given as .html files: the same partition of pages, the same canonical
 * page in each cluster.
 */
class WarcOnTestdataTest {
  @TempDir static Path tmp;
  static final List<Path> PAGES = new ArrayList<>();

  /** Offset of each page's response record → the page's file name. */
  static final Map<Long, String> PAGE_AT = new TreeMap<>();

  static Path htmlOut;
  static Path warcOut;
  static long otherRecords;

  @BeforeAll
  static void runBoth() throws IOException {
    for (String d : List.of("testdata/articles", "testdata/templates/pages")) {
      try (Stream<Path> s = Files.list(Path.of(d))) {
        s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(PAGES::add);
      }
    }
    assertTrue(PAGES.size() >= 30, "testdata has its HTML pages: " + PAGES.size());
    Path html = Files.createDirectories(tmp.resolve("html"));
    WarcFiles w = new WarcFiles().warcinfo();
    List<Integer> pageRecords = new ArrayList<>();
    int records = 1;
    for (int i = 0; i < PAGES.size(); i++) {
      Path page = PAGES.get(i);
      String name = page.getFileName().toString();
      Files.copy(page, html.resolve(name));
      String url = "https://crawl.example/testdata/" + name;
      java.time.Instant t = WarcFiles.T0.plus(Duration.ofMinutes(i));
      w.request(url, t);
      records++;
      pageRecords.add(records++);
      w.response(url, t, 200, "text/html; charset=utf-8", Files.readAllBytes(page));
      if (i % 5 == 2) {
        w.response(url + "?old", t, 301, "text/html", new byte[0]);
        w.response(url + ".png", t, 200, "image/png", new byte[] {1, 2, 3});
        w.metadata(url, t);
        records += 3;
      }
      if (i % 7 == 3) {
        w.response(url + "/gone", t, 404, "text/html", "<p>Not found</p>".getBytes());
        w.revisit(url, t.plus(Duration.ofDays(1)));
        records += 2;
      }
    }
    Path warc = w.write(tmp.resolve("warc/testdata.warc.gz"), Gzip.PER_RECORD);
    for (int i = 0; i < PAGES.size(); i++) {
      PAGE_AT.put(w.offsets().get(pageRecords.get(i)), PAGES.get(i).getFileName().toString());
    }
    otherRecords = records - PAGES.size();
    htmlOut = tmp.resolve("out-html");
    warcOut = tmp.resolve("out-warc");
    assertEquals(
        0, BatchOnTestdataTest.main("batch", "--input=" + html + "/*", "--output=" + htmlOut));
    assertEquals(0, BatchOnTestdataTest.main("batch", "--input=" + warc, "--output=" + warcOut));
  }

  /** Each cluster as the sorted file names of its pages, with its canonical page first. */
  static TreeSet<String> clusters(Path out, boolean warc) {
    TreeSet<String> clusters = new TreeSet<>();
    for (JsonNode c : BatchOutputs.json(out, "clusters")) {
      String canonical = null;
      TreeSet<String> pages = new TreeSet<>();
      for (JsonNode m : c.get("members")) {
        JsonNode o = m.get("origin");
        String page =
            warc
                ? PAGE_AT.get(o.get("offset").asLong())
                : Path.of(o.get("file").asText()).getFileName().toString();
        pages.add(page);
        if (m.get("role").asText().equals("canonical")) {
          canonical = page;
        }
      }
      clusters.add(canonical + " <- " + pages);
    }
    return clusters;
  }

  @Test
  void theSameClustersAndCanonicalsAsTheHtmlFiles() {
    TreeSet<String> fromHtml = clusters(htmlOut, false);
    TreeSet<String> fromWarc = clusters(warcOut, true);
    assertTrue(fromHtml.size() > 5, fromHtml.toString());
    assertTrue(fromHtml.stream().anyMatch(c -> c.contains(", ")), "some clusters have duplicates");
    assertEquals(fromHtml, fromWarc);
  }

  @Test
  void everyRecordIsAccountedFor() throws IOException {
    JsonNode html = BatchOutputs.JSON.readTree(htmlOut.resolve("summary.json").toFile());
    JsonNode warc = BatchOutputs.JSON.readTree(warcOut.resolve("summary.json").toFile());
    assertEquals(PAGES.size(), html.at("/counts/read").asLong());
    assertEquals(PAGES.size() + otherRecords, warc.at("/counts/read").asLong());
    assertEquals(html.at("/counts/articles"), warc.at("/counts/articles"));
    assertEquals(html.at("/counts/rejected"), warc.at("/counts/rejected"));
    assertEquals(otherRecords, warc.at("/counts/skipped").asLong());
    assertEquals(0, html.at("/counts/skipped").asLong());
    assertTrue(warc.at("/counts/accounting_holds").asBoolean());
    assertEquals(PAGES.size(), warc.at("/counts/skipped_by_kind/request").asLong());
    assertTrue(warc.at("/counts/skipped_by_kind/http_3xx").asLong() > 0);
    assertTrue(warc.at("/counts/skipped_by_kind/revisit").asLong() > 0);
  }

  @Test
  void warcMembersCarryTheirCrawlTimeAndOffsetHtmlFilesNeither() {
    for (JsonNode c : BatchOutputs.json(warcOut, "clusters")) {
      for (JsonNode m : c.get("members")) {
        long offset = m.at("/origin/offset").asLong();
        String page = PAGE_AT.get(offset);
        int i = PAGES.stream().map(p -> p.getFileName().toString()).toList().indexOf(page);
        assertEquals(
            WarcFiles.T0.plus(Duration.ofMinutes(i)).toString(), m.get("crawled_at").asText());
        assertEquals(m.get("url").asText(), m.get("id").asText(), "a capture's id is its URL");
      }
    }
    for (JsonNode c : BatchOutputs.json(htmlOut, "clusters")) {
      for (JsonNode m : c.get("members")) {
        assertNull(m.get("crawled_at"));
        assertNull(m.at("/origin").get("offset"));
      }
    }
  }
}
