package io.newsdedup.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a batch output directory: the shards of {@code clusters}, {@code assignments} and
 * {@code rejected} ({@code name-00000-of-00003.jsonl}), and {@code summary.json}. A shard set must
 * be complete; a file that cannot be read is a {@link ReportException} naming it.
 */
final class OutputFiles {
  static final String CLUSTERS = "clusters";
  static final String ASSIGNMENTS = "assignments";
  static final String REJECTED = "rejected";
  static final String SUMMARY = "summary.json";

  /** The marker a batch run writes last, when it finished and its accounting held. */
  static final String SUCCESS = "_SUCCESS";

  private static final Pattern SHARD = Pattern.compile("(.+)-(\\d+)-of-(\\d+)\\.jsonl");

  private final Path dir;
  private final Map<String, List<Path>> sets = new TreeMap<>();

  private OutputFiles(Path dir) {
    this.dir = dir;
  }

  /** Lists {@code dir}; a missing directory is a usage error. */
  static OutputFiles in(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw ReportException.usage(
          "--output "
              + dir
              + " is not a directory"
              + (Files.exists(dir) ? "" : " (it does not exist)"));
    }
    OutputFiles files = new OutputFiles(dir);
    Map<String, Map<Integer, Map<Integer, Path>>> found = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        Matcher m = SHARD.matcher(p.getFileName().toString());
        if (m.matches() && Files.isRegularFile(p)) {
          found
              .computeIfAbsent(m.group(1), k -> new TreeMap<>())
              .computeIfAbsent(Integer.parseInt(m.group(3)), k -> new TreeMap<>())
              .put(Integer.parseInt(m.group(2)), p);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw ReportException.failed("cannot list " + dir + ": " + e.getMessage(), e);
    }
    for (String name : List.of(CLUSTERS, ASSIGNMENTS, REJECTED)) {
      Map<Integer, Map<Integer, Path>> byTotal = found.getOrDefault(name, Map.of());
      if (byTotal.size() > 1) {
        throw ReportException.failed(
            dir
                + " holds "
                + name
                + " files of different runs (shard"
                + " counts "
                + byTotal.keySet()
                + "); remove the stale ones");
      }
      List<Path> shards = new ArrayList<>();
      for (var e : byTotal.entrySet()) {
        for (int i = 0; i < e.getKey(); i++) {
          Path shard = e.getValue().get(i);
          if (shard == null) {
            throw ReportException.failed(
                String.format(
                    "%s is incomplete: %s-%05d-of-%05d.jsonl is missing",
                    dir, name, i, e.getKey()));
          }
          shards.add(shard);
        }
      }
      files.sets.put(name, shards);
    }
    if (files.shards(CLUSTERS).isEmpty() && !Files.exists(files.summary())) {
      throw ReportException.usage(
          "--output "
              + dir
              + " holds no batch outputs (no clusters-*.jsonl,"
              + " no summary.json)");
    }
    if (files.shards(CLUSTERS).isEmpty()) {
      throw ReportException.failed(dir + " has a summary.json but no clusters-*.jsonl");
    }
    return files;
  }

  Path dir() {
    return dir;
  }

  List<Path> shards(String name) {
    return sets.getOrDefault(name, List.of());
  }

  Path summary() {
    return dir.resolve(SUMMARY);
  }

  /** Receives the non-blank lines of a file with their 1-based line numbers. */
  interface LineHandler {
    void line(String line, long number);
  }

  /**
   * Streams every non-blank line of the set's shards. An I/O error, or a handler's exception, is a
   * {@link ReportException} naming the file and line (an IllegalArgumentException's message is
   * taken as the description of what is wrong with the line).
   */
  void forEachLine(String name, LineHandler handler) {
    for (Path file : shards(name)) {
      forEachShardLine(file, handler);
    }
  }

  /** As {@link #forEachLine}, for one file. */
  void forEachShardLine(Path file, LineHandler handler) {
    String name = file.getFileName().toString();
    long number = 0;
    try (BufferedReader in = reader(file)) {
      for (String line; (line = in.readLine()) != null; ) {
        number++;
        if (!line.isBlank()) {
          handler.line(line, number);
        }
      }
    } catch (ReportException | UncheckedIOException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw ReportException.failed(name + " line " + number + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw ReportException.failed("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw ReportException.failed(
          name + " line " + number + ": unexpected content (" + e + ")", e);
    }
  }

  static BufferedReader reader(Path file) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
  }
}
