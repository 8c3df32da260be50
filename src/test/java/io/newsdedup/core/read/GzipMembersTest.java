package io.newsdedup.core.read;

import static io.newsdedup.testing.GzipBytes.concat;
import static io.newsdedup.testing.GzipBytes.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** The multi-member gzip reader: headers, trailers, what follows the last member. */
class GzipMembersTest {

  /**
   * A member with every optional header field (FEXTRA, FNAME, FCOMMENT, FHCRC), as other gzip
   * writers make them; {@code headerCrcDelta} damages the header CRC.
   */
  static byte[] memberWithAllHeaderFields(String s, int headerCrcDelta) {
    byte[] data = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 1, 2, 3, 4, 0, 3});
    out.writeBytes(new byte[] {5, 0, 'A', 'B', 2, 0, 'x'}); // FEXTRA: 5 bytes
    out.writeBytes("name.jsonl\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
    CRC32 headerCrc = new CRC32();
    headerCrc.update(out.toByteArray());
    int hcrc = (int) headerCrc.getValue() + headerCrcDelta;
    out.write(hcrc & 0xff);
    out.write(hcrc >>> 8 & 0xff);
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    d.setInput(data);
    d.finish();
    byte[] buf = new byte[data.length + 64];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    CRC32 crc = new CRC32();
    crc.update(data);
    writeInt(out, crc.getValue());
    writeInt(out, data.length);
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
  }

  /** A stream that hands out one byte per read and never says more is available. */
  static InputStream trickle(byte[] bytes) {
    return new InputStream() {
      int at;

      @Override
      public int read() {
        return at < bytes.length ? bytes[at++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        int c = read();
        if (c < 0) {
          return -1;
        }
        b[off] = (byte) c;
        return 1;
      }
    };
  }

  /** Reads all it can; the data read before a failure is in {@code out}. */
  static IOException readAll(InputStream in, ByteArrayOutputStream out, int chunk) {
    byte[] buf = new byte[chunk];
    try (in) {
      for (int n; (n = in.read(buf, 0, chunk)) >= 0; ) {
        out.write(buf, 0, n);
      }
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  private static String inflated(byte[] gz, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IOException e = readAll(new GzipMembers(new ByteArrayInputStream(gz)), out, chunk);
    if (e != null) {
      throw e;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void readsEveryMemberWhateverTheStreamSaysIsAvailable() throws IOException {
    byte[] file =
        concat(gzip("one\n"), gzip(""), memberWithAllHeaderFields("two\n", 0), gzip("three\n"));
    for (int chunk : new int[] {1, 3, 8192}) {
      assertEquals("one\ntwo\nthree\n", inflated(file, chunk));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(null, readAll(new GzipMembers(trickle(file), 16), out, chunk));
      assertEquals("one\ntwo\nthree\n", out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void zeroBytesAfterTheLastMemberArePadding() throws IOException {
    assertEquals("a\n", inflated(concat(gzip("a\n"), new byte[1]), 100));
    assertEquals("a\n", inflated(concat(gzip("a\n"), new byte[70_000]), 100));
    // ... but not when something else follows the zeros
    byte[] zerosThenX = concat(gzip("a\n"), new byte[100], new byte[] {'x'});
    ZipException e = assertThrows(ZipException.class, () -> inflated(zerosThenX, 100));
    assertTrue(
        e.getMessage().startsWith("101 bytes after the gzip member ending at byte "),
        e.getMessage());
  }

  @Test
  void whatFollowsAMemberAndIsNotOneIsAnError() {
    byte[] first = gzip0("good\n");
    byte[] notMagic = gzip0("next\n");
    notMagic[1] = (byte) 0x8c;
    byte[] badHeaderCrc = memberWithAllHeaderFields("next\n", 1);
    byte[] badSize = gzip0("next\n");
    badSize[badSize.length - 4] ^= 1;
    byte[] cutHeader = Arrays.copyOf(gzip0("next\n"), 6);
    Object[][] cases = {
      {
        new byte[] {0x1f},
        ZipException.class,
        "1 bytes after the gzip member ending at byte "
            + first.length
            + " are not gzip data (appended plain text or garbage?)"
      },
      {"plain\n".getBytes(StandardCharsets.UTF_8), ZipException.class, "6 bytes after"},
      {notMagic, ZipException.class, notMagic.length + " bytes after"},
      {
        badHeaderCrc,
        ZipException.class,
        "the gzip member starting at byte "
            + first.length
            + " has a damaged header: its header CRC does not match"
      },
      {badSize, ZipException.class, "its length (5 bytes) does not match its trailer"},
      {cutHeader, EOFException.class, "ends inside its header"},
      {Arrays.copyOf(gzip0("next\n"), 14), EOFException.class, "ends inside its compressed"},
    };
    for (Object[] c : cases) {
      byte[] file = concat(first, (byte[]) c[0]);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      GzipMembers in = new GzipMembers(trickle(file), 4);
      IOException e = readAll(in, out, 3);
      assertEquals(c[1], e == null ? null : e.getClass(), String.valueOf(e));
      assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
      // everything before the problem was handed out, and the problem stays
      assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("good\n"), out.toString());
      assertThrows(IOException.class, () -> in.read(new byte[10], 0, 10));
    }
  }

  /**
   * The read that inflates the last data of a member returns it; the problem after it is reported
   * by the next read, which produces nothing.
   */
  @Test
  void theDataOfAGoodMemberIsHandedOutBeforeTheProblem() throws IOException {
    byte[] file = concat(gzip("0123456789\n"), "garbage".getBytes(StandardCharsets.UTF_8));
    GzipMembers in = new GzipMembers(new ByteArrayInputStream(file));
    byte[] buf = new byte[100];
    assertEquals(11, in.read(buf, 0, 100));
    assertEquals("0123456789\n", new String(buf, 0, 11, StandardCharsets.UTF_8));
    assertThrows(ZipException.class, () -> in.read(buf, 0, 100));
  }

  @Test
  void aFileThatIsNotGzipAtAllIsAnError() {
    assertThrows(ZipException.class, () -> inflated("plain".getBytes(StandardCharsets.UTF_8), 9));
  }

  private static byte[] gzip0(String s) {
    try {
      return gzip(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aMemberWithAllHeaderFieldsReadsLikeAPlainOne() throws IOException {
    assertArrayEquals(
        "x\ny\n".getBytes(StandardCharsets.UTF_8),
        inflated(memberWithAllHeaderFields("x\ny\n", 0), 1).getBytes(StandardCharsets.UTF_8));
  }
}
