package io.newsdedup.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a batch left open runs: its runner and heap follow its input. */
class BatchChoiceTest {
  private static final long GB = 1L << 30;
  private static final String[] BATCH = {"batch", "--input=x", "--output=y"};
  @TempDir Path dir;

  @Test
  void aSmallInputRunsOnTheDirectRunnerInTheHeapItNeeds() {
    BatchChoice small =
        BatchChoice.of(BATCH, true, false, false, false, 199, 1 << 20, 160L << 20, 24 * GB);
    assertArrayEquals(BATCH, small.args());
    assertEquals(
        List.of("-Xmx1024m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), small.jvmOptions());
    assertEquals(
        "1 MB of input, about 199 records: running on the Direct runner, in a 1.0 GB"
            + " heap; choose another with java -Xmx...",
        small.reason());
    BatchChoice mid =
        BatchChoice.of(BATCH, true, false, false, false, 100_000, 405L << 20, 2 * GB, 24 * GB);
    assertEquals(List.of("-Xmx3072m"), mid.jvmOptions());
  }

  @Test
  void onlyASmallInputLeftToTheJvmRunsOnTheQuickJitTierAndTheSerialCollector() {
    assertEquals(
        List.of("-XX:TieredStopAtLevel=1"),
        BatchChoice.of(BATCH, true, true, false, true, 19_999, 1 << 20, GB, 24 * GB).jvmOptions());
    assertEquals(
        List.of("-XX:+UseSerialGC"),
        BatchChoice.of(BATCH, true, true, true, false, 19_999, 1 << 20, GB, 24 * GB).jvmOptions());
    assertEquals(
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        BatchChoice.of(BATCH, true, true, false, false, 19_999, 1 << 20, GB, 24 * GB).jvmOptions());
    assertEquals(
        List.of(),
        BatchChoice.of(BATCH, true, true, false, false, 20_000, 1 << 20, GB, 24 * GB).jvmOptions());
    assertEquals(
        List.of(),
        BatchChoice.of(BATCH, true, true, true, true, 199, 1 << 20, GB, 24 * GB).jvmOptions());
    for (String own :
        List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint", "-Xcomp")) {
      assertEquals(true, BatchChoice.setsCompilers(List.of("-Xmx1g", own)), own);
    }
    assertEquals(false, BatchChoice.setsCompilers(List.of("-Xmx1g", "-XX:+UseParallelGC")));
  }

  @Test
  void aLargeInputRunsOnEmbeddedFlink() {
    BatchChoice big =
        BatchChoice.of(BATCH, true, false, false, false, 1_000_000, 4 * GB, 13 * GB, 24 * GB);
    assertArrayEquals(
        new String[] {"batch", "--input=x", "--output=y", "--runner=FlinkRunner"}, big.args());
    assertEquals(List.of("-Xmx4096m"), big.jvmOptions());
    assertEquals(
        "4.0 GB of input, about 1,000,000 records: running on embedded Flink, which spills to disk"
            + " where the Direct runner holds the input in memory (--runner=DirectRunner keeps the"
            + " Direct runner), in a 4.0 GB heap; choose another with java -Xmx...",
        big.reason());
  }

  @Test
  void theDirectRunnerAskedForKeepsItAndTheHeapStaysWithinTheMachine() {
    String[] direct = {"batch", "--input=x", "--runner=DirectRunner"};
    BatchChoice big =
        BatchChoice.of(direct, false, false, false, false, 1_000_000, 4 * GB, 13 * GB, 16 * GB);
    assertArrayEquals(direct, big.args());
    assertEquals(List.of("-Xmx12288m"), big.jvmOptions());
    assertEquals(
        "4.0 GB of input, about 1,000,000 records: running on the Direct runner, in a 12.0 GB heap"
            + " (three quarters of this machine's memory); choose another with java -Xmx...",
        big.reason());
  }

  @Test
  void theUsersHeapIsKeptWhileTheRunnerIsChosen() {
    BatchChoice big =
        BatchChoice.of(BATCH, true, true, false, false, 1_000_000, 4 * GB, 13 * GB, 24 * GB);
    assertEquals(List.of(), big.jvmOptions());
    assertEquals("--runner=FlinkRunner", big.args()[big.args().length - 1]);
  }

  @Test
  void localFilesAreCountedFromTheirLines() throws Exception {
    Path in = dir.resolve("tiny.jsonl");
    Files.writeString(in, "{\"id\":\"1\",\"text\":\"a b c\"}\n".repeat(300_000));
    BatchChoice choice =
        BatchChoice.of(new String[] {"batch", "--input=" + dir + "/*.jsonl"}, List.of(), 24 * GB)
            .orElseThrow();
    assertEquals(
        "7 MB of input, about 300,000 records: running on embedded Flink, which spills to disk"
            + " where the Direct runner holds the input in memory (--runner=DirectRunner keeps the"
            + " Direct runner), in a 4.0 GB heap; choose another with java -Xmx...",
        choice.reason());
  }

  @Test
  void recordCountsAreRoughToTwoDigits() {
    assertEquals(199, BatchChoice.roughly(199.4));
    assertEquals(300_000, BatchChoice.roughly(299_986));
    assertEquals(1_200_000, BatchChoice.roughly(1_234_567));
  }

  @Test
  void aGivenRunnerWithAHeapAnotherRunnerOrARemoteInputIsLeftAlone() {
    String in = "--input=" + dir + "/*";
    assertEquals(
        Optional.empty(),
        BatchChoice.of(
            new String[] {"batch", in, "--runner=DirectRunner"}, List.of("-Xmx2g"), 24 * GB));
    assertEquals(
        Optional.empty(),
        BatchChoice.of(
            new String[] {"batch", in, "--runner=DirectRunner"},
            List.of("-XX:MaxRAMPercentage=50"),
            24 * GB));
    assertEquals(
        Optional.empty(),
        BatchChoice.of(new String[] {"batch", in, "--runner=SparkRunner"}, List.of(), 24 * GB));
    assertEquals(
        Optional.empty(),
        BatchChoice.of(new String[] {"stream", "--inputTopic=t"}, List.of(), 24 * GB));
    assertEquals(
        Optional.empty(),
        BatchChoice.of(new String[] {"batch", "--input=gs://bucket/*.jsonl"}, List.of(), 24 * GB));
  }
}
