package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled incremental runs: testdata split into two "days"; day 1 then day 2 with an index must
 * give the clusters and canonicals of one run over both days, and running day 2 again changes
 * nothing.
 */
class IncrementalRunsTest {
  @TempDir static Path tmp;
  static Path index;
  static Path out1;
  static Path out2;
  static Path both;

  static int main(String... args) {
    return BatchOnTestdataTest.main(args);
  }

  @BeforeAll
  static void runDayOneDayTwoAndBoth() throws IOException {
    Path day1 = Files.createDirectories(tmp.resolve("day1"));
    Path day2 = Files.createDirectories(tmp.resolve("day2"));
    try (Stream<Path> files = Files.list(Path.of("testdata/articles"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        // Day 1: the wire and the papers' feeds and a few pages; day 2: everything else (reposts
        // of day 1's stories, new stories, pages).
        boolean first =
            name.equals("wire.jsonl")
                || name.equals("papers.jsonl")
                || name.startsWith("000")
                || name.startsWith("001");
        Files.copy(f, (first ? day1 : day2).resolve(name));
      }
    }
    index = tmp.resolve("index");
    out1 = tmp.resolve("out1");
    out2 = tmp.resolve("out2");
    both = tmp.resolve("both");
    assertEquals(
        0, main("batch", "--input=" + day1 + "/*", "--output=" + out1, "--index=" + index));
    assertEquals(
        0, main("batch", "--input=" + day2 + "/*", "--output=" + out2, "--index=" + index));
    assertEquals(0, main("batch", "--input=" + day1 + "/*," + day2 + "/*", "--output=" + both));
  }

  /** id → "cluster canonical" of the index. */
  static Map<String, String> indexed(Path index) {
    Map<String, String> m = new TreeMap<>();
    for (String line : indexLines(index)) {
      try {
        JsonNode n = BatchOutputs.JSON.readTree(line);
        m.put(
            n.get("id").asText(),
            n.get("cluster_id").asText() + " " + n.get("canonical_id").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return m;
  }

  static List<String> indexLines(Path index) {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(index)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().startsWith("articles-")).toList()) {
        try (var in = new GZIPInputStream(Files.newInputStream(f))) {
          for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!l.isBlank()) {
              lines.add(l);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lines.sort(null);
    return lines;
  }

  static Map<String, String> assigned(Path out) {
    Map<String, String> m = new TreeMap<>();
    for (JsonNode a : BatchOutputs.json(out, "assignments")) {
      m.put(
          a.get("id").asText(),
          a.get("cluster_id").asText() + " " + a.get("canonical_id").asText());
    }
    return m;
  }

  @Test
  void dayOneThenDayTwoEqualsOneRunOverBoth() {
    Map<String, String> once = assigned(both);
    assertEquals(199, once.size());
    assertEquals(once, indexed(index));
    Map<String, String> day2 = assigned(out2);
    Map<String, String> expected = new TreeMap<>(once);
    expected.keySet().retainAll(day2.keySet());
    assertEquals(expected, day2);
    assertEquals(199, assigned(out1).size() + day2.size());
  }

  @Test
  void dayTwoSaysWhichClustersChanged() {
    List<JsonNode> changes = BatchOutputs.json(out2, "changes");
    assertFalse(changes.isEmpty(), "day 2 brings better canonicals for some of day 1's stories");
    Map<String, String> once = assigned(both);
    for (JsonNode c : changes) {
      assertTrue(c.get("previous_cluster_ids").size() >= 1, c.toString());
      assertTrue(
          once.containsValue(c.get("cluster_id").asText() + " " + c.get("canonical_id").asText()),
          c.toString());
    }
    for (JsonNode cl : BatchOutputs.json(out2, "clusters")) {
      assertTrue(
          cl.get("members").findValues("from_index").stream().anyMatch(v -> !v.asBoolean()),
          "every cluster of day 2 has a day-2 article");
    }
  }

  @Test
  void runningDayTwoAgainChangesNothing() {
    List<String> before = indexLines(index);
    Path again = tmp.resolve("again");
    Path day2 = tmp.resolve("day2");
    assertEquals(
        0, main("batch", "--input=" + day2 + "/*", "--output=" + again, "--index=" + index));
    assertEquals(before, indexLines(index));
    assertEquals(assigned(out2), assigned(again));
    assertEquals(List.of(), BatchOutputs.json(again, "changes"));
    assertEquals(199, BatchOutputs.summary(again).at("/counts/index/articles_indexed").asLong());
  }

  @Test
  void aRecordThatLosesItsIdNeverReplacesTheIndexedArticle() throws IOException {
    Path dupIndex = tmp.resolve("dup-index");
    assertEquals(
        0,
        main(
            "batch",
            "--input=" + tmp.resolve("day1") + "/*",
            "--output=" + tmp.resolve("dup-day1"),
            "--index=" + dupIndex));
    String original = Files.readAllLines(tmp.resolve("day1/wire.jsonl")).get(0);
    String id = BatchOutputs.JSON.readTree(original).get("id").asText();
    String other =
        "{\"id\": \""
            + id
            + "\", \"title\": \"Council votes on parking fees\","
            + " \"text\": \"The city council voted on Tuesday to double parking fees downtown.\"}";
    Path day3 = Files.createDirectories(tmp.resolve("day3"));
    Files.writeString(day3.resolve("again.jsonl"), original + "\n" + other + "\n");
    Map<String, String> textBefore = indexedTexts(dupIndex);

    Path out = tmp.resolve("dup-day3");
    assertEquals(
        0, main("batch", "--input=" + day3 + "/*", "--output=" + out, "--index=" + dupIndex));
    List<JsonNode> rejected = BatchOutputs.json(out, "rejected");
    assertEquals(1, rejected.size());
    assertEquals("duplicate_id", rejected.get(0).get("reason").asText());
    assertEquals(day3 + "/again.jsonl", rejected.get(0).at("/origin/file").asText());
    assertEquals(2, rejected.get(0).at("/origin/line").asLong());
    assertEquals(other, rejected.get(0).get("raw").asText());
    assertEquals(textBefore, indexedTexts(dupIndex)); // the same articles, the same texts
    JsonNode s = BatchOutputs.summary(out);
    assertEquals("ok", s.get("status").asText());
    assertEquals(1, s.at("/counts/index/input_articles_already_indexed").asLong());
  }

  /** id → cleaned text of the index. */
  static Map<String, String> indexedTexts(Path index) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String line : indexLines(index)) {
      JsonNode n = BatchOutputs.JSON.readTree(line);
      m.put(n.get("id").asText(), n.get("text").asText());
    }
    return m;
  }

  @Test
  void anIndexBuiltWithOtherParametersIsRefused() {
    Path day2 = tmp.resolve("day2");
    assertEquals(
        2,
        main(
            "batch",
            "--input=" + day2 + "/*",
            "--output=" + tmp.resolve("x"),
            "--index=" + index,
            "--threshold=0.6"));
  }

  @Test
  void retentionCompactsTheIndexAfterMatching() throws IOException {
    Path compact = tmp.resolve("compact");
    Path out = tmp.resolve("compact-out");
    assertEquals(
        0,
        main(
            "batch",
            "--input=testdata/articles/*",
            "--output=" + out,
            "--index=" + compact,
            "--indexRetention=30d"));
    // Matching used everything: the same clusters as a run without an index.
    assertEquals(assigned(both), assigned(out));
    List<String> kept = indexLines(compact);
    JsonNode s = BatchOutputs.summary(out);
    long expired = s.at("/counts/index/articles_expired").asLong();
    assertTrue(expired > 0 && kept.size() == 199 - expired, kept.size() + " kept, " + expired);
    Instant newest = Instant.MIN;
    List<Instant> times = new ArrayList<>();
    for (String l : kept) {
      JsonNode n = BatchOutputs.JSON.readTree(l);
      if (!n.get("published_at").isNull()) {
        times.add(Instant.parse(n.get("published_at").asText()));
      }
    }
    for (Instant t : times) {
      newest = t.isAfter(newest) ? t : newest;
    }
    for (Instant t : times) {
      assertTrue(Duration.between(t, newest).toDays() <= 30, t + " vs " + newest);
    }
  }

  /** A time at the end of ISO-8601's range used to overflow the retention arithmetic. */
  @Test
  void timesAtTheEndsOfIsoRangeDoNotBreakAnIndexRun() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("far-times"));
    Files.copy(Path.of("testdata/articles/wire.jsonl"), in.resolve("wire.jsonl"));
    Files.writeString(
        in.resolve("far.jsonl"),
        """
        {"id": "far-future", "published_at": "+999999999-12-31T23:59:59Z", "text": "x"}
        {"id": "far-past", "published_at": "-999999999-01-01T00:00:00Z", "text": "y"}
        """);
    Path out = tmp.resolve("far-out");
    assertEquals(
        0,
        main(
            "batch",
            "--input=" + in + "/*",
            "--output=" + out,
            "--index=" + tmp.resolve("far-index"),
            "--indexRetention=7d"));
    assertEquals(2, BatchOutputs.summary(out).at("/counts/published_at_unparseable").asLong());
  }
}
