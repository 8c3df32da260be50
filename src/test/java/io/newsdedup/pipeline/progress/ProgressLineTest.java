package io.newsdedup.pipeline.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line: elapsed time, each stage's count since the run started, the heap. */
class ProgressLineTest {
  @Test
  void aLineSaysTheTimeEachStagesCountAndTheHeap() {
    assertEquals(
        "news-dedup batch 2:05 · read 123,456 · cleaned 123,000 · fingerprinted 120,000"
            + " · pairs verified 7 · articles written 0 · heap 1.5/6.0 GB",
        ProgressLine.line(
            "batch",
            Duration.ofSeconds(125),
            new long[] {123_456, 123_000, 120_000, 7, 0},
            3L << 29,
            6L << 30));
  }

  @Test
  void aLogGetsLinesCountingFromTheStartOfTheRun() throws Exception {
    Progress.READ.add(1000); // an earlier run in this JVM
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressLine line = ProgressLine.start("batch", err, false, Duration.ofMillis(50))) {
      Progress.READ.add(42);
      Progress.FINGERPRINTED.add(40);
      awaitText(bytes, "read 42 · cleaned 0 · fingerprinted 40 ·");
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.lines().allMatch(l -> l.startsWith("news-dedup batch 0:0")), text);
    assertTrue(!text.contains("\r"), text);
  }

  @Test
  void aTerminalGetsOneLineRewrittenAndClearedAtTheEnd() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressLine line = ProgressLine.start("batch", err, true, Duration.ofMillis(50))) {
      awaitText(bytes, "\rnews-dedup batch 0:0");
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(!text.contains("\n"), text);
    assertTrue(text.matches("(?s).*\r +\r"), "cleared at the end: " + text);
  }

  private static void awaitText(ByteArrayOutputStream bytes, String text) throws Exception {
    for (int i = 0; i < 600 && !bytes.toString(StandardCharsets.UTF_8).contains(text); i++) {
      Thread.sleep(50);
    }
    assertTrue(
        bytes.toString(StandardCharsets.UTF_8).contains(text),
        bytes.toString(StandardCharsets.UTF_8));
  }
}
