package io.newsdedup.core.read;

import io.newsdedup.core.article.Rejection;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a character stream, split as {@link java.io.BufferedReader#readLine} splits them (at
 * LF, CR and CR LF; no empty line after a final line break), in bounded memory: a line longer than
 * {@code maxChars} is not built, only its first {@link Rejection#MAX_RAW_CHARS} characters are kept
 * and the rest is counted and skipped, so a one-line gzip bomb costs {@code maxChars}, not its
 * size.
 */
final class BoundedLines {
  /**
   * One line.
   *
   * @param text the line without its line break, or null when it is longer than the limit
   * @param head the first {@link Rejection#MAX_RAW_CHARS} characters of a line that is too long
   *     (else null)
   * @param length its length in characters (UTF-16 units)
   * @param ended whether a line break ended it (else the end of the stream did)
   */
  record Line(String text, String head, long length, boolean ended) {
    boolean tooLong() {
      return text == null;
    }
  }

  /** A line builder that has grown beyond this is not kept for the next line. */
  private static final int KEEP_BUILDER_CHARS = 1 << 20;

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int lim;
  private boolean skipLf;
  private StringBuilder line = new StringBuilder();

  BoundedLines(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    long length = 0;
    boolean started = false; // a character of this line (or its line break) was read
    StringBuilder head = null; // once the line is too long: its first characters
    line.setLength(0);
    while (true) {
      if (pos == lim) {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          return started ? done(length, head, false) : null;
        }
        pos = 0;
        lim = n;
        continue;
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      started = true;
      int start = pos;
      int end = start;
      while (end < lim && buf[end] != '\n' && buf[end] != '\r') {
        end++;
      }
      int n = end - start;
      if (head == null && length + n > maxChars) {
        head = new StringBuilder(Rejection.MAX_RAW_CHARS);
        head.append(line, 0, Math.min(line.length(), Rejection.MAX_RAW_CHARS));
        dropBuilder();
      }
      if (head == null) {
        line.append(buf, start, n);
      } else if (head.length() < Rejection.MAX_RAW_CHARS) {
        head.append(buf, start, Math.min(n, Rejection.MAX_RAW_CHARS - head.length()));
      }
      length += n;
      if (end < lim) {
        skipLf = buf[end] == '\r';
        pos = end + 1;
        return done(length, head, true);
      }
      pos = lim;
    }
  }

  private Line done(long length, StringBuilder head, boolean ended) {
    if (head != null) {
      return new Line(null, head.toString(), length, ended);
    }
    String text = line.toString();
    if (line.capacity() > KEEP_BUILDER_CHARS) {
      dropBuilder();
    }
    return new Line(text, null, length, ended);
  }

  private void dropBuilder() {
    line = new StringBuilder();
  }
}
