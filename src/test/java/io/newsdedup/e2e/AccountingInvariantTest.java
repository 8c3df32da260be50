package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.core.clean.TextNormalizer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, accounting: records read = articles assigned + records rejected, over everything in
 * testdata/ (the labelled corpus, the mixed files, the bad-input suite, and the files that are
 * not input at all: READMEs, labels, story sources) plus the generated big cases, in one run. The
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
    assertEquals(0, BatchOnTestdataTest.main(
        "batch", "--input=testdata/**," + generated + "/*", "--output=" + out));
    System.out.printf("AccountingInvariantTest: batch over testdata/** took %.1f s%n",
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
    assertEquals(1, BatchOnTestdataTest.main("batch", "--input=testdata/mixed/*",
        "--output=" + out, "--runner=" + MiscountingRunner.class.getName()));
    assertFalse(Files.exists(out.resolve("_SUCCESS")));
    JsonNode s = BatchOutputs.summary(out);
    assertEquals("accounting_mismatch", s.get("status").asText());
    assertFalse(s.at("/counts/accounting_holds").asBoolean());
    assertEquals(s.at("/counts/articles").asLong() + s.at("/counts/rejected").asLong() + 1,
        s.at("/counts/read").asLong());
  }

  // ---------------------------------------------------------------------------------------------
  // An independent count of the records in a directory tree, by the rules of the README's Input
  // section: a JSONL line that is not blank (the project's one definition of blank, taken
  // literally: no visible content), a whole .txt or .html file, any other file (unsupported_format); a compressed file
  // that breaks off keeps its complete lines and adds one record for the rest.

  static long records(Path root) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        n += recordsIn(f);
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
    byte[] bytes = Files.readAllBytes(file);
    boolean broken = false;
    if (name.endsWith(".gz") && bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f
        && (bytes[1] & 0xff) == 0x8b) {
      ByteArrayOutputStream inflated = new ByteArrayOutputStream();
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        byte[] buf = new byte[8192];
        for (int k; (k = in.read(buf)) > 0; ) {
          inflated.write(buf, 0, k);
        }
      } catch (EOFException e) {
        broken = true;
      }
      bytes = inflated.toByteArray();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
    String last = lines.remove(lines.size() - 1); // after the last line break
    if (!broken) {
      lines.add(last);
    }
    long n = lines.stream().filter(l -> !TextNormalizer.isBlankLiteral(l)).count();
    return broken ? n + 1 : n;
  }
}
