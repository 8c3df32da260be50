package io.newsdedup.core.read;

import io.newsdedup.core.article.Capture;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Timestamps;
import io.newsdedup.core.read.InputRecords.Crawl;
import io.newsdedup.core.read.InputRecords.Raw;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * The records of a WARC file (ISO 28500), read with jwarc, each handed out as a {@link Raw} with
 * its {@link Crawl}: where it starts, and what it is. A {@code response} or {@code resource} record
 * with an HTML payload and (for HTTP) a 2xx status has its payload as text; every other record is a
 * {@link Crawl#skip() skip} of a kind ({@link SkipKinds}); a record that cannot be made sense of
 * (bad HTTP headers, no WARC-Date, an undecodable content encoding) has a {@link Crawl#problem()
 * problem}, and the file goes on with the next record.
 *
 * <p>A big {@code .warc.gz} is read in parts that start at gzip members ({@link #cuts}).
 *
 * <ul>
 *   <li>Compressed or not by its first bytes (the gzip magic), whatever its name. A {@code
 *       .warc.gz} is read member by member ({@link GzipMembers#byMember}): a record's offset is
 *       that of the gzip member it is in, as in CDX indexes; when a member holds several records (a
 *       file gzipped whole), each also has its offset in the member's uncompressed data.
 *   <li>The payload is the HTTP body with its transfer and content encodings undone; it is decoded
 *       by the charset of its HTTP {@code Content-Type}, else of the page's {@code <meta>}, else as
 *       UTF-8 (invalid bytes as U+FFFD). A payload longer than the limit is not built in memory:
 *       only its first {@link Rejection#MAX_RAW_CHARS} characters are kept ({@link
 *       Raw#tooLarge()}), the rest is read through.
 *   <li>A record is handed out once it has been read to its end. Where the file breaks off (a
 *       truncated record, a corrupt gzip member, garbage), {@link #next} throws, that time and
 *       every later time, and {@link #brokenAt()} says where: every record before stands.
 * </ul>
 */
public final class WarcRecords implements Closeable {
  /** Bytes of the payload looked at for a {@code <meta charset>} and for HTML without a type. */
  private static final int SNIFF_BYTES = 4096;

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]{0,400}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]{1,40})",
          Pattern.CASE_INSENSITIVE);

  private final Counted stored;
  private final GzipMembers gzip;
  private final InputStream plain;
  private final long base;
  private final int maxChars;

  private WarcReader reader;
  private long readerStart; // absolute offset where the plain reader started, or of the member
  private boolean plainEnded;
  private long brokenAt = -1;
  private IOException failure;

  /**
   * The records in {@code stored}, the bytes of a WARC file from byte {@code base} on (a record or
   * gzip member starts there).
   */
  WarcRecords(InputStream stored, long base, int maxChars) throws IOException {
    this.base = base;
    this.maxChars = maxChars;
    PushbackInputStream in = new PushbackInputStream(stored, 2);
    byte[] head = in.readNBytes(2);
    in.unread(head);
    this.stored = new Counted(in);
    boolean gz = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    this.gzip = gz ? GzipMembers.byMember(this.stored) : null;
    this.plain = gz ? null : this.stored;
  }

  /** Where the file broke off (the offset of the record or member being read), or -1. */
  long brokenAt() {
    return brokenAt;
  }

  /**
   * The next record, or null at the end of the file (or of the part read).
   *
   * @throws IOException where the file breaks off (see {@link #brokenAt()})
   */
  Raw next() throws IOException {
    if (failure != null) {
      throw failure;
    }
    while (true) {
      WarcRecord rec;
      try {
        if (reader == null && !open()) {
          return null;
        }
        rec = reader.next().orElse(null);
      } catch (IOException | RuntimeException e) {
        // jwarc's position is that of the record it failed to read (once the one before ended)
        long at = reader == null ? 0 : reader.position();
        if (gzip != null && !gzip.failed()) {
          // The gzip member is sound: what cannot be parsed is in it, the next member goes on.
          long offset = base + gzip.memberStart();
          reader = null;
          return malformed(
              offset,
              at,
              "",
              (at == 0
                      ? "its WARC header cannot be parsed: "
                      : "(the rest of its gzip member) cannot be parsed: ")
                  + message(e));
        }
        throw broken(gzip != null ? base + gzip.memberStart() : readerStart + at, e);
      }
      if (rec == null) {
        reader = null; // the end of this member (or of the plain file)
        continue;
      }
      long offset = gzip != null ? readerStart : offsetOf(reader.position());
      long inMember = gzip != null ? reader.position() : 0;
      Raw raw;
      try {
        raw = classify(rec, offset, inMember);
      } catch (IOException | RuntimeException e) {
        if (broken()) {
          throw broken(offset, e);
        }
        raw = malformed(offset, inMember, header(rec), message(e));
      }
      try {
        rec.body().consume();
      } catch (IOException | RuntimeException e) {
        if (broken() || gzip == null) {
          throw broken(offset, e);
        }
        reader = null; // its gzip member ends inside it: this one record is bad
        raw =
            malformed(
                offset, inMember, header(rec), "its gzip member ends inside it: " + message(e));
      }
      return raw;
    }
  }

  /**
   * Goes to the record (or gzip member) at {@code offset}, seeking when the stream underneath can;
   * when the bytes there have been read already (by the reader's read-ahead), stays where it is:
   * {@link #next} then reads on to it.
   */
  void skipTo(long offset) throws IOException {
    if (failure != null) {
      throw failure;
    }
    long at = offset - base;
    if (gzip != null && at >= gzip.position()) {
      reader = null;
      gzip.skipTo(at);
    } else if (gzip == null && at >= stored.count) {
      reader = null;
      plainEnded = false;
      stored.skipTo(at);
    }
  }

  /** Whether the stream underneath broke off or ended: a record it cut is damage, not a record. */
  private boolean broken() {
    return gzip != null ? gzip.failed() : stored.ended;
  }

  private IOException broken(long at, Exception e) {
    brokenAt = at;
    IOException io =
        e instanceof IOException x
            ? x
            : new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    failure = io;
    return io;
  }

  /** Opens a reader on the next member (or on the plain file): false at the end. */
  private boolean open() throws IOException {
    if (gzip != null) {
      long member = gzip.nextMember();
      if (member < 0) {
        return false;
      }
      readerStart = base + member;
      reader = new WarcReader(Channels.newChannel(new Unclosed(gzip)));
      return true;
    }
    if (plainEnded) {
      return false;
    }
    plainEnded = true;
    readerStart = base + stored.count; // a new reader starts where the stream is
    reader = new WarcReader(Channels.newChannel(new Unclosed(plain)));
    return true;
  }

  private long offsetOf(long readerPosition) {
    return readerStart + readerPosition;
  }

  /** What the record is, and its payload if it is an HTML page. */
  private Raw classify(WarcRecord rec, long offset, long inMember) throws IOException {
    String type = rec.type();
    if (!type.equals("response") && !type.equals("resource")) {
      return skip(offset, inMember, type, null, SkipKinds.ofType(type));
    }
    String target = ((WarcTargetRecord) rec).target();
    Optional<String> dateHeader = rec.headers().sole("WARC-Date");
    Instant date = dateHeader.map(Timestamps::parse).orElse(null);
    if (date == null) {
      return malformed(
          offset,
          inMember,
          header(rec),
          dateHeader.isPresent()
              ? "its WARC-Date cannot be parsed: " + dateHeader.get()
              : "it has no WARC-Date");
    }
    if (target == null || target.isBlank()) {
      return malformed(offset, inMember, header(rec), "it has no WARC-Target-URI");
    }
    boolean complete = rec.headers().first("WARC-Truncated").isEmpty();
    String payloadType;
    MessageBody payload;
    if (type.equals("response") && isHttp(rec)) {
      HttpResponse http = ((WarcResponse) rec).http();
      int status = http.status();
      if (status / 100 != 2) {
        return skip(offset, inMember, type, target, SkipKinds.ofStatus(status));
      }
      complete &= status != 206;
      payloadType = http.headers().first("Content-Type").orElse(null);
      payload = http.bodyDecoded();
    } else {
      payloadType = rec.headers().first("Content-Type").orElse(null);
      payload = rec.body();
    }
    if (blank(payloadType)) {
      payloadType = rec.headers().first("WARC-Identified-Payload-Type").orElse(null);
    }
    BufferedInputStream in = new BufferedInputStream(payload.stream(), SNIFF_BYTES);
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    if (blank(payloadType) ? !looksLikeHtml(head) : !isHtml(payloadType)) {
      return skip(offset, inMember, type, target, SkipKinds.NOT_HTML);
    }
    Charset charset = charset(payloadType, head);
    Raw text =
        InputRecords.readAtMost(
            new InputStreamReader(
                in,
                charset
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
            maxChars);
    Crawl crawl =
        new Crawl(offset, inMember, type, target, new Capture(date, complete), null, null);
    return new Raw(0, text.text(), text.head(), text.length(), crawl);
  }

  private static boolean isHttp(WarcRecord rec) {
    String t = rec.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    return t.startsWith("application/http");
  }

  private static Raw skip(long offset, long inMember, String type, String target, String kind) {
    return new Raw(0, null, null, 0, new Crawl(offset, inMember, type, target, null, kind, null));
  }

  private static Raw malformed(long offset, long inMember, String head, String problem) {
    String h =
        head.length() > Rejection.MAX_RAW_CHARS ? head.substring(0, Rejection.MAX_RAW_CHARS) : head;
    return new Raw(
        0, null, h, h.length(), new Crawl(offset, inMember, null, null, null, null, problem));
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The record's WARC header as it would be written, for a rejection's payload. */
  private static String header(WarcRecord rec) {
    StringBuilder sb = new StringBuilder(rec.version().toString()).append("\r\n");
    MessageHeaders h = rec.headers();
    for (Map.Entry<String, List<String>> e : h.map().entrySet()) {
      for (String v : e.getValue()) {
        sb.append(e.getKey()).append(": ").append(v).append("\r\n");
      }
    }
    return sb.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Whether a media type ({@code text/html; charset=...}) is that of an HTML page. */
  static boolean isHtml(String mediaType) {
    String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  /** A payload with no type at all: HTML when it starts like a page. */
  private static boolean looksLikeHtml(byte[] head) {
    String s =
        new String(head, 0, Math.min(head.length, 1024), StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (s.startsWith("\u00ef\u00bb\u00bf")) {
      s = s.substring(3).stripLeading();
    }
    return s.startsWith("<!doctype html") || s.startsWith("<html") || s.contains("<html");
  }

  /**
   * The charset of a payload: that of its {@code Content-Type}, else of a {@code <meta>} in its
   * first bytes, else UTF-8 (also for a charset this JVM does not know).
   */
  static Charset charset(String mediaType, byte[] head) {
    String declared = mediaType == null ? null : parameter(mediaType, "charset");
    if (declared == null) {
      Matcher m =
          META_CHARSET.matcher(new String(head, 0, head.length, StandardCharsets.ISO_8859_1));
      declared = m.find() ? m.group(1) : null;
    }
    if (declared != null) {
      try {
        return Charset.forName(declared.strip());
      } catch (IllegalArgumentException unknown) {
        // not a charset Java knows: read as UTF-8 (invalid bytes become U+FFFD)
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String parameter(String mediaType, String name) {
    String[] parts = mediaType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv.length == 2 && kv[0].strip().equalsIgnoreCase(name)) {
        String v = kv[1].strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return v.isEmpty() ? null : v;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    stored.close();
  }

  /**
   * Where a big {@code .warc.gz} can be cut into parts of about {@code partBytes} that are read
   * apart: at gzip members that start a WARC record. Near each multiple of {@code partBytes} the
   * bytes are searched for the next gzip member header whose data starts with {@code WARC/} (the
   * inflater checks the candidate, so compressed bytes that happen to look like a header are no
   * cut); a stretch with no such member (a file gzipped whole, a record bigger than a part) is not
   * cut. Each byte is looked at once at most; the records are not read.
   *
   * @return the offsets of the cuts, ascending, none of them 0
   */
  public static List<Long> cuts(SeekableByteChannel file, long partBytes) throws IOException {
    List<Long> cuts = new ArrayList<>();
    long size = file.size();
    if (memberAt(file, 1, Math.min(size, partBytes)) < 0) {
      return cuts; // no second member early on: gzipped whole (or huge records), read in one
    }
    long target = partBytes;
    while (target + partBytes / 2 < size) { // the last part is at least half a part
      long cut = memberAt(file, target, Math.min(size, target + partBytes));
      if (cut > 0) {
        cuts.add(cut);
        target = cut + partBytes;
      } else {
        target += partBytes;
      }
    }
    return cuts;
  }

  /** The first gzip member in [from, to) that starts a WARC record, or -1. */
  static long memberAt(SeekableByteChannel file, long from, long to) throws IOException {
    byte[] buf = new byte[1 << 16];
    for (long start = from; start < to; ) {
      file.position(start);
      int n = readFully(file, buf);
      if (n < 4) {
        return -1;
      }
      for (int i = 0; i + 3 < n && start + i < to; i++) {
        if ((buf[i] & 0xff) == 0x1f
            && (buf[i + 1] & 0xff) == 0x8b
            && buf[i + 2] == 8
            && (buf[i + 3] & 0xe0) == 0
            && startsRecord(file, start + i)) {
          return start + i;
        }
      }
      start += n - 3; // a header across the edge is looked at again
    }
    return -1;
  }

  private static int readFully(SeekableByteChannel file, byte[] buf) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(buf);
    while (b.hasRemaining() && file.read(b) >= 0) {
      // fill
    }
    return b.position();
  }

  /** Whether the gzip member at {@code at} inflates to data that starts with a WARC version. */
  private static boolean startsRecord(SeekableByteChannel file, long at) throws IOException {
    file.position(at);
    try (GzipMembers g = GzipMembers.byMember(new Unclosed(Channels.newInputStream(file)))) {
      if (g.nextMember() != 0) {
        return false;
      }
      byte[] head = g.readNBytes(8);
      String version = new String(head, StandardCharsets.ISO_8859_1);
      return version.startsWith("WARC/1.") || version.startsWith("WARC/0.");
    } catch (IOException notAMember) {
      return false;
    }
  }

  /**
   * The stored bytes, counted (where a plain reader starts), noting whether they ran out: a record
   * they cut is damage.
   */
  private static final class Counted extends FilterInputStream {
    long count;
    boolean ended;

    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        ended = true;
      } else {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0) {
        ended = true;
      } else {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      count += skipped;
      return skipped;
    }

    /** Goes to byte {@code at} of the stream (not before where it is). */
    void skipTo(long at) throws IOException {
      if (at < count) {
        throw new IllegalArgumentException("cannot go back from byte " + count + " to byte " + at);
      }
      while (count < at) {
        if (skip(at - count) <= 0 && read() < 0) {
          throw new EOFException("the file ends before byte " + at);
        }
      }
      ended = false;
    }
  }

  /** A stream that a reader on it does not close (the next member, the next record, goes on). */
  private static final class Unclosed extends FilterInputStream {
    Unclosed(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
