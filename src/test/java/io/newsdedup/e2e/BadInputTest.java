package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input suite (testdata/bad/, issue 8): one batch run over all of testdata/bad/input/ and
 * the generated big cases, then every record is checked against testdata/bad/expected.jsonl, which
 * names each record by its origin and says where it must land: an article (its id, its story, and
 * whatever else the line states) or a rejection (its reason and a part of its message).
 */
class BadInputTest {
  static final Path SUITE = Path.of("testdata/bad");
  static final Path INPUT = SUITE.resolve("input");
  static final String GENERATED = "generated/";

  @TempDir static Path tmp;
  private static Path out;
  private static Path generated;
  private static int exitCode;

  /** origin → expectation, in file order. */
  private static final Map<String, JsonNode> expected = new LinkedHashMap<>();

  /** origin → cluster member, with its cluster's "cluster_id" added. */
  private static final Map<String, JsonNode> members = new TreeMap<>();

  /** origin → rejection. */
  private static final Map<String, JsonNode> rejections = new TreeMap<>();

  /** Origins written more than once. */
  private static final List<String> repeated = new ArrayList<>();

  @BeforeAll
  static void runTheSuiteOnce() throws IOException {
    generated = GeneratedBadInputs.writeTo(tmp.resolve("generated"));
    out = tmp.resolve("out");
    long start = System.nanoTime();
    exitCode =
        BatchOnTestdataTest.main(
            "batch", "--input=" + INPUT + "/*," + generated + "/*", "--output=" + out);
    System.out.printf(
        "BadInputTest: batch over the suite took %.1f s%n", (System.nanoTime() - start) / 1e9);

    for (String line : Files.readAllLines(SUITE.resolve("expected.jsonl"))) {
      JsonNode e = BatchOutputs.JSON.readTree(line);
      JsonNode before = expected.put(e.get("origin").asText(), e);
      assertTrue(before == null, "expected.jsonl names an origin twice: " + e.get("origin"));
    }
    if (exitCode != 0) {
      return; // runCompletes() says so
    }
    for (JsonNode c : BatchOutputs.json(out, "clusters")) {
      for (JsonNode m : c.get("members")) {
        ObjectNode member = m.deepCopy();
        member.set("cluster_id", c.get("cluster_id"));
        member.put("is_canonical", m.get("id").equals(c.at("/canonical/id")));
        if (members.put(origin(m.get("origin")), member) != null) {
          repeated.add(origin(m.get("origin")));
        }
      }
    }
    for (JsonNode r : BatchOutputs.json(out, "rejected")) {
      String at = origin(r.get("origin"));
      if (rejections.put(at, r) != null || members.containsKey(at)) {
        repeated.add(at);
      }
    }
  }

  /** "file:line" or "file", the file relative to the suite's input directory or "generated/". */
  static String origin(JsonNode o) {
    String file = o.get("file").asText();
    String prefix = INPUT + "/";
    String gen = generated + "/";
    if (file.startsWith(prefix)) {
      file = file.substring(prefix.length());
    } else if (file.startsWith(gen)) {
      file = GENERATED + file.substring(gen.length());
    }
    return o.has("line") ? file + ":" + o.get("line").asLong() : file;
  }

