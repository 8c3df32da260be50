package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.cli.Main;
import io.newsdedup.pipeline.batch.BatchSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same answer on every runner: the batch job on testdata/articles (55 stories, 199 articles)
 * and on testdata/mixed (good and malformed records) gives the same sorted assignments, clusters
 * and rejected records on embedded Flink and on Spark local[2] as on the Direct runner, and
 * summary.json's counts (read from the runner's metrics) are the same.
 */
class RunnerEquivalenceTest {
  @TempDir static Path tmp;
  private static Path directArticles;
  private static Path directMixed;

  static Path run(String runner, String input, String name, String... extra) {
    Path out = tmp.resolve(runner + "-" + name);
    List<String> args =
        new ArrayList<>(
            List.of("batch", "--input=" + input, "--output=" + out, "--runner=" + runner));
    if (runner.equals("SparkRunner")) {
      args.add("--sparkMaster=local[2]");
    }
    args.addAll(List.of(extra));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, runner + " failed:\n" + err.toString(StandardCharsets.UTF_8));
    return out;
  }

  @BeforeAll
  static void runOnDirect() {
    directArticles = run("DirectRunner", "testdata/articles/*", "articles");
    directMixed = run("DirectRunner", "testdata/mixed/*", "mixed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FlinkRunner", "SparkRunner"})
  void sameClustersAndCountsAsDirect(String runner) {
    Path articles = run(runner, "testdata/articles/*", "articles");
    assertSameOutputs(directArticles, articles);
    JsonNode s = BatchOutputs.summary(articles);
    assertEquals(199, s.at("/counts/read").asLong());
    assertEquals(199, s.at("/counts/articles").asLong());
    assertEquals(0, s.at("/counts/rejected").asLong());
    assertEquals(55, s.at("/counts/clusters").asLong());
    assertEquals(runner, s.at("/parameters/runner").asText());
    assertEquals(256, s.at("/parameters/shards").asInt(), "default shards off the Direct runner");

    // Rejections are counted on this runner too: read = articles + rejected holds.
    Path mixed = run(runner, "testdata/mixed/*", "mixed");
    assertSameOutputs(directMixed, mixed);
    JsonNode m = BatchOutputs.summary(mixed);
    assertEquals(14, m.at("/counts/read").asLong());
    assertEquals(4, m.at("/counts/articles").asLong());
    assertEquals(10, m.at("/counts/rejected").asLong());
    assertEquals(3, m.at("/counts/rejected_by_reason/no_text").asLong());
    assertEquals("ok", m.get("status").asText());
  }

  @Test
  void directRunDefaultsToOneShardPerCore() {
    assertEquals(
        BatchSettings.directShards(Runtime.getRuntime().availableProcessors()),
        BatchOutputs.summary(directArticles).at("/parameters/shards").asInt());
  }

  /** Same sorted lines in every output set, and the same counts and counters in summary.json. */
  static void assertSameOutputs(Path expected, Path actual) {
    for (String set : new String[] {"assignments", "clusters", "rejected"}) {
      List<String> want = BatchOutputs.lines(expected, set);
      assertEquals(want, BatchOutputs.lines(actual, set), set + " of " + actual);
    }
    assertFalse(BatchOutputs.lines(actual, "assignments").isEmpty());
    JsonNode want = BatchOutputs.summary(expected);
    JsonNode got = BatchOutputs.summary(actual);
    assertEquals(want.get("counts"), got.get("counts"), "counts of " + actual);
    assertEquals(want.get("counters"), got.get("counters"), "counters of " + actual);
    assertTrue(got.at("/counts/accounting_holds").asBoolean());
  }
}
