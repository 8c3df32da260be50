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
