package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
import io.newsdedup.core.clean.TextNormalizer;
import io.newsdedup.core.read.InputFormat;
import io.newsdedup.core.read.InputRecords;
import io.newsdedup.core.read.SkipKinds;
import io.newsdedup.core.read.WarcRecords;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Reads the records of one input file (or part of one) into articles and rejections. The file is
 * read as {@link InputRecords} reads every input file (by extension: {@code .jsonl}/{@code .ndjson}
 * one article per line, {@code .txt} and {@code .html}/{@code .htm} one article per file, each
 * maybe {@code .gz}; invalid UTF-8 replaced by U+FFFD; every gzip member); this class opens it
 * through Beam's file systems (or {@link LocalFiles#open} for a local file), cuts big files into
 * parts, and turns what it reads into records. Blank JSON lines (no visible content) are not
 * records. A record longer than {@link InputRecords#MAX_RECORD_CHARS} is one {@code too_large}
 * rejection whose raw payload is its first 4 KB. A file that fails part-way (a truncated .gz, or
 * one where what follows a gzip member is not one) keeps every complete line before the damage and
 * adds one rejection for the rest (the line it broke off in and all after it); a .txt or .html file
 * that fails part-way is one rejection.
 */
final class FileRecords {
  private FileRecords() {}

  /** Counts what {@link #read} saw, for metrics. */
  static final class Tally {
    long blankLines;

    /** Records read that are not articles (WARC records of other kinds), by {@link SkipKinds}. */
    final Map<String, Long> skipped = new TreeMap<>();
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
    read(file, out, tally, InputRecords.MAX_RECORD_CHARS);
  }

  /**
   * {@link #read} with another limit per record than {@link InputRecords#MAX_RECORD_CHARS}, for
   * tests.
   */
  static void read(InputFile file, Consumer<Parsed> out, Tally tally, int maxRecordChars) {
    InputFormat format = InputFormat.of(file.relativePath());
    Origin fileOrigin = Origin.ofFile(file.displayPath());
    if (format == InputFormat.UNSUPPORTED) {
      out.accept(
          rejected(
              fileOrigin,
              Reasons.UNSUPPORTED_FORMAT,
              "unsupported file type (expected .jsonl, .ndjson, .txt, .html, .htm or .warc,"
                  + " optionally .gz)",
              ""));
      return;
    }
    if (!file.problem().isEmpty()) {
      out.accept(rejected(fileOrigin, Reasons.UNREADABLE_FILE, file.problem(), ""));
      return;
    }
    if (format == InputFormat.WARC) {
      readWarc(file, out, tally, maxRecordChars);
      return;
    }
    long line = file.firstLine() - 1; // complete lines read
    try (InputRecords records = open(file, maxRecordChars)) {
      if (format == InputFormat.JSONL) {
        // up to the line the damage cut off: it goes with the rest (next() throws there)
        for (InputRecords.Raw s; (s = records.next()) != null; ) {
          line = s.line();
          Origin at = Origin.ofLine(file.displayPath(), line);
          if (s.tooLarge()) {
            out.accept(
                rejected(
                    at,
                    Reasons.TOO_LARGE,
                    "the line is longer than the limit of "
                        + maxRecordChars
                        + " characters per record: it has "
                        + s.length()
                        + " characters",
                    s.head()));
          } else if (isBlankLine(s.text())) {
            tally.blankLines++;
          } else {
            out.accept(ArticleParser.parseJsonLine(s.text(), at));
          }
        }
      } else {
        InputRecords.Raw content = records.next(); // throws if the damage cut it
        if (content.tooLarge()) {
          out.accept(
              rejected(
                  fileOrigin,
                  Reasons.TOO_LARGE,
                  "the file is longer than the limit"
                      + " of "
                      + maxRecordChars
                      + " characters per record: read "
                      + content.length()
                      + " characters of it before giving up",
                  content.head()));
          return;
        }
        out.accept(parse(file, content, fileOrigin));
      }
    } catch (IOException | RuntimeException e) {
      Origin at =
          format == InputFormat.JSONL ? Origin.ofLine(file.displayPath(), line + 1) : fileOrigin;
      String where = format == InputFormat.JSONL && line > 0 ? "after line " + line + ": " : "";
      String why = e.getMessage() == null ? "" : ": " + e.getMessage();
      out.accept(
          rejected(
              at,
              Reasons.UNREADABLE_FILE,
              "could not read the file "
                  + where
                  + e.getClass().getSimpleName()
                  + why
                  + (e instanceof EOFException ? " (the file ends too early: truncated?)" : ""),
              ""));
    }
  }

  /**
   * The records of a WARC file (or of its part): each page an article (or a rejection), each other
   * record a skip of its kind, a malformed record a rejection; where the file breaks off, one
   * rejection at the record (or gzip member) being read, for it and all after it.
   */
  private static void readWarc(
      InputFile file, Consumer<Parsed> out, Tally tally, int maxRecordChars) {
    String name = file.displayPath();
    long last = -1; // the offset of the last record read
    try (InputRecords records = open(file, maxRecordChars)) {
      try {
        for (InputRecords.Raw r; (r = records.next()) != null; ) {
          last = r.crawl().offset();
          Origin at = r.origin(name);
          if (r.skipped()) {
            tally.skipped.merge(r.crawl().skip(), 1L, Long::sum);
          } else if (r.tooLarge()) {
            out.accept(
                rejected(
                    at,
                    Reasons.TOO_LARGE,
                    "the page is longer than the limit of "
                        + maxRecordChars
                        + " characters per record: read "
                        + r.length()
                        + " characters of it before giving up",
                    r.head()));
          } else {
            out.accept(InputFormat.WARC.parse(r, file.relativePath(), at));
          }
        }
      } catch (IOException | RuntimeException e) {
        long broken = records.brokenAt();
        Origin at = Origin.ofRecord(name, broken >= 0 ? broken : Math.max(last, file.start()), 0);
        out.accept(
            rejected(
                at,
                Reasons.UNREADABLE_FILE,
                "could not read the file from the record at offset "
                    + at.offset()
                    + " on: "
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + (e instanceof EOFException ? " (the file ends too early: truncated?)" : ""),
                ""));
      }
    } catch (IOException | RuntimeException e) {
      out.accept(
          rejected(
              Origin.ofFile(name),
              Reasons.UNREADABLE_FILE,
              "could not read the file: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
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
    rawRecords(file, lines, found, InputRecords.MAX_RECORD_CHARS);
  }

  /** {@link #rawRecords} with another limit per record (a longer record is not handed over). */
  static void rawRecords(
      InputFile file, NavigableSet<Long> lines, BiConsumer<Long, String> found, int maxRecordChars)
      throws IOException {
    List<Origin> origins = new ArrayList<>();
    for (long line : lines) {
      origins.add(
          line > 0 ? Origin.ofLine(file.displayPath(), line) : Origin.ofFile(file.displayPath()));
    }
    recordsAt(file, origins, (o, r) -> found.accept(r.line(), r.text()), maxRecordChars);
  }

  /**
   * The records of a whole file at {@code origins} (JSONL lines, the whole of a text or HTML file,
   * WARC records by offset), as {@link #read} saw them, each handed to {@code found} with its
   * origin as soon as it is read; one {@link #read} rejected as {@code too_large} or skipped is not
   * handed over, nor is one the file does not have (any more).
   */
  static void recordsAt(
      InputFile file,
      Collection<Origin> origins,
      BiConsumer<Origin, InputRecords.Raw> found,
      int maxRecordChars)
      throws IOException {
    InputFormat format = InputFormat.of(file.relativePath());
    if (format == InputFormat.UNSUPPORTED || origins.isEmpty()) {
      return;
    }
    Set<Origin> wanted = new HashSet<>(origins);
    TreeSet<Long> keys = new TreeSet<>();
    for (Origin o : origins) {
      keys.add(format == InputFormat.WARC ? o.offset() : o.line());
    }
    try (InputRecords records = open(file, maxRecordChars)) {
      records.select(
          keys,
          r -> {
            Origin o = r.origin(file.displayPath());
            if (!r.tooLarge() && !r.skipped() && wanted.contains(o)) {
              found.accept(o, r);
            }
          });
    }
  }

  /** The record {@link #read} makes of one raw record of {@code file} (see {@link #recordsAt}). */
  static Parsed parse(InputFile file, InputRecords.Raw raw, Origin origin) {
    return InputFormat.of(file.relativePath()).parse(raw, file.relativePath(), origin);
  }

  private static Parsed rejected(Origin origin, String reason, String message, String raw) {
    return new Parsed(null, Rejection.of(origin, reason, message, raw));
  }

  /**
   * The records of the file (or of its part), read as {@link InputRecords} reads every input file
   * (gzip by name and magic bytes, every member, bounded lines).
   */
  private static InputRecords open(InputFile file, int maxRecordChars) throws IOException {
    // A part is of an uncompressed JSONL file, or of a .warc.gz from a gzip member on (see parts).
    return InputRecords.of(
        stored(file), file.relativePath(), file.firstLine(), file.start(), maxRecordChars);
  }

  /**
   * The bytes of the file, or of its part, as they are stored: through {@link LocalFiles#open} for
   * a local file, else through Beam's file systems.
   */
  private static InputStream stored(InputFile file) throws IOException {
    ReadableByteChannel channel = channel(file);
    if (!file.whole()) {
      ((SeekableByteChannel) channel).position(file.start());
      InputStream part = Channels.newInputStream(channel);
      return file.end() < 0
          ? part
          : BoundedInputStream.builder()
              .setInputStream(part)
              .setMaxCount(file.end() - file.start())
              .get();
    }
    return Channels.newInputStream(channel);
  }

  /** The file's channel: {@link LocalFiles#open} for a local file, else Beam's file systems. */
  private static ReadableByteChannel channel(InputFile file) throws IOException {
    return LocalFiles.isLocal(file.resource())
        ? LocalFiles.open(file)
        : FileSystems.open(FileSystems.matchNewResource(file.resource(), false));
  }

  /**
   * Cuts a big uncompressed JSONL file into parts of about {@code partBytes} that start at a line,
   * with the number of their first line, in one pass over its bytes; line breaks counted as {@link
   * InputRecords} (and {@link java.io.BufferedReader#readLine}) count them (LF, CR, CR LF). A big
   * {@code .warc.gz} is cut at gzip members that start a WARC record ({@link WarcRecords#cuts}).
   * Other files (any other .gz among them) are one part.
   */
  static List<InputFile> parts(InputFile file, long partBytes) throws IOException {
    if (InputFormat.of(file.relativePath()) == InputFormat.WARC
        && file.problem().isEmpty()
        && file.sizeBytes() >= 2 * partBytes) {
      return warcParts(file, partBytes);
    }
    if (InputFormat.of(file.relativePath()) != InputFormat.JSONL
        || !file.problem().isEmpty()
        || file.relativePath().toLowerCase(Locale.ROOT).endsWith(".gz")
        || file.sizeBytes() < 2 * partBytes) {
      return List.of(file);
    }
    Cuts cuts = new Cuts(file);
    long line = 1; // the line the next byte belongs to
    long offset = 0;
    boolean afterCr = false;
    try (InputStream in = stored(file)) { // whole and uncompressed: the raw bytes
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

  /** A big WARC file cut at gzip members (an uncompressed one is one part). */
  private static List<InputFile> warcParts(InputFile file, long partBytes) throws IOException {
    List<Long> cuts;
    try (ReadableByteChannel channel = channel(file)) {
      if (!(channel instanceof SeekableByteChannel seekable)) {
        return List.of(file);
      }
      cuts = WarcRecords.cuts(seekable, partBytes);
    }
    if (cuts.isEmpty()) {
      return List.of(file);
    }
    List<InputFile> parts = new ArrayList<>();
    long start = 0;
    for (long cut : cuts) {
      parts.add(file.part(start, cut, 1));
      start = cut;
    }
    parts.add(file.part(start, -1, 1));
    return parts;
  }

  /** The parts cut so far, and where the next one starts. */
  private static final class Cuts {
    final List<InputFile> parts = new ArrayList<>();
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
    List<InputFile> andTheRest() {
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
}
