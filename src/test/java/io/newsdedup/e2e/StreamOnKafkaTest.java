package io.newsdedup.e2e;

import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.JSON;
import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.assertDecidedAsBatch;
import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.complete;
import static io.newsdedup.e2e.StreamOnPubsubEmulatorTest.waitFor;
import static io.newsdedup.testing.KafkaBroker.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.cli.Main;
import io.newsdedup.core.article.Article;
import io.newsdedup.e2e.StreamOnPubsubEmulatorTest.Input;
import io.newsdedup.e2e.StreamOnPubsubEmulatorTest.Message;
import io.newsdedup.pipeline.stream.KafkaEnds;
import io.newsdedup.testing.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream job from Kafka to Kafka, against a real broker started in this JVM ({@link
 * KafkaBroker}): the input the emulator test publishes ({@link Input}: testdata/, attributes as
 * headers, good and malformed lines, a duplicate delivery, a message too large) plus what only
 * Kafka has (a record without a value, a value that is a PNG image), on a topic of three
 * partitions, each record with its own CreateTime. {@code stream} runs as a user runs it in-process
 * ({@link Main#run} with the Kafka options, Direct runner) in a thread. Decisions must equal
 * batch's, dead letters name their record as topic/partition/offset with the reason; the job
 * commits its offsets to the consumer group, and a restarted job with the same group decides only
 * what came after.
 */
class StreamOnKafkaTest {
  /** Record timestamps (CreateTime): after every published_at of testdata/, one second apart. */
  static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

  static KafkaBroker broker;

  @TempDir static Path tmp;

  @BeforeAll
  static void startBroker() throws Exception {
    long started = System.nanoTime();
    broker = KafkaBroker.start();
    System.err.printf(
        "Kafka broker on %s in %.1f s%n",
        broker.bootstrapServers(), (System.nanoTime() - started) / 1e9);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Timeout(180)
  void everyArticleIsDecidedAsBatchAndARestartGoesOnFromTheCommittedOffsets() throws Exception {
    Input in = Input.of(tmp);
    String suffix = Long.toString(System.nanoTime(), 36);
    String articles = "articles-" + suffix;
    String decisionsTopic = "decisions-" + suffix;
    String rejected = "rejected-" + suffix;
    String group = "news-dedup-test-" + suffix;
    broker.createTopic(articles, 3);
    broker.createTopic(decisionsTopic, 1);
    broker.createTopic(rejected, 1);

    // the emulator test's poison, and what only Kafka can carry
    List<Message> poison = new ArrayList<>(in.poison());
    List<String> reasons = new ArrayList<>(in.reasons());
    Map<String, String> poisonIds = new HashMap<>();
    Map<String, String> articleOf = new HashMap<>(); // message id -> article id, for articles
    Map<String, Instant> eventTimeOf = new TreeMap<>(); // articles without published_at
    for (int i = 0; i < in.articles().size(); i++) {
      Article a = in.articles().get(i);
      if (a.publishedAt() == null) {
        eventTimeOf.put(a.id(), PUBLISHED.plusSeconds(i));
      }
    }
    assertFalse(eventTimeOf.isEmpty(), "some articles of testdata/ have no published_at");
    Path properties = tmp.resolve("kafka.properties");
    Files.writeString(properties, "auto.offset.reset=earliest\nmax.poll.records=50\n");
    List<String> args =
        List.of(
            "stream",
            "--kafkaBootstrapServers=" + broker.bootstrapServers(),
            "--kafkaInputTopic=" + articles,
            "--kafkaOutputTopic=" + decisionsTopic,
            "--kafkaDeadLetterTopic=" + rejected,
            "--kafkaConsumerGroup=" + group,
            "--kafkaPropertiesFile=" + properties,
            "--indexRetention=0",
            "--maxMessageBytes=200000");
    Map<Long, JsonNode> decisions = new TreeMap<>();
    Map<String, JsonNode> deadLetters = new TreeMap<>();
    long started = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = broker.producer();
        KafkaConsumer<byte[], byte[]> decided = broker.consumerFromStart(decisionsTopic);
        KafkaConsumer<byte[], byte[]> dead = broker.consumerFromStart(rejected)) {
      // half the stream is waiting when the job starts, the rest arrives while it runs
      List<Message> messages = in.messages();
      for (int i = 0; i < 100; i++) {
        articleOf.put(send(producer, articles, messages.get(i), i), in.articles().get(i).id());
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < poison.size(); i++) {
        ids.add(send(producer, articles, poison.get(i), i));
        poisonIds.put(ids.get(i), reasons.get(i));
      }
      ProducerRecord<byte[], byte[]> tombstone =
          new ProducerRecord<>(articles, bytes("an-id"), null);
      String tombstoneId = id(producer.send(tombstone).get());
      poisonIds.put(tombstoneId, "not_an_object");
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};
      String pngId = id(producer.send(new ProducerRecord<>(articles, null, png)).get());
      poisonIds.put(pngId, "malformed_json");
      Stream job = Stream.start(args);
      try {
        for (int i = 100; i < messages.size(); i++) {
          // the last one is a second delivery of message 7: the same record time
          int j = i == in.articles().size() ? 7 : i;
          articleOf.put(send(producer, articles, messages.get(i), j), in.articles().get(j).id());
        }
        waitFor(
            Duration.ofSeconds(120),
            () -> {
              read(decided, decisions);
              readDeadLetters(dead, deadLetters);
              return complete(decisions, in.articles().size())
                  && deadLetters.size() >= poisonIds.size();
            },
            "a decision for every article and every dead letter");
        // an id already indexed, with other content
        String taken = send(producer, articles, in.takenId(), 0);
        poisonIds.put(taken, "duplicate_id");
        waitFor(
            Duration.ofSeconds(60),
            () -> {
              read(decided, decisions);
              readDeadLetters(dead, deadLetters);
              return deadLetters.containsKey(taken);
            },
            "the duplicate_id dead letter");
        // the job commits what it has processed to its group (on the Direct runner, a read's
        // offsets once the next read has records: all but the last read's)
        waitFor(Duration.ofSeconds(60), () -> !committed(group).isEmpty(), "committed offsets");
      } finally {
        job.stop();
      }
      System.err.printf(
          "stream on Kafka: %d decisions, %d dead letters in %.1f s%n",
          decisions.size(), deadLetters.size(), (System.nanoTime() - started) / 1e9);
      assertTrue(
          job.out().contains("news-dedup stream: reading Kafka topic " + articles + " on "),
          job.out());
      assertTrue(job.out().contains("interrupted; the job was cancelled"), job.out());

      assertDecidedAsBatch(decisions, in.batch());
      Map<String, JsonNode> own = new TreeMap<>();
      decisions.values().stream()
          .filter(d -> !d.get("status").asText().equals("canonical_changed"))
          .forEach(d -> own.put(d.get("id").asText(), d));
      // the publish time of an article without published_at is its record's timestamp
      eventTimeOf.forEach(
          (id, t) -> assertEquals(t.toString(), own.get(id).get("event_time").asText(), id));

      // dead letters: keyed by the record's topic/partition/offset, with the reason
      assertEquals(poisonIds.keySet(), deadLetters.keySet());
      poisonIds.forEach(
          (id, reason) -> assertEquals(reason, deadLetters.get(id).get("reason").asText(), id));
      for (String id : poisonIds.keySet()) {
        assertTrue(id.matches(articles + "/[0-2]/[0-9]+"), id);
      }
      JsonNode noText = deadLetters.get(ids.get(ids.size() - 2));
      assertEquals("test", noText.get("attributes").get("origin").asText());
      assertTrue(noText.get("raw").asText().contains("A headline and nothing"));
      JsonNode empty = deadLetters.get(tombstoneId);
      assertEquals("", empty.get("raw").asText());
      assertTrue(empty.get("message").asText().contains("got nothing"), empty.toString());
      assertTrue(deadLetters.get(pngId).get("raw").asText().contains("PNG"));

      // a restarted job in the same group goes on from the committed offsets: it decides the
      // records after them (again: delivery is at least once) and new ones, nothing before them
      Map<TopicPartition, Long> committed = committed(group);
      Set<String> tail = new TreeSet<>(); // what the restarted job may decide again
      articleOf.forEach(
          (messageId, articleId) -> {
            String[] at = messageId.split("/");
            TopicPartition tp = new TopicPartition(at[0], Integer.parseInt(at[1]));
            if (Long.parseLong(at[2]) >= committed.getOrDefault(tp, 0L)) {
              tail.add(articleId);
            }
          });
      assertTrue(
          tail.size() < in.articles().size() / 2,
          "most articles were committed before the stop: " + committed);
      String fresh = in.articles().get(3).id();
      tail.add(fresh);
      tail.add(JSON.readTree(in.takenId().data()).get("id").asText());
      Map<Long, JsonNode> after = new TreeMap<>();
      Map<String, JsonNode> deadAfter = new TreeMap<>();
      Stream restarted = Stream.start(args);
      try {
        articleOf.put(send(producer, articles, in.messages().get(3), 3), fresh);
        waitFor(
            Duration.ofSeconds(60),
            () -> {
              read(decided, after);
              return after.values().stream().anyMatch(d -> d.get("id").asText().equals(fresh));
            },
            "the restarted job's decision on an article published after the restart");
        Thread.sleep(3000);
        read(decided, after);
        readDeadLetters(dead, deadAfter);
      } finally {
        restarted.stop();
      }
      Set<String> decidedAgain = new TreeSet<>();
      after.values().forEach(d -> decidedAgain.add(d.get("id").asText()));
      System.err.printf(
          "restarted at the committed offsets %s: %d articles decided again (%d allowed)%n",
          committed, decidedAgain.size(), tail.size());
      assertTrue(tail.containsAll(decidedAgain), decidedAgain + " not all in " + tail);
      for (String id : deadAfter.keySet()) {
        String[] at = id.split("/");
        assertTrue(
            Long.parseLong(at[2])
                >= committed.getOrDefault(new TopicPartition(at[0], Integer.parseInt(at[1])), 0L),
            "dead-lettered again before the committed offset: " + id);
      }
    }
  }

  /** A stream command run in-process in a thread of its own, stopped by interrupting it. */
  record Stream(Thread thread, AtomicInteger code, ByteArrayOutputStream stdout) {
    static Stream start(List<String> args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      AtomicInteger code = new AtomicInteger(-1);
      Thread t =
          new Thread(
              () ->
                  code.set(
                      Main.run(
                          args.toArray(String[]::new),
                          new PrintStream(out, true, StandardCharsets.UTF_8),
                          new PrintStream(err, true, StandardCharsets.UTF_8))),
              "news-dedup-stream-test");
      t.start();
      return new Stream(t, code, out);
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(60));
      assertFalse(thread.isAlive(), "the stream command still runs 60 s after the interrupt");
      assertEquals(Main.OK, code.get(), out());
    }

    String out() {
      return stdout.toString(StandardCharsets.UTF_8);
    }
  }

  /** Sends one message as a record (attributes as headers) at record time i; its message id. */
  static String send(KafkaProducer<byte[], byte[]> producer, String topic, Message m, int i)
      throws Exception {
    List<Header> headers = new ArrayList<>();
    m.attributes().forEach((k, v) -> headers.add(new RecordHeader(k, bytes(v))));
    return id(
        producer
            .send(
                new ProducerRecord<>(
                    topic,
                    null,
                    PUBLISHED.plusSeconds(i).toEpochMilli(),
                    null,
                    bytes(m.data()),
                    headers))
            .get());
  }

  static String id(RecordMetadata m) {
    return KafkaEnds.messageId(m.topic(), m.partition(), m.offset());
  }

  /** Decisions by seq; each checked against its key and headers. */
  static void read(KafkaConsumer<byte[], byte[]> c, Map<Long, JsonNode> bySeq) {
    for (ConsumerRecord<byte[], byte[]> r : poll(c)) {
      JsonNode d = json(r.value());
      assertEquals(d.get("id").asText(), string(r.key()));
      assertEquals(Map.of("id", d.get("id").asText(), "status", d.get("status").asText()), of(r));
      bySeq.put(d.get("seq").asLong(), d);
    }
  }

  /** Dead letters by message id; each checked against its key and header. */
  static void readDeadLetters(KafkaConsumer<byte[], byte[]> c, Map<String, JsonNode> byId) {
    for (ConsumerRecord<byte[], byte[]> r : poll(c)) {
      JsonNode d = json(r.value());
      assertEquals(d.get("message_id").asText(), string(r.key()));
      assertEquals(Map.of("reason", d.get("reason").asText()), of(r));
      byId.put(d.get("message_id").asText(), d);
    }
  }

  private static Map<String, String> of(ConsumerRecord<byte[], byte[]> r) {
    Map<String, String> headers = new TreeMap<>();
    r.headers().forEach(h -> headers.put(h.key(), string(h.value())));
    return headers;
  }

  Map<TopicPartition, Long> committed(String group) {
    try {
      Map<TopicPartition, Long> out = new TreeMap<>(StreamOnKafkaTest::compare);
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e :
          broker
              .admin()
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS)
              .entrySet()) {
        if (e.getValue() != null && e.getValue().offset() > 0) {
          out.put(e.getKey(), e.getValue().offset());
        }
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int compare(TopicPartition a, TopicPartition b) {
    return a.toString().compareTo(b.toString());
  }

  static JsonNode json(byte[] value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      return fail("not JSON: " + string(value), e);
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
