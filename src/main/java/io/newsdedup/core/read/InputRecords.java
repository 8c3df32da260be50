package io.newsdedup.core.read;

import io.newsdedup.core.article.Capture;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableSet;
import java.util.function.Consumer;

/**
 * The raw records of one input file, read the one way the pipeline (batch and stream), the
 * evaluation and the report all read them:
 *
 * <ul>
 *   <li>The file's bytes are decompressed when its name ends in {@code .gz} and it starts with the
 *       gzip magic bytes (a .gz that is not compressed is read as it is, as Beam's {@code
 *       Compression.GZIP} does). Every gzip member is read, and whatever follows the last good one
 *       and is not zero padding is damage ({@link GzipMembers}), reported after all the data before
 *       it: the JDK's {@code GZIPInputStream} silently ends at what is not a member, and Beam's and
 *       Commons Compress's gzip streams throw away what they inflated in the failing call (up to 8
 *       KB of complete lines).
 *   <li>Invalid UTF-8 is replaced by U+FFFD.
 *   <li>A JSONL file ({@link InputFormat#JSONL}) is one record per line, split at LF, CR and CR LF
 *       as {@link java.io.BufferedReader#readLine} splits it, numbered from the first line's
 *       number; a .txt or .html file is one record, its whole content, at line 0.
 *   <li>A record longer than the limit ({@link #MAX_RECORD_CHARS} unless told) is never built in
 *       memory: it is handed out {@link Raw#tooLarge() too large}, with its first {@link
 *       Rejection#MAX_RAW_CHARS} characters, and the file goes on with the next line.
 *   <li>A file that breaks off (a truncated .gz, a corrupt member, garbage after the last member)
 *       hands out every complete line before the damage; the line the damage cuts is not a record
 *       (nor is a .txt or .html file the damage cuts), and {@link #next} throws the failure
 *       instead.
 *   <li>A WARC file ({@link InputFormat#WARC}, compressed or not) is one record per WARC record,
 *       read by {@link WarcRecords}: each has its {@link Crawl} (offset, and what it is); where it
 *       breaks off, every record before the damage stands and {@link #brokenAt()} says where.
 * </ul>
 */
public final class InputRecords implements Closeable {
  /**
   * The most characters (UTF-16 units) one record may have: a longer JSONL line, or a longer .txt
   * or .html file, is read in memory bounded by this limit (never built whole) and handed out as
   * {@link Raw#tooLarge() too large}, and the file goes on with the next line. 64 Mi: far above any
   * article (the suite's biggest is a 20 MB line, cut to {@code --maxArticleChars} later), and far
   * below what would exhaust a worker's memory (a one-line gzip bomb inflates to gigabytes).
   */
  public static final int MAX_RECORD_CHARS = 64 << 20;

  /**
   * One raw record.
   *
   * @param line the number of its JSONL line; 0 for the whole content of a .txt or .html file
   * @param text the record, or null when it is longer than the limit
   * @param head the first {@link Rejection#MAX_RAW_CHARS} characters of a record that is too long
   *     (else null)
   * @param length its length in characters (UTF-16 units); for a .txt or .html file that is too
   *     long, how many characters were read before giving up
   * @param crawl for a record of a WARC file, where it is and what it is; else null (the text is
   *     then its HTML payload, decoded, and null for a skipped or malformed record)
   */
  public record Raw(long line, String text, String head, long length, Crawl crawl) {
    public Raw(long line, String text, String head, long length) {
      this(line, text, head, length, null);
    }

    /** Whether the record is longer than the limit: it has only a {@link #head}. */
    public boolean tooLarge() {
      return text == null && !skipped() && !malformed();
    }

    /** Whether the record is a WARC record that is not an article ({@link Crawl#skip()}). */
    public boolean skipped() {
      return crawl != null && crawl.skip() != null;
    }

    /** Whether the record is a WARC record that cannot be read ({@link Crawl#problem()}). */
    public boolean malformed() {
      return crawl != null && crawl.problem() != null;
    }

    /**
     * Its origin in the file named {@code file}: its WARC offset, its JSONL line, or the whole
     * file.
     */
    public Origin origin(String file) {
      if (crawl != null) {
        return Origin.ofRecord(file, crawl.offset(), crawl.inMember());
      }
      return line > 0 ? Origin.ofLine(file, line) : Origin.ofFile(file);
    }
  }

