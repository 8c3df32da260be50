package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.Origin;
import io.newsdedup.pipeline.stream.StreamOptions;
import io.newsdedup.pipeline.stream.StreamPipeline;
import io.newsdedup.pipeline.stream.StreamTestData;
import io.newsdedup.pipeline.stream.StreamTestData.Assigned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream job against the real Pub/Sub emulator: starts the emulator on a free port, creates
 * topics and subscriptions over its REST API, publishes testdata/ (the 199 articles, some with
 * their id and published_at as attributes, one twice; the lines of testdata/mixed/feed.jsonl, good
 * and malformed; a message too large), runs the job (Direct runner, PubsubIO's JSON client), pulls
 * decisions until every article has one and the decision numbers have no gap, and checks them
 * against the batch job on the same records; then publishes an article under an id already taken
 * and sees it dead-lettered. Cancels the job and stops the emulator, also on failure.
 */
class StreamOnPubsubEmulatorTest {
  static final Path EMULATOR =
      Path.of("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");
  static final String PROJECT = "news-dedup-it";
  static final ObjectMapper JSON = new ObjectMapper();

  static Process emulator;
  static String root;
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path tmp;

  @BeforeAll
  static void startEmulator() throws Exception {
    assertTrue(
        Files.isExecutable(EMULATOR),
        "the Pub/Sub emulator is not installed at " + EMULATOR + " (see ENVIRONMENT.md)");
    assertEquals(
        "true",
        System.getenv("NO_GCE_CHECK"),
        "NO_GCE_CHECK=true must be in the environment (Maven's surefire configuration sets it)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Path.of("target", "pubsub-emulator-" + port + ".log");
    Files.createDirectories(log.getParent());
    emulator =
        new ProcessBuilder(EMULATOR.toString(), "--host=127.0.0.1", "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    root = "http://127.0.0.1:" + port;
    int p = port;
    waitFor(
        Duration.ofSeconds(60),
        () -> {
          if (!emulator.isAlive()) {
            fail("the emulator exited; see " + log);
          }
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", p), 500);
            return true;
          } catch (IOException e) {
            return false;
          }
        },
        "the emulator to listen on port " + port + " (log: " + log + ")");
  }

  @AfterAll
  static void stopEmulator() throws InterruptedException {
    if (emulator != null) {
      emulator.descendants().forEach(ProcessHandle::destroy);
      emulator.destroy();
      if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
        emulator.descendants().forEach(ProcessHandle::destroyForcibly);
        emulator.destroyForcibly();
      }
    }
  }

  /** Topic and subscription names of one test: fresh ones, so no test sees another's messages. */
  record Names(String articles, String decisions, String rejected) {
    static Names fresh(String test) {
      String s = test + "-" + Long.toString(System.nanoTime(), 36);
      return new Names("articles-" + s, "decisions-" + s, "rejected-" + s);
    }
  }

  @Test
  @Timeout(180)
  void everyArticleIsDecidedAndTheClustersAreTheBatchClusters() throws Exception {
    Input in = Input.of(tmp);
    List<Article> articles = in.articles();
    List<Message> messages = in.messages();
    List<Message> poison = in.poison();
    List<String> reasons = in.reasons();
    Message takenId = in.takenId();
    Map<String, Assigned> batch = in.batch();
    Names n = Names.fresh("all");
    for (String topic : List.of(n.articles(), n.decisions(), n.rejected())) {
      createTopic(topic);
      createSubscription(topic + "-sub", topic);
    }
    // half the stream is waiting when the job starts, the rest arrives while it runs
    publish(n.articles(), messages.subList(0, 100));
    Map<String, String> poisonIds = new HashMap<>();
    List<String> ids = publish(n.articles(), poison);
    for (int i = 0; i < ids.size(); i++) {
      poisonIds.put(ids.get(i), reasons.get(i));
    }
    StreamOptions options =
        StreamPipeline.options(
            "--inputSubscription=projects/" + PROJECT + "/subscriptions/" + n.articles() + "-sub",
            "--outputTopic=projects/" + PROJECT + "/topics/" + n.decisions(),
            "--deadLetterTopic=projects/" + PROJECT + "/topics/" + n.rejected(),
            "--indexRetention=0",
            "--maxMessageBytes=200000",
            "--pubsubRootUrl=" + root,
            "--project=" + PROJECT,
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory");
    long started = System.nanoTime();
    PipelineResult job = StreamPipeline.start(options);
    Map<Long, JsonNode> decisions = new TreeMap<>();
    Map<String, JsonNode> deadLetters = new TreeMap<>();
    try {
      publish(n.articles(), messages.subList(100, messages.size()));
      waitFor(
          Duration.ofSeconds(120),
          () -> {
            for (Pulled m : pull(n.decisions() + "-sub")) {
              JsonNode d = m.json();
              assertEquals(d.get("id").asText(), m.attributes().get("id"));
              assertEquals(d.get("status").asText(), m.attributes().get("status"));
              decisions.put(d.get("seq").asLong(), d);
            }
            for (Pulled m : pull(n.rejected() + "-sub")) {
              deadLetters.put(m.json().get("message_id").asText(), m.json());
              assertEquals(m.json().get("reason").asText(), m.attributes().get("reason"));
            }
            return complete(decisions, articles.size()) && deadLetters.size() >= poison.size();
          },
          "a decision for every article and every dead letter");
      // an id already indexed, with other content
      String taken = publish(n.articles(), List.of(takenId)).get(0);
      poisonIds.put(taken, "duplicate_id");
      waitFor(
          Duration.ofSeconds(60),
          () -> {
            for (Pulled m : pull(n.rejected() + "-sub")) {
              deadLetters.put(m.json().get("message_id").asText(), m.json());
            }
            for (Pulled m : pull(n.decisions() + "-sub")) {
              decisions.put(m.json().get("seq").asLong(), m.json());
            }
            return deadLetters.containsKey(taken);
          },
          "the duplicate_id dead letter");
    } finally {
      job.cancel();
    }
    System.err.printf(
        "stream on the emulator: %d decisions, %d dead letters in %.1f s%n",
        decisions.size(), deadLetters.size(), (System.nanoTime() - started) / 1e9);

    assertDecidedAsBatch(decisions, batch);

    // poison messages: dead-lettered with their message id and reason, nothing else
    assertEquals(poisonIds.keySet(), deadLetters.keySet());
    poisonIds.forEach(
        (id, reason) -> assertEquals(reason, deadLetters.get(id).get("reason").asText(), id));
    JsonNode noText = deadLetters.get(ids.get(ids.size() - 2));
    assertEquals("test", noText.get("attributes").get("origin").asText());
    assertTrue(noText.get("raw").asText().contains("A headline and nothing"));
  }

  /** --inputTopic: the job subscribes when it starts and decides what is published after that. */
  @Test
  @Timeout(120)
  void aJobReadingATopicDecidesWhatIsPublishedAfterItStarts() throws Exception {
    Names n = topicsOf("topic");
    Map<String, Article> byId = articlesById();
    List<String> args = new ArrayList<>(readingTopic(n));
    args.add("--indexRetention=0");
    StreamOptions options = StreamPipeline.options(args.toArray(String[]::new));
    PipelineResult job = StreamPipeline.start(options);
    Map<Long, JsonNode> decisions = new TreeMap<>();
    try {
      waitFor(
          Duration.ofSeconds(60),
          () -> !subscriptions(n.articles()).isEmpty(),
          "the job's subscription to " + n.articles());
      List<String> story = List.of("headlinestream24-21714567d6", "ap-58da1d4c74");
      for (String id : story) {
        publish(n.articles(), List.of(new Message(StreamTestData.json(byId.get(id)), Map.of())));
      }
      waitFor(
          Duration.ofSeconds(60),
          () -> {
            for (Pulled m : pull(n.decisions() + "-sub")) {
              decisions.put(m.json().get("seq").asLong(), m.json());
            }
            return complete(decisions, story.size());
          },
          "decisions on both articles");
    } finally {
      job.cancel();
    }
    Map<String, JsonNode> latest = new TreeMap<>();
    decisions.values().forEach(d -> latest.put(d.get("id").asText(), d));
    assertEquals(Set.of("headlinestream24-21714567d6", "ap-58da1d4c74"), latest.keySet());
    latest.values().forEach(d -> assertEquals("ap-58da1d4c74", d.get("canonical_id").asText()));
    assertEquals(
        latest.get("ap-58da1d4c74").get("cluster_id"),
        latest.get("headlinestream24-21714567d6").get("cluster_id"));
  }

  /**
   * {@code stream} as a user runs it ({@code Main.main}, which runs the job in a child JVM):
   * SIGTERM stops it within seconds with exit 143 and a message, both JVMs end, and an article
   * published afterwards is decided by nobody.
   */
  @Test
  @Timeout(180)
  void sigtermStopsAStreamAndNothingMoreIsDecided() throws Exception {
    Names n = topicsOf("sigterm");
    Map<String, Article> byId = articlesById();
    Path log = tmp.resolve("stream-" + n.articles() + ".log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.newsdedup.cli.Main",
                "stream"));
    cmd.addAll(readingTopic(n));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("NEWS_DEDUP_IN_PROCESS"); // the supervised child JVM is under test
    Process command = pb.redirectOutput(log.toFile()).start();
    List<ProcessHandle> jvms = new ArrayList<>();
    try {
      waitFor(
          Duration.ofSeconds(90),
          () -> !subscriptions(n.articles()).isEmpty(),
          "the job's subscription to " + n.articles());
      publish(
          n.articles(),
          List.of(new Message(StreamTestData.json(byId.get("ap-58da1d4c74")), Map.of())));
      waitFor(
          Duration.ofSeconds(60),
          () -> !pull(n.decisions() + "-sub").isEmpty(),
          "a decision on the first article");
      jvms.add(command.toHandle());
      jvms.addAll(command.descendants().toList());
      assertTrue(jvms.size() >= 2, "the command and the job's JVM: " + jvms);
      command.destroy(); // SIGTERM
      assertTrue(command.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIGTERM");
    } finally {
      command.destroyForcibly();
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(143, command.exitValue(), text);
    assertTrue(
        text.contains(
            "news-dedup stream: interrupted (SIGTERM or Ctrl-C); the run was" + " stopped."),
        text);
    for (ProcessHandle h : jvms) {
      h.onExit().get(30, TimeUnit.SECONDS);
    }
    publish(
        n.articles(),
        List.of(
            new Message(StreamTestData.json(byId.get("headlinestream24-21714567d6")), Map.of())));
    Thread.sleep(5000);
    assertEquals(List.of(), pull(n.decisions() + "-sub"), "a decision after the stop");
  }

  /**
   * A restart, as the README documents it for the Direct runner: the index is lost, delivery is at
   * least once. Job 1 decides the wire original; it is cancelled; job 2 reads the same
   * subscription. What job 1 had not acknowledged, Pub/Sub delivers again (after the 10 s ack
   * deadline), and job 2 decides it again into the same cluster id (cluster ids are a function of
   * the article that founded the cluster); then the repost and an unrelated story arrive. Nothing
   * is lost, nothing unpublished is decided, and the repost joins the original exactly when the
   * original was delivered again (otherwise it starts a cluster of its own: the lost index).
   */
  @Test
  @Timeout(180)
  void aRestartedJobLosesNothingAndRedecidesOnlyWhatWasNotAcknowledged() throws Exception {
    Names n = Names.fresh("restart");
    createTopic(n.articles());
    call(
        "PUT",
        "/v1/projects/" + PROJECT + "/subscriptions/" + n.articles() + "-sub",
        "{\"topic\": \"projects/"
            + PROJECT
            + "/topics/"
            + n.articles()
            + "\", \"ackDeadlineSeconds\": 10}");
    for (String topic : List.of(n.decisions(), n.rejected())) {
      createTopic(topic);
      createSubscription(topic + "-sub", topic);
    }
    Map<String, Article> byId = new HashMap<>();
    StreamTestData.articles().forEach(a -> byId.put(a.id(), a));
    String original = "ap-58da1d4c74";
    String repost = "headlinestream24-21714567d6";
    String other =
        StreamTestData.articles().stream()
            .map(Article::id)
            .filter(id -> !id.equals(original) && !id.equals(repost) && id.startsWith("ap-"))
            .filter(id -> !byId.get(id).title().equals(byId.get(original).title()))
            .findFirst()
            .orElseThrow();
    List<String> args =
        List.of(
            "--inputSubscription=projects/" + PROJECT + "/subscriptions/" + n.articles() + "-sub",
            "--outputTopic=projects/" + PROJECT + "/topics/" + n.decisions(),
            "--deadLetterTopic=projects/" + PROJECT + "/topics/" + n.rejected(),
            "--indexRetention=0",
            "--pubsubRootUrl=" + root,
            "--project=" + PROJECT,
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory");
    List<JsonNode> first = new ArrayList<>();
    PipelineResult job = StreamPipeline.start(StreamPipeline.options(args.toArray(String[]::new)));
    try {
      publish(
          n.articles(), List.of(new Message(StreamTestData.json(byId.get(original)), Map.of())));
      waitFor(
          Duration.ofSeconds(60),
          () -> {
            pull(n.decisions() + "-sub").forEach(m -> first.add(m.json()));
            return !first.isEmpty();
          },
          "the original's decision");
    } finally {
      job.cancel();
    }
    assertEquals(1, first.size(), "one decision before the restart: " + first);
    String clusterOfOriginal = first.get(0).get("cluster_id").asText();

    List<JsonNode> second = new ArrayList<>();
    job = StreamPipeline.start(StreamPipeline.options(args.toArray(String[]::new)));
    try {
      // let an unacknowledged message come back (ack deadline 10 s) before the repost arrives
      long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      waitFor(
          Duration.ofSeconds(30),
          () -> {
            pull(n.decisions() + "-sub").forEach(m -> second.add(m.json()));
            return System.nanoTime() > until;
          },
          "the ack deadline");
      publish(
          n.articles(),
          List.of(
              new Message(StreamTestData.json(byId.get(repost)), Map.of()),
              new Message(StreamTestData.json(byId.get(other)), Map.of())));
      waitFor(
          Duration.ofSeconds(60),
          () -> {
            pull(n.decisions() + "-sub").forEach(m -> second.add(m.json()));
            Set<String> decided = new HashSet<>();
            second.forEach(d -> decided.add(d.get("id").asText()));
            return decided.contains(repost) && decided.contains(other);
          },
          "decisions on the repost and the other story after the restart");
    } finally {
      job.cancel();
    }
    Map<String, JsonNode> latest = new TreeMap<>();
    second.forEach(d -> latest.put(d.get("id").asText(), d));
    assertTrue(
        Set.of(original, repost, other).containsAll(latest.keySet()),
        "only published articles are decided: " + latest.keySet());
    assertEquals("new", latest.get(other).get("status").asText());
    if (latest.containsKey(original)) { // delivered again: decided again, same cluster id
      assertEquals(clusterOfOriginal, latest.get(original).get("cluster_id").asText());
      assertEquals(original, latest.get(repost).get("canonical_id").asText());
      assertEquals(clusterOfOriginal, latest.get(repost).get("cluster_id").asText());
    } else { // acknowledged before the stop: the new index has not seen it
      assertEquals("new", latest.get(repost).get("status").asText());
      assertEquals(repost, latest.get(repost).get("canonical_id").asText());
    }
  }

  /**
   * What the main test publishes, against the emulator and against Kafka alike: testdata/ (the 199
   * articles, shuffled, every tenth with its id and published_at as attributes and garbage in the
   * JSON's fields, one delivered twice), the good lines of testdata/mixed/feed.jsonl as articles
   * and its bad ones as {@code poison} with batch's reason, a message without text (with an
   * attribute {@code origin}) and one too large for {@code --maxMessageBytes=200000}; {@code
   * takenId} is the feed's second line with id m1 (other content), to publish once the first is
   * decided. {@code batch} is the batch job's assignment of the articles.
   */
  record Input(
      List<Article> articles,
      Map<String, Assigned> batch,
      List<Message> messages,
      List<Message> poison,
      List<String> reasons,
      Message takenId) {

    static Input of(Path tmp) throws IOException {
      List<Article> articles = new ArrayList<>(StreamTestData.articles());
      List<Message> poison = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      Message takenId = null;
      Set<String> mixedIds = new HashSet<>();
      for (String line : Files.readAllLines(Path.of("testdata/mixed/feed.jsonl"))) {
        if (line.isBlank()) {
          continue;
        }
        ArticleParser.Parsed parsed = ArticleParser.parseJsonLine(line, Origin.ofLine("feed", 1));
        if (parsed.article() == null) {
          poison.add(new Message(line, Map.of()));
          reasons.add(parsed.rejection().reason());
        } else if (mixedIds.add(parsed.article().id())) {
          articles.add(parsed.article());
        } else {
          takenId = new Message(line, Map.of());
        }
      }
      assertNotNull(takenId);
      assertEquals(203, articles.size());
      Map<String, Assigned> batch = StreamTestData.batch(articles, tmp);
      Collections.shuffle(articles, new Random(11));
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        Article a = articles.get(i);
        ObjectNode json = (ObjectNode) JSON.readTree(StreamTestData.json(a));
        Map<String, String> attributes = new TreeMap<>();
        if (i % 10 == 0) {
          // id and published_at as attributes: they override the JSON
          attributes.put("id", a.id());
          json.put("id", "not-" + a.id());
          if (a.publishedAt() != null) {
            attributes.put("published_at", a.publishedAt().toString());
            json.put("published_at", "garbage");
          }
        }
        messages.add(new Message(JSON.writeValueAsString(json), attributes));
      }
      messages.add(messages.get(7)); // delivered twice: one decision
      poison.add(
          new Message(
              "{\"id\": \"no-text-here\", \"title\": \"A headline and nothing\"}",
              Map.of("origin", "test")));
      reasons.add("no_text");
      poison.add(new Message("{\"text\": \"" + "too large ".repeat(30_000) + "\"}", Map.of()));
      reasons.add("too_large");
      assertEquals(
          Set.of("malformed_json", "not_an_object", "no_text", "invalid_field", "too_large"),
          Set.copyOf(reasons));
      return new Input(articles, batch, messages, poison, reasons, takenId);
    }
  }

  /**
   * The decisions (by {@code seq}) against batch: every article decided once (a duplicate delivery
   * changes nothing), then maybe re-decided; the final clusters and canonicals are batch's.
   */
  static void assertDecidedAsBatch(Map<Long, JsonNode> decisions, Map<String, Assigned> batch) {
    Map<String, JsonNode> latest = new TreeMap<>();
    Map<String, Integer> own = new TreeMap<>();
    for (JsonNode d : decisions.values()) {
      String id = d.get("id").asText();
      String status = d.get("status").asText();
      assertTrue(Set.of("new", "duplicate", "canonical_changed").contains(status), status);
      if (status.equals("canonical_changed")) {
        assertTrue(latest.containsKey(id), "re-decided before decided: " + id);
        assertNotNull(d.get("previous_canonical_id"), d.toString());
      } else {
        own.merge(id, 1, Integer::sum);
        assertEquals(status.equals("new"), d.get("is_canonical").asBoolean(), d.toString());
      }
      assertTrue(d.get("indexed").asBoolean(), d.toString());
      assertFalse(d.get("decided_at").asText().isEmpty());
      latest.put(id, d);
    }
    assertEquals(batch.keySet(), own.keySet());
    own.forEach((id, count) -> assertEquals(1, count, id));
    Map<String, String> clusterOf = new TreeMap<>();
    Map<String, String> canonicalOf = new TreeMap<>();
    latest.forEach(
        (id, d) -> {
          clusterOf.put(id, d.get("cluster_id").asText());
          canonicalOf.put(id, d.get("canonical_id").asText());
          if (d.get("is_canonical").asBoolean()) {
            assertEquals(id, d.get("canonical_id").asText());
          }
        });
    assertEquals(
        StreamTestData.partition(StreamTestData.clusterOf(batch)),
        StreamTestData.partition(clusterOf),
        "final clusters = batch clusters");
    Map<String, String> batchCanonical = new TreeMap<>();
    batch.forEach((id, a) -> batchCanonical.put(id, a.canonicalId()));
    assertEquals(batchCanonical, canonicalOf);
  }

  /**
   * Whether every article has its own decision and the decision numbers run 1..max without a gap:
   * an arrival's re-decisions are numbered before its own decision, so nothing is missing.
   */
  static boolean complete(Map<Long, JsonNode> bySeq, int articles) {
    if (bySeq.isEmpty()) {
      return false;
    }
    long max = Collections.max(bySeq.keySet());
    long decided =
        bySeq.values().stream()
            .filter(d -> !d.get("status").asText().equals("canonical_changed"))
            .map(d -> d.get("id").asText())
            .distinct()
            .count();
    return max == bySeq.size() && decided >= articles;
  }

  // ---------------------------------------------------------------- the emulator's REST API

  /** Fresh names whose topics exist, the decisions and rejected topics with a subscription. */
  static Names topicsOf(String test) {
    Names n = Names.fresh(test);
    createTopic(n.articles());
    for (String topic : List.of(n.decisions(), n.rejected())) {
      createTopic(topic);
      createSubscription(topic + "-sub", topic);
    }
    return n;
  }

  static Map<String, Article> articlesById() {
    Map<String, Article> byId = new HashMap<>();
    StreamTestData.articles().forEach(a -> byId.put(a.id(), a));
    return byId;
  }

  /** The options of a job reading n's articles topic on the emulator. */
  static List<String> readingTopic(Names n) {
    return List.of(
        "--inputTopic=projects/" + PROJECT + "/topics/" + n.articles(),
        "--outputTopic=projects/" + PROJECT + "/topics/" + n.decisions(),
        "--deadLetterTopic=projects/" + PROJECT + "/topics/" + n.rejected(),
        "--pubsubRootUrl=" + root,
        "--project=" + PROJECT,
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory");
  }

  record Message(String data, Map<String, String> attributes) {}

  record Pulled(JsonNode json, Map<String, String> attributes) {}

  static void createTopic(String topic) {
    call("PUT", "/v1/projects/" + PROJECT + "/topics/" + topic, "");
  }

  static void createSubscription(String subscription, String topic) {
    call(
        "PUT",
        "/v1/projects/" + PROJECT + "/subscriptions/" + subscription,
        "{\"topic\": \"projects/"
            + PROJECT
            + "/topics/"
            + topic
            + "\", \"ackDeadlineSeconds\": 60}");
  }

  static List<String> subscriptions(String topic) {
    JsonNode r =
        call("GET", "/v1/projects/" + PROJECT + "/topics/" + topic + "/subscriptions", null);
    List<String> out = new ArrayList<>();
    r.path("subscriptions").forEach(s -> out.add(s.asText()));
    return out;
  }

  /** Publishes in batches of 50; returns the message ids in order. */
  static List<String> publish(String topic, List<Message> messages) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < messages.size(); i += 50) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode list = body.putArray("messages");
      for (Message m : messages.subList(i, Math.min(messages.size(), i + 50))) {
        ObjectNode o = list.addObject();
        o.put(
            "data", Base64.getEncoder().encodeToString(m.data().getBytes(StandardCharsets.UTF_8)));
        if (!m.attributes().isEmpty()) {
          ObjectNode a = o.putObject("attributes");
          m.attributes().forEach(a::put);
        }
      }
      JsonNode r =
          call(
              "POST", "/v1/projects/" + PROJECT + "/topics/" + topic + ":publish", body.toString());
      r.get("messageIds").forEach(id -> ids.add(id.asText()));
    }
    return ids;
  }

  /** Pulls what is there (without waiting) and acknowledges it. */
  static List<Pulled> pull(String subscription) {
    String path = "/v1/projects/" + PROJECT + "/subscriptions/" + subscription;
    JsonNode r =
        call("POST", path + ":pull", "{\"maxMessages\": 1000, \"returnImmediately\": true}");
    List<Pulled> out = new ArrayList<>();
    ArrayNode acks = JSON.createArrayNode();
    for (JsonNode m : r.path("receivedMessages")) {
      acks.add(m.get("ackId").asText());
      JsonNode msg = m.get("message");
      Map<String, String> attributes = new LinkedHashMap<>();
      msg.path("attributes")
          .fields()
          .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
      try {
        out.add(
            new Pulled(
                JSON.readTree(Base64.getDecoder().decode(msg.get("data").asText())), attributes));
      } catch (IOException e) {
        fail("not JSON: " + msg, e);
      }
    }
    if (!acks.isEmpty()) {
      call("POST", path + ":acknowledge", "{\"ackIds\": " + acks + "}");
    }
    return out;
  }

  static JsonNode call(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(root + path))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json");
    b =
        body == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.method(method, HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        fail(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls every 200 ms until the condition holds; fails after the deadline. */
  static void waitFor(Duration deadline, BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("timed out after " + deadline.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
