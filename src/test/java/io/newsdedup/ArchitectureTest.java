package io.newsdedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core (text cleaning to canonical choice) is plain Java: no Beam anywhere in it. */
class ArchitectureTest {

  @Test
  void coreHasNoBeamImports() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/newsdedup/core"))) {
      offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> {
            try {
              return Files.readString(f).contains("org.apache.beam");
            } catch (IOException e) {
              throw new RuntimeException(e);
            }
          })
          .map(Path::toString)
          .toList();
    }
    assertEquals(List.of(), offenders);
  }
}
