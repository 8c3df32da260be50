package io.newsdedup.pipeline.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Rejection.Reasons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every path a pattern matches is read or rejected: FIFOs, links to nothing, symbolic-link loops,
 * several links to one file, names that are not UTF-8.
 */
class LocalFilesTest {
  @TempDir Path dir;

  @BeforeAll
  static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private Path article(String name, String id) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "{\"id\": \"" + id + "\", \"text\": \"Some text of " + id + ".\"}\n");
    return f;
  }

  private static void sh(String script, Path in) throws Exception {
    Process p =
        new ProcessBuilder("sh", "-c", script)
            .directory(in.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }

  /** What reading every matched file gives: display path → "article ID" or "reason: message". */
  private Map<String, String> readAll(String pattern) throws IOException {
    Map<String, String> got = new TreeMap<>();
    for (InputFile f : InputPatterns.match(pattern)) {
      List<Parsed> records = new ArrayList<>();
      FileRecords.read(f, records::add, new FileRecords.Tally());
      for (Parsed p : records) {
        String was =
            got.put(
                f.displayPath(),
                p.article() != null
                    ? "article " + p.article().id()
                    : p.rejection().reason() + ": " + p.rejection().message());
        assertEquals(null, was, "one record per file here: " + f.displayPath());
      }
    }
    return got;
  }

  @Test
  void fifoAndDanglingLinkAreRejectedNotSkippedAndNeverOpened() throws Exception {
    article("in/a.jsonl", "a");
    sh("mkfifo pipe.jsonl && ln -s gone.jsonl dangling.jsonl", dir.resolve("in"));
    String base = dir + "/in/";
    Map<String, String> got =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readAll(base + "*"));
    assertEquals("article a", got.get(base + "a.jsonl"));
    assertTrue(
        got.get(base + "pipe.jsonl")
            .startsWith(Reasons.UNREADABLE_FILE + ": not a regular" + " file (a FIFO"),
        got.toString());
    assertEquals(
        Reasons.UNREADABLE_FILE + ": a symbolic link to gone.jsonl, which does not exist",
        got.get(base + "dangling.jsonl"));
    assertEquals(3, got.size(), got.toString());
    // Named exactly, the FIFO is rejected too, and the run does not wait on it.
    assertTrue(
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readAll(base + "pipe.jsonl"))
            .get(base + "pipe.jsonl")
            .startsWith(Reasons.UNREADABLE_FILE),
        "exact FIFO");
  }

  @Test
  void symbolicLinkLoopsAreCutAndEachFileIsReadOnce() throws Exception {
    article("in/a.jsonl", "a");
    article("in/sub/b.jsonl", "b");
    // Two loops (each back to an ancestor) and two more names of the same file.
    sh(
        "ln -s .. sub/up && ln -s . sub/here && ln -s sub/b.jsonl b-again.jsonl"
            + " && ln -s sub alias",
        dir.resolve("in"));
    String base = dir + "/in/";
    Map<String, String> got =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readAll(base + "**.jsonl"));
    assertEquals(
        Map.of(base + "a.jsonl", "article a", base + "alias/b.jsonl", "article b"),
        got,
        "each real file once, by its smallest path");
  }

  @Test
  void namesThatAreNotUtf8AreReadByTheirInode() throws Exception {
    article("in/plain.jsonl", "plain");
    article("in/é-nfc.jsonl", "nfc");
    // Latin-1 "café.jsonl": the byte 0xE9 alone is not UTF-8; Java shows it as U+FFFD.
    sh(
        "printf '{\"id\": \"latin1\", \"text\": \"Text.\"}\\n' > \"$(printf 'caf\\351.jsonl')\"",
        dir.resolve("in"));
    String base = dir + "/in/";
    Map<String, String> got = readAll(base + "*.jsonl");
    assertEquals(
        Map.of(
            base + "plain.jsonl",
            "article plain",
            base + "é-nfc.jsonl",
            "article nfc",
            base + "caf\uFFFD.jsonl",
            "article latin1"),
        got);
  }

  @Test
  void aDirectoryTheWalkCannotListIsRejected() throws Exception {
    article("in/a.jsonl", "a");
    article("in/locked/b.jsonl", "b");
    Path locked = dir.resolve("in/locked");
    locked.toFile().setReadable(false, false);
    locked.toFile().setExecutable(false, false);
    try {
      if (Files.isReadable(locked)) {
        return; // root reads everything: nothing to see here
      }
      String base = dir + "/in/";
      Map<String, String> got = readAll(base + "**.jsonl");
      assertEquals("article a", got.get(base + "a.jsonl"));
      assertTrue(
          got.get(base + "locked")
              .startsWith(
                  Reasons.UNREADABLE_FILE + ": cannot read this directory (permission denied)"),
          got.toString());
    } finally {
      locked.toFile().setReadable(true, false);
      locked.toFile().setExecutable(true, false);
    }
  }

  @Test
  void globsMatchAsBeamsDo() throws Exception {
    article("in/x/a.jsonl", "a");
    article("in/y/b.jsonl", "b");
    article("in/y/deeper/c.jsonl", "c");
    article("in/d.txt.jsonl", "d");
    String base = dir + "/in/";
    assertEquals(
        List.of(base + "x/a.jsonl", base + "y/b.jsonl"),
        InputPatterns.match(base + "*/*.jsonl").stream().map(InputFile::displayPath).toList());
    assertEquals(
        List.of(base + "x/a.jsonl"),
        InputPatterns.match(base + "[x]/*.jsonl").stream().map(InputFile::displayPath).toList());
    assertEquals(4, InputPatterns.match(base + "**").size());
    assertEquals(
        List.of("deeper/c.jsonl"),
        InputPatterns.match(base + "y/**/c.jsonl").stream().map(InputFile::relativePath).toList());
    InputFile exact = InputPatterns.match(base + "d.txt.jsonl").get(0);
    assertEquals(base + "d.txt.jsonl", exact.displayPath());
    assertEquals("d.txt.jsonl", exact.relativePath(), "relative to the pattern's directory");
    assertEquals(List.of(), InputPatterns.match(base + "x"), "a directory is not a file");
  }
}