  /**
   * What a record of a WARC file is.
   *
   * @param offset where it starts in the file: in a {@code .warc.gz}, where its gzip member does
   * @param inMember where it starts in its member's uncompressed data (0 but in a file gzipped
   *     whole)
   * @param type its {@code WARC-Type} (null when malformed)
   * @param target its {@code WARC-Target-URI}, or null
   * @param capture when it was captured and whether completely, for a page; else null
   * @param skip the kind of a record that is not an article ({@link SkipKinds}), else null
   * @param problem why a record cannot be read (its head is the raw's {@link Raw#head()}), else
   *     null
   */
  public record Crawl(
      long offset,
      long inMember,
      String type,
      String target,
      Capture capture,
      String skip,
      String problem) {}

  private final InputFormat format;
  private final BreakOff in;
  private final Reader reader;
  private final BoundedLines lines;
  private final WarcRecords warc;
  private final int maxRecordChars;
  private long line;
  private boolean done;

  private InputRecords(InputFormat format, InputStream data, long firstLine, int maxRecordChars) {
    this.format = format;
    this.in = new BreakOff(data);
    this.reader = new InputStreamReader(in, utf8());
    this.lines = format == InputFormat.JSONL ? new BoundedLines(reader, maxRecordChars) : null;
    this.warc = null;
    this.maxRecordChars = maxRecordChars;
    this.line = firstLine - 1;
  }

  private InputRecords(WarcRecords warc, int maxRecordChars) {
    this.format = InputFormat.WARC;
    this.in = null;
    this.reader = null;
    this.lines = null;
    this.warc = warc;
    this.maxRecordChars = maxRecordChars;
    this.line = -1;
  }

  /**
   * The records of a local file, by its name's {@link InputFormat}, at most {@link
   * #MAX_RECORD_CHARS} characters each.
   *
   * @throws IllegalArgumentException if the pipeline does not read files of that name
   */
  public static InputRecords open(Path file) throws IOException {
    return open(file, MAX_RECORD_CHARS);
  }

  /** {@link #open(Path)} with another limit per record. */
  public static InputRecords open(Path file, int maxRecordChars) throws IOException {
    String name = file.getFileName().toString();
    check(name);
    return of(Files.newInputStream(file), name, 1, maxRecordChars);
  }

  /**
   * The records in {@code stored}: the bytes of a file named {@code name} (or of the part of an
   * uncompressed file that starts at line {@code firstLine}) as they are stored, compressed or not.
   * Closing the records closes {@code stored}.
   *
   * @throws IllegalArgumentException if the pipeline does not read files of that name
   */
  public static InputRecords of(InputStream stored, String name, long firstLine, int maxRecordChars)
      throws IOException {
    return of(stored, name, firstLine, 0, maxRecordChars);
  }

  /**
   * {@link #of(InputStream, String, long, int)} for the part of a file that starts at byte {@code
   * firstOffset} (where a WARC record or gzip member starts; the offsets of WARC records count from
   * the start of the file).
   */
  public static InputRecords of(
      InputStream stored, String name, long firstLine, long firstOffset, int maxRecordChars)
      throws IOException {
    InputFormat format;
    InputStream data;
    try {
      format = check(name);
      if (format == InputFormat.WARC) {
        return new InputRecords(
            new WarcRecords(stored, firstOffset, maxRecordChars), maxRecordChars);
      }
      data = decompressed(stored, name);
    } catch (IOException | RuntimeException e) {
      stored.close();
      throw e;
    }
    return new InputRecords(format, data, firstLine, maxRecordChars);
  }

  private static InputFormat check(String name) {
    InputFormat format = InputFormat.of(name);
    if (format == InputFormat.UNSUPPORTED) {
      throw new IllegalArgumentException(
          "not a format the pipeline reads: "
              + name
              + " (expected .jsonl, .ndjson, .txt, .html, .htm or .warc, optionally .gz)");
    }
    return format;
  }

