package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
import io.newsdedup.core.clean.TextNormalizer;
import io.newsdedup.core.read.InputFormat;
import io.newsdedup.core.read.InputRecords;
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
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
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
              "unsupported file type (expected .jsonl, .ndjson, .txt, .html or .htm, optionally"
                  + " .gz)",
              ""));
      return;
    }
    if (!file.problem().isEmpty()) {
      out.accept(rejected(fileOrigin, Reasons.UNREADABLE_FILE, file.problem(), ""));
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
        out.accept(parse(file, content.text(), fileOrigin));
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
    if (InputFormat.of(file.relativePath()) == InputFormat.UNSUPPORTED || lines.isEmpty()) {
      return;
    }
    try (InputRecords records = open(file, maxRecordChars)) {
      records.select(
          lines,
          r -> {
            if (!r.tooLarge()) {
              found.accept(r.line(), r.text());
            }
          });
    }
  }

  /** The record {@link #read} makes of one raw record of {@code file} (see {@link #rawRecords}). */
  static Parsed parse(InputFile file, String raw, Origin origin) {
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
    // A part is never of a .gz file (see parts): its bytes are read as they are.
    return InputRecords.of(stored(file), file.relativePath(), file.firstLine(), maxRecordChars);
  }

  /**
   * The bytes of the file, or of its part, as they are stored: through {@link LocalFiles#open} for
   * a local file, else through Beam's file systems.
   */
  private static InputStream stored(InputFile file) throws IOException {
    ReadableByteChannel channel =
        LocalFiles.isLocal(file.resource())
            ? LocalFiles.open(file)
            : FileSystems.open(FileSystems.matchNewResource(file.resource(), false));
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

  /**
   * Cuts a big uncompressed JSONL file into parts of about {@code partBytes} that start at a line,
   * with the number of their first line, in one pass over its bytes; line breaks counted as {@link
   * InputRecords} (and {@link java.io.BufferedReader#readLine}) count them (LF, CR, CR LF). Other
   * files (a .gz among them) are one part.
   */
  static List<InputFile> parts(InputFile file, long partBytes) throws IOException {
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
