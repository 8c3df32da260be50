package io.newsdedup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdedup.bench.corpus.SyntheticCorpus;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.shingle.Shingler;
import io.newsdedup.testing.TestPipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor's work as a Beam job counts the same LSH buckets as a plain loop over the corpus. */
class RunnerFloorTest {
  @TempDir Path work;

  @Test
  void countsTheBucketsAPlainLoopFinds() throws Exception {
    List<String> lines = corpus(120);
    lines.add("not json");
    lines.add("{\"id\":\"no-text\"}");
    lines.add("");
    String expected = plainLoop(lines);
    assertTrue(!expected.equals("buckets=0 links=0"), "the corpus must have copies: " + expected);

    TestPipeline p = TestPipelines.create();
    PCollection<String> counts = p.apply(Create.of(lines)).apply(new RunnerFloor.CountBuckets());
    PAssert.that(counts).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  @Test
  void mainWritesTheCountsOfTheCorpusFile() throws Exception {
    List<String> lines = corpus(60);
    Path input = work.resolve("corpus.jsonl");
    Files.write(input, lines);
    Path output = work.resolve("counts.txt");
    RunnerFloor.main(new String[] {"--input=" + input, "--output=" + output});
    assertEquals(plainLoop(lines), Files.readString(output).strip());
  }

  private List<String> corpus(int n) throws Exception {
    Path corpus = work.resolve("synthetic-" + n + ".jsonl");
    new SyntheticCorpus(2_000).write(n, 0.3, 7, corpus, work.resolve("labels-" + n + ".jsonl"));
    return new ArrayList<>(Files.readAllLines(corpus));
  }

  /** The same counts without Beam: a map from band key to bucket size. */
  private static String plainLoop(List<String> lines) {
    ObjectMapper json = new ObjectMapper();
    Shingler shingler = new Shingler(Shingler.DEFAULT_K);
    MinHasher minHasher = new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);
    Map<Long, Integer> sizes = new HashMap<>();
    for (String line : lines) {
      JsonNode n;
      try {
        n = json.readTree(line);
      } catch (Exception e) {
        continue;
      }
      if (n == null || !n.path("id").isTextual() || !n.path("text").isTextual()) {
        continue;
      }
      long[] shingles = shingler.shingles(n.get("text").asText());
      if (shingles.length == 0) {
        continue;
      }
      for (long key : RunnerFloor.BANDS.bandKeys(minHasher.signature(shingles))) {
        sizes.merge(key, 1, Integer::sum);
      }
    }
    long buckets = sizes.values().stream().filter(s -> s >= 2).count();
    long links = sizes.values().stream().filter(s -> s >= 2).mapToLong(s -> s - 1).sum();
    return "buckets=" + buckets + " links=" + links;
  }
}
