package io.newsdedup.pipeline.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.e2e.BlockingRunner;
import io.newsdedup.e2e.FailingRunner;
import io.newsdedup.testing.CommandRun;
import io.newsdedup.testing.ShortArticles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index directory of incremental runs against failed and concurrent runs. */
class IndexDirectoryTest {
  @TempDir Path tmp;

  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  private Path input(String name, String... ids) throws IOException {
    return ShortArticles.write(tmp.resolve(name), ids);
  }

  /** Every file of the index, the lock file aside, with its bytes. */
  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(p).toString();
        if (!name.equals(".news-dedup.lock")) {
          m.put(name, Files.readAllBytes(p));
        }
      }
    }
    return m;
  }

  @Test
  void aFailedRunLeavesTheIndexAsItWasAndNoStagingBehind() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(
        0,
        run(
                "batch",
                "--input=" + input("day1.jsonl", "a", "b"),
                "--output=" + tmp.resolve("out1"),
                "--index=" + index)
            .code());
    Map<String, byte[]> before = files(index);
    assertTrue(before.containsKey("index.json"), before.keySet().toString());

    CommandRun failed =
        run(
            "batch",
            "--input=" + input("day2.jsonl", "c"),
            "--output=" + tmp.resolve("out2"),
            "--index=" + index,
            "--runner=" + FailingRunner.class.getName());
    assertEquals(1, failed.code(), failed.err());
    Map<String, byte[]> after = files(index);
    assertEquals(before.keySet(), after.keySet());
    for (String name : before.keySet()) {
      assertArrayEquals(before.get(name), after.get(name), name);
    }
  }

  @Test
  void aSecondRunOnTheSameIndexWhileTheFirstIsRunningStopsWithTwo() throws Exception {
    Path index = tmp.resolve("index");
    Path day1 = input("day1.jsonl", "a", "b");
    Path day2 = input("day2.jsonl", "c");
    BlockingRunner.Runs runs =
        BlockingRunner.whileHeld(
            tmp,
            new String[] {
              "batch", "--input=" + day1, "--output=" + tmp.resolve("out1"), "--index=" + index
            },
            new String[] {
              "batch", "--input=" + day2, "--output=" + tmp.resolve("out2"), "--index=" + index
            });
    CommandRun second = runs.during();
    CommandRun firstRun = runs.held();
    assertEquals(2, second.code(), second.err());
    assertTrue(
        second
            .err()
            .contains("another run (pid " + ProcessHandle.current().pid() + ", started at "),
        second.err());
    assertTrue(second.err().contains("is writing into " + index), second.err());
    assertEquals(0, firstRun.code(), firstRun.err());
    try (Stream<Path> left = Files.list(tmp.resolve("out2"))) {
      assertEquals(
          List.of(".news-dedup.lock"),
          left.map(p -> p.getFileName().toString()).toList(),
          "the refused run's output");
    }
  }
}
