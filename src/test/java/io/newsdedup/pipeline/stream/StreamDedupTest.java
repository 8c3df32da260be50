package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.options.MatchingOptions;
import io.newsdedup.pipeline.options.MatchingSettingsFactory;
import io.newsdedup.pipeline.stream.StreamTestData.Assigned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesAndMessageIdCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream job on the Direct runner with {@link TestStream}: arrival order, a better original
 * arriving after its repost, late data, retention expiry, duplicate deliveries, bad messages, and
 * the decision files. Messages are testdata/ articles in the batch JSON contract.
 */
class StreamDedupTest {
  /** One story of testdata/: the AP original, an aggregator's repost, an edited reprint. */
  static final String WIRE = "ap-58da1d4c74";

  static final String REPOST = "headlinestream24-21714567d6";
  static final String EDITED = "the-lakeshore-herald-0b120173a7";

  /** Publish times: after every published_at of testdata/. */
  static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * Publish times for the story above: a day after the AP original (the edited reprint is 17 h
   * later), so that with a retention of 7 days nothing is too old.
   */
  static final Instant STORY_PUBLISHED = Instant.parse("2025-03-05T09:15:00Z");

  @TempDir static Path tmp;
  static List<Article> articles;
  static Map<String, Article> byId = new HashMap<>();
  static Map<String, Assigned> batch;

  @BeforeAll
  static void load() {
    articles = StreamTestData.articles();
    articles.forEach(a -> byId.put(a.id(), a));
    batch = StreamTestData.batch(articles, tmp);
  }

  static TestPipeline pipeline() {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    p.getOptions().as(StreamingOptions.class).setStreaming(true);
    CoreCoders.registerAll(p);
    return p;
  }

  static TestStream.Builder<PubsubMessage> events() {
    return TestStream.create(PubsubMessageWithAttributesAndMessageIdCoder.of());
  }

  static PubsubMessage message(String messageId, String payload, Map<String, String> attributes) {
    return new PubsubMessage(payload.getBytes(StandardCharsets.UTF_8), attributes, messageId);
  }

  static PubsubMessage article(String id, String messageId) {
    return message(messageId, StreamTestData.json(byId.get(id)), Map.of());
  }

  static TimestampedValue<PubsubMessage> at(PubsubMessage m, Instant publishTime) {
    return TimestampedValue.of(m, publishTime);
  }

  static PCollectionTuple dedup(
      TestPipeline p, TestStream<PubsubMessage> events, String retention, int maxMessageBytes) {
    MatchingSettings settings =
        MatchingSettingsFactory.from(PipelineOptionsFactory.create().as(MatchingOptions.class));
    return p.apply(events)
        .apply(StreamDedup.with(settings, Retention.parse(retention), maxMessageBytes));
  }

  static List<Decision> bySeq(Iterable<Decision> decisions) {
    List<Decision> out = new ArrayList<>();
    decisions.forEach(out::add);
    out.sort(Comparator.comparingLong(Decision::seq));
    return out;
  }

  static Instant publishedAt(String id) {
    return new Instant(byId.get(id).publishedAt().toEpochMilli());
  }

  /** "id status cluster canonical" of each decision, in seq order. */
  static List<String> summary(Iterable<Decision> decisions) {
    return bySeq(decisions).stream()
        .map(d -> d.id() + " " + d.status() + " " + d.clusterId() + " " + d.canonicalId())
        .toList();
  }

  @Test
  void theOriginalAfterItsRepostBecomesCanonicalUnderTheSameClusterId() {
    TestPipeline p = pipeline();
    TestStream<PubsubMessage> events =
        events()
            .advanceWatermarkTo(STORY_PUBLISHED)
            .addElements(at(article(REPOST, "m1"), STORY_PUBLISHED))
            .addElements(at(article(WIRE, "m2"), STORY_PUBLISHED.plus(Duration.standardMinutes(1))))
            .advanceWatermarkToInfinity();
    PCollectionTuple out = dedup(p, events, "7d", 1 << 21);
    PAssert.that(out.get(StreamDedup.DECISIONS))
        .satisfies(
            ds -> {
              String cluster = ArticleIds.clusterId(REPOST);
              assertEquals(
                  List.of(
                      REPOST + " new " + cluster + " " + REPOST,
                      REPOST + " canonical_changed " + cluster + " " + WIRE,
                      WIRE + " new " + cluster + " " + WIRE),
                  summary(ds));
              List<Decision> d = bySeq(ds);
              assertEquals(List.of(1L, 2L, 3L), d.stream().map(Decision::seq).toList());
              assertEquals(REPOST, d.get(1).previousCanonicalId());
              assertEquals(cluster, d.get(1).previousClusterId());
              assertFalse(d.get(1).isCanonical());
              assertTrue(d.get(1).containment() > 0.8, "containment " + d.get(1).containment());
              assertTrue(d.get(2).isCanonical());
              assertEquals(1.0, d.get(2).jaccard());
              assertEquals(publishedAt(WIRE).getMillis(), d.get(2).eventTimeMillis());
              return null;
            });
    PAssert.that(out.get(StreamDedup.DEAD_LETTERS)).empty();
    p.run().waitUntilFinish();
  }

