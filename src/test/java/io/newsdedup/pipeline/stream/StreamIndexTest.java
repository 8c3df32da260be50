package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.index.Arrival;
import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.IndexTables;
import io.newsdedup.core.index.IndexValues.Assignment;
import io.newsdedup.core.index.IndexValues.ClusterInfo;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.candidates.FindCandidates;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.options.MatchingOptions;
import io.newsdedup.pipeline.options.MatchingSettingsFactory;
import io.newsdedup.pipeline.stream.StreamTestData.Assigned;
import io.newsdedup.pipeline.verify.VerifyCandidates;
import io.newsdedup.testing.TestPipelines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream index against the batch job on testdata/: whatever the arrival order, the index's
 * clusters and canonicals are batch's, also with tiny hot-bucket and anchor-bucket limits (which
 * make candidate pairs appear and disappear as buckets fill), and after expiring part of the
 * articles they are those of a fresh index of the rest.
 */
class StreamIndexTest {
  /** Limits small enough that testdata's buckets get hot and anchors crowded. */
  static final String[] SMALL_BUCKETS = {
    "--hotBucketSize=2", "--hotBucketNeighbours=1", "--maxAnchorBucket=2"
  };

  @TempDir static Path tmp;
  static List<Article> articles;
  static Map<String, Assigned> batch;
  static Map<String, Assigned> batchSmallBuckets;

  @BeforeAll
  static void runBatch() throws Exception {
    articles = StreamTestData.articles();
    assertEquals(199, articles.size());
    Path a = tmp.resolve("default");
    Path b = tmp.resolve("small");
    Files.createDirectories(a);
    Files.createDirectories(b);
    batch = StreamTestData.batch(articles, a);
    batchSmallBuckets = StreamTestData.batch(articles, b, SMALL_BUCKETS);
  }

  static MatchingSettings settings(String... options) {
    return MatchingSettingsFactory.from(
        PipelineOptionsFactory.fromArgs(options).as(MatchingOptions.class));
  }

  static Arrival arrival(MessageParser parser, Article a, int i, long eventTime) {
    MessageParser.Result r =
        parser.parse(
            StreamTestData.json(a).getBytes(StandardCharsets.UTF_8),
            Map.of(),
            "m" + i,
            Long.MAX_VALUE / 2);
    Arrival x = r.arrival();
    return new Arrival(
        x.fingerprint(), x.messageId(), x.contentHash(), eventTime, x.raw(), x.attributes());
  }

  /** Feeds the articles in this order; returns every decision. */
  static List<Decision> feed(
      StreamIndex index,
      IndexTables tables,
      MessageParser parser,
      List<Article> order,
      long eventTime) {
    List<Decision> all = new ArrayList<>();
    int i = 0;
    for (Article a : order) {
      StreamIndex.Outcome o = index.arrive(tables, arrival(parser, a, i++, eventTime), 0);
      assertEquals(StreamIndex.Kind.INDEXED, o.kind());
      all.addAll(o.decisions());
      checkInvariants(tables);
    }
    return all;
  }

  /** Every indexed article has an assignment; cluster infos match the assignments. */
  static void checkInvariants(IndexTables t) {
    Map<String, List<Assignment>> byCluster = new HashMap<>();
    for (String id : t.ids()) {
      Assignment a = t.assignment(id);
      assertTrue(a != null, "no assignment for " + id);
      byCluster.computeIfAbsent(a.clusterId(), k -> new ArrayList<>()).add(a);
    }
    Map<String, ClusterInfo> clusters = t.clusters();
    assertEquals(byCluster.keySet(), clusters.keySet());
    byCluster.forEach(
        (id, members) -> {
          assertEquals(members.size(), clusters.get(id).size(), id);
          assertEquals(1, members.stream().filter(Assignment::isCanonical).count(), id);
          for (Assignment m : members) {
            assertEquals(clusters.get(id).canonicalId(), m.canonicalId(), id);
          }
        });
  }

  static Map<String, String> clusterOf(IndexTables t) {
    Map<String, String> out = new TreeMap<>();
    for (String id : t.ids()) {
      out.put(id, t.assignment(id).clusterId());
    }
    return out;
  }

  static Map<String, String> canonicalOf(IndexTables t) {
    Map<String, String> out = new TreeMap<>();
    for (String id : t.ids()) {
      out.put(id, t.assignment(id).canonicalId());
    }
    return out;
  }

  static Map<String, String> canonicalOf(Map<String, Assigned> batch) {
    Map<String, String> out = new TreeMap<>();
    batch.forEach((id, a) -> out.put(id, a.canonicalId()));
    return out;
  }

  private static void assertSameAsBatch(Map<String, Assigned> expected, IndexTables t) {
    assertEquals(
        StreamTestData.partition(StreamTestData.clusterOf(expected)),
        StreamTestData.partition(clusterOf(t)));
    assertEquals(canonicalOf(expected), canonicalOf(t));
  }

