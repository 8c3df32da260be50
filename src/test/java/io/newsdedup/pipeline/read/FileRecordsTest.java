package io.newsdedup.pipeline.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading one file: damaged gzip, blank lines, byte-order marks. */
class FileRecordsTest {
  @TempDir Path dir;

  @BeforeAll
  static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private List<Parsed> read(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    List<Parsed> out = new ArrayList<>();
    FileRecords.read(new InputFile(f.toString(), name, "in/" + name), out::add,
        new FileRecords.Tally());
    return out;
  }

  private static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** The complete lines that can be inflated from a damaged gzip file. */
  private static long completeLines(byte[] gz) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      in.transferTo(out);
    } catch (EOFException e) {
      // what was inflated before the damage is in out
    }
    return out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
  }

  /**
   * Every complete line before the damage is a record, whatever the cut; the line the damage cuts
   * and everything after it is one unreadable_file rejection at the next line. (Beam's gzip
   * stream used to drop what it had inflated in the read that failed: up to 8 KB of lines.)
   */
  @Test
  void aTruncatedGzipKeepsEveryCompleteLine() throws IOException {
    StringBuilder lines = new StringBuilder();
    int total = 400;
    for (int i = 1; i <= total; i++) {
      lines.append("{\"id\":\"t").append(i).append("\",\"text\":\"Story ").append(i)
          .append(" words ").append(i * 7919L * 104729L).append("\"}\n");
    }
    byte[] whole = gzip(lines.toString());
    for (int cut : new int[] {20, whole.length / 3, whole.length / 2, whole.length - 9,
        whole.length - 4}) {
      byte[] damaged = Arrays.copyOf(whole, cut);
      long complete = completeLines(damaged);
      List<Parsed> records = read("cut.jsonl.gz", damaged);
      String at = "cut at " + cut + " of " + whole.length;
      assertEquals(complete + 1, records.size(), at);
      for (int i = 0; i < complete; i++) {
        assertEquals("t" + (i + 1), records.get(i).article().id(), at);
      }
      Parsed rest = records.get(records.size() - 1);
      assertEquals("unreadable_file", rest.rejection().reason(), at);
      assertEquals(Origin.ofLine("in/cut.jsonl.gz", complete + 1), rest.rejection().origin(), at);
      assertTrue(rest.rejection().message().contains("truncated?"), rest.rejection().message());
    }
    assertEquals(total, read("whole.jsonl.gz", whole).stream()
        .filter(p -> p.article() != null).count());
  }

  private static String jsonLines(String prefix, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append("{\"id\":\"").append(prefix).append(i).append("\",\"text\":\"Story ").append(i)
          .append("\"}\n");
    }
    return sb.toString();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** The ids of the articles, then "reason@line: message" of each rejection. */
  private static List<String> described(List<Parsed> records) {
    return records.stream().map(p -> p.article() != null ? p.article().id()
        : p.rejection().reason() + "@" + p.rejection().origin().line() + ": "
            + p.rejection().message()).toList();
  }

  /**
   * What follows the last good gzip member and is not one (plain lines appended to a .gz, a
   * garbage tail, a member whose header is damaged) is one unreadable_file rejection at the line
   * after the last complete one, saying what it found; the JDK's GZIPInputStream silently took it
   * for the end of the file.
   */
  @Test
  void whatFollowsTheLastGoodGzipMemberIsRejectedNotDropped() throws IOException {
    byte[] first = gzip(jsonLines("m", 1, 3));
    byte[] plain = jsonLines("p", 4, 5).getBytes(StandardCharsets.UTF_8);
    byte[] garbage = new byte[300];
    new java.util.Random(7).nextBytes(garbage);
    garbage[0] = 0x42;
    byte[] damaged = gzip(jsonLines("d", 4, 5));
    damaged[2] = 7; // compression method 7: not deflate
    byte[] reserved = gzip(jsonLines("r", 4, 5));
    reserved[3] = (byte) 0x80; // a reserved flag bit
    for (byte[] tail : List.of(plain, garbage, damaged, reserved)) {
      List<String> got = described(read("x.jsonl.gz", concat(first, tail)));
      String at = got.toString();
      assertEquals(4, got.size(), at);
      assertEquals(List.of("m1", "m2", "m3"), got.subList(0, 3), at);
      assertTrue(got.get(3).startsWith("unreadable_file@4: "), at);
      if (tail == plain || tail == garbage) {
        assertTrue(got.get(3).contains(tail.length + " bytes after the gzip member ending at byte "
            + first.length + " are not gzip data (appended plain text or garbage?)"), at);
      } else {
        assertTrue(got.get(3).contains("the gzip member starting at byte " + first.length
            + " has a damaged header"), at);
      }
    }
    // The last line of the last good member has no line break: the damage cuts it.
    byte[] cut = gzip("{\"id\":\"c1\",\"text\":\"x\"}\n{\"id\":\"c2\",\"text\":\"x\"}");
    List<String> got = described(read("cut.jsonl.gz", concat(cut, plain)));
    assertEquals(2, got.size(), got.toString());
    assertEquals("c1", got.get(0));
    assertTrue(got.get(1).startsWith("unreadable_file@2: "), got.toString());
  }

  /** Well-formed further members are read (multi-member gzip is legal); zero padding is the end. */
  @Test
  void furtherGzipMembersAreReadAndZeroPaddingIsTheEnd() throws IOException {
    byte[] file = concat(gzip(jsonLines("a", 1, 2)), gzip(""), gzip(jsonLines("b", 3, 4)),
        new byte[1024]);
    assertEquals(List.of("a1", "a2", "b3", "b4"), described(read("multi.jsonl.gz", file)));
  }

  /** A member whose data does not match its trailer is corrupt: after its lines, a rejection. */
  @Test
  void aGzipMemberWithAWrongCrcIsRejectedAfterItsLines() throws IOException {
    byte[] bad = gzip(jsonLines("k", 1, 2));
    bad[bad.length - 8] ^= 1; // the CRC-32 in the trailer
    List<String> got = described(read("crc.jsonl.gz", concat(bad, gzip(jsonLines("n", 3, 3)))));
    assertEquals(3, got.size(), got.toString());
    assertEquals(List.of("k1", "k2"), got.subList(0, 2));
    assertTrue(got.get(2).startsWith("unreadable_file@3: ") && got.get(2).contains("CRC"),
        got.toString());
  }

  @Test
  void aTruncatedTextFileIsOneRejectionNotHalfAnArticle() throws IOException {
    byte[] whole = gzip("A title\n\n" + "Some words of the body. ".repeat(2000));
    List<Parsed> records = read("cut.txt.gz", Arrays.copyOf(whole, whole.length / 2));
    assertEquals(1, records.size());
    assertEquals("unreadable_file", records.get(0).rejection().reason());
    assertEquals(Origin.ofFile("in/cut.txt.gz"), records.get(0).rejection().origin());
  }

  @Test
  void aGzFileThatIsNotCompressedIsReadAsItIs() throws IOException {
    List<Parsed> records =
        read("plain.jsonl.gz", "{\"id\":\"p\",\"text\":\"plain\"}\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("p", records.get(0).article().id());
  }

  @Test
  void aLineOfOnlyAByteOrderMarkAndSpacesIsBlank() throws IOException {
    FileRecords.Tally tally = new FileRecords.Tally();
    Path f = dir.resolve("bom.jsonl");
    Files.writeString(f, "\uFEFF\n\uFEFF  \t\n{\"id\":\"b\",\"text\":\"x\"}\n");
    List<Parsed> out = new ArrayList<>();
    FileRecords.read(new InputFile(f.toString(), "bom.jsonl", "bom.jsonl"), out::add, tally);
    assertEquals(1, out.size());
    assertEquals(Origin.ofLine("bom.jsonl", 3), out.get(0).article().origin());
    assertEquals(2, tally.blankLines);
  }

  /**
   * One definition of blank (TextNormalizer.isBlank, taken literally): a line with no visible
   * content is a blank line, whatever the invisible characters are. Before, a line of U+3000 or
   * U+2028 was blank but one of NBSP, ZWSP, NEL or NUL was malformed_json.
   */
  @Test
  void aLineWithNoVisibleContentIsBlankWhateverItsCharacters() throws IOException {
    List<String> blanks = List.of("\u3000", "\u2028", "\u00A0", "\u200B", "\u0085", "\u0000",
        "\u2007\u202F", "\u200E\u202E\u2066", "\u0001\u001B\u007F", "\u000B\u000C",
        " \u00A0\t\u200B\uFEFF\u3000 ");
    StringBuilder file = new StringBuilder();
    for (String b : blanks) {
      file.append(b).append('\n');
    }
    file.append("{\"id\":\"after\",\"text\":\"x\"}\n");
    file.append("&nbsp;\n"); // visible characters (an entity is not decoded in a raw line)
    FileRecords.Tally tally = new FileRecords.Tally();
    Path f = dir.resolve("blank.jsonl");
    Files.writeString(f, file.toString());
    List<Parsed> out = new ArrayList<>();
    FileRecords.read(new InputFile(f.toString(), "blank.jsonl", "blank.jsonl"), out::add, tally);
    assertEquals(blanks.size(), tally.blankLines);
    assertEquals(2, out.size(), out.toString());
    assertEquals(Origin.ofLine("blank.jsonl", blanks.size() + 1), out.get(0).article().origin());
    assertEquals("malformed_json", out.get(1).rejection().reason());
    assertEquals(Origin.ofLine("blank.jsonl", blanks.size() + 2), out.get(1).rejection().origin());
  }
}