  /**
   * All of testdata/ in a shuffled order (event times out of order too), a few batches at a time:
   * the latest decision of each article puts it in batch's cluster, with batch's canonical.
   */
  @Test
  void outOfOrderArrivalsEndInTheBatchClusters() {
    List<Article> order = new ArrayList<>(articles);
    Collections.shuffle(order, new Random(42));
    TestStream.Builder<PubsubMessage> events = events().advanceWatermarkTo(PUBLISHED);
    for (int i = 0; i < order.size(); i += 25) {
      List<TimestampedValue<PubsubMessage>> step = new ArrayList<>();
      for (Article a : order.subList(i, Math.min(order.size(), i + 25))) {
        step.add(at(article(a.id(), "m-" + a.id()), PUBLISHED.plus(Duration.millis(i))));
      }
      events =
          events.addElements(
              step.get(0), step.subList(1, step.size()).toArray(TimestampedValue[]::new));
    }
    TestPipeline p = pipeline();
    PCollectionTuple out = dedup(p, events.advanceWatermarkToInfinity(), "0", 1 << 21);
    Map<String, String> expectedCluster = StreamTestData.clusterOf(batch);
    Map<String, String> expectedCanonical = new TreeMap<>();
    batch.forEach((id, a) -> expectedCanonical.put(id, a.canonicalId()));
    PAssert.that(out.get(StreamDedup.DECISIONS))
        .satisfies(
            ds -> {
              List<Decision> all = bySeq(ds);
              Map<String, Decision> latest = new TreeMap<>();
              Map<String, Integer> own = new TreeMap<>();
              for (int i = 0; i < all.size(); i++) {
                Decision d = all.get(i);
                assertEquals(i + 1, d.seq(), "decision numbers are 1..n without gaps");
                if (!d.status().equals(Decision.CANONICAL_CHANGED)) {
                  own.merge(d.id(), 1, Integer::sum);
                  assertNull(latest.get(d.id()), "the own decision comes first: " + d.id());
                } else {
                  assertTrue(latest.containsKey(d.id()), "re-decided before decided: " + d.id());
                }
                latest.put(d.id(), d);
              }
              assertEquals(199, own.size());
              own.values().forEach(n -> assertEquals(1, n));
              Map<String, String> clusterOf = new TreeMap<>();
              Map<String, String> canonicalOf = new TreeMap<>();
              latest.forEach(
                  (id, d) -> {
                    clusterOf.put(id, d.clusterId());
                    canonicalOf.put(id, d.canonicalId());
                  });
              assertEquals(
                  StreamTestData.partition(expectedCluster), StreamTestData.partition(clusterOf));
              assertEquals(expectedCanonical, canonicalOf);
              assertTrue(
                  all.stream().anyMatch(d -> d.status().equals(Decision.CANONICAL_CHANGED)),
                  "some originals arrived after their copies");
              return null;
            });
    p.run().waitUntilFinish();
  }

  /** Articles behind the watermark but within the retention are indexed and decided as usual. */
  @Test
  void lateArticlesAreDecidedAndIndexedNormally() {
    Instant wire = publishedAt(WIRE);
    TestStream<PubsubMessage> events =
        events()
            .advanceWatermarkTo(wire.plus(Duration.standardHours(1)))
            .addElements(at(article(WIRE, "m1"), wire.plus(Duration.standardHours(1))))
            .advanceWatermarkTo(wire.plus(Duration.standardDays(2)))
            .addElements(at(article(EDITED, "m2"), wire.plus(Duration.standardDays(2))))
            .advanceWatermarkToInfinity();
    TestPipeline p = pipeline();
    PCollectionTuple out = dedup(p, events, "7d", 1 << 21);
    PAssert.that(out.get(StreamDedup.DECISIONS))
        .satisfies(
            ds -> {
              String cluster = ArticleIds.clusterId(WIRE);
              assertEquals(
                  List.of(
                      WIRE + " new " + cluster + " " + WIRE,
                      EDITED + " duplicate " + cluster + " " + WIRE),
                  summary(ds));
              bySeq(ds).forEach(d -> assertTrue(d.indexed(), d.id()));
              assertEquals(publishedAt(EDITED).getMillis(), bySeq(ds).get(1).eventTimeMillis());
              return null;
            });
    p.run().waitUntilFinish();
  }

