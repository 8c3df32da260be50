package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.channels.Channels;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Reads the records of one input file, by extension: {@code .jsonl}/{@code .ndjson} one article per
 * line, {@code .txt} and {@code .html}/{@code .htm} one article per file; each may end in {@code
 * .gz}. Invalid UTF-8 is replaced by U+FFFD. Blank JSON lines are not records. A file that fails
 * part-way (a truncated .gz) keeps every complete line before the damage and adds one rejection
 * for the rest (the line it broke off in and all after it); a .txt or .html file that fails
 * part-way is one rejection.
 */
final class FileRecords {
  private FileRecords() {}

  enum Format {
    JSONL,
    TEXT,
    HTML,
    UNSUPPORTED
  }

  static Format formatOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Format.JSONL;
    }
    if (n.endsWith(".txt")) {
      return Format.TEXT;
    }
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      return Format.HTML;
    }
    return Format.UNSUPPORTED;
  }

  /** Counts what {@link #read} saw, for metrics. */
  static final class Tally {
    long blankLines;
  }

  /** Blank JSONL lines are not records; a line holding only a byte-order mark is blank too. */
  static boolean isBlankLine(String s) {
    return ArticleParser.stripBom(s).isBlank();
  }

  static void read(InputFile file, Consumer<Parsed> out, Tally tally) {
    Format format = formatOf(file.relativePath());
    Origin fileOrigin = Origin.ofFile(file.displayPath());
    if (format == Format.UNSUPPORTED) {
      out.accept(rejected(fileOrigin, Reasons.UNSUPPORTED_FORMAT,
          "unsupported file type (expected .jsonl, .ndjson, .txt, .html or .htm, optionally .gz)",
          ""));
      return;
    }
    long line = 0; // complete lines read
    BreakOff in = null;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        in = new BreakOff(open(file)), utf8()), 1 << 16)) {
      if (format == Format.JSONL) {
        String s = reader.readLine();
        while (s != null) {
          String next = reader.readLine();
          if (next == null && in.broken() && !in.endedWithLineBreak()) {
            break; // the line the damage cut off: it goes with the rest
          }
          line++;
          if (isBlankLine(s)) {
            tally.blankLines++;
          } else {
            out.accept(ArticleParser.parseJsonLine(s, Origin.ofLine(file.displayPath(), line)));
          }
          s = next;
        }
        in.throwIfBroken();
      } else {
        String content = readAll(reader);
        in.throwIfBroken();
        out.accept(
            format == Format.TEXT
                ? ArticleParser.parseText(content, file.relativePath(), fileOrigin)
                : ArticleParser.parseHtml(content, file.relativePath(), "", fileOrigin));
      }
    } catch (IOException | RuntimeException e) {
      Origin at = format == Format.JSONL ? Origin.ofLine(file.displayPath(), line + 1) : fileOrigin;
      String where = format == Format.JSONL && line > 0 ? "after line " + line + ": " : "";
      String why = e.getMessage() == null ? "" : ": " + e.getMessage();
      out.accept(rejected(at, Reasons.UNREADABLE_FILE,
          "could not read the file " + where + e.getClass().getSimpleName() + why
              + (e instanceof java.io.EOFException ? " (the file ends too early: truncated?)" : ""),
          ""));
    }
  }

  private static Parsed rejected(Origin origin, String reason, String message, String raw) {
    return new Parsed(null, Rejection.of(origin, reason, message, raw));
  }

  /**
   * The file's bytes, decompressed when its name ends in .gz and it starts with the gzip magic
   * bytes (a .gz that is not compressed is read as it is, as Beam's {@code Compression.GZIP}
   * does). The JDK's GZIPInputStream, not Beam's: when the data breaks off, Beam's throws away
   * what it had inflated in the failing call (up to 8 KB of complete lines), the JDK's hands it
   * out first.
   */
  private static InputStream open(InputFile file) throws IOException {
    InputStream raw = Channels.newInputStream(
        FileSystems.open(FileSystems.matchNewResource(file.resource(), false)));
    if (!file.relativePath().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return raw;
    }
    PushbackInputStream in = new PushbackInputStream(raw, 2);
    byte[] head = in.readNBytes(2);
    in.unread(head);
    boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    return gzip ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static CharsetDecoder utf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /**
   * Turns a read that fails (a truncated or corrupt .gz) into the end of the stream and keeps the
   * failure for later. Without it the reader above would lose what it had already decoded in the
   * call that failed: up to a buffer of complete lines before the damage.
   */
  static final class BreakOff extends FilterInputStream {
    private IOException failure;
    private int lastByte = -1;

    BreakOff(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        int b = in.read();
        if (b >= 0) {
          lastByte = b;
        }
        return b;
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          lastByte = b[off + n - 1] & 0xff;
        }
        return n;
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }

    @Override
    public int available() throws IOException {
      return failure != null ? 0 : super.available();
    }

    boolean broken() {
      return failure != null;
    }

    /** Whether the last byte read before the end (or the failure) ended a line. */
    boolean endedWithLineBreak() {
      return lastByte == '\n' || lastByte == '\r';
    }

    void throwIfBroken() throws IOException {
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static String readAll(BufferedReader reader) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1 << 16];
    for (int n; (n = reader.read(buf)) > 0; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }
}
