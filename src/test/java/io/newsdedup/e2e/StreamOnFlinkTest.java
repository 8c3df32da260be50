package io.newsdedup.e2e;

import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.PROJECT;
import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.createSubscription;
import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.createTopic;
import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.publish;
import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.pull;
import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.core.article.Article;
import io.newsdedup.e2e.StreamOnPubsubEmulatorTest.Message;
import io.newsdedup.e2e.StreamOnPubsubEmulatorTest.Names;
import io.newsdedup.pipeline.stream.StreamPipeline;
import io.newsdedup.pipeline.stream.StreamTestData;
import io.newsdedup.pipeline.stream.StreamTestData.Assigned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream job as production runs it: embedded Flink in streaming mode, the RocksDB state
 * backend, checkpoints every two seconds, retained when the job is cancelled (the options of
 * pipelines/stream-flink/options-flink.txt); articles from the Pub/Sub emulator. Job 1 decides 120
 * of testdata/'s articles and is stopped once a checkpoint holds them all; job 2 restarts from that
 * checkpoint (as {@code flink run -s} would from a savepoint) and decides the other 79. The index
 * survived: job 2's decisions number on from job 1's, copies published after the restart join the
 * clusters (and keep the cluster ids) of stories decided before it, no article is decided twice,
 * and the final clusters and canonicals over both jobs are batch's over all 199 articles.
 */
class StreamOnFlinkTest {
  @TempDir static Path tmp;

  @BeforeAll
  static void startEmulator() throws Exception {
    StreamOnPubsubEmulatorTest.startEmulator();
  }

  @AfterAll
  static void stopEmulator() throws InterruptedException {
    StreamOnPubsubEmulatorTest.stopEmulator();
  }

