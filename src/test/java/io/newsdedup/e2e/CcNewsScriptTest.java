package io.newsdedup.e2e;

import static io.newsdedup.e2e.WarcAccountingTest.AP;
import static io.newsdedup.e2e.WarcAccountingTest.CHINESE;
import static io.newsdedup.e2e.WarcAccountingTest.POLISH;
import static io.newsdedup.e2e.WarcAccountingTest.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.e2e.PipelineScriptsTest.Result;
import io.newsdedup.testing.WarcFiles;
import io.newsdedup.testing.WarcFiles.Gzip;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipelines/batch-ccnews/run.sh, every step but the download: the day's paths picked from a month's
 * listing, and the batch step on two days of WARC files written here (named as CC-NEWS names them),
 * day after day with one index: day 2's reposts join day 1's story.
 */
class CcNewsScriptTest {
  static final String SCRIPT = "pipelines/batch-ccnews/run.sh";
  @TempDir Path tmp;

  @Test
  void pathsPicksTheDaysFilesFromTheMonthsListing() throws Exception {
    Path listing = tmp.resolve("warc.paths.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(listing))) {
      out.write(
          String.join(
                  "\n",
                  "crawl-data/CC-NEWS/2024/05/CC-NEWS-20240430235911-01410.warc.gz",
                  "crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501001103-01411.warc.gz",
                  "crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501235959-01412.warc.gz",
                  "crawl-data/CC-NEWS/2024/05/CC-NEWS-20240502000001-01413.warc.gz",
                  "")
              .getBytes(StandardCharsets.UTF_8));
    }
    Result r =
        PipelineScriptsTest.script(SCRIPT, Map.of(), "paths", "2024-05-01", listing.toString());
    assertEquals(0, r.code(), r.output());
    assertEquals(
        "crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501001103-01411.warc.gz\n"
            + "crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501235959-01412.warc.gz\n",
        r.output());
    Result none =
        PipelineScriptsTest.script(SCRIPT, Map.of(), "paths", "2024-05-09", listing.toString());
    assertEquals(0, none.code(), none.output());
    assertEquals("", none.output());
    Result bad =
        PipelineScriptsTest.script(SCRIPT, Map.of(), "paths", "2024-5-1", listing.toString());
    assertEquals(2, bad.code(), bad.output());
  }

  @Test
  void dayAfterDayWithOneIndexDay2sRepostsJoinDay1sStory() throws Exception {
    Path warcs = tmp.resolve("warc");
    Instant day1 = Instant.parse("2024-05-01T10:00:00Z");
    Instant day2 = Instant.parse("2024-05-02T10:00:00Z");
    new WarcFiles()
        .warcinfo()
        .request(AP, day1)
        .page(AP, day1, copy("apnews", "Gdansk approves ferry line to Sweden", null))
        .page("https://gazeta.example/lodz", day1, POLISH, Charset.forName("windows-1250"))
        .write(warcs.resolve("2024-05-01/CC-NEWS-20240501001103-01411.warc.gz"), Gzip.PER_RECORD);
    new WarcFiles()
        .warcinfo()
        .page(
            "https://baltic-herald.example/news/ferry",
            day2,
            copy("baltic-herald", "New ferry to Karlskrona approved", null))
        .page(
            "https://newsfeed24.example/p/123",
            day2,
            copy("newsfeed24", "Gdansk ferry line approved", null))
        .page("https://news.example/ditie", day2, CHINESE, Charset.forName("GBK"))
        .write(warcs.resolve("2024-05-02/CC-NEWS-20240502001103-01413.warc.gz"), Gzip.PER_RECORD);
    Path out = tmp.resolve("out");
    Path index = tmp.resolve("index");
    for (String day : List.of("2024-05-01", "2024-05-02")) {
      Result r =
          PipelineScriptsTest.script(
              SCRIPT, Map.of(), "batch", day, warcs.toString(), out.toString(), index.toString());
      assertEquals(0, r.code(), r.output());
      JsonNode s = BatchOutputs.summary(out.resolve(day));
      assertTrue(s.at("/counts/accounting_holds").asBoolean(), day);
      assertEquals("PT720H", s.at("/parameters/index_retention").asText(), "options.txt: 30d");
    }
    JsonNode s1 = BatchOutputs.summary(out.resolve("2024-05-01"));
    assertEquals(4, s1.at("/counts/read").asLong());
    assertEquals(2, s1.at("/counts/articles").asLong());
    assertEquals(2, s1.at("/counts/skipped").asLong());
    Map<String, String> day2Clusters = new TreeMap<>();
    String canonical = null;
    for (JsonNode c : BatchOutputs.json(out.resolve("2024-05-02"), "clusters")) {
      if (c.get("size").asInt() == 3) {
        canonical = c.at("/canonical/id").asText();
        for (JsonNode m : c.get("members")) {
          day2Clusters.put(m.get("id").asText(), m.get("from_index").asText());
        }
      }
    }
    assertEquals(
        Map.of(
            AP,
            "true",
            "https://baltic-herald.example/news/ferry",
            "false",
            "https://newsfeed24.example/p/123",
            "false"),
        day2Clusters);
    assertEquals(AP, canonical);
  }
}
