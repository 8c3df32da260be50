package io.newsdedup.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the files a batch run wrote. */
final class BatchOutputs {
  static final ObjectMapper JSON = new ObjectMapper();

  private BatchOutputs() {}

  /** The files {@code name-*.jsonl}. */
  static List<Path> files(Path dir, String name) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f ->
                  f.getFileName().toString().startsWith(name + "-")
                      && f.getFileName().toString().endsWith(".jsonl"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All lines of {@code name-*.jsonl}, sorted. */
  static List<String> lines(Path dir, String name) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files
              .filter(
                  f ->
                      f.getFileName().toString().startsWith(name + "-")
                          && f.getFileName().toString().endsWith(".jsonl"))
              .sorted()
              .toList()) {
        for (String l : Files.readAllLines(f)) {
          if (!l.isBlank()) {
            out.add(l);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }

  static List<JsonNode> json(Path dir, String name) {
    List<JsonNode> out = new ArrayList<>();
    for (String l : lines(dir, name)) {
      try {
        out.add(JSON.readTree(l));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static JsonNode summary(Path dir) {
    try {
      return JSON.readTree(dir.resolve("summary.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