  /**
   * The data in the stored bytes of a file named {@code name}: decompressed when its name ends in
   * .gz and it starts with the gzip magic bytes, else as it is.
   */
  static InputStream decompressed(InputStream stored, String name) throws IOException {
    if (!InputFormat.gzipName(name)) {
      return stored;
    }
    PushbackInputStream in = new PushbackInputStream(stored, 2);
    byte[] head = in.readNBytes(2);
    in.unread(head);
    boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    return gzip ? new GzipMembers(in) : in;
  }

  public InputFormat format() {
    return format;
  }

  /** The number of the last JSONL line handed out (one less than the first line before any). */
  public long lastLine() {
    return line;
  }

  /**
   * For a WARC file that broke off: the offset of the record (or gzip member) being read when it
   * did; else -1.
   */
  public long brokenAt() {
    return warc == null ? -1 : warc.brokenAt();
  }

  /**
   * The next record, or null at the end of the file.
   *
   * @throws IOException where the file breaks off, once every complete line before the damage has
   *     been handed out (and by every later call); for a .txt or .html file that is too long, by
   *     the call after the one that handed it out
   */
  public Raw next() throws IOException {
    if (warc != null) {
      return warc.next();
    }
    if (done) {
      in.throwIfBroken();
      return null;
    }
    if (lines != null) {
      BoundedLines.Line s = lines.next();
      if (s == null || !s.ended() && in.broken()) {
        done = true; // at the end, or at the line the damage cut off: it goes with the rest
        in.throwIfBroken();
        return null;
      }
      line++;
      return new Raw(line, s.text(), s.head(), s.length());
    }
    done = true;
    Raw whole = readAtMost(reader, maxRecordChars);
    if (!whole.tooLarge()) {
      in.throwIfBroken();
    }
    return whole;
  }

  /**
   * Hands the records at {@code wanted} (JSONL line numbers; 0 for a .txt or .html file) to {@code
   * found} in order, too large ones included, each as soon as it is read, and reads no further than
   * the last one wanted.
   *
   * @throws IOException if the file breaks off before the last record wanted, or within what was
   *     read to find it (after handing over the records before the damage)
   */
  public void select(NavigableSet<Long> wanted, Consumer<Raw> found) throws IOException {
    if (wanted.isEmpty()) {
      return;
    }
    if (warc != null) {
      selectRecords(wanted, found);
      return;
    }
    if (lines == null) {
      if (wanted.contains(0L)) {
        Raw whole = next();
        in.throwIfBroken();
        found.accept(whole);
      }
      return;
    }
    long last = wanted.last();
    for (Raw r; line < last && (r = next()) != null; ) {
      if (wanted.contains(r.line())) {
        found.accept(r);
      }
    }
    in.throwIfBroken();
  }

  /**
   * For a WARC file, {@code wanted} are offsets (of records, or of gzip members): every record that
   * starts there is handed over (all the records of a gzip member), going straight to each offset
   * where the stream allows.
   */
  private void selectRecords(NavigableSet<Long> wanted, Consumer<Raw> found) throws IOException {
    Raw held = null; // read while looking for one offset, at a later one
    for (long at : wanted) {
      if (held != null && held.crawl().offset() < at) {
        held = null;
      }
      if (held == null) {
        warc.skipTo(at);
      }
      while (true) {
        Raw r = held != null ? held : warc.next();
        held = null;
        if (r == null) {
          return;
        }
        if (r.crawl().offset() == at) {
          found.accept(r);
        } else if (r.crawl().offset() > at) {
          held = r;
          break;
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (warc != null) {
      warc.close();
    } else {
      reader.close();
    }
  }

  /** Reads to the end, or to the first character beyond {@code maxChars}. */
  static Raw readAtMost(Reader reader, int maxChars) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1 << 16];
    long read = 0;
    for (int n; (n = reader.read(buf)) > 0; ) {
      read += n;
      if (read > maxChars) {
        StringBuilder head = new StringBuilder(Rejection.MAX_RAW_CHARS);
        head.append(sb, 0, Math.min(sb.length(), Rejection.MAX_RAW_CHARS));
        head.append(buf, 0, Math.min(n, Rejection.MAX_RAW_CHARS - head.length()));
        return new Raw(0, null, head.toString(), read);
      }
      sb.append(buf, 0, n);
    }
    return new Raw(0, sb.toString(), null, read);
  }

  private static CharsetDecoder utf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }
}
