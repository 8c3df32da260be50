package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.bench.corpus.SyntheticCorpus;
import io.newsdedup.testing.CommandRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that cannot finish ends, and ends clearly: the real entry point ({@code Main.main}, which
 * runs the job in a child JVM it supervises) in a JVM of its own with a small heap, on 12,000
 * generated articles (about 50 MB) that need more. Out of memory ends it with exit 1 and a message;
 * SIGTERM ends it promptly with 143, also while its heap thrashes, and Ctrl-C with 130; a {@code
 * kill -9} of the command takes the job's JVM with it. In every case nothing is published and the
 * earlier good run in the output directory is as it was. Deadlines are generous: they tell a hang
 * from an end, not speed.
 */
class RunEndsTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  private static Path corpus;

  @BeforeAll
  static void writeCorpus() throws IOException {
    corpus = shared.resolve("news.jsonl");
    new SyntheticCorpus(40_000).write(12_000, 0.3, 7, corpus, shared.resolve("labels.jsonl"));
  }

  /** An output directory holding a good run of two articles; returns its files and contents. */
  private Map<String, String> earlierRun(Path out) throws IOException {
    Path in = dir.resolve("earlier.jsonl");
    Files.writeString(
        in,
        "{\"id\":\"a\",\"title\":\"A story\",\"text\":\"The council approved the new budget on"
            + " Tuesday after a long debate about schools and roads in the city.\"}\n"
            + "{\"id\":\"b\",\"title\":\"Another story\",\"text\":\"The river flooded three"
            + " villages overnight and rescue teams worked until dawn to reach the stranded"
            + " families.\"}\n");
    CommandRun run = CommandRun.of("batch", "--input=" + in, "--output=" + out);
    assertEquals(0, run.code(), run.err());
    return published(out);
  }

  /** The published files of an output directory (not the staging or the lock) and contents. */
  private static Map<String, String> published(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(out)) {
      for (Path f : list.toList()) {
        String name = f.getFileName().toString();
        if (!name.startsWith(".")) {
          files.put(name, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private Process start(Path out, Path log, String... jvmOptions) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElseThrow());
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.newsdedup.cli.Main",
            "batch",
            "--input=" + corpus,
            "--output=" + out,
            "--overwrite"));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("NEWS_DEDUP_IN_PROCESS");
    return pb.start();
  }

  /**
   * Waits until {@code log} contains {@code text} {@code times} times (false at the deadline or
   * when p ended).
   */
  private static boolean awaitLog(Process p, Path log, String text, int times, long seconds)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline && p.isAlive()) {
      String[] parts = Files.readString(log, StandardCharsets.ISO_8859_1).split(text, -1);
      if (parts.length - 1 >= times) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status, on Linux). */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
      }
    }
    return false;
  }

  private static void assertEndsWith(Process p, int code, long seconds, Path log) throws Exception {
    assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "still running after " + seconds + " s");
    assertEquals(code, p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
  }

  /** A batch run in a JVM of its own, into an output directory holding an earlier good run. */
  private final class Run {
    final Path out = dir.resolve("out");
    final Path log = dir.resolve("log");
    final Map<String, String> before;
    final Process p;

    Run(String... jvmOptions) throws IOException {
      before = earlierRun(out);
      p = start(out, log, jvmOptions);
    }

    /** The command's and the job's JVMs, once the job is well under way. */
    List<ProcessHandle> underWay() throws Exception {
      awaitStaging(p, out);
      return family(p);
    }

    String ends(int code, long seconds) throws Exception {
      assertEndsWith(p, code, seconds, log);
      return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Every JVM of the run ended, and the earlier run is as it was. */
    void leftNothing(List<ProcessHandle> jvms) throws Exception {
      assertAllEnd(jvms);
      assertEquals(before, published(out));
    }
  }

  @Test
  void runningOutOfMemoryEndsTheRunWithExit1AndAMessage() throws Exception {
    Run run = new Run("-Xmx96m");
    String text = run.ends(1, 180);
    assertTrue(
        text.contains(
            "news-dedup batch: out of memory: the run needed more than its 96 MB"
                + " of Java heap and was stopped. Nothing was published (no _SUCCESS)"),
        text);
    assertTrue(text.contains("--runner=FlinkRunner"), text);
    assertTrue(
        text.contains("news-dedup batch: warning: the input is ") // said before the run
            && text.contains(" MB, so the run is likely to run out of memory"),
        text);
    run.leftNothing(List.of());
    try (Stream<Path> list = Files.list(run.out)) {
      assertTrue(
          list.anyMatch(f -> f.getFileName().toString().startsWith(".incomplete-")),
          "the staging directory stays for --overwrite to clean");
    }
  }

  @Test
  void sigtermStopsARunPromptlyWithoutPublishing() throws Exception {
    Run run = new Run("-Xmx768m");
    List<ProcessHandle> jvms = run.underWay();
    run.p.destroy(); // SIGTERM to the command
    String text = run.ends(143, 30);
    assertTrue(
        text.contains(
            "news-dedup batch: interrupted (SIGTERM or Ctrl-C); the run was"
                + " stopped before it finished: nothing was published (no _SUCCESS)"),
        text);
    run.leftNothing(jvms);
  }

  @Test
  void ctrlCStopsARunWithExit130() throws Exception {
    // A JVM started with SIGINT ignored (a background job of a non-interactive shell, and so
    // every JVM this one starts) leaves it ignored: no Ctrl-C can reach it there.
    Assumptions.assumeFalse(
        sigintIgnored(), "SIGINT is ignored in this process (a background job): no Ctrl-C");
    Run run = new Run("-Xmx768m");
    List<ProcessHandle> jvms = run.underWay();
    for (ProcessHandle h : jvms) { // a terminal's Ctrl-C: SIGINT to every process of the job
      new ProcessBuilder("kill", "-INT", Long.toString(h.pid())).start().waitFor();
    }
    String text = run.ends(130, 30);
    assertEquals(1, text.split("interrupted \\(SIGTERM or Ctrl-C\\)", -1).length - 1, text);
    run.leftNothing(jvms);
  }

  @Test
  void sigtermStopsARunWhoseHeapIsExhausted() throws Exception {
    // G1 and no exit at the first OutOfMemoryError (the state of a run before Main ran it in a
    // JVM that exits): SIGTERM once the heap is full and collected whole, again and again
    Run run = new Run("-Xmx96m", "-XX:+UseG1GC", "-XX:-ExitOnOutOfMemoryError", "-Xlog:gc");
    assertTrue(awaitLog(run.p, run.log, "Pause Full", 3, 180), "no full collections");
    List<ProcessHandle> jvms = family(run.p);
    run.p.destroy();
    run.ends(143, 30);
    run.leftNothing(jvms);
  }

  @Test
  void killingTheCommandTakesTheJobsJvmWithIt() throws Exception {
    Run run = new Run("-Xmx768m");
    List<ProcessHandle> jvms = run.underWay();
    assertTrue(jvms.size() >= 2, "the command and the job's JVM: " + jvms);
    run.p.destroyForcibly(); // kill -9: no shutdown hook runs in the command
    run.leftNothing(jvms);
  }

  @Test
  void aJobLeftOpenRunsInTheHeapItsInputNeeds() throws Exception {
    Run run = new Run(); // no -Xmx: the JVM's default would be a quarter of the machine
    List<ProcessHandle> jvms = run.underWay();
    List<String> job =
        List.of(
            Files.readString( // ProcessHandle.Info cuts long command lines
                    Path.of("/proc/" + jvms.get(jvms.size() - 1).pid() + "/cmdline"))
                .split("\0"));
    // 12,000 articles, 49 MB: 150 MB + 2.5 x 49 MB + 2 KB x 12,000, and half again: 443 MB,
    // raised to the floor of 1 GB (the JVM's own default here: a quarter of the machine)
    assertTrue(job.contains("-Xmx1024m"), "the job's JVM: " + job);
    String text = run.ends(0, 300);
    assertTrue(
        text.contains(
            "news-dedup batch: 49 MB of input, about 12,000 records: running on"
                + " the Direct runner, in a 1.0 GB heap; choose another with java -Xmx..."),
        text);
  }

  private static void awaitStaging(Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.isDirectory(out)) {
        try (Stream<Path> list = Files.list(out)) {
          if (list.anyMatch(f -> f.getFileName().toString().startsWith(".incomplete-"))) {
            Thread.sleep(1000); // well into the job
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not start");
  }

  private static List<ProcessHandle> family(Process p) {
    List<ProcessHandle> all = new ArrayList<>(List.of(p.toHandle()));
    all.addAll(p.descendants().toList());
    return all;
  }

  private static void assertAllEnd(List<ProcessHandle> jvms) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (ProcessHandle h : jvms) {
      while (h.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(h.isAlive(), "process " + h.pid() + " still running");
    }
  }
}
