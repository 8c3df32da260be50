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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code stream} command line: help, usage errors (exit 2), settings, Pub/Sub and Kafka. */
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
          "--outputTopic=<string>  (default: none)",
          "--deadLetterTopic=<string>  (default: none)",
          "--kafkaBootstrapServers=<string>  (default: none)",
          "--kafkaInputTopic=<string>  (default: none)",
          "--kafkaOutputTopic=<string>  (default: none)",
          "--kafkaDeadLetterTopic=<string>  (default: none)",
          "--kafkaConsumerGroup=<string>  (default: \"news-dedup-stream\")",
          "--kafkaPropertiesFile=<string>  (default: none)",
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

  static final String[] KAFKA = {
    "--kafkaBootstrapServers=k1:9092, [::1]:9093",
    "--kafkaInputTopic=articles",
    "--kafkaOutputTopic=decisions",
    "--kafkaDeadLetterTopic=dead.letters"
  };

  @Test
  void kafkaSettingsFollowTheOptions(@TempDir Path tmp) throws IOException {
    StreamSettings s = StreamSettings.from(StreamPipeline.options(KAFKA));
    assertEquals(
        new KafkaEnds(
            "k1:9092,[::1]:9093",
            "articles",
            "decisions",
            "dead.letters",
            KafkaEnds.DEFAULT_CONSUMER_GROUP,
            Map.of()),
        s.ends());
    Path file = tmp.resolve("client.properties");
    Files.writeString(
        file,
        """
        # SASL over TLS
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
            username="u" password="p,=;";
        auto.offset.reset=latest
        """);
    KafkaEnds k =
        (KafkaEnds)
            StreamSettings.from(
                    StreamPipeline.options(
                        with(KAFKA, "--kafkaConsumerGroup=g1", "--kafkaPropertiesFile=" + file)))
                .ends();
    assertEquals("g1", k.consumerGroup());
    assertEquals(
        Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"u\" password=\"p,=;\";",
            "auto.offset.reset", "latest"),
        k.properties());
    // the file's settings over the default offset reset; the group is the option's
    assertEquals("latest", k.consumerSettings().get("auto.offset.reset"));
    assertEquals("g1", k.consumerSettings().get("group.id"));
    assertEquals("earliest", ((KafkaEnds) s.ends()).consumerSettings().get("auto.offset.reset"));
    assertEquals("articles/2/17", KafkaEnds.messageId("articles", 2, 17));
  }

  @Test
  void kafkaUsageErrorsExitWithTwo(@TempDir Path tmp) throws IOException {
    assertUsage(run(), "give an input");
    assertUsage(run(with(KAFKA, "--inputTopic=" + T + "in")), "not both");
    assertUsage(run(with(KAFKA, "--outputTopic=" + T + "out")), "not both");
    assertUsage(run("--kafkaInputTopic=a", "--kafkaOutputTopic=b"), "--kafkaBootstrapServers");
    assertUsage(
        run(
            "--kafkaBootstrapServers=k1",
            "--kafkaInputTopic=a",
            "--kafkaOutputTopic=b",
            "--kafkaDeadLetterTopic=c"),
        "--kafkaBootstrapServers must be HOST:PORT");
    assertUsage(
        run("--kafkaBootstrapServers=k1:9092", "--kafkaInputTopic=a", "--kafkaOutputTopic=b"),
        "missing --kafkaDeadLetterTopic");
    assertUsage(run(KAFKA[0], KAFKA[1], "--kafkaOutputTopic=articles", KAFKA[3]), "must differ");
    assertUsage(
        run(KAFKA[0], "--kafkaInputTopic=projects/p/topics/x", KAFKA[2], KAFKA[3]),
        "Kafka topic name");
    assertUsage(
        run(with(KAFKA, "--kafkaPropertiesFile=" + tmp.resolve("missing"))),
        "--kafkaPropertiesFile: cannot read");
    Path own = tmp.resolve("own.properties");
    Files.writeString(own, "group.id=other\n");
    assertUsage(run(with(KAFKA, "--kafkaPropertiesFile=" + own)), "group.id is set by the job");
    assertUsage(
        run(with(KAFKA, "--kafkaConsumerGroup=g", "--inputSubscription=" + T + "x")), "not both");
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
