package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.pipeline.write.WriteLineSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  @TempDir Path dir;

  @Test
  void publishMovesTheOutputsButNotWhatAFailedAttemptLeftHalfWritten() throws IOException {
    Path out = dir.resolve("out");
    String staging = OutputDirectory.staging(out.toString());
    Path stagingDir = Path.of(staging);
    Files.createDirectories(stagingDir);
    Files.writeString(stagingDir.resolve("clusters-00000-of-00001.jsonl"), "{}\n");
    Files.writeString(stagingDir.resolve(WriteLineSets.TEMPORARY_PREFIX + "1234-clusters-00000-of-00001.jsonl"), "{");

    OutputDirectory.publish(staging, out.toString());

    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of("clusters-00000-of-00001.jsonl"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("{}\n", Files.readString(out.resolve("clusters-00000-of-00001.jsonl")));
  }
}
