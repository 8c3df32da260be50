package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** testdata/mixed/ mixes good and bad records: each must land exactly once, with its reason. */
class MixedInputTest {
  @TempDir Path tmp;

  @Test
  void everyRecordIsAssignedOrRejectedExactlyOnce() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(
        0, BatchOnTestdataTest.main("batch", "--input=testdata/mixed/*", "--output=" + out));

    Map<String, String> assigned = new TreeMap<>();
    for (JsonNode c : BatchOutputs.json(out, "clusters")) {
      for (JsonNode m : c.get("members")) {
        assigned.put(
            m.at("/origin/file").asText() + ":" + m.at("/origin/line").asLong(),
            m.get("id").asText());
      }
    }
    assertEquals(
        Map.of(
            "testdata/mixed/feed.jsonl:1", "m1",
            "testdata/mixed/feed.jsonl:3", "m2",
            "testdata/mixed/feed.jsonl:9", "m3",
            "testdata/mixed/feed.jsonl:12", "m4"),
        assigned);
    assertEquals(
        List.of("m1", "m2", "m3", "m4"),
        BatchOutputs.json(out, "assignments").stream()
            .map(a -> a.get("id").asText())
            .sorted()
            .toList());

    Map<String, String> rejected = new TreeMap<>();
    for (JsonNode r : BatchOutputs.json(out, "rejected")) {
      String at =
          r.at("/origin/file").asText()
              + (r.at("/origin/line").isMissingNode() ? "" : ":" + r.at("/origin/line").asLong());
      rejected.put(at, r.get("reason").asText());
      if (at.equals("testdata/mixed/feed.jsonl:10")) {
        // The record that lost its id keeps its original line as payload.
        assertEquals(
            Files.readAllLines(Path.of("testdata/mixed/feed.jsonl")).get(9), r.get("raw").asText());
      }
    }
    assertEquals(
        new TreeMap<>(
            Map.of(
                "testdata/mixed/feed.jsonl:2", "malformed_json",
                "testdata/mixed/feed.jsonl:5", "not_an_object",
                "testdata/mixed/feed.jsonl:6", "no_text",
                "testdata/mixed/feed.jsonl:7", "no_text",
                "testdata/mixed/feed.jsonl:8", "invalid_field",
                "testdata/mixed/feed.jsonl:10", "duplicate_id",
                "testdata/mixed/feed.jsonl:11", "not_an_object",
                "testdata/mixed/feed.jsonl:13", "malformed_json",
                "testdata/mixed/headline-only.txt", "no_text",
                "testdata/mixed/notes.csv", "unsupported_format")),
        rejected);

    JsonNode s = BatchOutputs.summary(out);
    assertEquals(14, s.at("/counts/read").asLong());
    assertEquals(4, s.at("/counts/articles").asLong());
    assertEquals(10, s.at("/counts/rejected").asLong());
    assertEquals(3, s.at("/counts/rejected_by_reason/no_text").asLong());
    assertEquals(1, s.at("/counts/rejected_by_reason/duplicate_id").asLong());
    assertEquals("ok", s.get("status").asText());
  }
}
