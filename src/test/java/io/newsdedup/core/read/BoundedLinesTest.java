package io.newsdedup.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsdedup.core.article.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bounded line reading: the lines of BufferedReader.readLine, a too-long line skipped. */
class BoundedLinesTest {

  /** Hands out the text in chunks of random sizes, as a decoder over a slow stream might. */
  private static Reader chunked(String s, SplittableRandom r) {
    return new Reader() {
      int at;

      @Override
      public int read(char[] buf, int off, int len) {
        if (at == s.length()) {
          return -1;
        }
        int n = Math.min(Math.min(len, 1 + r.nextInt(7)), s.length() - at);
        s.getChars(at, at + n, buf, off);
        at += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  private static List<String> lines(Reader in, int max) throws IOException {
    List<String> out = new ArrayList<>();
    BoundedLines lines = new BoundedLines(in, max);
    for (BoundedLines.Line l; (l = lines.next()) != null; ) {
      out.add(l.tooLong() ? "TOO LONG " + l.length() + " " + l.head() : l.text());
    }
    return out;
  }

  @Test
  void splitsLinesAsReadLineDoes() throws IOException {
    SplittableRandom r = new SplittableRandom(42);
    String alphabet = "ab\r\n\u2028\u0085 ";
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(40); k > 0; k--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      List<String> expected = new BufferedReader(new StringReader(s)).lines().toList();
      assertEquals(expected, lines(chunked(s, r), 1000), s);
      assertEquals(expected, lines(new StringReader(s), 1000), s);
    }
  }

  @Test
  void aLineLongerThanTheLimitIsSkippedWithItsHeadAndLength() throws IOException {
    String big = "x".repeat(5000) + "y".repeat(5000);
    String s = "one\r\n" + "z".repeat(10) + "\n" + big + "\r" + "\n" + "last";
    SplittableRandom r = new SplittableRandom(1);
    for (Reader in : List.of(new StringReader(s), chunked(s, r))) {
      List<String> got = lines(in, 10);
      assertEquals(
          List.of(
              "one",
              "z".repeat(10),
              "TOO LONG 10000 " + big.substring(0, Rejection.MAX_RAW_CHARS),
              "last"),
          got);
    }
  }

  @Test
  void saysWhetherALineBreakEndedALine() throws IOException {
    BoundedLines lines = new BoundedLines(new StringReader("a\nb"), 10);
    assertEquals(true, lines.next().ended());
    BoundedLines.Line b = lines.next();
    assertEquals("b", b.text());
    assertEquals(false, b.ended());
    assertNull(lines.next());
    BoundedLines tooLong = new BoundedLines(new StringReader("abcdefghijkl"), 10);
    BoundedLines.Line l = tooLong.next();
    assertEquals(false, l.ended());
    assertEquals(12, l.length());
    assertEquals("abcdefghijkl", l.head());
  }
}