  @Test
  @Timeout(300)
  void aJobRestartedFromItsCheckpointKeepsTheIndexAndEndsWithTheBatchClusters() throws Exception {
    List<Article> articles = new ArrayList<>(StreamTestData.articles());
    Path batchDir = Files.createDirectories(tmp.resolve("batch"));
    Map<String, Assigned> batch = StreamTestData.batch(articles, batchDir);
    Collections.shuffle(articles, new Random(5));
    List<Article> before = articles.subList(0, 120);
    List<Article> after = articles.subList(120, articles.size());

    Names n = Names.fresh("flink");
    createTopic(n.articles());
    createSubscription(n.articles() + "-sub", n.articles());
    for (String topic : List.of(n.decisions(), n.rejected())) {
      createTopic(topic);
      createSubscription(topic + "-sub", topic);
    }
    Path state = tmp.resolve("state");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--inputSubscription=projects/"
                    + PROJECT
                    + "/subscriptions/"
                    + n.articles()
                    + "-sub",
                "--outputTopic=projects/" + PROJECT + "/topics/" + n.decisions(),
                "--deadLetterTopic=projects/" + PROJECT + "/topics/" + n.rejected(),
                "--indexRetention=0",
                "--pubsubRootUrl=" + StreamOnPubsubEmulatorTest.root,
                "--project=" + PROJECT,
                "--credentialFactoryClass="
                    + "org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
                "--attachedMode=false",
                "--parallelism=2",
                "--stateBackendStoragePath=" + state.toUri(),
                "--checkpointingInterval=2000"));
    // the options pipelines/stream-flink documents, checkpoints every 2 s instead of 10
    for (String line : Files.readAllLines(Path.of("pipelines/stream-flink/options-flink.txt"))) {
      if (!line.isBlank()
          && !line.startsWith("#")
          && !line.startsWith("--checkpointingInterval=")) {
        args.add(line.trim());
      }
    }
    assertTrue(args.contains("--stateBackend=rocksdb"), args.toString());

    Map<Long, JsonNode> first = new TreeMap<>();
    long started = System.nanoTime();
    PipelineResult job = StreamPipeline.start(StreamPipeline.options(args.toArray(String[]::new)));
    Path checkpoint;
    try {
      publish(n.articles(), messages(before));
      waitFor(
          Duration.ofSeconds(120),
          () -> {
            pull(n.decisions() + "-sub")
                .forEach(m -> first.put(m.json().get("seq").asLong(), m.json()));
            return StreamOnPubsubEmulatorTest.complete(first, before.size());
          },
          "job 1's decisions on " + before.size() + " articles");
      long decided = System.currentTimeMillis();
      // a checkpoint begun after the last decision holds every one of them in the index
      waitFor(
          Duration.ofSeconds(60),
          () -> latestCheckpoint(state, decided).isPresent(),
          "a checkpoint completed after job 1's last decision");
      checkpoint = latestCheckpoint(state, decided).orElseThrow();
    } finally {
      job.cancel();
    }
    pull(n.decisions() + "-sub").forEach(m -> first.put(m.json().get("seq").asLong(), m.json()));
    long lastSeqOfJob1 = Collections.max(first.keySet());

    args.add("--savepointPath=" + checkpoint.toUri());
    Map<Long, JsonNode> second = new TreeMap<>();
    job = StreamPipeline.start(StreamPipeline.options(args.toArray(String[]::new)));
    try {
      publish(n.articles(), messages(after));
      waitFor(
          Duration.ofSeconds(120),
          () -> {
            pull(n.decisions() + "-sub")
                .forEach(m -> second.put(m.json().get("seq").asLong(), m.json()));
            Set<String> own = new HashSet<>();
            second.values().stream()
                .filter(d -> !d.get("status").asText().equals("canonical_changed"))
                .forEach(d -> own.add(d.get("id").asText()));
            return own.size() >= after.size();
          },
          "job 2's decisions on " + after.size() + " articles");
    } finally {
      job.cancel();
    }
    System.err.printf(
        "stream on Flink with RocksDB, restarted from %s: %d + %d decisions in %.1f s%n",
        state.relativize(checkpoint),
        first.size(),
        second.size(),
        (System.nanoTime() - started) / 1e9);

    // the index came back: job 2 numbers its decisions on from job 1's
    assertTrue(
        Collections.min(second.keySet()) > lastSeqOfJob1,
        "job 2 started its decision numbers again: the index was lost");
    Set<String> afterIds = new HashSet<>();
    after.forEach(a -> afterIds.add(a.id()));
    Map<String, Integer> own = new TreeMap<>();
    Map<String, JsonNode> latest = new TreeMap<>();
    for (Map<Long, JsonNode> job1or2 : List.of(first, second)) {
      for (JsonNode d : job1or2.values()) {
        String id = d.get("id").asText();
        if (!d.get("status").asText().equals("canonical_changed")) {
          own.merge(id, 1, Integer::sum);
          if (job1or2 == second) {
            assertTrue(afterIds.contains(id), "decided again after the restart: " + id);
          }
        }
        latest.put(id, d);
      }
    }
    assertEquals(batch.keySet(), own.keySet(), "every article decided");
    own.forEach((id, count) -> assertEquals(1, count, "decided " + count + " times: " + id));

    // copies published after the restart joined stories decided before it, under their ids
    Map<String, String> clusterBeforeRestart = new TreeMap<>();
    first
        .values()
        .forEach(d -> clusterBeforeRestart.put(d.get("id").asText(), d.get("cluster_id").asText()));
    int joined = 0;
    for (JsonNode d : second.values()) {
      String canonical = d.get("canonical_id").asText();
      if (d.get("status").asText().equals("duplicate")
          && clusterBeforeRestart.containsKey(canonical)) {
        assertEquals(
            clusterBeforeRestart.get(canonical), d.get("cluster_id").asText(), d.toString());
        joined++;
      }
    }
    assertTrue(
        joined >= 10, "only " + joined + " copies joined a story decided before the restart");

    Map<String, String> clusterOf = new TreeMap<>();
    Map<String, String> canonicalOf = new TreeMap<>();
    latest.forEach(
        (id, d) -> {
          clusterOf.put(id, d.get("cluster_id").asText());
          canonicalOf.put(id, d.get("canonical_id").asText());
        });
    StreamTestData.assertSameAsBatch(batch, clusterOf, canonicalOf);
    assertFalse(pull(n.rejected() + "-sub").iterator().hasNext(), "no dead letters");
  }

  static List<Message> messages(List<Article> articles) {
    List<Message> out = new ArrayList<>();
    articles.forEach(a -> out.add(new Message(StreamTestData.json(a), Map.of())));
    return out;
  }

  /** The newest completed checkpoint (chk-N with its _metadata) written after {@code since}. */
  static Optional<Path> latestCheckpoint(Path state, long since) {
    if (!Files.isDirectory(state)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.walk(state, 3)) {
      return s.filter(p -> p.getFileName().toString().startsWith("chk-"))
          .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
          .filter(p -> modified(p.resolve("_metadata")) > since)
          .max(Comparator.comparingLong(p -> modified(p.resolve("_metadata"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
