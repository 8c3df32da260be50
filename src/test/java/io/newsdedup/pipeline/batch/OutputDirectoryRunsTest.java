package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.newsdedup.cli.Main;
import io.newsdedup.e2e.BlockingRunner;
import io.newsdedup.e2e.FailingRunner;
import io.newsdedup.testing.CommandRun;
import io.newsdedup.testing.ShortArticles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator meets at the output directory, through the command line: refused outputs, {@code
 * --overwrite} deleting exactly an earlier run, a failed rerun keeping the last good one, two runs
 * into one directory.
 */
class OutputDirectoryRunsTest {
  @TempDir Path tmp;

  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  private Path input(String name, String... ids) throws IOException {
    return ShortArticles.write(tmp.resolve(name), ids);
  }

  /** Every regular file below {@code dir} (relative path → content), the lock file aside. */
  static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(p).toString();
        if (!name.equals(".news-dedup.lock")) {
          m.put(name, Files.readString(p));
        }
      }
    }
    return m;
  }

  static List<String> staging(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".incomplete-"))
          .toList();
    }
  }

  // 6. ---------------------------------------------------------------------------------------

  @Test
  void anEmptyOutputTheRootAndTheHomeDirectoryAreRefused() throws IOException {
    Path in = input("in.jsonl", "a");
    // Without --overwrite first: the same refusals, and nothing at stake if they were missing.
    for (boolean overwrite : new boolean[] {false, true}) {
      String[] flag = overwrite ? new String[] {"--overwrite"} : new String[0];
      for (String output : new String[] {"", "   "}) {
        CommandRun r = run(args("batch", "--input=" + in, "--output=" + output, flag));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--output names no directory"), r.err());
      }
      CommandRun root = run(args("batch", "--input=" + in, "--output=/", flag));
      assertEquals(2, root.code(), root.err());
      assertTrue(root.err().contains("root of the file system"), root.err());
      CommandRun home =
          run(args("batch", "--input=" + in, "--output=" + System.getProperty("user.home"), flag));
      assertEquals(2, home.code(), home.err());
      assertTrue(home.err().contains("home directory"), home.err());
    }
  }

  private static String[] args(String command, String input, String output, String... more) {
    List<String> a = new ArrayList<>(List.of(command, input, output));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  // 10. --------------------------------------------------------------------------------------

  @Test
  void anOutputBelowARegularFileIsRefusedBeforeTheJobRuns() throws IOException {
    Path in = input("in.jsonl", "a");
    Path file = Files.writeString(tmp.resolve("some-file.txt"), "not a directory\n");
    CommandRun r = run("batch", "--input=" + in, "--output=" + file.resolve("out"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--output " + file.resolve("out") + " cannot be created"), r.err());
    assertTrue(r.err().contains(file + " is a file"), r.err());
    assertFalse(r.err().contains("\tat "), "a stack trace:\n" + r.err());
    assertEquals("not a directory\n", Files.readString(file));
  }

  @Test
  void anUnwritableOutputIsRefusedBeforeTheJobRuns() throws IOException {
    Path in = input("in.jsonl", "a");
    Path dir = Files.createDirectories(tmp.resolve("read-only"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(dir), "root writes anywhere");
      CommandRun r = run("batch", "--input=" + in, "--output=" + dir);
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("cannot write into"), r.err());
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  // 7. ---------------------------------------------------------------------------------------

  @Test
  void overwriteDeletesExactlyWhatAnEarlierRunWroteAndNothingThatOnlyLooksLikeIt()
      throws IOException {
    Path in1 = input("in1.jsonl", "first-a", "first-b");
    Path in2 = input("in2.jsonl", "second-a");
    Path out = tmp.resolve("out");
    assertEquals(0, run("batch", "--input=" + in1, "--output=" + out, "--numShards=2").code());
    Map<String, String> mine =
        Map.of(
            "clusters-notes.txt", "my notes on clusters\n",
            "rejected-by-editor.csv", "id,reason\nx,opinion\n",
            "assignments-manual-fixes.jsonl", "{\"id\":\"first-a\",\"cluster_id\":\"mine\"}\n");
    for (var e : mine.entrySet()) {
      Files.writeString(out.resolve(e.getKey()), e.getValue());
    }
    assertEquals(
        0,
        run("batch", "--input=" + in2, "--output=" + out, "--numShards=1", "--overwrite").code());

    Map<String, String> after = files(out);
    for (var e : mine.entrySet()) {
      assertEquals(e.getValue(), after.get(e.getKey()), e.getKey());
    }
    List<String> ours = new ArrayList<>(after.keySet());
    ours.removeAll(mine.keySet());
    assertEquals(
        List.of(
            "_MANIFEST",
            "_SUCCESS",
            "assignments-00000-of-00001.jsonl",
            "clusters-00000-of-00001.jsonl",
            "rejected-00000-of-00001.jsonl",
            "summary.json"),
        ours);
    assertTrue(after.get("clusters-00000-of-00001.jsonl").contains("\"second-a\""));
    assertFalse(after.get("clusters-00000-of-00001.jsonl").contains("first-"));
    assertEquals(
        List.of(
            "assignments-00000-of-00001.jsonl",
            "clusters-00000-of-00001.jsonl",
            "rejected-00000-of-00001.jsonl",
            "summary.json"),
        after.get("_MANIFEST").lines().filter(l -> !l.startsWith("#")).toList());
  }

  @Test
  void overwriteDeletesOutputsOfOurShapesThatNoManifestListsAndTheReportItWroteIntoTheOutput()
      throws IOException {
    Path in = input("in.jsonl", "a", "b");
    Path out = tmp.resolve("out");
    assertEquals(
        0,
        run("batch", "--input=" + in, "--output=" + out, "--report=" + out.resolve("report"))
            .code());
    assertTrue(Files.exists(out.resolve("report/index.html")));
    Files.writeString(out.resolve("report/my-notes.txt"), "keep\n");
    // What a run of an older version left: no manifest lists it.
    Files.writeString(out.resolve("clusters-00003-of-00004.jsonl"), "{}\n");
    Files.writeString(out.resolve("changes-00000-of-00001.jsonl"), "{}\n");
    assertEquals(0, run("batch", "--input=" + in, "--output=" + out, "--overwrite").code());
    Map<String, String> after = files(out);
    assertEquals(
        List.of(
            "_MANIFEST",
            "_SUCCESS",
            "assignments-00000-of-00001.jsonl",
            "clusters-00000-of-00001.jsonl",
            "rejected-00000-of-00001.jsonl",
            "report/my-notes.txt",
            "summary.json"),
        List.copyOf(after.keySet()));
  }

  // 8. ---------------------------------------------------------------------------------------

  @Test
  void aFailedRerunLeavesTheLastGoodRunIntact() throws IOException {
    Path in1 = input("in1.jsonl", "good-a", "good-b");
    Path in2 = input("in2.jsonl", "rerun-a");
    Path out = tmp.resolve("out");
    assertEquals(0, run("batch", "--input=" + in1, "--output=" + out).code());
    Map<String, String> good = files(out);
    assertTrue(good.containsKey("_SUCCESS"));

    CommandRun failed =
        run(
            "batch",
            "--input=" + in2,
            "--output=" + out,
            "--overwrite",
            "--runner=" + FailingRunner.class.getName());
    assertEquals(1, failed.code(), failed.err());
    assertTrue(failed.err().contains("FailingRunner"), failed.err());
    assertEquals(good, files(out));
    assertEquals(List.of(), staging(out), "the failed run's staging directory");
  }

  // 9. ---------------------------------------------------------------------------------------

  @Test
  void aSecondRunIntoTheSameOutputWhileTheFirstIsWritingStopsWithTwo() throws Exception {
    Path in1 = input("in1.jsonl", "first-a", "first-b");
    Path in2 = input("in2.jsonl", "second-a");
    Path out = tmp.resolve("out");
    BlockingRunner.Runs runs =
        BlockingRunner.whileHeld(
            tmp,
            new String[] {"batch", "--input=" + in1, "--output=" + out},
            new String[] {"batch", "--input=" + in2, "--output=" + out, "--overwrite"});
    CommandRun second = runs.during();
    CommandRun firstRun = runs.held();
    assertEquals(2, second.code(), second.err());
    assertTrue(
        second
            .err()
            .contains("another run (pid " + ProcessHandle.current().pid() + ", started at "),
        second.err());
    assertTrue(second.err().contains(") is writing into " + out), second.err());
    assertEquals(0, firstRun.code(), firstRun.err());
    String clusters = files(out).get("clusters-00000-of-00001.jsonl");
    assertTrue(clusters.contains("\"first-a\"") && !clusters.contains("second-a"), clusters);
    // Once the first run has ended, the lock is free again.
    assertEquals(0, run("batch", "--input=" + in2, "--output=" + out, "--overwrite").code());
  }

  @Test
  void aRunInAnotherProcessHoldsTheOutputToo() throws Exception {
    Path in1 = input("in1.jsonl", "first-a");
    Path in2 = input("in2.jsonl", "second-a");
    Path out = tmp.resolve("out");
    Path started = tmp.resolve("started");
    Path release = tmp.resolve("release");
    Path log = tmp.resolve("child.log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-D" + BlockingRunner.STARTED + "=" + started,
                "-D" + BlockingRunner.RELEASE + "=" + release,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "batch",
                "--input=" + in1,
                "--output=" + out,
                "--runner=" + BlockingRunner.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    CommandRun second;
    List<Long> pids; // the command's and the job's JVM (Main runs the job in a child JVM)
    try {
      BlockingRunner.awaitStart(started, () -> !child.isAlive(), () -> "");
      pids =
          Stream.concat(Stream.of(child.toHandle()), child.descendants())
              .map(ProcessHandle::pid)
              .toList();
      second = run("batch", "--input=" + in2, "--output=" + out, "--overwrite");
    } finally {
      Files.writeString(release, "go");
      if (!child.waitFor(2, TimeUnit.MINUTES)) {
        child.destroyForcibly();
      }
    }
    assertEquals(2, second.code(), second.err());
    assertTrue(
        pids.stream()
            .anyMatch(pid -> second.err().contains("another run (pid " + pid + ", started at ")),
        second.err());
    assertEquals(0, child.exitValue(), Files.readString(log));
    assertTrue(files(out).get("clusters-00000-of-00001.jsonl").contains("\"first-a\""));
  }
}
