package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.newsdedup.pipeline.write.WriteLineSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  @TempDir Path dir;

  static RunSummary summary() {
    return new RunSummary(Map.of(), JsonNodeFactory.instance.objectNode().put("status", "ok"));
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void publishMovesTheOutputsButNotWhatAFailedAttemptLeftHalfWritten() throws IOException {
    Path out = dir.resolve("out");
    try (OutputDirectory output = OutputDirectory.open(out.toString(), false)) {
      Path staging = Files.createDirectories(Path.of(output.staging()));
      Files.writeString(staging.resolve("clusters-00000-of-00001.jsonl"), "{}\n");
      Files.writeString(staging.resolve(
          WriteLineSets.TEMPORARY_PREFIX + "1234-clusters-00000-of-00001.jsonl"), "{");

      output.publish(summary());
    }

    assertEquals(List.of("clusters-00000-of-00001.jsonl", "summary.json"), names(out));
    assertEquals("{}\n", Files.readString(out.resolve("clusters-00000-of-00001.jsonl")));
  }
}
