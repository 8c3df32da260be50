package io.newsdedup.pipeline.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.pipeline.shard.Shards;
import io.newsdedup.testing.TestPipelines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteLineSetsTest {
  @TempDir Path dir;

  private static List<String> numbered(String prefix, int n) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add("{\"" + prefix + "\":" + i + ",\"text\":\"é ü — " + i + "\"}");
    }
    return lines;
  }

  private Map<String, List<String>> run(Map<String, List<String>> sets, int numShards) {
    TestPipeline p = TestPipelines.create();
    PCollectionList<String> list = PCollectionList.empty(p);
    for (Map.Entry<String, List<String>> e : sets.entrySet()) {
      list =
          list.and(
              p.apply(
                  "Lines" + e.getKey(), Create.of(e.getValue()).withCoder(StringUtf8Coder.of())));
    }
    list.apply(WriteLineSets.to(dir.toString(), List.copyOf(sets.keySet()), numShards));
    p.run().waitUntilFinish();
    return files();
  }

  private Map<String, List<String>> files() {
    Map<String, List<String>> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        files.put(f.getFileName().toString(), Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return files;
  }

  @Test
  void everySetGetsAllItsFilesEachLineInTheFileItsHashPicks() {
    Map<String, List<String>> sets = new TreeMap<>();
    sets.put("alpha", numbered("a", 50));
    sets.put("beta", numbered("b", 3));
    sets.put("empty", List.of());
    Map<String, List<String>> files = run(sets, 4);

    List<String> expectedNames = new ArrayList<>();
    for (String name : sets.keySet()) {
      for (int shard = 0; shard < 4; shard++) {
        expectedNames.add(WriteLineSets.fileName(name, shard, 4));
      }
    }
    assertEquals(
        expectedNames, List.copyOf(files.keySet()), "every file, empty ones too, nothing else");
    assertEquals("alpha-00002-of-00004.jsonl", WriteLineSets.fileName("alpha", 2, 4));
    for (Map.Entry<String, List<String>> set : sets.entrySet()) {
      List<String> all = new ArrayList<>();
      for (int shard = 0; shard < 4; shard++) {
        List<String> lines = files.get(WriteLineSets.fileName(set.getKey(), shard, 4));
        for (String line : lines) {
          assertEquals(shard, Shards.of(line, 4), line);
        }
        all.addAll(lines);
      }
      all.sort(null);
      List<String> expected = new ArrayList<>(set.getValue());
      expected.sort(null);
      assertEquals(expected, all, set.getKey());
    }
    assertTrue(files.get(WriteLineSets.fileName("empty", 0, 4)).isEmpty());
  }

  @Test
  void aRetriedWriteReplacesTheWholeFile() throws IOException {
    String name = WriteLineSets.fileName("out", 0, 1);
    Files.writeString(dir.resolve(name), "left by an earlier attempt\nand more\n");
    Map<String, List<String>> files = run(Map.of("out", List.of("{\"x\":1}")), 1);
    assertEquals(Map.of(name, List.of("{\"x\":1}")), files);
  }

  @Test
  void needsOneNamePerSetAndAtLeastOneShard() {
    assertThrows(
        IllegalArgumentException.class, () -> WriteLineSets.to(dir.toString(), List.of("a"), 0));
    TestPipeline p = TestPipelines.create().enableAbandonedNodeEnforcement(false);
    PCollectionList<String> one =
        PCollectionList.of(p.apply(Create.of(List.of("x")).withCoder(StringUtf8Coder.of())));
    assertThrows(
        IllegalArgumentException.class,
        () -> one.apply(WriteLineSets.to(dir.toString(), List.of("a", "b"), 1)));
  }
}
