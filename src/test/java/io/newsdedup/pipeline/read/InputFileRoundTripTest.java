package io.newsdedup.pipeline.read;

import static io.newsdedup.pipeline.coders.CoderChecks.roundTripEqual;
import static io.newsdedup.pipeline.coders.CoderValues.WORLD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.pipeline.read.InputFile.InputFileCoder;
import org.junit.jupiter.api.Test;

/** Round trips of {@link InputFileCoder}. */
class InputFileRoundTripTest {

  @Test
  void inputFileCoder() throws Exception {
    InputFile f = roundTripEqual(InputFileCoder.of(), part(), part());
    assertEquals("/data/in/" + WORLD + "/a.jsonl", f.resource());
    assertEquals(WORLD + "/a.jsonl", f.relativePath());
    assertEquals("in/" + WORLD + "/a.jsonl", f.displayPath());
    assertEquals(12_000_000_000L, f.sizeBytes());
    assertEquals(4_000_000_000L, f.start());
    assertEquals(8_000_000_001L, f.end());
    assertEquals(5_000_017L, f.firstLine());
    assertEquals("not a regular file: łódź", f.problem());
    assertEquals(-3_456_789_012L, f.inode());

    // A whole file (end -1), and one with nothing set but its names.
    InputFile whole = new InputFile("/r/x.txt", "x.txt", "in/x.txt");
    assertEquals(
        -1,
        roundTripEqual(InputFileCoder.of(), whole, new InputFile("/r/x.txt", "x.txt", "in/x.txt"))
            .end());
    InputFile blank = new InputFile("", "", "", 0, 0, 0, 0, "", 0);
    roundTripEqual(InputFileCoder.of(), blank, new InputFile("", "", "", 0, 0, 0, 0, "", 0));
  }

  /** Every field its own value: three names, five longs (one negative), a problem. */
  private static InputFile part() {
    return new InputFile(
        "/data/in/" + WORLD + "/a.jsonl",
        WORLD + "/a.jsonl",
        "in/" + WORLD + "/a.jsonl",
        12_000_000_000L,
        4_000_000_000L,
        8_000_000_001L,
        5_000_017L,
        "not a regular file: łódź",
        -3_456_789_012L);
  }
}