  @Test
  void runCompletesAndIsPublished() throws IOException {
    assertEquals(0, exitCode);
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of(),
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.startsWith(".incomplete-"))
              .toList(),
          "staging left behind");
    }
  }

  @Test
  void everyRecordLandsExactlyOnceWhereExpected() {
    assertEquals(0, exitCode);
    assertEquals(List.of(), repeated, "records written more than once");
    TreeSet<String> actual = new TreeSet<>(members.keySet());
    actual.addAll(rejections.keySet());
    TreeSet<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(actual);
    TreeSet<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected.keySet());
    assertEquals(
        "",
        (missing.isEmpty() ? "" : "expected but not in the output: " + missing)
            + (unexpected.isEmpty()
                ? ""
                : " in the output but not in expected.jsonl: " + unexpected));

    List<String> wrong = new ArrayList<>();
    for (JsonNode e : expected.values()) {
      String at = e.get("origin").asText();
      if (e.has("reason")) {
        JsonNode r = rejections.get(at);
        if (r == null) {
          wrong.add(
              at + ": expected rejected " + e.get("reason") + ", got article " + members.get(at));
          continue;
        }
        check(wrong, at, "reason", e.get("reason").asText(), r.get("reason").asText());
        if (e.has("message") && !r.get("message").asText().contains(e.get("message").asText())) {
          wrong.add(at + ": message " + r.get("message") + " lacks " + e.get("message"));
        }
      } else {
        JsonNode m = members.get(at);
        if (m == null) {
          wrong.add(at + ": expected article " + e.get("id") + ", got " + rejections.get(at));
          continue;
        }
        check(wrong, at, "id", e.get("id").asText(), m.get("id").asText());
        check(
            wrong,
            at,
            "low_content",
            e.path("low_content").asBoolean(false),
            m.path("low_content").asBoolean(false));
        check(
            wrong,
            at,
            "truncated",
            e.path("truncated").asBoolean(false),
            m.path("truncated").asBoolean(false));
        for (String field : List.of("published_at", "url", "title", "source")) {
          if (e.has(field)) {
            check(wrong, at, field, text(e.get(field)), text(m.get(field)));
          }
        }
        if (e.has("canonical")) {
          check(
              wrong,
              at,
              "canonical",
              e.get("canonical").asBoolean(),
              m.get("is_canonical").asBoolean());
        }
        if (e.has("jaccard")) {
          check(wrong, at, "jaccard", e.get("jaccard").asDouble(), m.get("jaccard").asDouble());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** Records of one story (by default each record is its own) share a cluster, and only they. */
  @Test
  void storiesAreClusteredExactly() {
    assertEquals(0, exitCode);
    Map<String, TreeSet<String>> expectedStories = new TreeMap<>();
    Map<String, TreeSet<String>> actualClusters = new TreeMap<>();
    for (JsonNode e : expected.values()) {
      if (e.has("id") && members.containsKey(e.get("origin").asText())) {
        String at = e.get("origin").asText();
        expectedStories.computeIfAbsent(e.path("story").asText(at), k -> new TreeSet<>()).add(at);
        actualClusters
            .computeIfAbsent(members.get(at).get("cluster_id").asText(), k -> new TreeSet<>())
            .add(at);
      }
    }
    assertEquals(
        new TreeSet<>(expectedStories.values().stream().map(Object::toString).toList()),
        new TreeSet<>(actualClusters.values().stream().map(Object::toString).toList()));
  }

  @Test
  void assignmentsAreTheClusterMembers() {
    assertEquals(0, exitCode);
    Map<String, String> clusterOf = new TreeMap<>();
    for (JsonNode a : BatchOutputs.json(out, "assignments")) {
      String before = clusterOf.put(a.get("id").asText(), a.get("cluster_id").asText());
      assertTrue(before == null, "two assignments for id " + a.get("id"));
    }
    Map<String, String> fromClusters = new TreeMap<>();
    members
        .values()
        .forEach(m -> fromClusters.put(m.get("id").asText(), m.get("cluster_id").asText()));
    assertEquals(fromClusters, clusterOf);
    assertEquals(members.size(), clusterOf.size(), "article ids are not unique");
  }

  @Test
  void summaryCountsMatchTheTable() {
    assertEquals(0, exitCode);
    JsonNode s = BatchOutputs.summary(out);
    Map<String, Long> byReason = new TreeMap<>();
    long articles = 0;
    long truncated = 0;
    long lowContent = 0;
    long unparseable = 0;
    for (JsonNode e : expected.values()) {
      if (e.has("reason")) {
        byReason.merge(e.get("reason").asText(), 1L, Long::sum);
      } else {
        articles++;
        truncated += e.path("truncated").asBoolean(false) ? 1 : 0;
        lowContent += e.path("low_content").asBoolean(false) ? 1 : 0;
        unparseable += e.path("unparseable_timestamp").asBoolean(false) ? 1 : 0;
      }
    }
    long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
    assertEquals("ok", s.get("status").asText());
    assertEquals(expected.size(), s.at("/counts/read").asLong());
    assertEquals(articles, s.at("/counts/articles").asLong());
    assertEquals(rejected, s.at("/counts/rejected").asLong());
    assertTrue(s.at("/counts/accounting_holds").asBoolean());
    Map<String, Long> actualByReason = new TreeMap<>();
    s.at("/counts/rejected_by_reason")
        .fields()
        .forEachRemaining(f -> actualByReason.put(f.getKey(), f.getValue().asLong()));
    assertEquals(byReason, actualByReason);
    assertEquals(truncated, s.at("/counts/truncated").asLong());
    assertEquals(lowContent, s.at("/counts/low_content").asLong());
    assertEquals(unparseable, s.at("/counts/published_at_unparseable").asLong());
    assertEquals(
        s.at("/counts/read").asLong(),
        BatchOutputs.lines(out, "assignments").size() + BatchOutputs.lines(out, "rejected").size());
  }

  /** testdata/bad/README.md describes every file and every record of the table. */
  @Test
  void readmeListsEveryCase() throws IOException {
    String readme = Files.readString(SUITE.resolve("README.md"));
    List<String> undocumented = new ArrayList<>();
    try (Stream<Path> files = Files.list(INPUT)) {
      files
          .map(f -> f.getFileName().toString())
          .sorted()
          .filter(name -> !readme.contains("`" + name))
          .forEach(undocumented::add);
    }
    try (Stream<Path> files = Files.list(generated)) {
      files
          .map(f -> GENERATED + f.getFileName())
          .sorted()
          .filter(name -> !readme.contains("`" + name))
          .forEach(undocumented::add);
    }
    expected.keySet().stream()
        .filter(o -> !readme.contains("`" + o + "`"))
        .forEach(undocumented::add);
    assertEquals(List.of(), undocumented, "not in testdata/bad/README.md");
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static void check(List<String> wrong, String at, String what, Object want, Object got) {
    if (!Objects.equals(want, got)) {
      wrong.add(at + ": " + what + " expected " + want + ", got " + got);
    }
  }
}
