package io.newsdedup.core.read;

import static io.newsdedup.testing.GzipBytes.concat;
import static io.newsdedup.testing.GzipBytes.gzip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.core.article.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading records back by origin reads files, gzip members and lines as the pipeline does. */
class RecordReaderTest {
  @TempDir Path dir;

  static String line(String id, int i) {
    return "{\"id\":\""
        + id
        + "\",\"text\":\"Story "
        + i
        + " words "
        + (i * 7919L * 104729L)
        + "\"}";
  }

  static String lines(String prefix, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append(line(prefix + i, i)).append('\n');
    }
    return sb.toString();
  }

  /**
   * The tails a gzip file can have after its last good member, each with the ids of lines 401 and
   * 402 as the pipeline reads them: plain lines, garbage and a member with a damaged header are
   * nothing (the pipeline rejects them), a member whose compressed data is corrupt from its start
   * too; the complete lines of a truncated member, or of one whose CRC does not match, are read.
   */
  static Map<byte[], List<String>> damagedTails() throws IOException {
    byte[] plain = lines("p", 401, 402).getBytes(StandardCharsets.UTF_8);
    byte[] garbage = new byte[300];
    new Random(7).nextBytes(garbage);
    garbage[0] = 0x42;
    byte[] badHeader = gzip(lines("h", 401, 402));
    badHeader[2] = 7; // compression method 7: not deflate
    byte[] corrupt = gzip(lines("c", 401, 800));
    for (int i = 12; i < 40; i++) {
      corrupt[i] = (byte) 0xff;
    }
    byte[] truncated = gzip(lines("t", 401, 800));
    truncated = Arrays.copyOf(truncated, truncated.length / 3);
    byte[] badCrc = gzip(lines("k", 401, 402));
    badCrc[badCrc.length - 8] ^= 1;
    Map<byte[], List<String>> tails = new LinkedHashMap<>();
    tails.put(plain, List.of());
    tails.put(garbage, List.of());
    tails.put(badHeader, List.of());
    tails.put(corrupt, List.of());
    tails.put(truncated, List.of("t401", "t402"));
    tails.put(badCrc, List.of("k401", "k402"));
    return tails;
  }

  private Map<Long, String> ids(String name, byte[] content, long... lines) throws IOException {
    Files.write(dir.resolve(name), content);
    List<Origin> origins = new ArrayList<>();
    for (long l : lines) {
      origins.add(l == 0 ? Origin.ofFile(name) : Origin.ofLine(name, l));
    }
    Map<Long, String> out = new TreeMap<>();
    RecordReader.read(origins, dir).forEach((o, a) -> out.put(o.line(), a.id()));
    return out;
  }

  private Map<Long, String> idsLimited(String name, byte[] content, int max, long... lines)
      throws IOException {
    Files.write(dir.resolve(name), content);
    List<Origin> origins = new ArrayList<>();
    for (long l : lines) {
      origins.add(l == 0 ? Origin.ofFile(name) : Origin.ofLine(name, l));
    }
    Map<Long, String> out = new TreeMap<>();
    RecordReader.read(origins, dir, max).forEach((o, a) -> out.put(o.line(), a.id()));
    return out;
  }

  /**
   * Every complete line before the damage after the last good member is read back, as the pipeline
   * read it; nothing after the damage is.
   */
  @Test
  void readsEveryLineUpToTheDamageAfterTheLastGoodMember() throws IOException {
    byte[] first = gzip(lines("m", 1, 400));
    for (var tail : damagedTails().entrySet()) {
      Map<Long, String> expected =
          new TreeMap<>(Map.of(1L, "m1", 200L, "m200", 398L, "m398", 399L, "m399", 400L, "m400"));
      for (String id : tail.getValue()) {
        expected.put(Long.parseLong(id.substring(1)), id);
      }
      Map<Long, String> got =
          ids("x.jsonl.gz", concat(first, tail.getKey()), 1, 200, 398, 399, 400, 401, 402, 800);
      assertEquals(expected, got, "tail of " + tail.getKey().length + " bytes");
    }
  }

  /** The last line of the good member, cut by the damage (no line break), is not a record. */
  @Test
  void theLineTheDamageCutsIsNotARecord() throws IOException {
    byte[] cut = gzip(line("c1", 1) + "\n" + line("c2", 2));
    byte[] plain = lines("p", 3, 4).getBytes(StandardCharsets.UTF_8);
    assertEquals(Map.of(1L, "c1"), ids("cut.jsonl.gz", concat(cut, plain), 1, 2, 3));
  }

  @Test
  void aGzFileThatIsNotCompressedIsReadAsItIs() throws IOException {
    byte[] plain = lines("p", 1, 2).getBytes(StandardCharsets.UTF_8);
    assertEquals(Map.of(2L, "p2"), ids("plain.jsonl.gz", plain, 2));
    byte[] text = "A title\n\nSome words of the body.\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(Map.of(0L, "plain.txt.gz"), ids("plain.txt.gz", text, 0));
  }

  /** A line or file longer than the limit is not loaded (nor built in memory); the rest is. */
  @Test
  void aRecordLongerThanTheLimitIsNotLoaded() throws IOException {
    String big = "{\"id\":\"big\",\"text\":\"" + "word ".repeat(1000) + "\"}";
    String file = line("a", 1) + "\n" + big + "\r\n" + line("b", 3) + "\n";
    for (boolean gz : new boolean[] {false, true}) {
      byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
      assertEquals(
          Map.of(1L, "a", 3L, "b"),
          idsLimited(gz ? "f.jsonl.gz" : "f.jsonl", gz ? gzip(file) : bytes, 1000, 1, 2, 3));
    }
    String text = "A title\n\n" + "Some words of the body. ".repeat(100);
    assertEquals(Map.of(), idsLimited("big.txt", text.getBytes(StandardCharsets.UTF_8), 1000, 0));
    assertEquals(
        Map.of(0L, "big.txt"),
        idsLimited("big.txt", text.getBytes(StandardCharsets.UTF_8), 10_000, 0));
  }

  /** A one-line gzip bomb costs the limit (1 MiB here), not its 200 MB. */
  @Test
  void aGzipBombIsReadInBoundedMemory() throws IOException {
    Path f = dir.resolve("bomb.jsonl.gz");
    byte[] xs = new byte[1 << 16];
    Arrays.fill(xs, (byte) 'x');
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
      out.write(
          (line("before", 1) + "\n{\"id\":\"bomb\",\"text\":\"").getBytes(StandardCharsets.UTF_8));
      for (long left = 200_000_000; left > 0; left -= xs.length) {
        out.write(xs, 0, (int) Math.min(xs.length, left));
      }
      out.write(("\"}\n" + line("after", 3) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Map<Long, String> out = new TreeMap<>();
    RecordReader.read(
            List.of(
                Origin.ofLine("bomb.jsonl.gz", 1),
                Origin.ofLine("bomb.jsonl.gz", 2),
                Origin.ofLine("bomb.jsonl.gz", 3)),
            dir,
            1 << 20)
        .forEach((o, a) -> out.put(o.line(), a.id()));
    assertEquals(Map.of(1L, "before", 3L, "after"), out);
  }

  /** A file the pipeline does not read (an unsupported extension) gives no record. */
  @Test
  void aFileOfAnUnsupportedFormatGivesNothing() throws IOException {
    assertEquals(Map.of(), ids("page.xml", "<p>A title</p>".getBytes(StandardCharsets.UTF_8), 0));
  }
}
