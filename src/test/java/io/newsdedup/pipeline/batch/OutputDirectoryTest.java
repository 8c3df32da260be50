package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.newsdedup.pipeline.options.UsageException;
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
    try (OutputDirectory output = OutputDirectory.open(out.toString(), false, null)) {
      Path staging = Files.createDirectories(Path.of(output.staging()));
      Files.writeString(staging.resolve("clusters-00000-of-00001.jsonl"), "{}\n");
      Files.writeString(
          staging.resolve(WriteLineSets.TEMPORARY_PREFIX + "1234-clusters-00000-of-00001.jsonl"),
          "{");

      output.publish(summary());
    }

    assertEquals(
        List.of(".news-dedup.lock", "_MANIFEST", "clusters-00000-of-00001.jsonl", "summary.json"),
        names(out));
    assertEquals("{}\n", Files.readString(out.resolve("clusters-00000-of-00001.jsonl")));
  }

  @Test
  void aManifestReachesNothingOutsideTheOutputDirectoryNorItsHiddenFiles() {
    for (String ok :
        List.of("clusters-00000-of-00001.jsonl", "summary.json", "report/", "reports/today/")) {
      assertTrue(OutputDirectory.isEntry(ok), ok);
    }
    for (String bad :
        List.of(
            "/etc/passwd",
            "../x",
            "..",
            "report/../../x/",
            "a/b.jsonl",
            ".news-dedup.lock",
            ".incomplete-1-1/",
            "_MANIFEST",
            "",
            "/",
            "report//",
            "a\\..\\b")) {
      assertFalse(OutputDirectory.isEntry(bad), bad);
    }
  }

  @Test
  void overwriteFollowsTheManifestButNotOutOfTheDirectory() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path outside = Files.writeString(dir.resolve("precious.txt"), "keep\n");
    Files.writeString(out.resolve("listed.txt"), "an earlier version's file\n");
    Files.writeString(out.resolve("mine.txt"), "keep\n");
    Files.writeString(
        out.resolve("_MANIFEST"), "# x\nlisted.txt\n../precious.txt\n" + outside + "\n");
    try (OutputDirectory output = OutputDirectory.open(out.toString(), true, null)) {
      Files.createDirectories(Path.of(output.staging()));
      output.publish(summary());
    }
    assertEquals(List.of(".news-dedup.lock", "_MANIFEST", "mine.txt", "summary.json"), names(out));
    assertEquals("keep\n", Files.readString(outside));
    assertEquals(
        "# news-dedup batch: the files this run wrote here; --overwrite deletes them,"
            + " _SUCCESS and _MANIFEST, and nothing else\nsummary.json\n",
        Files.readString(out.resolve("_MANIFEST")));
  }

  @Test
  void aSecondOpenOfALockedDirectoryIsRefusedUntilTheFirstIsClosed() throws IOException {
    Path out = dir.resolve("out");
    try (OutputDirectory first = OutputDirectory.open(out.toString(), false, null)) {
      UsageException e =
          assertThrows(
              UsageException.class, () -> OutputDirectory.open(out.toString(), true, null));
      assertTrue(
          e.getMessage()
              .startsWith("another run (pid " + ProcessHandle.current().pid() + ", started at "),
          e.getMessage());
      assertTrue(Files.isDirectory(Path.of(first.staging())), "the first run's staging is kept");
    }
    try (OutputDirectory again = OutputDirectory.open(out.toString(), false, null)) {
      assertEquals(1, names(out).stream().filter(n -> n.startsWith(".incomplete-")).count());
    }
    assertEquals(List.of(".news-dedup.lock"), names(out));
  }

  @Test
  void withoutALockAYoungStagingDirectoryIsARunStillWritingAndAnOldOneIsAKilledRuns()
      throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    long old = System.currentTimeMillis() - OutputDirectory.REMOTE_STAGING_AGE.toMillis() - 60_000;
    Path killed = Files.createDirectories(out.resolve(".incomplete-" + old + "-4243"));
    Files.writeString(killed.resolve("clusters-00000-of-00001.jsonl"), "{}\n");
    // The rule for outputs off the local file system (no lock), through Beam's file systems.
    OutputDirectory.prepareRemote(out.toString(), false);
    assertTrue(Files.exists(killed), "without --overwrite nothing is deleted");
    OutputDirectory.prepareRemote(out.toString(), true);
    assertFalse(Files.exists(killed.resolve("clusters-00000-of-00001.jsonl")));
    Path young =
        Files.createDirectories(out.resolve(".incomplete-" + System.currentTimeMillis() + "-4242"));
    Files.writeString(young.resolve("clusters-00000-of-00001.jsonl"), "{}\n");
    UsageException e =
        assertThrows(
            UsageException.class, () -> OutputDirectory.prepareRemote(out.toString(), true));
    assertTrue(e.getMessage().startsWith("another run (pid 4242, started at "), e.getMessage());
    assertTrue(Files.exists(young.resolve("clusters-00000-of-00001.jsonl")));
  }
}
