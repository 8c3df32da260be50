package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.newsdedup.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator meets at the output directory, through the command line: refused outputs,
 * {@code --overwrite} deleting exactly an earlier run, a failed rerun keeping the last good one,
 * two runs into one directory.
 */
class OutputDirectoryRunsTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path input(String name, String... ids) throws IOException {
    StringBuilder s = new StringBuilder();
    for (String id : ids) {
      s.append("{\"id\":\"").append(id).append("\",\"title\":\"Story ").append(id)
          .append("\",\"text\":\"The council of ").append(id)
          .append(" voted on the new bridge across the river on Tuesday evening.\"}\n");
    }
    return Files.writeString(tmp.resolve(name), s.toString());
  }

  // 6. ---------------------------------------------------------------------------------------

  @Test
  void anEmptyOutputTheRootAndTheHomeDirectoryAreRefused() throws IOException {
    Path in = input("in.jsonl", "a");
    // Without --overwrite first: the same refusals, and nothing at stake if they were missing.
    for (boolean overwrite : new boolean[] {false, true}) {
      String[] flag = overwrite ? new String[] {"--overwrite"} : new String[0];
      for (String output : new String[] {"", "   "}) {
        Run r = run(args("batch", "--input=" + in, "--output=" + output, flag));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--output names no directory"), r.err());
      }
      Run root = run(args("batch", "--input=" + in, "--output=/", flag));
      assertEquals(2, root.code(), root.err());
      assertTrue(root.err().contains("root of the file system"), root.err());
      Run home = run(args("batch", "--input=" + in, "--output=" + System.getProperty("user.home"),
          flag));
      assertEquals(2, home.code(), home.err());
      assertTrue(home.err().contains("home directory"), home.err());
    }
  }

  private static String[] args(String command, String input, String output, String... more) {
    List<String> a = new ArrayList<>(List.of(command, input, output));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  // 10. --------------------------------------------------------------------------------------

  @Test
  void anOutputBelowARegularFileIsRefusedBeforeTheJobRuns() throws IOException {
    Path in = input("in.jsonl", "a");
    Path file = Files.writeString(tmp.resolve("some-file.txt"), "not a directory\n");
    Run r = run("batch", "--input=" + in, "--output=" + file.resolve("out"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--output " + file.resolve("out") + " cannot be created"), r.err());
    assertTrue(r.err().contains(file + " is a file"), r.err());
    assertFalse(r.err().contains("\tat "), "a stack trace:\n" + r.err());
    assertEquals("not a directory\n", Files.readString(file));
  }

  @Test
  void anUnwritableOutputIsRefusedBeforeTheJobRuns() throws IOException {
    Path in = input("in.jsonl", "a");
    Path dir = Files.createDirectories(tmp.resolve("read-only"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(dir), "root writes anywhere");
      Run r = run("batch", "--input=" + in, "--output=" + dir);
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("cannot write into"), r.err());
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
