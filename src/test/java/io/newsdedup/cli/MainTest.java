package io.newsdedup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.testing.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path tmp;

  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    CommandRun r = run("batch", "--help");
    assertEquals(0, r.code());
    for (String option :
        new String[] {
          "--input=<string>  (required)",
          "--output=<string>  (required)",
          "--threshold=<double>  (default: 0.5)",
          "--shingleSize=<int>  (default: 5)",
          "--numHashes=<int>  (default: 128)",
          "--containmentThreshold=<double>  (default: 0.8)",
          "--matchRule=<JACCARD|CONTAINMENT|JACCARD_OR_CONTAINMENT>  (default:"
              + " JACCARD_OR_CONTAINMENT)",
          "--overwrite=<boolean>  (default: false)",
          "--boilerplateRules=<string>  (default: none)"
        }) {
      assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
    }
  }

  @Test
  void messagesNameTheSubcommand() {
    for (String tool : BenchCommand.TOOLS) {
      CommandRun r = run("bench", tool, "--noSuchOption=1");
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().startsWith("news-dedup bench " + tool + ": "), r.err());
      assertTrue(r.err().contains("Run `news-dedup bench " + tool + " --help`"), r.err());
    }
    CommandRun generate = run("eval", EvalCommand.GENERATE, "--noSuchOption=1");
    assertEquals(2, generate.code(), generate.err());
    assertTrue(generate.err().startsWith("news-dedup eval generate: "), generate.err());
    CommandRun bench = run("bench", "--noSuchOption=1");
    assertTrue(bench.err().startsWith("news-dedup bench: "), bench.err());
    CommandRun notATool = run("bench", "frobnicate");
    assertEquals(2, notATool.code(), notATool.err());
    assertTrue(notATool.err().startsWith("news-dedup bench: no bench tool"), notATool.err());
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run().code());
    assertEquals(2, run("frobnicate").code());
    CommandRun missing = run("batch", "--output=" + tmp);
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--input"), missing.err());
    CommandRun unknown = run("batch", "--input=x", "--output=" + tmp, "--thresold=0.4");
    assertEquals(2, unknown.code());
    assertEquals(2, run("batch", "--input=x", "--output=" + tmp, "--threshold=1.5").code());
    assertEquals(2, run("batch", "--input=x", "--output=" + tmp, "--numHashes=100").code());
    assertEquals(2, run("batch", "--input=x", "--output=" + tmp, "--bands=40", "--rows=4").code());
    CommandRun noFiles =
        run("batch", "--input=" + tmp + "/nothing-*.jsonl", "--output=" + tmp.resolve("o"));
    assertEquals(2, noFiles.code());
    assertTrue(noFiles.err().contains("matched no file"), noFiles.err());
  }

  @Test
  void anEarlierRunIsReplacedOnlyWithOverwrite() throws IOException {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"One small story about a bridge.\"}\n");
    Path out = tmp.resolve("out");
    assertEquals(0, run("batch", "--input=" + in, "--output=" + out).code());
    CommandRun again = run("batch", "--input=" + in, "--output=" + out);
    assertEquals(2, again.code());
    assertTrue(again.err().contains("--overwrite"), again.err());
    assertEquals(0, run("batch", "--input=" + in, "--output=" + out, "--overwrite").code());
  }

  @Test
  void aFinishedRunEndsWithSuccessAndACrashedOneIsCleanedUpOnlyWithOverwrite() throws IOException {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"One small story about a bridge.\"}\n");
    Path out = tmp.resolve("out");
    // What a killed run leaves: a staging directory with part of its files, and no _SUCCESS.
    Files.createDirectories(out.resolve(".incomplete-1-1"));
    Files.writeString(out.resolve(".incomplete-1-1/clusters-00000-of-00001.jsonl"), "{}\n");
    Files.writeString(out.resolve("notes.txt"), "mine");
    CommandRun refused = run("batch", "--input=" + in, "--output=" + out);
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("not empty"), refused.err());
    CommandRun replaced = run("batch", "--input=" + in, "--output=" + out, "--overwrite");
    assertEquals(0, replaced.code(), replaced.err());
    try (var files = Files.list(out)) {
      assertEquals(
          List.of(
              ".news-dedup.lock",
              "_MANIFEST",
              "_SUCCESS",
              "assignments-00000-of-00001.jsonl",
              "clusters-00000-of-00001.jsonl",
              "notes.txt",
              "rejected-00000-of-00001.jsonl",
              "summary.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.readString(out.resolve("clusters-00000-of-00001.jsonl")).contains("\"a\""));
  }
}
