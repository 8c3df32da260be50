package io.newsdedup.core.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The data of a gzip file (RFC 1952) of one or more members, and nothing silently dropped: each
 * member's header (with FEXTRA, FNAME, FCOMMENT and FHCRC) and trailer (CRC-32 and length) are
 * checked, the next member is looked for until the end of the file (not only when bytes happen to
 * be buffered), trailing zero bytes are padding (as {@code gzip -t} takes them), and anything else
 * after a member (appended plain text, garbage, a member with a damaged header) is an {@link
 * IOException} that says what was found. A truncated member is an {@link EOFException}.
 *
 * <p>All the data a read call inflates is handed out: a problem is reported by the next call, one
 * that has produced nothing (the JDK's {@code GZIPInputStream} silently ends at a bad next header,
 * and looks for one only when {@code available() > 0}; the gzip streams of Commons Compress and
 * Beam throw away what they inflated in the call that fails). Once reported, the problem is
 * reported again by every later call.
 *
 * <p>Read {@link #byMember by member} (for WARC files, where each record is a member of its own and
 * its offset is that of its member), the stream ends at the end of each member; {@link #nextMember}
 * goes on with the next one and says where it starts, and {@link #skipTo} jumps to a member further
 * on.
 */
final class GzipMembers extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED = 0xe0;

  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int lim;

  /** The offset in the file of {@code buf[0]}. */
  private long bufStart;

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();

  /** The CRC of the header being read, for FHCRC; null outside a header. */
  private CRC32 headerCrc;

  private boolean inMember;
  private int members;
  private long memberStart;

  /** The offset just after the last complete member. */
  private long memberEnd;

  private boolean ended;
  private IOException failure;
  private boolean closed;

  /** Whether the stream ends with each member (until {@link #nextMember}). */
  private final boolean oneMember;

  GzipMembers(InputStream in) {
    this(in, 1 << 16, false);
  }

  GzipMembers(InputStream in, int bufferSize) {
    this(in, bufferSize, false);
  }

  private GzipMembers(InputStream in, int bufferSize, boolean oneMember) {
    this.in = in;
    this.buf = new byte[bufferSize];
    this.oneMember = oneMember;
  }

  /**
   * The members of a gzip file one by one: the stream holds nothing until {@link #nextMember}, and
   * ends at the end of that member.
   */
  static GzipMembers byMember(InputStream in) {
    return new GzipMembers(in, 1 << 16, true);
  }

  /**
   * Goes to the next member (past what is left of the current one, inflated and checked) and reads
   * its header: its offset from where the stream started, or -1 at a clean end of the file.
   *
   * @throws IOException where the file breaks off or is not gzip data (then and at every later
   *     call)
   */
  long nextMember() throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (ended) {
      return -1;
    }
    byte[] rest = new byte[8192];
    while (inMember) {
      read(rest, 0, rest.length);
    }
    try {
      if (!startMember()) {
        ended = true;
        return -1;
      }
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    return memberStart;
  }

  /**
   * Leaves the current member where it is and goes to the byte at {@code offset} (from where the
   * stream started, not before the current position), where {@link #nextMember} is to find the next
   * member. Skipping the file's bytes seeks when the stream underneath can.
   */
  void skipTo(long offset) throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (offset < offset()) {
      throw new IllegalArgumentException(
          "cannot go back from byte " + offset() + " to byte " + offset);
    }
    inMember = false;
    ended = false;
    if (offset <= bufStart + lim) {
      pos = (int) (offset - bufStart);
      return;
    }
    long skip = offset - (bufStart + lim);
    while (skip > 0) {
      long n = in.skip(skip);
      if (n <= 0) {
        if (in.read() < 0) {
          throw new EOFException("the file ends before byte " + offset);
        }
        n = 1;
      }
      skip -= n;
    }
    bufStart = offset;
    pos = 0;
    lim = 0;
  }

  /** The offset (from where the stream started) of the next byte of the file to look at. */
  long position() {
    return offset();
  }

  /** The offset (from where the stream started) of the member being read, or last read. */
  long memberStart() {
    return memberStart;
  }

  /** Whether reading failed (a truncated or corrupt member, garbage after the last one). */
  boolean failed() {
    return failure != null;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    while ((n = read(one, 0, 1)) == 0) {
      // not at the end, nothing yet
    }
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("Stream closed");
    }
    if (failure != null) {
      throw failure;
    }
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0 || ended) {
      return ended ? -1 : 0;
    }
    try {
      while (true) {
        if (!inMember && oneMember) {
          return -1; // the end of this member: nextMember() goes on
        }
        if (!inMember && !startMember()) {
          ended = true;
          return -1;
        }
        int n = inflate(b, off, len);
        if (n > 0) {
          return n;
        }
        if (inflater.finished()) {
          endMember();
          if (oneMember) {
            return -1;
          }
        } else if (inflater.needsDictionary()) {
          throw new ZipException(
              memberName() + " is not gzip data: it asks for a preset dictionary");
        } else if (inflater.needsInput()) {
          if (pos == lim && !fill()) {
            throw new EOFException(memberName() + " ends inside its compressed data");
          }
          inflater.setInput(buf, pos, lim - pos);
          pos = lim;
        }
      }
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  private int inflate(byte[] b, int off, int len) throws ZipException {
    try {
      int n = inflater.inflate(b, off, len);
      crc.update(b, off, n);
      return n;
    } catch (DataFormatException e) {
      throw new ZipException(memberName() + " is corrupt: " + e.getMessage());
    }
  }

  private String memberName() {
    return "the gzip member starting at byte " + memberStart;
  }

  /**
   * Reads the header of the next member, if there is one: false at a clean end (the end of the
   * file, or only zero bytes after the last member).
   */
  private boolean startMember() throws IOException {
    memberStart = offset();
    int id1 = next();
    if (id1 < 0 && members > 0) {
      return false;
    }
    if (id1 == 0 && members > 0 && zerosToTheEnd()) {
      return false; // padding
    }
    if (id1 != 0x1f || next() != 0x8b) {
      if (members == 0) {
        throw new ZipException("not in gzip format");
      }
      skipToTheEnd();
      throw new ZipException(
          (offset() - memberEnd)
              + " bytes after the gzip member ending at byte "
              + memberEnd
              + " are not gzip data (appended plain text or garbage?)");
    }
    headerCrc = new CRC32();
    headerCrc.update(new byte[] {0x1f, (byte) 0x8b});
    int method = headerByte();
    int flags = headerByte();
    for (int i = 0; i < 6; i++) {
      headerByte(); // modification time, extra flags, operating system
    }
    if (method != 8) {
      throw damagedHeader("compression method " + method + ", not 8 (deflate)");
    }
    if ((flags & RESERVED) != 0) {
      throw damagedHeader("reserved flag bits set (" + Integer.toHexString(flags) + ")");
    }
    if ((flags & FEXTRA) != 0) {
      int length = headerByte() | headerByte() << 8;
      for (int i = 0; i < length; i++) {
        headerByte();
      }
    }
    if ((flags & FNAME) != 0) {
      while (headerByte() != 0) {
        // the original file name
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (headerByte() != 0) {
        // a comment
      }
    }
    if ((flags & FHCRC) != 0) {
      int expected = (int) (headerCrc.getValue() & 0xffff);
      headerCrc = null;
      if ((headerByte() | headerByte() << 8) != expected) {
        throw damagedHeader("its header CRC does not match");
      }
    }
    headerCrc = null;
    inflater.reset();
    crc.reset();
    if (pos < lim) {
      inflater.setInput(buf, pos, lim - pos);
      pos = lim;
    }
    inMember = true;
    return true;
  }

  private ZipException damagedHeader(String what) {
    return new ZipException(memberName() + " has a damaged header: " + what);
  }

  /** Checks the trailer of the member just inflated. */
  private void endMember() throws IOException {
    pos = lim - inflater.getRemaining();
    long expectedCrc = trailerInt();
    long expectedSize = trailerInt();
    if (expectedCrc != crc.getValue()) {
      throw new ZipException(memberName() + " is corrupt: its CRC-32 does not match its data");
    }
    if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw new ZipException(
          memberName()
              + " is corrupt: its length ("
              + inflater.getBytesWritten()
              + " bytes) does not match its trailer ("
              + expectedSize
              + " mod 2^32)");
    }
    inMember = false;
    members++;
    memberEnd = offset();
  }

  private long trailerInt() throws IOException {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      int b = next();
      if (b < 0) {
        throw new EOFException(memberName() + " ends inside its trailer");
      }
      v |= (long) b << (8 * i);
    }
    return v;
  }

  private int headerByte() throws IOException {
    int b = next();
    if (b < 0) {
      throw new EOFException(memberName() + " ends inside its header");
    }
    if (headerCrc != null) {
      headerCrc.update(b);
    }
    return b;
  }

  /** Whether the rest of the file is zero bytes (stops at the first that is not). */
  private boolean zerosToTheEnd() throws IOException {
    for (int b; (b = next()) >= 0; ) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Reads to the end of the file. */
  private void skipToTheEnd() throws IOException {
    pos = lim;
    while (fill()) {
      pos = lim;
    }
  }

  private long offset() {
    return bufStart + pos;
  }

  private int next() throws IOException {
    if (pos == lim && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  /** Refills the (used up) buffer; false at the end of the file. */
  private boolean fill() throws IOException {
    bufStart += lim;
    pos = 0;
    lim = 0;
    int n;
    while ((n = in.read(buf, 0, buf.length)) == 0) {
      // a stream that has nothing yet
    }
    if (n < 0) {
      return false;
    }
    lim = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      inflater.end();
      in.close();
    }
  }
}
