package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.core.clean.TextNormalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, accounting: records read = articles assigned + records rejected, over everything in
 * testdata/ (the labelled corpus, the mixed files, the bad-input suite, and the files that are not
 * input at all: READMEs, labels, story sources) plus the generated big cases, in one run. The
 * number of records read is checked against a count made here, independently of the pipeline, so
 * that a reader skipping records could not make the invariant hold by reading less.
 */
class AccountingInvariantTest {
  @TempDir Path tmp;

  @Test
  void holdsOverAllOfTestdataAndTheGeneratedCases() throws IOException {
    Path generated = GeneratedBadInputs.writeTo(tmp.resolve("generated"));
    Path out = tmp.resolve("out");
    long start = System.nanoTime();
    assertEquals(
        0,
        BatchOnTestdataTest.main(
            "batch", "--input=testdata/**," + generated + "/*", "--output=" + out));
    System.out.printf(
        "AccountingInvariantTest: batch over testdata/** took %.1f s%n",
        (System.nanoTime() - start) / 1e9);

    JsonNode s = BatchOutputs.summary(out);
    long read = s.at("/counts/read").asLong();
    assertEquals(records(Path.of("testdata")) + records(generated), read);
    assertEquals(read, s.at("/counts/articles").asLong() + s.at("/counts/rejected").asLong());
    assertTrue(s.at("/counts/accounting_holds").asBoolean());
    assertEquals("ok", s.get("status").asText());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));

    List<String> assignments = BatchOutputs.lines(out, "assignments");
    List<JsonNode> rejected = BatchOutputs.json(out, "rejected");
    assertEquals(read, assignments.size() + rejected.size());
    long byReason = 0;
    for (JsonNode n : s.at("/counts/rejected_by_reason")) {
      byReason += n.asLong();
    }
    assertEquals(rejected.size(), byReason);
    // Every record once: no origin appears twice among the members and the rejections.
    Set<String> origins = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (JsonNode c : BatchOutputs.json(out, "clusters")) {
      for (JsonNode m : c.get("members")) {
        if (!origins.add(m.get("origin").toString())) {
          twice.add(m.get("origin").toString());
        }
      }
    }
    assertEquals(assignments.size(), origins.size());
    for (JsonNode r : rejected) {
      if (!origins.add(r.get("origin").toString())) {
        twice.add(r.get("origin").toString());
      }
    }
    assertEquals(List.of(), twice);
  }

  /** When the counts do not add up, the run fails (exit 1) and never looks finished. */
  @Test
  void aMismatchExitsWithOneAndWritesNoSuccessMarker() {
    Path out = tmp.resolve("miscounted");
    assertEquals(
        1,
        BatchOnTestdataTest.main(
            "batch",
            "--input=testdata/mixed/*",
            "--output=" + out,
            "--runner=" + MiscountingRunner.class.getName()));
    assertFalse(Files.exists(out.resolve("_SUCCESS")));
    JsonNode s = BatchOutputs.summary(out);
    assertEquals("accounting_mismatch", s.get("status").asText());
    assertFalse(s.at("/counts/accounting_holds").asBoolean());
    assertEquals(
        s.at("/counts/articles").asLong() + s.at("/counts/rejected").asLong() + 1,
        s.at("/counts/read").asLong());
  }

  // ---------------------------------------------------------------------------------------------
  // An independent count of the records in a directory tree, by the rules of the README's Input
  // section: a JSONL line that is not blank (the project's one definition of blank, taken
  // literally: no visible content), a whole .txt or .html file, any other file
  // (unsupported_format); a line longer than 64 Mi characters is a record (too_large), whatever
  // it holds. A .gz that starts with the gzip magic is the data of its members, one
  // after the other, to the end of the file or zero padding; when it breaks off, or something
  // that is not a member follows one, its complete lines count and the rest is one record.
  // Streamed: the generated cases are big.

  static long records(Path root) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(f -> !Files.isDirectory(f)).sorted().toList()) {
        // What is not a regular file (a FIFO, a link to nothing) is one rejection.
        n += Files.isRegularFile(f) ? recordsIn(f) : 1;
      }
    }
    return n;
  }

  private static long recordsIn(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    if (!base.endsWith(".jsonl") && !base.endsWith(".ndjson")) {
      return 1;
    }
    byte[] bytes = Files.readAllBytes(file); // small: the big cases are small compressed
    boolean gzip =
        name.endsWith(".gz")
            && bytes.length >= 2
            && (bytes[0] & 0xff) == 0x1f
            && (bytes[1] & 0xff) == 0x8b;
    Members members = gzip ? new Members(bytes) : null;
    InputStream data = gzip ? members : new ByteArrayInputStream(bytes);
    long n = 0;
    StringBuilder line = new StringBuilder(); // up to the limit
    long length = 0;
    boolean afterCr = false;
    try (Reader in = new InputStreamReader(data, StandardCharsets.UTF_8)) {
      char[] buf = new char[1 << 16];
      for (int k; (k = in.read(buf)) > 0; ) {
        for (int i = 0; i < k; i++) {
          char c = buf[i];
          if (afterCr && c == '\n') {
            afterCr = false;
            continue; // CR LF: one line break
          }
          afterCr = c == '\r';
          if (c == '\n' || c == '\r') {
            n += isRecord(line, length) ? 1 : 0;
            line = length > MAX_RECORD_CHARS ? new StringBuilder() : line;
            line.setLength(0);
            length = 0;
          } else if (++length <= MAX_RECORD_CHARS) {
            line.append(c);
          }
        }
      }
    }
    boolean broken = members != null && members.broken;
    if (broken) {
      return n + 1; // the line the damage cuts (if any) and the rest
    }
    return n + (length > 0 && isRecord(line, length) ? 1 : 0);
  }

  /** The README's limit per record: 64 Mi characters. */
  private static final long MAX_RECORD_CHARS = 64L << 20;

  private static boolean isRecord(CharSequence line, long length) {
    return length > MAX_RECORD_CHARS || !TextNormalizer.isBlankLiteral(line.toString());
  }

  /**
   * The data of the gzip members of a file, one after the other; {@code broken} when one breaks off
   * or does not match its CRC, or what follows one is neither a member nor zero bytes.
   */
  private static final class Members extends InputStream {
    private final byte[] gz;
    private ByteArrayInputStream rest;
    private Inflater inflater;
    private InflaterInputStream member;
    private final CRC32 crc = new CRC32();
    private int at = 0; // where the next member starts
    boolean broken;
    private boolean done;

    Members(byte[] gz) {
      this.gz = gz;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (!done) {
        if (member == null && !nextMember()) {
          done = true;
          break;
        }
        int n;
        try {
          n = member.read(b, off, len);
        } catch (IOException e) {
          n = -2; // corrupt or cut off
        }
        if (n > 0) {
          crc.update(b, off, n);
          return n;
        }
        int end = gz.length - rest.available() - inflater.getRemaining();
        if (n == -2
            || !inflater.finished()
            || end + 8 > gz.length
            || littleEndianInt(end) != crc.getValue()
            || littleEndianInt(end + 4) != (inflater.getBytesWritten() & 0xffffffffL)) {
          broken = true;
          done = true;
          break;
        }
        inflater.end();
        member = null;
        at = end + 8;
      }
      return -1;
    }

    private boolean nextMember() {
      int p = at;
      boolean zeros = true;
      for (int i = p; i < gz.length && zeros; i++) {
        zeros = gz[i] == 0;
      }
      if (zeros) {
        return false; // the end, or padding
      }
      if (gz.length - p < 10
          || (gz[p] & 0xff) != 0x1f
          || (gz[p + 1] & 0xff) != 0x8b
          || gz[p + 2] != 8
          || (gz[p + 3] & 0xe0) != 0) {
        broken = true;
        return false;
      }
      int flags = gz[p + 3];
      p += 10;
      if ((flags & 4) != 0) {
        p += 2 + ((gz[p] & 0xff) | (gz[p + 1] & 0xff) << 8);
      }
      for (int flag : new int[] {8, 16}) {
        if ((flags & flag) != 0) {
          while (p < gz.length && gz[p] != 0) {
            p++;
          }
          p++;
        }
      }
      if ((flags & 2) != 0) {
        p += 2;
      }
      if (p > gz.length) {
        broken = true;
        return false;
      }
      crc.reset();
      inflater = new Inflater(true);
      rest = new ByteArrayInputStream(gz, p, gz.length - p);
      member = new InflaterInputStream(rest, inflater);
      return true;
    }

    private long littleEndianInt(int p) {
      return (gz[p] & 0xffL)
          | (gz[p + 1] & 0xffL) << 8
          | (gz[p + 2] & 0xffL) << 16
          | (gz[p + 3] & 0xffL) << 24;
    }
  }
}
