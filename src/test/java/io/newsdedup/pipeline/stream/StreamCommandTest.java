package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.cli.Main;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.testing.CommandRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code stream} command line: help, usage errors (exit 2), settings. */
class StreamCommandTest {
  static final String T = "projects/p/topics/";

  static CommandRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("stream"));
    all.addAll(List.of(args));
    return CommandRun.of(all.toArray(String[]::new));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    CommandRun r = run("--help");
    assertEquals(0, r.code());
    for (String option :
        new String[] {
          "--outputTopic=<string>  (required)",
          "--deadLetterTopic=<string>  (required)",
          "--inputSubscription=<string>  (default: none)",
          "--inputTopic=<string>  (default: none)",
          "--output=<string>  (default: none)",
          "--windowMinutes=<int>  (default: 1)",
          "--indexRetention=<string>  (default: \"7d\")",
          "--maxMessageBytes=<int>  (default: 2097152)",
          "--threshold=<double>  (default: 0.5)",
          "--containmentThreshold=<double>  (default: 0.8)",
          "--matchRule=<JACCARD|CONTAINMENT|JACCARD_OR_CONTAINMENT>"
              + "  (default: JACCARD_OR_CONTAINMENT)",
          "--minShingles=<int>  (default: 15)",
          "--chainThreshold=<double>  (default: 0.8)",
          "--numHashes=<int>  (default: 128)",
          "--shingleSize=<int>  (default: 5)",
          "--lshThreshold=<double>  (default: 0.0)",
          "--anchors=<boolean>  (default: true)",
          "--titleCandidates=<boolean>  (default: true)",
          "--boilerplateRules=<string>  (default: none)",
          "--wireSources=<string>  (default: none)",
          "--aggregatorSources=<string>  (default: none)",
          "--pubsubRootUrl=<string>  (default: \"https://pubsub.googleapis.com\")",
          "--project=<string>",
          "--credentialFactoryClass=<class name>"
        }) {
      assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
    }
    // batch-only options are not offered
    assertTrue(!r.out().contains("--learnBoilerplate") && !r.out().contains("--shards="), r.out());
    assertTrue(
        Main.run(new String[] {"--help"}, new PrintStream(new ByteArrayOutputStream()), System.err)
            == 0);
  }

  @Test
  void usageErrorsExitWithTwo() {
    String[] io = {"--outputTopic=" + T + "out", "--deadLetterTopic=" + T + "dead"};
    assertUsage(run("--inputTopic=" + T + "in"), "--outputTopic");
    assertUsage(run(io), "exactly one of --inputSubscription and --inputTopic");
    assertUsage(
        run(with(io, "--inputTopic=" + T + "in", "--inputSubscription=projects/p/subscriptions/s")),
        "exactly one");
    assertUsage(run(with(io, "--inputTopic=topics/in")), "--inputTopic must look like");
    assertUsage(run(with(io, "--inputSubscription=" + T + "in")), "--inputSubscription must");
    assertUsage(
        run("--inputTopic=" + T + "in", "--outputTopic=out", "--deadLetterTopic=" + T + "dead"),
        "--outputTopic must look like");
    assertUsage(
        run(with(io, "--inputTopic=" + T + "in", "--indexRetention=7 days")),
        "--indexRetention must be");
    assertUsage(
        run(with(io, "--inputTopic=" + T + "in", "--indexRetention=0d")),
        "--indexRetention must be");
    assertUsage(run(with(io, "--inputTopic=" + T + "in", "--threshold=1.5")), "threshold");
    assertUsage(run(with(io, "--inputTopic=" + T + "in", "--numHashes=100")), "--numHashes");
    assertUsage(
        run(with(io, "--inputTopic=" + T + "in", "--maxMessageBytes=0")), "--maxMessageBytes");
    assertUsage(run(with(io, "--inputTopic=" + T + "in", "--windowMinutes=0")), "--windowMinutes");
    assertUsage(run(with(io, "--inputTopic=" + T + "in", "--indexRetentoin=7d")), "indexRetention");
  }

  @Test
  void settingsFollowTheOptions() {
    StreamSettings s =
        StreamSettings.from(
            StreamPipeline.options(
                "--inputSubscription=" + "projects/p/subscriptions/articles",
                "--outputTopic=" + T + "out",
                "--deadLetterTopic=" + T + "dead",
                "--indexRetention=36h",
                "--threshold=0.4"));
    assertEquals(
        new PubsubEnds("projects/p/subscriptions/articles", null, T + "out", T + "dead"), s.ends());
    assertEquals(36 * 3_600_000L, s.retention().millis());
    assertEquals(0.4, s.matching().rule().jaccardThreshold());
    assertEquals(2 * 1024 * 1024, s.maxMessageBytes());
    assertEquals(null, s.output());
  }

  @Test
  void retentionSpecs() {
    assertEquals(7 * 86_400_000L, Retention.parse("7d").millis());
    assertEquals(90 * 60_000L, Retention.parse("90m").millis());
    assertEquals(45_000L, Retention.parse("45s").millis());
    assertTrue(Retention.parse("0").forever());
    assertEquals(StreamIndex.NEVER, Retention.FOREVER.expiryOf(0));
    Retention hour = Retention.parse("1h");
    assertEquals(3_515, hour.granularityMillis());
    long expiry = hour.expiryOf(1_000_000);
    assertTrue(expiry >= 1_000_000 + 3_600_000 && expiry < 1_000_000 + 3_600_000 + 3_515);
    assertEquals(0, expiry % 3_515);
    assertEquals(590_625, Retention.parse("7d").granularityMillis());
    assertEquals(3_600_000, Retention.parse("3650d").granularityMillis());
    assertEquals(1_000, Retention.parse("10m").granularityMillis());
    assertEquals("36h", Retention.parse("36h").toString());
    for (String bad : new String[] {"", "7", "7 d", "-1d", "1w", "0h", "99999999999999d"}) {
      assertThrows(IllegalArgumentException.class, () -> Retention.parse(bad), bad);
    }
    assertThrows(
        UsageException.class,
        () ->
            StreamSettings.from(
                StreamPipeline.options(
                    "--inputTopic=" + T + "in",
                    "--outputTopic=" + T + "out",
                    "--deadLetterTopic=" + T + "d",
                    "--indexRetention=1w")));
  }

  private static String[] with(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static void assertUsage(CommandRun r, String expected) {
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(expected), expected + " not in: " + r.err());
  }
}
