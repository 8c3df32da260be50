package io.newsdedup.report;

import static io.newsdedup.testing.GzipBytes.concat;
import static io.newsdedup.testing.GzipBytes.gzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.OriginRef;
import io.newsdedup.report.TextLoader.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report re-reads article texts reading files, gzip members and lines as the pipeline does. */
class TextLoaderTest {
  @TempDir Path dir;

  private static final int NO_LIMIT = 64 << 20;

  static String line(String id) {
    return "{\"id\":\"" + id + "\",\"text\":\"The text of " + id + ".\"}";
  }

  static String lines(String prefix, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append(line(prefix + i)).append('\n');
    }
    return sb.toString();
  }

  private static Member member(String id, String file, long line) {
    return new Member(
        id,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        new OriginRef(file, line, null),
        Map.of(),
        null);
  }

  /**
   * Loads the texts of the articles with these ids at these lines of {@code name} (line 0: a whole
   * file), by line: the text, or "PROBLEM " and why there is none.
   */
  private Map<Long, String> load(
      String name, byte[] content, int maxRecordChars, Object... idsAndLines) throws IOException {
    Files.write(dir.resolve(name), content);
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < idsAndLines.length; i += 2) {
      members.add(member((String) idsAndLines[i], name, ((Number) idsAndLines[i + 1]).longValue()));
    }
    Map<Long, String> out = new TreeMap<>();
    for (Map.Entry<OriginRef, Text> e :
        TextLoader.load(dir, members, 1 << 30, maxRecordChars).entrySet()) {
      Text t = e.getValue();
      out.put(e.getKey().line(), t.body() != null ? t.body() : "PROBLEM " + t.problem());
    }
    return out;
  }

  /**
   * What follows the last good gzip member and is not one is the damage: the lines before it are
   * loaded, a line after it is a problem that says so (the JDK's gzip stream silently ended there:
   * "the file has only 3 lines now").
   */
  @Test
  void aGzipWithAppendedGarbageIsReadUpToTheDamage() throws IOException {
    byte[] file = concat(gzip(lines("m", 1, 3)), lines("p", 4, 5).getBytes(StandardCharsets.UTF_8));
    Map<Long, String> got = load("x.jsonl.gz", file, NO_LIMIT, "m2", 2, "m3", 3, "p4", 4);
    assertEquals("The text of m2.", got.get(2L));
    assertEquals("The text of m3.", got.get(3L));
    String p4 = got.get(4L);
    assertTrue(
        p4.startsWith("PROBLEM could not read ")
            && p4.contains("after line 3")
            && p4.contains("are not gzip data (appended plain text or garbage?)"),
        p4);
  }

  /** The last line of the last good member, cut by the damage, is not loaded: it is no record. */
  @Test
  void theLineTheDamageCutsIsNotLoaded() throws IOException {
    byte[] file =
        concat(
            gzip(line("c1") + "\n" + line("c2")),
            lines("p", 3, 4).getBytes(StandardCharsets.UTF_8));
    Map<Long, String> got = load("cut.jsonl.gz", file, NO_LIMIT, "c1", 1, "c2", 2);
    assertEquals("The text of c1.", got.get(1L));
    assertTrue(
        got.get(2L).startsWith("PROBLEM could not read ") && got.get(2L).contains("after line 1"),
        got.get(2L));
  }

  /** A .gz that is not compressed is read as it is, as the pipeline reads it. */
  @Test
  void aGzFileThatIsNotCompressedIsReadAsItIs() throws IOException {
    assertEquals(
        Map.of(2L, "The text of p2."),
        load(
            "plain.jsonl.gz",
            lines("p", 1, 2).getBytes(StandardCharsets.UTF_8),
            NO_LIMIT,
            "p2",
            2));
    assertEquals(
        Map.of(0L, "Some words of the body."),
        load(
            "plain.txt.gz",
            "A title\n\nSome words of the body.\n".getBytes(StandardCharsets.UTF_8),
            NO_LIMIT,
            "plain.txt.gz",
            0));
  }

  /** A line or file longer than the limit is a problem, not loaded (nor built in memory). */
  @Test
  void aRecordLongerThanTheLimitIsNotLoaded() throws IOException {
    String big = "{\"id\":\"big\",\"text\":\"" + "word ".repeat(1000) + "\"}";
    String file = line("a") + "\n" + big + "\r\n" + line("b") + "\n";
    for (boolean gz : new boolean[] {false, true}) {
      byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
      Map<Long, String> got =
          load(
              gz ? "f.jsonl.gz" : "f.jsonl",
              gz ? gzip(file) : bytes,
              1000,
              "a",
              1,
              "big",
              2,
              "b",
              3);
      assertEquals("The text of a.", got.get(1L));
      assertTrue(
          got.get(2L).startsWith("PROBLEM ")
              && got.get(2L).contains("longer than the limit of 1000 characters"),
          got.get(2L));
      assertEquals("The text of b.", got.get(3L));
    }
    byte[] text =
        ("A title\n\n" + "Some words of the body. ".repeat(100)).getBytes(StandardCharsets.UTF_8);
    String tooLong = load("big.txt", text, 1000, "big.txt", 0).get(0L);
    assertTrue(
        tooLong.startsWith("PROBLEM ")
            && tooLong.contains("longer than the limit of 1000 characters"),
        tooLong);
    assertTrue(load("big.txt", text, 10_000, "big.txt", 0).get(0L).startsWith("Some words"));
  }

  /** A one-line gzip bomb costs the limit (1 MiB here), not its 200 MB. */
  @Test
  void aGzipBombIsReadInBoundedMemory() throws IOException {
    Path f = dir.resolve("bomb.jsonl.gz");
    byte[] xs = new byte[1 << 16];
    Arrays.fill(xs, (byte) 'x');
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
      out.write(
          (line("before") + "\n{\"id\":\"bomb\",\"text\":\"").getBytes(StandardCharsets.UTF_8));
      for (long left = 200_000_000; left > 0; left -= xs.length) {
        out.write(xs, 0, (int) Math.min(xs.length, left));
      }
      out.write(("\"}\n" + line("after") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Map<OriginRef, Text> got =
        TextLoader.load(
            dir,
            List.of(
                member("before", "bomb.jsonl.gz", 1),
                member("bomb", "bomb.jsonl.gz", 2),
                member("after", "bomb.jsonl.gz", 3)),
            1 << 30,
            1 << 20);
    assertEquals("The text of before.", got.get(new OriginRef("bomb.jsonl.gz", 1, null)).body());
    Text bomb = got.get(new OriginRef("bomb.jsonl.gz", 2, null));
    assertNull(bomb.body());
    assertTrue(bomb.problem().contains("it has 200000023 characters"), bomb.problem());
    assertEquals("The text of after.", got.get(new OriginRef("bomb.jsonl.gz", 3, null)).body());
  }
}
