package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
import io.newsdedup.core.clean.TextNormalizer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Reads the records of one input file, by extension: {@code .jsonl}/{@code .ndjson} one article per
 * line, {@code .txt} and {@code .html}/{@code .htm} one article per file; each may end in {@code
 * .gz}. Invalid UTF-8 is replaced by U+FFFD. Blank JSON lines (no visible content) are not
 * records. A file that fails part-way (a truncated .gz, or one where what follows a gzip member
 * is not one) keeps every complete line before the damage and adds one rejection for the rest
 * (the line it broke off in and all after it); a .txt or .html file that fails part-way is one
 * rejection.
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

  /**
   * The most characters (UTF-16 units) one record may have: a longer JSONL line, or a longer .txt
   * or .html file, is one {@code too_large} rejection whose raw payload is its first 4 KB, read in
   * memory bounded by this limit (never built whole), and the file goes on with the next line. 64
   * Mi: far above any article (the suite's biggest is a 20 MB line, cut to {@code
   * --maxArticleChars} later), and far below what would exhaust a worker's memory (a one-line gzip
   * bomb inflates to gigabytes).
   */
  static final int MAX_RECORD_CHARS = 64 << 20;

  /** Counts what {@link #read} saw, for metrics. */
  static final class Tally {
    long blankLines;
  }

  /**
   * Blank JSONL lines are not records: a line with no visible content ({@link
   * TextNormalizer#isBlankLiteral}: the project's one definition of blank, taken literally), such
   * as one of only spaces of any kind, byte-order marks, zero-width, bidi or control characters.
   */
  static boolean isBlankLine(String s) {
    return TextNormalizer.isBlankLiteral(s);
  }

  static void read(InputFile file, Consumer<Parsed> out, Tally tally) {
    read(file, out, tally, MAX_RECORD_CHARS);
  }

  /** {@link #read} with another limit per record than {@link #MAX_RECORD_CHARS}, for tests. */
  static void read(InputFile file, Consumer<Parsed> out, Tally tally, int maxRecordChars) {
    Format format = formatOf(file.relativePath());
    Origin fileOrigin = Origin.ofFile(file.displayPath());
    if (format == Format.UNSUPPORTED) {
      out.accept(rejected(fileOrigin, Reasons.UNSUPPORTED_FORMAT,
          "unsupported file type (expected .jsonl, .ndjson, .txt, .html or .htm, optionally .gz)",
          ""));
      return;
    }
    if (!file.problem().isEmpty()) {
      out.accept(rejected(fileOrigin, Reasons.UNREADABLE_FILE, file.problem(), ""));
      return;
    }
    long line = file.firstLine() - 1; // complete lines read
    BreakOff in = null;
    try (Reader reader = new InputStreamReader(in = new BreakOff(open(file)), utf8())) {
      if (format == Format.JSONL) {
        BoundedLines lines = new BoundedLines(reader, maxRecordChars);
        for (BoundedLines.Line s; (s = lines.next()) != null; ) {
          if (!s.ended() && in.broken()) {
            break; // the line the damage cut off: it goes with the rest
          }
          line++;
          Origin at = Origin.ofLine(file.displayPath(), line);
          if (s.tooLong()) {
            out.accept(rejected(at, Reasons.TOO_LARGE, "the line is longer than the limit of "
                + maxRecordChars + " characters per record: it has " + s.length() + " characters",
                s.head()));
          } else if (isBlankLine(s.text())) {
            tally.blankLines++;
          } else {
            out.accept(ArticleParser.parseJsonLine(s.text(), at));
          }
        }
        in.throwIfBroken();
      } else {
        Whole content = readAtMost(reader, maxRecordChars);
        if (content.tooLong()) {
          out.accept(rejected(fileOrigin, Reasons.TOO_LARGE, "the file is longer than the limit"
              + " of " + maxRecordChars + " characters per record: read " + content.length()
              + " characters of it before giving up", content.head()));
          return;
        }
        in.throwIfBroken();
        out.accept(parse(file, content.text(), fileOrigin));
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

  /**
   * The records of a whole file as {@link #read} saw them, by the line of their origin: the JSONL
   * lines numbered in {@code lines}, or (line 0) the whole content of a text or HTML file, each
   * handed to {@code found} as soon as it is read (so a read that fails part-way has handed over
   * the lines before the failure). A line the file does not have (any more), or one {@link #read}
   * rejected as {@code too_large}, is not handed over.
   */
  static void rawRecords(InputFile file, NavigableSet<Long> lines, BiConsumer<Long, String> found)
      throws IOException {
    rawRecords(file, lines, found, MAX_RECORD_CHARS);
  }

  /** {@link #rawRecords} with another limit per record (a longer record is not handed over). */
  static void rawRecords(InputFile file, NavigableSet<Long> lines, BiConsumer<Long, String> found,
      int maxRecordChars) throws IOException {
    Format format = formatOf(file.relativePath());
    if (format == Format.UNSUPPORTED || lines.isEmpty()) {
      return;
    }
    BreakOff in;
    try (Reader reader = new InputStreamReader(in = new BreakOff(open(file)), utf8())) {
      if (format != Format.JSONL) {
        if (lines.contains(0L)) {
          Whole content = readAtMost(reader, maxRecordChars);
          in.throwIfBroken();
          if (!content.tooLong()) {
            found.accept(0L, content.text());
          }
        }
        return;
      }
      long last = lines.last();
      long line = file.firstLine() - 1;
      BoundedLines all = new BoundedLines(reader, maxRecordChars);
      for (BoundedLines.Line s; line < last && (s = all.next()) != null; ) {
        if (!s.ended() && in.broken()) {
          break; // the line the damage cut off: not a record
        }
        line++;
        if (lines.contains(line) && !s.tooLong()) {
          found.accept(line, s.text());
        }
      }
      in.throwIfBroken();
    }
  }

  /** The record {@link #read} makes of one raw record of {@code file} (see {@link #rawRecords}). */
  static Parsed parse(InputFile file, String raw, Origin origin) {
    return switch (formatOf(file.relativePath())) {
      case JSONL -> ArticleParser.parseJsonLine(raw, origin);
      case TEXT -> ArticleParser.parseText(raw, file.relativePath(), origin);
      case HTML -> ArticleParser.parseHtml(raw, file.relativePath(), "", origin);
      case UNSUPPORTED -> rejected(origin, Reasons.UNSUPPORTED_FORMAT, "", "");
    };
  }

  private static Parsed rejected(Origin origin, String reason, String message, String raw) {
    return new Parsed(null, Rejection.of(origin, reason, message, raw));
  }

  /**
   * The file's bytes, decompressed when its name ends in .gz and it starts with the gzip magic
   * bytes (a .gz that is not compressed is read as it is, as Beam's {@code Compression.GZIP}
   * does). Every member of the file is read, and whatever follows the last good one and is not
   * zero padding fails the stream ({@link GzipMembers}), after all the data before it: Beam's and
   * Commons Compress's gzip streams throw away what they inflated in the failing call (up to 8 KB
   * of complete lines), and the JDK's silently ends at what is not a member.
   */
  private static InputStream open(InputFile file) throws IOException {
    ReadableByteChannel channel = LocalFiles.isLocal(file.resource())
        ? LocalFiles.open(file)
        : FileSystems.open(FileSystems.matchNewResource(file.resource(), false));
    if (!file.whole()) {
      ((SeekableByteChannel) channel).position(file.start());
      InputStream part = Channels.newInputStream(channel);
      return file.end() < 0 ? part : new BoundedInputStream(part, file.end() - file.start());
    }
    InputStream raw = Channels.newInputStream(channel);
    if (!file.relativePath().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return raw;
    }
    PushbackInputStream in = new PushbackInputStream(raw, 2);
    byte[] head = in.readNBytes(2);
    in.unread(head);
    boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    return gzip ? new GzipMembers(in) : in;
  }

  /** Only the first {@code limit} bytes of a stream. */
  static final class BoundedInputStream extends FilterInputStream {
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /**
   * Cuts a big uncompressed JSONL file into parts of about {@code partBytes} that start at a line,
   * with the number of their first line, in one pass over its bytes; line breaks counted as {@link
   * BoundedLines} (and {@link java.io.BufferedReader#readLine}) count them (LF, CR, CR LF). Other
   * files are one part.
   */
  static java.util.List<InputFile> parts(InputFile file, long partBytes) throws IOException {
    if (formatOf(file.relativePath()) != Format.JSONL || !file.problem().isEmpty()
        || file.relativePath().toLowerCase(Locale.ROOT).endsWith(".gz")
        || file.sizeBytes() < 2 * partBytes) {
      return java.util.List.of(file);
    }
    Cuts cuts = new Cuts(file);
    long line = 1; // the line the next byte belongs to
    long offset = 0;
    boolean afterCr = false;
    try (InputStream in = open(file)) { // whole and uncompressed: the raw bytes
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; offset += n) {
        int i = 0;
        while (i < n) {
          if (!afterCr && i + 8 <= n) {
            // Eight bytes at a time: no CR, and no LF that could end a part, just count the LFs.
            long word = (long) LONGS.get(buf, i);
            long lfs = bytesEqual(word, LF_BYTES);
            if (bytesEqual(word, CR_BYTES) == 0
                && (lfs == 0 || offset + i + 8 - cuts.start < partBytes)) {
              line += Long.bitCount(lfs);
              i += 8;
              continue;
            }
          }
          for (int end = Math.min(i + 8, n); i < end; i++) {
            byte b = buf[i];
            long at = offset + i;
            if (afterCr) {
              afterCr = false;
              if (b == '\n') {
                continue; // CR LF: one break, counted at the CR
              }
              // a lone CR ended the line before this byte: this byte starts a line
              cuts.cutIfFull(at, line, partBytes);
            }
            if (b == '\n' || b == '\r') {
              line++;
              if (b == '\r') {
                afterCr = true;
              } else {
                cuts.cutIfFull(at + 1, line, partBytes);
              }
            }
          }
        }
      }
    }
    if (afterCr) {
      cuts.cutIfFull(offset, line, partBytes);
    }
    return cuts.andTheRest();
  }

  /** The parts cut so far, and where the next one starts. */
  private static final class Cuts {
    final java.util.List<InputFile> parts = new java.util.ArrayList<>();
    final InputFile file;
    long start = 0;
    long startLine = 1;

    Cuts(InputFile file) {
      this.file = file;
    }

    /**
     * Ends the current part before byte {@code at}, where line {@code line} starts, when it holds
     * at least {@code partBytes}.
     */
    void cutIfFull(long at, long line, long partBytes) {
      if (at - start >= partBytes) {
        parts.add(file.part(start, at, startLine));
        start = at;
        startLine = line;
      }
    }

    /** The parts, the last one running to the end of the file. */
    java.util.List<InputFile> andTheRest() {
      parts.add(file.part(start, -1, startLine));
      return parts;
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LF_BYTES = 0x0A0A0A0A0A0A0A0AL;
  private static final long CR_BYTES = 0x0D0D0D0D0D0D0D0DL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /** The high bit of each byte of {@code word} that equals its byte of {@code pattern}, exactly. */
  static long bytesEqual(long word, long pattern) {
    long x = word ^ pattern; // zero bytes where equal
    return ~(((x & LOW7) + LOW7) | x | LOW7);
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

    BreakOff(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        return in.read();
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
        return in.read(b, off, len);
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

    void throwIfBroken() throws IOException {
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * The content of a .txt or .html file, or (when it is longer than {@code maxChars}) its first
   * {@link Rejection#MAX_RAW_CHARS} characters and how many were read.
   */
  record Whole(String text, String head, long length) {
    boolean tooLong() {
      return text == null;
    }
  }

  /** Reads to the end, or to the first character beyond {@code maxChars}. */
  static Whole readAtMost(Reader reader, int maxChars) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1 << 16];
    long read = 0;
    for (int n; (n = reader.read(buf)) > 0; ) {
      read += n;
      if (read > maxChars) {
        StringBuilder head = new StringBuilder(Rejection.MAX_RAW_CHARS);
        head.append(sb, 0, Math.min(sb.length(), Rejection.MAX_RAW_CHARS));
        head.append(buf, 0, Math.min(n, Rejection.MAX_RAW_CHARS - head.length()));
        return new Whole(null, head.toString(), read);
      }
      sb.append(buf, 0, n);
    }
    return new Whole(sb.toString(), null, read);
  }
}
