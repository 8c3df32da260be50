package io.newsdedup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heap a batch job gets when the user chose none: what its input needs, within bounds. */
class HeapChoiceTest {
  private static final long GB = 1L << 30;
  @TempDir Path dir;

  @Test
  void theHeapFollowsTheInputBetweenAFloorAndThreeQuartersOfTheMachine() {
    assertEquals("-Xmx1024m", HeapChoice.of(100L << 20, 1 << 20, 24 * GB).option());
    assertEquals("-Xmx3072m", HeapChoice.of(2 * GB, GB / 2, 24 * GB).option());
    HeapChoice big = HeapChoice.of(20 * GB, 4 * GB, 24 * GB);
    assertEquals("-Xmx18432m", big.option());
    assertEquals("a 18.0 GB heap for 4.0 GB of input on the Direct runner (three quarters of this"
        + " machine's memory); choose another with java -Xmx...", big.reason());
  }

  @Test
  void aBatchOfLocalFilesIsSizedFromThem() throws Exception {
    Path in = dir.resolve("tiny.jsonl");
    Files.writeString(in, "{\"id\":\"1\",\"text\":\"a b c\"}\n".repeat(1_000_000));
    Optional<HeapChoice> choice = HeapChoice.forBatch(
        new String[] {"batch", "--input=" + dir + "/*.jsonl", "--output=x"}, List.of(), 24 * GB);
    // 1,000,000 records: 150 MB + 2.5 x 25 MB + 2 KB each = 2,165 MB, and half again, in 64 MB
    assertEquals("-Xmx3264m", choice.orElseThrow().option());
    assertTrue(choice.get().reason().startsWith("a 3.2 GB heap for 25 MB of input"),
        choice.get().reason());
  }

  @Test
  void theUsersHeapAnotherRunnerOrAnotherCommandIsLeftAlone() {
    String[] batch = {"batch", "--input=" + dir + "/*", "--output=x"};
    assertEquals(Optional.empty(), HeapChoice.forBatch(batch, List.of("-Xmx2g"), 24 * GB));
    assertEquals(Optional.empty(),
        HeapChoice.forBatch(batch, List.of("-XX:MaxRAMPercentage=50"), 24 * GB));
    assertEquals(Optional.empty(), HeapChoice.forBatch(new String[] {"batch",
        "--input=" + dir + "/*", "--runner=FlinkRunner"}, List.of(), 24 * GB));
    assertEquals(Optional.empty(),
        HeapChoice.forBatch(new String[] {"stream", "--inputTopic=t"}, List.of(), 24 * GB));
    assertEquals(Optional.empty(), HeapChoice.forBatch(new String[] {"batch",
        "--input=gs://bucket/*.jsonl"}, List.of(), 24 * GB));
  }
}
