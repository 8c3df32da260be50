package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.pipeline.read.InputFile;
import io.newsdedup.testing.GzipBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The heap a Direct-runner job needs for its input, and the warning when the heap is smaller. */
class MemoryEstimateTest {
  @TempDir Path dir;

  private static InputFile file(String name, long size) {
    return new InputFile("/in/" + name, name, name, size, 0, -1, 1);
  }

  private static InputFile file(Path p) throws Exception {
    return new InputFile(
        p.toString(), p.getFileName().toString(), p.toString(), Files.size(p), 0, -1, 1);
  }

  @Test
  void eachFileCountsOnceAndGzipByItsUncompressedSize() {
    assertEquals(
        100 + 4 * 50,
        MemoryEstimate.inputBytes(
            List.of(file("a.jsonl", 100), file("b.jsonl.gz", 50), file("a.jsonl", 100))));
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // the FIFO: no hang
  void aJsonlFilesRecordsAreEstimatedFromItsLines() throws Exception {
    Path tiny = dir.resolve("tiny.jsonl");
    Files.writeString(tiny, "{\"id\":\"1\",\"text\":\"a b c\"}\n".repeat(10_000));
    assertEquals(10_000, MemoryEstimate.records(file(tiny)), 1);
    Path gz = dir.resolve("tiny.jsonl.gz");
    Files.write(gz, GzipBytes.gzip("{\"id\":\"1\",\"text\":\"a b c\"}\n".repeat(10_000)));
    // a gzip file's uncompressed size is guessed (4 times), its line length is read
    assertEquals(4.0 * Files.size(gz) / 26, MemoryEstimate.records(file(gz)), 1);
    Path fifo = dir.resolve("pipe.jsonl"); // never opened: opening it would wait for a writer
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertEquals(1, MemoryEstimate.records(file(fifo)));
    Path page = dir.resolve("page.html");
    Files.writeString(page, "<p>one\n<p>page\n");
    assertEquals(1, MemoryEstimate.records(file(page)));
  }

  @Test
  void manySmallRecordsNeedMoreHeapThanTheirBytes() throws Exception {
    Path tiny = dir.resolve("tiny.jsonl");
    Files.writeString(tiny, "{\"id\":\"1\",\"text\":\"a b c\"}\n".repeat(100_000));
    long needed = MemoryEstimate.directHeap(List.of(file(tiny), file(tiny)));
    assertEquals(
        MemoryEstimate.DIRECT_BASE_HEAP + 2.5 * 2_600_000 + 100_000 * 2048.0, needed, 2048 * 10);
  }

  @Test
  void aDirectRunWhoseInputNeedsMoreThanTheHeapIsWarnedOf() {
    Optional<String> w = MemoryEstimate.warning("DirectRunner", 3L << 30, 8L << 30, 6L << 30);
    assertTrue(w.isPresent());
    assertEquals(
        "warning: the input is 3.0 GB, and the Direct runner (the default) needs about 8.0 GB of"
            + " heap for it (it holds every stage's data in memory); this JVM's heap is 6.0 GB, so"
            + " the run is likely to run out of memory. Give it more heap (java -Xmx10g -jar"
            + " news-dedup.jar ...) or run on Flink, which spills to disk: --runner=FlinkRunner.",
        w.get());
  }

  @Test
  void anInputThatFitsOrAnotherRunnerIsNot() {
    assertEquals(
        Optional.empty(), MemoryEstimate.warning("DirectRunner", 400L << 20, 1L << 30, 2L << 30));
    assertEquals(
        Optional.empty(), MemoryEstimate.warning("FlinkRunner", 3L << 30, 8L << 30, 1L << 30));
  }
}
