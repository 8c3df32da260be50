package io.newsdedup.bench.floor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdedup.bench.corpus.SyntheticCorpus;
import io.newsdedup.cli.Main;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.shingle.Shingler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floor program reads what parses, puts copies in common buckets and keeps different texts
 * apart, and counts the buckets an independent loop over the corpus counts.
 */
class FloorProgramTest {
  private static final String STORY =
      "The harbour authority said on Tuesday that the new quay"
          + " would open to container ships in March, two months later than planned, after storms"
          + " damaged the breakwater";
  private static final String OTHER =
      "Seven candidates have registered for the mayoral election"
          + " in the northern city, where turnout fell below forty percent last time and the count"
          + " took three days";

  @TempDir Path work;

  @Test
  void copiesShareEveryBandAndOtherTextsNone() throws Exception {
    Path corpus = work.resolve("c.jsonl");
    Files.writeString(
        corpus,
        String.join(
            "\n",
            "{\"id\":\"a\",\"source\":\"AFP\",\"text\":\"" + STORY + "\"}",
            "not json",
            // The same text with JSON escapes ("\u0068" is h), a CRLF line end and the id last.
            "{\"text\":\"" + STORY.replace("harbour", "\\u0068arbour") + "\",\"id\":\"b\"}\r",
            "{\"id\":\"x\"}",
            "",
            "{\"id\":7,\"text\":\"" + STORY + "\"}",
            "{\"id\":\"c\",\"tags\":[\"x\",{\"y\":1}],\"text\":\"" + OTHER + "\"}",
            "{\"id\":\"d\",\"text\":\" -- \"}", // no token: an article of its own, in no bucket
            "{\"id\":\"e\",\"text\":\"" + STORY + " (Reuters)\"}")); // no newline at the end

    FloorProgram.Counts c = FloorProgram.run(corpus);

    Shingler shingler = new Shingler(5);
    long shingles =
        2 * shingler.shingles(STORY).length
            + shingler.shingles(OTHER).length
            + shingler.shingles(STORY + " (Reuters)").length;
    assertEquals(5, c.docs());
    assertEquals(4, c.skipped(), "not json, no text, blank, numeric id");
    assertEquals(shingles, c.shingles());
    // a and b share all 9 buckets; e (one shingle more: Jaccard 23/24) joins some of them.
    assertEquals(9, c.buckets(), c.toString());
    assertTrue(c.links() > 9 && c.links() < 18, c.toString());
    // Groups: a, b and e; c; d.
    assertEquals(3, c.clusters(), c.toString());
    assertEquals(2, c.dupDocs());
  }

  @Test
  void differentTextsShareNoBucket() throws Exception {
    Path corpus = work.resolve("c.jsonl");
    Files.write(
        corpus,
        List.of(
            "{\"id\":\"a\",\"text\":\"" + STORY + "\"}",
            "{\"id\":\"b\",\"text\":\"" + OTHER + "\"}",
            "{\"id\":\"c\",\"text\":\"" + STORY.toUpperCase(Locale.ROOT) + "\"}"));
    FloorProgram.Counts c = FloorProgram.run(corpus);
    // a and c differ only in case, which shingles ignore; b is another story.
    assertEquals(new FloorProgram.Counts(3, 0, c.shingles(), 9, 9, 2, 1), c);
  }

  @Test
  void countsTheBucketsAnIndependentLoopCounts() throws Exception {
    Path corpus = work.resolve("synthetic.jsonl");
    new SyntheticCorpus(2_000).write(300, 0.3, 5, corpus, work.resolve("labels.jsonl"));
    // One line far longer than the read buffer (1 MB): about 2.4 MB of text, and then its copy.
    String longText =
        IntStream.range(0, 400_000)
            .mapToObj(i -> "w" + (i % 9973))
            .collect(Collectors.joining(" "));
    String longLine = "{\"id\":\"long\",\"text\":\"" + longText + "\"}";
    Files.writeString(
        corpus,
        longLine + "\n" + longLine.replace("\"long\"", "\"long2\"") + "\n",
        StandardOpenOption.APPEND);
    List<String> lines = Files.readAllLines(corpus);

    FloorProgram.Counts c = FloorProgram.run(corpus);

    assertEquals(302, c.docs());
    assertEquals(0, c.skipped());
    assertEquals(independentLoop(lines), "buckets=" + c.buckets() + " links=" + c.links());
    assertTrue(c.buckets() > 9 && c.dupDocs() > 1, c.toString());
  }

  /**
   * Distinct keys spread over the whole long range (multiplication by the golden ratio, mod 2^64).
   */
  private static long spread(long i) {
    return i * 0x9E3779B97F4A7C15L;
  }

  @Test
  void bucketsKeepKeyZeroAndGrow() {
    FloorProgram.Buckets b = new FloorProgram.Buckets();
    assertEquals(-1, b.add(0, 1));
    for (int i = 1; i <= 200_000; i++) {
      assertEquals(-1, b.add(spread(i), i));
    }
    assertEquals(1, b.add(0, 2));
    assertEquals(1, b.add(0, 3));
    assertEquals(77, b.add(spread(77), 500_000));
    assertEquals(2, b.shared());
    assertEquals(3, b.links());
  }

  @Test
  void benchFloorPrintsTheCountsOfTheCorpus() throws Exception {
    Path corpus = work.resolve("c.jsonl");
    Files.write(
        corpus,
        List.of(
            "{\"id\":\"a\",\"text\":\"" + STORY + "\"}",
            "{\"id\":\"b\",\"text\":\"" + STORY + "\"}"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new String[] {"bench", "floor", "--corpus=" + corpus},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed + err.toString(StandardCharsets.UTF_8));
    assertTrue(
        Pattern.compile(
                "^RESULT floorProgram docs=2 skipped=0 shingles=\\d+ buckets=9"
                    + " links=9 clusters=1 dup_docs=1 sec=[0-9.]+ docs_per_s=\\d+$")
            .matcher(printed.strip())
            .matches(),
        printed);

    assertEquals(
        2,
        Main.run(
            new String[] {"bench", "floor"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--corpus=FILE.jsonl is required"));
  }

  /** Buckets of at least two articles and their members beyond the first, with a HashMap. */
  private static String independentLoop(List<String> lines) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Shingler shingler = new Shingler(Shingler.DEFAULT_K);
    MinHasher minHasher = new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);
    Map<Long, Integer> sizes = new HashMap<>();
    for (String line : lines) {
      JsonNode n = json.readTree(line);
      long[] shingles = shingler.shingles(n.get("text").asText());
      for (long key : FloorProgram.BANDS.bandKeys(minHasher.signature(shingles))) {
        sizes.merge(key, 1, Integer::sum);
      }
    }
    long buckets = sizes.values().stream().filter(s -> s >= 2).count();
    long links = sizes.values().stream().mapToLong(s -> s - 1).sum();
    return "buckets=" + buckets + " links=" + links;
  }
}
