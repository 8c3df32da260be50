package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run as cron starts it ({@code env -i LANG=C}, no UTF-8 locale) reads every file of a
 * folder whose names are UTF-8, not UTF-8 and plain ASCII, and gives the same outputs as a run in a
 * UTF-8 locale. Runs the real entry point ({@code Main.main}) in child JVMs.
 */
class LocaleIndependenceTest {
  @TempDir Path dir;

  private static final String[] NAMES = {"plain.txt", "é-nfc.txt", "日本.txt"};

  private void write(Path in) throws Exception {
    Files.createDirectories(in);
    for (String name : NAMES) {
      Files.writeString(
          in.resolve(name),
          "Story of "
              + name
              + "\n\nThe body of the story told in "
              + name
              + " with enough words to be an article of its own, not a copy of another.\n");
    }
    // Latin-1 "café.txt": not UTF-8; written by the shell since Java cannot name it.
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "printf 'Story of a Latin-1 name\\n"
                    + "\\n"
                    + "A body in a file whose name is not UTF-8 at all.\\n"
                    + "' > \"$(printf 'caf\\351.txt')\"")
            .directory(in.toFile())
            .start();
    assertEquals(0, p.waitFor());
  }

  private String run(Path in, Path out, String... env) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("env", "-i"));
    cmd.addAll(List.of(env));
    cmd.addAll(
        List.of(
            ProcessHandle.current().info().command().orElseThrow(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.newsdedup.cli.Main",
            "batch",
            "--input=" + in + "/*",
            "--output=" + out));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] log = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    String text = new String(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    return text;
  }

  private static List<String> assignments(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f :
          files
              .filter(f -> f.getFileName().toString().startsWith("assignments-"))
              .sorted()
              .toList()) {
        lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    return lines.stream().sorted().toList();
  }

  @Test
  void aRunUnderTheCLocaleReadsEveryNameAsAUtf8RunDoes() throws Exception {
    Path in = dir.resolve("in");
    write(in);
    String log = run(in, dir.resolve("out-c"), "LANG=C");
    assertTrue(log.contains("read 4 records: 4 articles"), log);
    run(in, dir.resolve("out-utf8"), "LC_ALL=C.UTF-8");
    List<String> c = assignments(dir.resolve("out-c"));
    assertEquals(assignments(dir.resolve("out-utf8")), c);
    String all = String.join("\n", c);
    for (String id :
        new String[] {"\"plain.txt\"", "\"é-nfc.txt\"", "\"日本.txt\"", "\"caf\uFFFD.txt\""}) {
      assertTrue(all.contains(id), id + " in " + all);
    }
  }
}