  /** The verified edges batch finds among these articles (its own FindCandidates and verify). */
  static SortedSet<String> batchEdges(MatchingSettings s, List<Article> among) throws IOException {
    MessageParser parser = new MessageParser(s, 1 << 21);
    List<Fingerprint> docs = new ArrayList<>();
    for (Article a : among) {
      docs.add(parser.fingerprint(a));
    }
    TestPipeline p = TestPipelines.create();
    PCollection<Fingerprint> fps =
        p.apply(Create.of(docs).withCoder(CoreCoders.FingerprintCoder.of()));
    PCollection<String> edges =
        fps.apply(
                FindCandidates.withBanding(s.lsh())
                    .withFullPairsUpTo(s.hotBucketSize())
                    .withNeighbours(s.hotBucketNeighbours())
                    .withAnchors(s.anchors())
                    .withMaxAnchorBucket(s.maxAnchorBucket())
                    .withTitles(s.titleCandidates())
                    .withShards(4))
            .apply(VerifyCandidates.against(fps, s.rule()).withShards(4))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(kv -> kv.getKey() + " " + kv.getValue()));
    Path file = tmp.resolve("edges-" + System.nanoTime());
    edges.apply(TextIO.write().to(file.toString()).withoutSharding());
    p.run().waitUntilFinish();
    return new TreeSet<>(Files.readAllLines(file));
  }

  @Test
  void theIndexHoldsExactlyTheBatchGraph() throws IOException {
    for (String[] options : new String[][] {{}, SMALL_BUCKETS}) {
      MatchingSettings s = settings(options);
      SortedSet<String> expected = batchEdges(s, articles);
      assertTrue(expected.size() > 100, "edges: " + expected.size());
      for (long seed : new long[] {7, 8}) {
        List<Article> order = new ArrayList<>(articles);
        Collections.shuffle(order, new Random(seed));
        IndexTables t = IndexTables.inMemory();
        feed(new StreamIndex(s, Retention.FOREVER), t, new MessageParser(s, 1 << 21), order, 0);
        assertEquals(expected, t.edgeSet(), String.join(" ", options) + " seed " + seed);
      }
    }
  }

  @Test
  void anyArrivalOrderGivesTheBatchClusters() {
    MatchingSettings s = settings();
    for (long seed : new long[] {1, 2, 3}) {
      List<Article> order = new ArrayList<>(articles);
      Collections.shuffle(order, new Random(seed));
      IndexTables t = IndexTables.inMemory();
      List<Decision> decisions =
          feed(new StreamIndex(s, Retention.FOREVER), t, new MessageParser(s, 1 << 21), order, 0);
      assertSameAsBatch(batch, t);
      // the latest decision of every article is what the index holds
      Map<String, Decision> latest = new TreeMap<>();
      for (Decision d : decisions) {
        latest.merge(d.id(), d, (x, y) -> x.seq() > y.seq() ? x : y);
      }
      assertEquals(clusterOf(t).keySet(), latest.keySet());
      latest.forEach(
          (id, d) -> {
            assertEquals(t.assignment(id).clusterId(), d.clusterId(), id);
            assertEquals(t.assignment(id).canonicalId(), d.canonicalId(), id);
          });
    }
  }

  @Test
  void hotBucketsAndCrowdedAnchorsGiveTheBatchClustersToo() {
    MatchingSettings s = settings(SMALL_BUCKETS);
    for (long seed : new long[] {4, 5}) {
      List<Article> order = new ArrayList<>(articles);
      Collections.shuffle(order, new Random(seed));
      IndexTables t = IndexTables.inMemory();
      feed(new StreamIndex(s, Retention.FOREVER), t, new MessageParser(s, 1 << 21), order, 0);
      assertSameAsBatch(batchSmallBuckets, t);
    }
  }

  @Test
  void afterExpiryTheRestIsClusteredAsIfAloneInTheIndex() throws IOException {
    MatchingSettings s = settings(SMALL_BUCKETS);
    MessageParser parser = new MessageParser(s, 1 << 21);
    Retention hour = Retention.parse("1h");
    StreamIndex index = new StreamIndex(s, hour);
    List<Article> order = new ArrayList<>(articles);
    Collections.shuffle(order, new Random(6));
    List<Article> old = order.subList(0, 100);
    List<Article> recent = order.subList(100, order.size());
    IndexTables t = IndexTables.inMemory();
    long t0 = 1_700_000_000_000L;
    feed(index, t, parser, old, t0);
    feed(index, t, parser, recent, t0 + 30 * 60_000);
    StreamIndex.Expiry e = index.expire(t, t0 + 61 * 60_000);
    assertEquals(100, e.expired());
    assertEquals(recent.size(), t.ids().size());
    checkInvariants(t);
    IndexTables fresh = IndexTables.inMemory();
    feed(index, fresh, parser, recent, t0 + 30 * 60_000);
    assertEquals(
        StreamTestData.partition(clusterOf(fresh)), StreamTestData.partition(clusterOf(t)));
    assertEquals(canonicalOf(fresh), canonicalOf(t));
    assertEquals(batchEdges(s, recent), t.edgeSet());
  }
}
