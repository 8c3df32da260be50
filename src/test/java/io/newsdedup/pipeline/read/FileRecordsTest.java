package io.newsdedup.pipeline.read;

import static io.newsdedup.testing.GzipBytes.concat;
import static io.newsdedup.testing.GzipBytes.gzip;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
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
    FileRecords.read(
        new InputFile(f.toString(), name, "in/" + name), out::add, new FileRecords.Tally());
    return out;
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
   * and everything after it is one unreadable_file rejection at the next line. (Beam's gzip stream
   * used to drop what it had inflated in the read that failed: up to 8 KB of lines.)
   */
  @Test
  void aTruncatedGzipKeepsEveryCompleteLine() throws IOException {
    StringBuilder lines = new StringBuilder();
    int total = 400;
    for (int i = 1; i <= total; i++) {
      lines
          .append("{\"id\":\"t")
          .append(i)
          .append("\",\"text\":\"Story ")
          .append(i)
          .append(" words ")
          .append(i * 7919L * 104729L)
          .append("\"}\n");
    }
    byte[] whole = gzip(lines.toString());
    for (int cut :
        new int[] {20, whole.length / 3, whole.length / 2, whole.length - 9, whole.length - 4}) {
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
    assertEquals(
        total, read("whole.jsonl.gz", whole).stream().filter(p -> p.article() != null).count());
  }

  private static String jsonLines(String prefix, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append("{\"id\":\"")
          .append(prefix)
          .append(i)
          .append("\",\"text\":\"Story ")
          .append(i)
          .append("\"}\n");
    }
    return sb.toString();
  }

  /** The ids of the articles, then "reason@line: message" of each rejection. */
  private static List<String> described(List<Parsed> records) {
    return records.stream()
        .map(
            p ->
                p.article() != null
                    ? p.article().id()
                    : p.rejection().reason()
                        + "@"
                        + p.rejection().origin().line()
                        + ": "
                        + p.rejection().message())
        .toList();
  }

  /**
   * What follows the last good gzip member and is not one (plain lines appended to a .gz, a garbage
   * tail, a member whose header is damaged) is one unreadable_file rejection at the line after the
   * last complete one, saying what it found; the JDK's GZIPInputStream silently took it for the end
   * of the file.
   */
  @Test
  void whatFollowsTheLastGoodGzipMemberIsRejectedNotDropped() throws IOException {
    byte[] first = gzip(jsonLines("m", 1, 3));
    byte[] plain = jsonLines("p", 4, 5).getBytes(StandardCharsets.UTF_8);
    byte[] garbage = new byte[300];
    new Random(7).nextBytes(garbage);
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
        assertTrue(
            got.get(3)
                .contains(
                    tail.length
                        + " bytes after the gzip member ending at byte "
                        + first.length
                        + " are not gzip data (appended plain text or garbage?)"),
            at);
      } else {
        assertTrue(
            got.get(3)
                .contains(
                    "the gzip member starting at byte " + first.length + " has a damaged header"),
            at);
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
    byte[] file =
        concat(gzip(jsonLines("a", 1, 2)), gzip(""), gzip(jsonLines("b", 3, 4)), new byte[1024]);
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
    assertTrue(
        got.get(2).startsWith("unreadable_file@3: ") && got.get(2).contains("CRC"), got.toString());
  }

  private List<Parsed> read(String name, byte[] content, int maxRecordChars) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    List<Parsed> out = new ArrayList<>();
    FileRecords.read(
        new InputFile(f.toString(), name, "in/" + name),
        out::add,
        new FileRecords.Tally(),
        maxRecordChars);
    return out;
  }

  /**
   * A line longer than the limit is one too_large record at its line, raw its first 4 KB, and the
   * file goes on; a line of exactly the limit is a record like any other. Whatever the line breaks.
   */
  @Test
  void aLineLongerThanTheLimitIsOneTooLargeRecordAndTheFileGoesOn() throws IOException {
    String big = "{\"id\":\"big\",\"text\":\"" + "word ".repeat(1000) + "\"}";
    String exact = "{\"id\":\"exact\",\"text\":\"" + "w".repeat(1000 - 24) + "\"}";
    assertEquals(1000, exact.length());
    for (String br : List.of("\n", "\r\n", "\r")) {
      String file =
          String.join(
                  br,
                  "{\"id\":\"a\",\"text\":\"x\"}",
                  big,
                  "",
                  exact,
                  "{\"id\":\"b\",\"text\":\"x\"}")
              + br;
      for (boolean gz : new boolean[] {false, true}) {
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        List<Parsed> got = read(gz ? "f.jsonl.gz" : "f.jsonl", gz ? gzip(file) : bytes, 1000);
        String at =
            got.stream()
                .map(p -> p.article() != null ? p.article().id() : p.rejection().toString())
                .toList()
                .toString();
        assertEquals(4, got.size(), at);
        assertEquals("a", got.get(0).article().id(), at);
        var tooLarge = got.get(1).rejection();
        assertEquals("too_large", tooLarge.reason(), at);
        assertEquals(2, tooLarge.origin().line(), at);
        assertEquals(big.substring(0, 4096), tooLarge.raw());
        assertTrue(
            tooLarge.message().contains("the limit of 1000 characters")
                && tooLarge.message().contains("it has " + big.length()),
            tooLarge.message());
        assertEquals("exact", got.get(2).article().id(), at);
        assertEquals(
            Origin.ofLine(got.get(2).article().origin().file(), 4), got.get(2).article().origin());
        assertEquals("b", got.get(3).article().id(), at);
      }
    }
  }

  /**
   * Writes a gzip file of {@code before}, {@code chars} times 'x' and {@code after}, compressing as
   * it goes: a gzip bomb of a few hundred KB, never big in memory.
   */
  private Path gzipBomb(String name, String before, long chars, String after) throws IOException {
    Path f = dir.resolve(name);
    byte[] xs = new byte[1 << 16];
    Arrays.fill(xs, (byte) 'x');
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
      out.write(before.getBytes(StandardCharsets.UTF_8));
      for (long left = chars; left > 0; left -= xs.length) {
        out.write(xs, 0, (int) Math.min(xs.length, left));
      }
      out.write(after.getBytes(StandardCharsets.UTF_8));
    }
    return f;
  }

  private static final long BOMB_CHARS = 200_000_000;

  /**
   * A one-line gzip bomb (200 MB of one character in a small .gz) is one too_large record, read in
   * memory bounded by the limit (1 MiB here: the test needs no big heap), between the good lines
   * around it; the same as a .txt. A bomb that breaks off in its big line is the rest of the file,
   * as any line the damage cuts.
   */
  @Test
  void aGzipBombIsOneTooLargeRecordReadInBoundedMemory() throws IOException {
    int limit = 1 << 20;
    String before = "{\"id\":\"before\",\"text\":\"x\"}\n{\"id\":\"bomb\",\"text\":\"";
    Path bomb =
        gzipBomb("bomb.jsonl.gz", before, BOMB_CHARS, "\"}\n{\"id\":\"after\",\"text\":\"x\"}\n");
    assertTrue(Files.size(bomb) < 1_000_000, "size " + Files.size(bomb));
    List<Parsed> out = new ArrayList<>();
    FileRecords.read(
        new InputFile(bomb.toString(), "bomb.jsonl.gz", "bomb.jsonl.gz"),
        out::add,
        new FileRecords.Tally(),
        limit);
    assertEquals(3, out.size());
    assertEquals("before", out.get(0).article().id());
    var r = out.get(1).rejection();
    assertEquals("too_large", r.reason());
    assertEquals(Origin.ofLine("bomb.jsonl.gz", 2), r.origin());
    assertEquals(4096, r.raw().length());
    assertTrue(r.raw().startsWith("{\"id\":\"bomb\",\"text\":\"xxx"), r.raw());
    assertTrue(
        r.message()
            .contains(
                "the limit of "
                    + limit
                    + " characters per record: it has "
                    + (BOMB_CHARS + 23)
                    + " characters"),
        r.message());
    assertEquals("after", out.get(2).article().id());

    // the raw records around it are numbered as read numbers them
    Map<Long, String> raw = new HashMap<>();
    FileRecords.rawRecords(
        new InputFile(bomb.toString(), "bomb.jsonl.gz", "bomb.jsonl.gz"),
        new TreeSet<>(List.of(2L, 3L)),
        raw::put,
        limit);
    assertEquals(Map.of(3L, "{\"id\":\"after\",\"text\":\"x\"}"), raw);

    // cut in the big line: the line before is kept, the rest is one unreadable_file record
    byte[] cut = Arrays.copyOf(Files.readAllBytes(bomb), (int) Files.size(bomb) / 2);
    List<Parsed> broken = read("cut-bomb.jsonl.gz", cut, limit);
    assertEquals(2, broken.size());
    assertEquals("before", broken.get(0).article().id());
    assertEquals("unreadable_file", broken.get(1).rejection().reason());
    assertEquals(2, broken.get(1).rejection().origin().line());

    Path txt = gzipBomb("bomb.txt.gz", "A title\n\n", BOMB_CHARS, "\n");
    out.clear();
    FileRecords.read(
        new InputFile(txt.toString(), "bomb.txt.gz", "bomb.txt.gz"),
        out::add,
        new FileRecords.Tally(),
        limit);
    assertEquals(1, out.size());
    r = out.get(0).rejection();
    assertEquals("too_large", r.reason());
    assertEquals(Origin.ofFile("bomb.txt.gz"), r.origin());
    assertTrue(r.raw().startsWith("A title\n\nxxx") && r.raw().length() == 4096);
    assertTrue(
        r.message().contains("the limit of " + limit + " characters per record: read "),
        r.message());
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
        read(
            "plain.jsonl.gz",
            "{\"id\":\"p\",\"text\":\"plain\"}\n".getBytes(StandardCharsets.UTF_8));
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
    List<String> blanks =
        List.of(
            "\u3000",
            "\u2028",
            "\u00A0",
            "\u200B",
            "\u0085",
            "\u0000",
            "\u2007\u202F",
            "\u200E\u202E\u2066",
            "\u0001\u001B\u007F",
            "\u000B\u000C",
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
