package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.Retention;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.pipeline.stream.StreamTestData.Assigned;
import io.newsdedup.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesAndMessageIdCoder;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stream --index=DIR}: a batch run over day 1 writes its index; a stream seeded from it
 * decides day 2. Its decisions on day 2 (and its re-decisions of day-1 articles) applied to the
 * batch's day-1 assignments give the clusters and canonicals of one batch run over both days, and
 * day 2's copies of day-1 stories take the batch's cluster ids. An index built with other matching
 * parameters, or no index, is refused before anything runs.
 */
class WarmStartTest {
  @TempDir static Path tmp;
  static List<Article> day1;
  static List<Article> day2;
  static Path index;
  static Map<String, Assigned> batchDay1;
  static Map<String, Assigned> batchBoth;

  @BeforeAll
  static void batchRuns() throws Exception {
    List<Article> all = new ArrayList<>(StreamTestData.articles());
    Collections.shuffle(all, new Random(3));
    day1 = List.copyOf(all.subList(0, 110));
    day2 = List.copyOf(all.subList(110, all.size()));
    index = tmp.resolve("index");
    batchDay1 =
        StreamTestData.batch(
            day1, Files.createDirectories(tmp.resolve("day1")), "--index=" + index);
    batchBoth = StreamTestData.batch(all, Files.createDirectories(tmp.resolve("both")));
    assertTrue(Files.isRegularFile(index.resolve("index.json")));
  }

  @Test
  void aStreamSeededFromDay1DecidesDay2AsOneBatchRunOverBothDays() {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    p.getOptions().as(StreamingOptions.class).setStreaming(true);
    CoreCoders.registerAll(p);
    Instant published = Instant.parse("2026-01-01T00:00:00Z");
    TestStream.Builder<PubsubMessage> events =
        TestStream.create(PubsubMessageWithAttributesAndMessageIdCoder.of())
            .advanceWatermarkTo(published);
    int i = 0;
    for (Article a : day2) {
      PubsubMessage m =
          new PubsubMessage(
              StreamTestData.json(a).getBytes(StandardCharsets.UTF_8), Map.of(), "m" + i++);
      events = events.addElements(TimestampedValue.of(m, published));
    }
    // a day-1 article published to the stream too: already known, not decided again
    Article known = day1.get(0);
    events =
        events.addElements(
            TimestampedValue.of(
                new PubsubMessage(
                    StreamTestData.json(known).getBytes(StandardCharsets.UTF_8), Map.of(), "again"),
                published));
    PCollectionTuple out =
        p.apply(events.advanceWatermarkToInfinity())
            .apply(
                StreamDedup.with(TestSettings.matching(), Retention.FOREVER, 1 << 21)
                    .seededFrom(index.toString()));
    PAssert.that(out.get(StreamDedup.DEAD_LETTERS)).empty();
    PAssert.that(out.get(StreamDedup.DECISIONS))
        .satisfies(
            decisions -> {
              checkAgainstBatch(decisions, known.id());
              return null;
            });
    p.run().waitUntilFinish();
  }

  static void checkAgainstBatch(Iterable<Decision> decisions, String known) {
    List<Decision> bySeq = new ArrayList<>();
    decisions.forEach(bySeq::add);
    bySeq.sort(Comparator.comparingLong(Decision::seq));
    Set<String> day1Ids = new HashSet<>(batchDay1.keySet());
    Map<String, String> clusterOf = new TreeMap<>();
    Map<String, String> canonicalOf = new TreeMap<>();
    batchDay1.forEach(
        (id, a) -> {
          clusterOf.put(id, a.clusterId());
          canonicalOf.put(id, a.canonicalId());
        });
    Set<String> decidedOnce = new HashSet<>();
    int joined = 0;
    for (Decision d : bySeq) {
      if (d.status().equals(Decision.CANONICAL_CHANGED)) {
        assertTrue(clusterOf.containsKey(d.id()), "re-decided before known: " + d);
      } else {
        assertTrue(!day1Ids.contains(d.id()), "a day-1 article decided again: " + d);
        assertTrue(decidedOnce.add(d.id()), "decided twice: " + d);
        if (d.status().equals(Decision.DUPLICATE) && day1Ids.contains(d.canonicalId())) {
          assertEquals(
              batchDay1.get(d.canonicalId()).clusterId(),
              d.clusterId(),
              "a copy of a day-1 story keeps the batch's cluster id: " + d);
          joined++;
        }
      }
      clusterOf.put(d.id(), d.clusterId());
      canonicalOf.put(d.id(), d.canonicalId());
    }
    assertEquals(day2.size(), decidedOnce.size());
    assertTrue(!decidedOnce.contains(known));
    assertTrue(joined >= 10, "only " + joined + " day-2 copies joined a day-1 story");
    StreamTestData.assertSameAsBatch(batchBoth, clusterOf, canonicalOf);
  }

  @Test
  void anIndexOfOtherParametersOrNoIndexIsRefused() {
    UsageException other =
        assertThrows(
            UsageException.class,
            () -> StreamSettings.from(options("--index=" + index, "--shingleSize=4")));
    assertTrue(other.getMessage().contains("shingle_size 5 (now 4)"), other.getMessage());
    UsageException none =
        assertThrows(
            UsageException.class,
            () -> StreamSettings.from(options("--index=" + tmp.resolve("day1"))));
    assertTrue(none.getMessage().contains("holds no index"), none.getMessage());
    assertEquals(index.toString(), StreamSettings.from(options("--index=" + index)).index());
  }

  static StreamOptions options(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--inputTopic=projects/p/topics/articles",
                "--outputTopic=projects/p/topics/decisions",
                "--deadLetterTopic=projects/p/topics/rejected"));
    args.addAll(List.of(extra));
    return StreamPipeline.options(args.toArray(String[]::new));
  }
}