  /**
   * With a retention of one hour, the original is forgotten once the watermark is an hour past it:
   * a copy arriving then is new. The original delivered again, now older than the horizon, is
   * decided against the index (it would be that cluster's canonical) but not indexed, so the next
   * copy is a duplicate of the copy that is in the index.
   */
  @Test
  void expiredArticlesAreForgottenAndTooOldOnesNotIndexed() {
    Instant t = publishedAt(WIRE);
    Instant later = t.plus(Duration.standardHours(3));
    Map<String, String> now = Map.of("published_at", later.toString());
    TestStream<PubsubMessage> events =
        events()
            .advanceWatermarkTo(t)
            .addElements(at(article(WIRE, "m1"), t))
            .advanceWatermarkTo(later)
            .addElements(at(message("m2", StreamTestData.json(byId.get(EDITED)), now), later))
            .addElements(at(article(WIRE, "m3"), later))
            .addElements(at(message("m4", StreamTestData.json(byId.get(REPOST)), now), later))
            .advanceWatermarkToInfinity();
    TestPipeline p = pipeline();
    PCollectionTuple out = dedup(p, events, "1h", 1 << 21);
    PAssert.that(out.get(StreamDedup.DECISIONS))
        .satisfies(
            ds -> {
              String first = ArticleIds.clusterId(WIRE);
              String second = ArticleIds.clusterId(EDITED);
              assertEquals(
                  List.of(
                      WIRE + " new " + first + " " + WIRE,
                      EDITED + " new " + second + " " + EDITED,
                      WIRE + " new " + second + " " + WIRE,
                      REPOST + " duplicate " + second + " " + EDITED),
                  summary(ds));
              List<Decision> d = bySeq(ds);
              assertTrue(d.get(0).indexed());
              assertFalse(d.get(2).indexed(), "too old: decided, not indexed");
              assertTrue(d.get(3).indexed());
              assertEquals(later.getMillis(), d.get(1).eventTimeMillis(), "published_at attribute");
              return null;
            });
    p.run().waitUntilFinish();
  }

