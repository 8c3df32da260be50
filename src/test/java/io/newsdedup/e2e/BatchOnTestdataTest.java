package io.newsdedup.e2e;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code main} on the bundled testdata/ and checks the clusters against testdata/labels.jsonl
 * exactly: the same partition, and the labelled original as each cluster's canonical.
 */
class BatchOnTestdataTest {
  @TempDir static Path tmp;
  private static Path out;

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
  static void runOnTestdata() {
    out = tmp.resolve("out");
    assertEquals(0, main("batch", "--input=testdata/articles/*", "--output=" + out));
  }

  /** label cluster → ids, and id → whether it is the labelled original. */
  static Map<String, TreeSet<String>> labelled(Map<String, Boolean> originals) throws IOException {
    Map<String, TreeSet<String>> clusters = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("testdata/labels.jsonl"))) {
      JsonNode n = BatchOutputs.JSON.readTree(line);
      clusters
          .computeIfAbsent(n.get("cluster").asText(), k -> new TreeSet<>())
          .add(n.get("id").asText());
      originals.put(n.get("id").asText(), n.path("original").asBoolean(false));
    }
    return clusters;
  }

  @Test
  void clustersAreExactlyTheLabelledStories() throws IOException {
    Map<String, Boolean> originals = new TreeMap<>();
    Map<String, TreeSet<String>> expected = labelled(originals);
    Map<String, TreeSet<String>> actual = new TreeMap<>();
    Map<String, String> canonicalOf = new TreeMap<>();
    for (JsonNode a : BatchOutputs.json(out, "assignments")) {
      actual
          .computeIfAbsent(a.get("cluster_id").asText(), k -> new TreeSet<>())
          .add(a.get("id").asText());
      canonicalOf.put(a.get("id").asText(), a.get("canonical_id").asText());
    }
    assertEquals(
        new TreeSet<>(expected.values().stream().map(Object::toString).toList()),
        new TreeSet<>(actual.values().stream().map(Object::toString).toList()));
    List<String> wrongCanonical = new ArrayList<>();
    for (TreeSet<String> members : expected.values()) {
      String original = members.stream().filter(originals::get).findFirst().orElse(null);
      if (original != null) {
        for (String m : members) {
          if (!original.equals(canonicalOf.get(m))) {
            wrongCanonical.add(m + " -> " + canonicalOf.get(m) + " (expected " + original + ")");
          }
        }
      }
    }
    assertEquals(List.of(), wrongCanonical);
  }

  @Test
  void everyArticleIsAssignedOnceAndTheSummaryAddsUp() throws IOException {
    List<JsonNode> assignments = BatchOutputs.json(out, "assignments");
    long labelled = Files.readAllLines(Path.of("testdata/labels.jsonl")).size();
    assertEquals(labelled, assignments.size());
    assertEquals(labelled, assignments.stream().map(a -> a.get("id").asText()).distinct().count());
    JsonNode s = BatchOutputs.summary(out);
    assertEquals("ok", s.get("status").asText());
    assertEquals(labelled, s.at("/counts/read").asLong());
    assertEquals(labelled, s.at("/counts/articles").asLong());
    assertEquals(0, s.at("/counts/rejected").asLong());
    assertEquals(BatchOutputs.lines(out, "clusters").size(), s.at("/counts/clusters").asLong());
  }

  @Test
  void clustersCarryProvenance() {
    for (JsonNode c : BatchOutputs.json(out, "clusters")) {
      JsonNode members = c.get("members");
      assertEquals(c.get("size").asInt(), members.size());
      JsonNode first = members.get(0);
      assertEquals("canonical", first.get("role").asText());
      assertEquals(c.at("/canonical/id").asText(), first.get("id").asText());
      assertTrue(
          c.get("canonical_reason")
              .asText()
              .matches(
                  "singleton|has_content|wire_source|not_a_repost|earliest_published|most_complete"
                      + "|fewest_boilerplate_markers|smallest_id"),
          c.toString());
      for (JsonNode m : members) {
        assertTrue(m.at("/origin/file").asText().startsWith("testdata/articles/"), m.toString());
        if (m.get("role").asText().equals("duplicate")) {
          // A low-content page (a paywall) joins on its title: nothing of its text may be left.
          assertTrue(
              m.get("low_content").asBoolean()
                  || m.get("jaccard").asDouble() > 0 && m.get("containment").asDouble() > 0,
              m.toString());
          assertTrue(!m.get("matched_via").isNull());
        }
      }
    }
  }

  @Test
  void fileOrderLineOrderAndParallelismDoNotChangeTheAssignments() throws IOException {
    // The same articles: files listed in reverse order, JSONL lines shuffled, other parallelism.
    Path shuffled = tmp.resolve("shuffled");
    Files.createDirectories(shuffled);
    List<String> patterns = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(42);
    try (Stream<Path> files = Files.list(Path.of("testdata/articles"))) {
      for (Path f : files.sorted().toList()) {
        Path copy = shuffled.resolve(f.getFileName());
        String name = f.getFileName().toString();
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
          Files.write(copy, shuffle(Files.readAllLines(f), r));
        } else if (name.endsWith(".jsonl.gz")) {
          List<String> lines;
          try (var in = new GZIPInputStream(Files.newInputStream(f))) {
            lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
          }
          try (var gz = new GZIPOutputStream(Files.newOutputStream(copy))) {
            gz.write(String.join("\n", shuffle(lines, r)).getBytes(StandardCharsets.UTF_8));
          }
        } else {
          Files.copy(f, copy);
        }
        patterns.add(0, shuffled + "/" + name);
      }
    }
    Path again = tmp.resolve("again");
    assertEquals(
        0,
        main(
            "batch",
            "--input=" + String.join(",", patterns),
            "--output=" + again,
            "--targetParallelism=1",
            "--numShards=3"));
    assertEquals(BatchOutputs.lines(out, "assignments"), BatchOutputs.lines(again, "assignments"));
  }

  private static List<String> shuffle(List<String> lines, SplittableRandom r) {
    List<String> l = new ArrayList<>(lines);
    for (int i = l.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      l.set(i, l.set(j, l.get(i)));
    }
    return l;
  }
}
