package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.pipeline.read.InputFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The warning before a Direct-runner run whose input will not fit in its heap. */
class MemoryEstimateTest {
  private static InputFile file(String name, long size) {
    return new InputFile("/in/" + name, name, name, size, 0, -1, 1);
  }

  @Test
  void eachFileCountsOnceAndGzipByItsUncompressedSize() {
    assertEquals(100 + 4 * 50, MemoryEstimate.inputBytes(List.of(file("a.jsonl", 100),
        file("b.jsonl.gz", 50), file("a.jsonl", 100))));
  }

  @Test
  void aDirectRunWhoseInputNeedsMoreThanTheHeapIsWarnedOf() {
    Optional<String> w = MemoryEstimate.warning("DirectRunner", 3L << 30, 6L << 30);
    assertTrue(w.isPresent());
    assertEquals("warning: the input is 3.0 GB, and the Direct runner (the default) needs about"
        + " 7.6 GB of heap for it (it holds every stage's data in memory); this JVM's heap is 6.0"
        + " GB, so the run is likely to run out of memory. Give it more heap (java -Xmx10g -jar"
        + " news-dedup.jar ...) or run on Flink, which spills to disk: --runner=FlinkRunner.",
        w.get());
  }

  @Test
  void anInputThatFitsOrAnotherRunnerIsNot() {
    assertEquals(Optional.empty(), MemoryEstimate.warning("DirectRunner", 400L << 20, 2L << 30));
    assertEquals(Optional.empty(), MemoryEstimate.warning("FlinkRunner", 3L << 30, 1L << 30));
  }
}