  /**
   * The same message twice, and the same article in another message: one decision. The same id with
   * other content is dead-lettered as duplicate_id.
   */
  @Test
  void duplicateDeliveriesChangeNothing() {
    Article w = byId.get(WIRE);
    Article changed =
        new Article(
            w.id(),
            w.url(),
            w.source(),
            "Another headline entirely here",
            w.body(),
            w.publishedAt(),
            w.origin());
    TestStream<PubsubMessage> events =
        events()
            .advanceWatermarkTo(STORY_PUBLISHED)
            .addElements(at(article(WIRE, "m1"), STORY_PUBLISHED))
            .addElements(at(article(WIRE, "m1"), STORY_PUBLISHED))
            .addElements(at(article(WIRE, "m2"), STORY_PUBLISHED))
            .addElements(at(message("m3", StreamTestData.json(changed), Map.of()), STORY_PUBLISHED))
            .advanceWatermarkToInfinity();
    TestPipeline p = pipeline();
    PCollectionTuple out = dedup(p, events, "7d", 1 << 21);
    PAssert.that(out.get(StreamDedup.DECISIONS))
        .satisfies(
            ds -> {
              assertEquals(
                  List.of(WIRE + " new " + ArticleIds.clusterId(WIRE) + " " + WIRE), summary(ds));
              return null;
            });
    PAssert.that(out.get(StreamDedup.DEAD_LETTERS))
        .satisfies(
            dl -> {
              List<DeadLetter> all = new ArrayList<>();
              dl.forEach(all::add);
              assertEquals(1, all.size());
              assertEquals("duplicate_id", all.get(0).reason());
              assertEquals("m3", all.get(0).messageId());
              assertTrue(all.get(0).message().contains("m1"), all.get(0).message());
              assertTrue(all.get(0).raw().contains("Another headline"));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void badMessagesGoToTheDeadLettersWithReasonAndMessageId() {
    String big = "{\"title\": \"Big\", \"text\": \"" + "word ".repeat(30_000) + "\"}";
    TestStream<PubsubMessage> events =
        events()
            .advanceWatermarkTo(STORY_PUBLISHED)
            .addElements(
                at(
                    message("bad-json", "{\"text\": \"unterminated", Map.of("source", "feed-7")),
                    STORY_PUBLISHED),
                at(
                    message(
                        "no-text",
                        "{\"id\": \"x1\", \"title\": \"Only a headline here\"}",
                        Map.of()),
                    STORY_PUBLISHED),
                at(message("too-large", big, Map.of()), STORY_PUBLISHED),
                at(
                    message(
                        "invalid-field",
                        "{\"text\": \"Some text.\", \"title\": {\"a\": 1}}",
                        Map.of()),
                    STORY_PUBLISHED),
                at(message("array", "[1, 2, 3]", Map.of()), STORY_PUBLISHED),
                at(
                    message(
                        "long-id",
                        StreamTestData.json(byId.get(WIRE)),
                        Map.of("id", "x".repeat(1100))),
                    STORY_PUBLISHED),
                at(message("binary", "\u0000\u0001\u00ff", Map.of()), STORY_PUBLISHED),
                at(article(EDITED, "good"), STORY_PUBLISHED))
            .advanceWatermarkToInfinity();
    TestPipeline p = pipeline();
    PCollectionTuple out = dedup(p, events, "7d", 100_000);
    PAssert.that(out.get(StreamDedup.DEAD_LETTERS))
        .satisfies(
            dl -> {
              Map<String, DeadLetter> byMessage = new TreeMap<>();
              dl.forEach(d -> byMessage.put(d.messageId(), d));
              Map<String, String> reasons = new TreeMap<>();
              byMessage.forEach((m, d) -> reasons.put(m, d.reason()));
              assertEquals(
                  Map.of(
                      "bad-json",
                      "malformed_json",
                      "no-text",
                      "no_text",
                      "too-large",
                      "too_large",
                      "invalid-field",
                      "invalid_field",
                      "array",
                      "not_an_object",
                      "long-id",
                      "invalid_field",
                      "binary",
                      "malformed_json"),
                  reasons);
              byMessage
                  .values()
                  .forEach(
                      d -> {
                        assertFalse(d.message().isBlank(), d.messageId());
                        assertTrue(d.raw().length() <= 4096, d.messageId());
                      });
              assertEquals(4096, byMessage.get("too-large").raw().length());
              assertTrue(byMessage.get("too-large").message().contains("--maxMessageBytes=100000"));
              assertEquals(Map.of("source", "feed-7"), byMessage.get("bad-json").attributes());
              assertTrue(
                  byMessage.get("bad-json").toJson().contains("\"message_id\":\"bad-json\""));
              return null;
            });
    PAssert.that(out.get(StreamDedup.DECISIONS))
        .satisfies(
            ds -> {
              assertEquals(
                  List.of(EDITED + " new " + ArticleIds.clusterId(EDITED) + " " + EDITED),
                  summary(ds));
              return null;
            });
    p.run().waitUntilFinish();
  }

  /** --output: the decisions as JSONL files, one line per decision. */
  @Test
  void decisionsAreAlsoWrittenAsWindowedFiles() throws IOException {
    Path dir = tmp.resolve("decisions");
    TestStream<PubsubMessage> events =
        events()
            .advanceWatermarkTo(STORY_PUBLISHED)
            .addElements(at(article(REPOST, "m1"), STORY_PUBLISHED))
            .addElements(at(article(WIRE, "m2"), STORY_PUBLISHED))
            .advanceWatermarkToInfinity();
    TestPipeline p = pipeline();
    PCollectionTuple out = dedup(p, events, "7d", 1 << 21);
    StreamPipeline.writeFiles(out.get(StreamDedup.DECISIONS), dir.toString(), 1);
    p.run().waitUntilFinish();
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("decisions-")).toList()) {
        assertTrue(f.getFileName().toString().endsWith(".jsonl"), f.toString());
        for (String l : Files.readAllLines(f)) {
          lines.add(json.readTree(l));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    lines.sort(Comparator.comparingLong(n -> n.get("seq").asLong()));
    assertEquals(
        List.of("new", "canonical_changed", "new"),
        lines.stream().map(n -> n.get("status").asText()).toList());
    JsonNode changed = lines.get(1);
    assertEquals(REPOST, changed.get("id").asText());
    assertEquals(WIRE, changed.get("canonical_id").asText());
    assertEquals(REPOST, changed.get("previous_canonical_id").asText());
    assertEquals(changed.get("cluster_id").asText(), changed.get("previous_cluster_id").asText());
    for (String field :
        new String[] {
          "id",
          "status",
          "cluster_id",
          "canonical_id",
          "jaccard",
          "containment",
          "low_content",
          "decided_at",
          "event_time",
          "seq"
        }) {
      assertTrue(changed.has(field), field);
    }
    assertNotEquals("", changed.get("decided_at").asText());
  }
}
