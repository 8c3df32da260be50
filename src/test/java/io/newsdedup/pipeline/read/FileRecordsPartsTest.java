package io.newsdedup.pipeline.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.ArticleParser.Parsed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A big JSONL file read in parts gives exactly what reading it whole gives, line numbers too. */
class FileRecordsPartsTest {
  @TempDir Path tmp;

  private static List<String> read(List<InputFile> parts) {
    List<String> out = new ArrayList<>();
    for (InputFile p : parts) {
      FileRecords.read(
          p,
          (Parsed r) ->
              out.add(
                  r.article() != null
                      ? r.article().origin() + " " + r.article().id()
                      : r.rejection().origin() + " " + r.rejection().reason()),
          new FileRecords.Tally());
    }
    return out;
  }

  @Test
  void partsStartAtLinesWhateverTheLineBreaks() throws IOException {
    partsReadAsTheWhole("\n", "\r\n", "\r", "\n\n", "\r\n\r\n");
  }

  @Test
  void partsStartAtLinesInFilesWithLineFeedsOnly() throws IOException {
    partsReadAsTheWhole("\n", "\n\n");
  }

  @Test
  void bytesEqualMarksExactlyTheEqualBytes() {
    long lf = 0x0A0A0A0A0A0A0A0AL;
    assertEquals(0L, FileRecords.bytesEqual(0x0B0B0B0B0B0B0B0BL, lf));
    assertEquals(0x8000000000000080L, FileRecords.bytesEqual(0x0A0B0C0D0E0F000AL, lf));
    // no false positive above a match (the borrow of the common zero-byte test)
    assertEquals(0x0000000000008000L, FileRecords.bytesEqual(0x0B0B0B0B0B0B0A0BL, lf));
    assertEquals(0x8080808080808080L, FileRecords.bytesEqual(lf, lf));
  }

  private void partsReadAsTheWhole(String... breaks) throws IOException {
    SplittableRandom r = new SplittableRandom(4);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      sb.append(
          i % 37 == 0
              ? "{broken"
              : "{\"id\":\"a"
                  + i
                  + "\",\"text\":\"Story "
                  + i
                  + " about the harbour, \u00e9t\u00e9, \u4e2d\u6587.\"}");
      sb.append(breaks[r.nextInt(breaks.length)]);
    }
    sb.append("{\"id\":\"last\",\"text\":\"no line break at the end\"}");
    Path f = tmp.resolve("big.jsonl");
    Files.write(f, sb.toString().getBytes(StandardCharsets.UTF_8));
    InputFile whole =
        new InputFile(f.toString(), "big.jsonl", "in/big.jsonl", Files.size(f), 0, -1, 1);
    List<String> expected = read(List.of(whole));
    for (long partBytes : new long[] {40, 97, 1000, 5000}) {
      List<InputFile> parts = FileRecords.parts(whole, partBytes);
      assertTrue(parts.size() > 1, "parts of " + partBytes);
      assertEquals(expected, read(parts), "parts of " + partBytes);
    }
    assertEquals(List.of(whole), FileRecords.parts(whole, Files.size(f)));
  }
}
