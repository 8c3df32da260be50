package io.newsdedup.bench.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic of {@code bench stream}: percentiles, options, checkpoint sizes. */
class StreamBenchTest {
  @TempDir Path tmp;

  @Test
  void percentilesAreNearestRank() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1;
    }
    assertEquals(50, StreamBench.percentile(sorted, 50));
    assertEquals(95, StreamBench.percentile(sorted, 95));
    assertEquals(99, StreamBench.percentile(sorted, 99));
    assertEquals(7, StreamBench.percentile(new long[] {7}, 99));
    assertEquals(-1, StreamBench.percentile(new long[0], 50));
  }

  @Test
  void streamArgsSplitAtSpaces() {
    assertEquals(
        List.of("--runner=FlinkRunner", "--streaming=true"),
        StreamBench.args("  --runner=FlinkRunner   --streaming=true "));
    assertEquals(List.of(), StreamBench.args(null));
  }

  @Test
  void theNewestCompleteCheckpointAndTheSharedFilesAreCounted() throws Exception {
    Path job = Files.createDirectories(tmp.resolve("state/job1"));
    Files.createDirectories(job.resolve("chk-1"));
    Files.write(job.resolve("chk-1/_metadata"), new byte[10]);
    Files.write(job.resolve("chk-1/data"), new byte[100]);
    assertEquals(
        110,
        StreamBench.checkpointBytes(
            List.of("--stateBackendStoragePath=" + tmp.resolve("state").toUri())));
    Files.createDirectories(job.resolve("chk-2"));
    Files.write(job.resolve("chk-2/data"), new byte[1000]); // not complete: no _metadata
    Files.createDirectories(job.resolve("shared"));
    Files.write(job.resolve("shared/sst"), new byte[5]);
    assertEquals(
        115,
        StreamBench.checkpointBytes(
            List.of("--stateBackendStoragePath=" + tmp.resolve("state").toUri())));
    assertEquals(-1, StreamBench.checkpointBytes(List.of()));
  }
}
