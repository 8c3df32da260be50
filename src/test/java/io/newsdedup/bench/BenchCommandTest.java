package io.newsdedup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end bench against a baseline build: runs side by side, and their ratio. */
class BenchCommandTest {
  @TempDir Path work;

  @Test
  void comparesWithABaselineBuildRunAlternately() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new String[] {
              "bench",
              "--articles=60",
              "--reps=2",
              "--xmx=1g",
              "--workDir=" + work,
              // The same build as its own baseline: the mechanics, not a speed-up, are under test.
              "--baseline=" + System.getProperty("java.class.path"),
              // Each side's JVM options reach its own runs only (the JVM prints its properties).
              "--jvmArgs=-XshowSettings:properties -Dbench.side=ours",
              "--baselineJvmArgs=-XshowSettings:properties -Dbench.side=baseline"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed + err.toString(StandardCharsets.UTF_8));
    // Rep 1 runs this build first, rep 2 the baseline first.
    int rep1 = printed.indexOf("rep 1:");
    int base1 = printed.indexOf("baseline rep 1:");
    int base2 = printed.indexOf("baseline rep 2:");
    int rep2 = printed.indexOf("\nrep 2:");
    assertTrue(rep1 >= 0 && rep1 < base1 && base1 < base2 && base2 < rep2, printed);
    for (String log : new String[] {"run-0.log", "run-1.log", "baseline-0.log", "baseline-1.log"}) {
      String text = Files.readString(work.resolve(log));
      assertTrue(text.contains("60 articles"), log);
      String side = log.startsWith("run") ? "ours" : "baseline";
      assertTrue(text.contains("bench.side = " + side), log + ": " + text.substring(0, 300));
    }
    Matcher m =
        Pattern.compile(
                "RESULT baseline median_wall_s=([0-9.]+) articles_per_s=\\d+ ratio=([0-9.]+)"
                    + " median_ratio_of_pairs=([0-9.]+)")
            .matcher(printed);
    assertTrue(m.find(), printed);
    assertTrue(Double.parseDouble(m.group(1)) > 0);
    // Two runs of the same build: within a factor of three of each other, whatever the machine.
    assertTrue(
        Double.parseDouble(m.group(3)) > 0.33 && Double.parseDouble(m.group(3)) < 3, printed);
  }

  @Test
  void zeroRepsOnlyGeneratesTheCorpus() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new String[] {"bench", "--articles=60", "--reps=0", "--workDir=" + work},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, exit);
    Path corpus = work.resolve("synthetic-60-s1.jsonl");
    assertEquals(60, Files.readAllLines(corpus).size());
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains("corpus: " + corpus + " (60 articles); --reps=0: nothing timed"));
    try (var files = Files.list(work)) {
      assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".log")).toList());
    }
  }

  @Test
  void timesBothFloorsOnTheSameCorpusAndTheyCountTheSameBuckets() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new String[] {
              "bench",
              "--articles=60",
              "--reps=1",
              "--xmx=1g",
              "--workDir=" + work,
              "--runnerFloor=true",
              "--floor=true"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed + err.toString(StandardCharsets.UTF_8));
    Matcher runnerFloor =
        Pattern.compile("runner floor rep 1: [0-9.]+ s, (buckets=\\d+ links=\\d+)")
            .matcher(printed);
    assertTrue(runnerFloor.find(), printed);
    // The floor program (this build's, in its own JVM) finds the buckets the Beam job finds.
    Matcher floor =
        Pattern.compile("\nfloor rep 1: [0-9.]+ s, (buckets=\\d+ links=\\d+)").matcher(printed);
    assertTrue(floor.find(), printed);
    assertEquals(runnerFloor.group(1), floor.group(1));
    assertTrue(!floor.group(1).equals("buckets=0 links=0"), printed);
    for (String what : new String[] {"runnerFloor", "floor", "runnerFloor_over_floor"}) {
      assertTrue(
          Pattern.compile(
                  "RESULT "
                      + what
                      + " median_wall_s=[0-9.]+ articles_per_s=\\d+"
                      + " ratio=[0-9.]+ median_ratio_of_pairs=[0-9.]+")
              .matcher(printed)
              .find(),
          printed);
    }
    assertTrue(
        Pattern.compile(
                "TARGET floor_ratio runner=DirectRunner articles=60 ratio=[0-9.]+ goal=4.0"
                    + " met=(true|false)")
            .matcher(printed)
            .find(),
        printed);
    String log = Files.readString(work.resolve("runner-floor-0.log"));
    assertTrue(!log.contains("Exception"), log);
    assertTrue(
        Files.readString(work.resolve("floor-0.log"))
            .contains("RESULT floorProgram docs=60 skipped=0 "));
  }

  /** Runs as a user's need the jar: from a class path of directories they are a usage error. */
  @Test
  void fixedCostAndAsUserNeedTheJar() throws Exception {
    for (String[] args :
        new String[][] {
          {"bench", "fixed-cost", "--reps=1", "--workDir=" + work},
          {"bench", "--asUser=true", "--articles=60", "--reps=1", "--workDir=" + work}
        }) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertEquals(
          2, Main.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
      assertTrue(
          err.toString(StandardCharsets.UTF_8).contains("needs the jar"),
          err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void theFloorClassesOptionIsGoneWithAPointerToItsSuccessor() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(
        2,
        Main.run(
            new String[] {"bench", "--floorClasses=/tmp/floor"},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--floor=true"));
  }

  @Test
  void corpusKernelsRunOverTheTextsThatParse() throws Exception {
    Path corpus = work.resolve("c.jsonl");
    Files.write(
        corpus,
        List.of(
            "{\"id\":\"a\",\"text\":\"One two three four five six seven eight nine ten.\"}",
            "not json",
            "{\"id\":\"b\",\"text\":\"Eleven twelve thirteen fourteen fifteen sixteen.\"}",
            "{\"id\":\"c\",\"text\":\"Seventeen eighteen nineteen twenty.\"}"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new String[] {
              "bench", "corpus-kernels", "--corpus=" + corpus, "--articles=2", "--passes=3"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed + err.toString(StandardCharsets.UTF_8));
    assertTrue(printed.contains("pass 3: clean "), printed);
    // The first two articles that parse (a and b: 6 and 2 five-word shingles), not the bad line.
    Matcher m =
        Pattern.compile(
                "RESULT corpus-kernels articles=2 shingles_per_article=4\\.0"
                    + " clean_us=[0-9.]+ shingle_us=[0-9.]+ minhash128_us=[0-9.]+"
                    + " shingle_and_minhash_us=[0-9.]+ story_us=[0-9.]+")
            .matcher(printed);
    assertTrue(m.find(), printed);

    assertEquals(
        2,
        Main.run(
            new String[] {"bench", "corpus-kernels", "--passes=2"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--corpus=FILE.jsonl is required"));
  }
}
