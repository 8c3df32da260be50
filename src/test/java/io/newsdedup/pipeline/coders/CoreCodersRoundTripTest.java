package io.newsdedup.pipeline.coders;

import static io.newsdedup.pipeline.coders.CoderChecks.roundTrip;
import static io.newsdedup.pipeline.coders.CoderChecks.roundTripEqual;
import static io.newsdedup.pipeline.coders.CoderChecks.sameBytes;
import static io.newsdedup.pipeline.coders.CoderValues.WORLD;
import static io.newsdedup.pipeline.coders.CoderValues.facts;
import static io.newsdedup.pipeline.coders.CoderValues.origin;
import static io.newsdedup.pipeline.coders.CoderValues.sentences;
import static io.newsdedup.pipeline.coders.CoderValues.sparseFacts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Capture;
import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.cluster.Member;
import io.newsdedup.core.story.Sentences;
import io.newsdedup.core.story.StoryEvidence;
import io.newsdedup.core.verify.Similarity;
import io.newsdedup.pipeline.coders.CoreCoders.ArticleCoder;
import io.newsdedup.pipeline.coders.CoreCoders.ClusterCoder;
import io.newsdedup.pipeline.coders.CoreCoders.FactsCoder;
import io.newsdedup.pipeline.coders.CoreCoders.MemberCoder;
import io.newsdedup.pipeline.coders.CoreCoders.OriginCoder;
import io.newsdedup.pipeline.coders.CoreCoders.RejectionCoder;
import io.newsdedup.pipeline.coders.CoreCoders.SentencesCoder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips of the core types' coders ({@link CoreCoders}) and {@link LongArrayCoder}. */
class CoreCodersRoundTripTest {

  @Test
  void originCoder() throws Exception {
    Origin full = roundTripEqual(OriginCoder.INSTANCE, origin(), origin());
    assertEquals("feeds/" + WORLD + ".jsonl", full.file());
    assertEquals(9_876_543_210L, full.line());
    assertEquals("msg-北京-17", full.messageId());

    for (Origin o :
        List.of(
            Origin.ofFile("a.txt"),
            Origin.ofLine("b.jsonl", 3),
            Origin.ofMessage("m-9"),
            new Origin("", -5, ""),
            new Origin(null, Long.MAX_VALUE, null),
            new Origin("same", 1, "same"),
            Origin.ofRecord("crawl/" + WORLD + ".warc.gz", 0, 0),
            Origin.ofRecord("c.warc.gz", 9_876_543_210L, 0),
            Origin.ofRecord("c.warc.gz", 0, 123_456))) {
      assertEquals(o, roundTripEqual(OriginCoder.INSTANCE, o, copy(o)));
    }
  }

  @Test
  void capturedArticleCoder() throws Exception {
    for (boolean complete : new boolean[] {true, false}) {
      Capture c = new Capture(Instant.parse("2025-03-04T10:00:00.123456Z"), complete);
      Article a =
          new Article(
              "https://example.org/" + WORLD,
              "https://example.org/" + WORLD,
              null,
              "Title 北京",
              "Body",
              null,
              c,
              Origin.ofRecord("c.warc.gz", 1234, 56));
      Article got =
          roundTripEqual(
              ArticleCoder.INSTANCE,
              a,
              new Article(a.id(), a.url(), null, a.title(), "Body", null, c, a.origin()));
      assertEquals(c, got.capture());
      assertEquals(Origin.ofRecord("c.warc.gz", 1234, 56), got.origin());
    }
  }

  @Test
  void articleCoder() throws Exception {
    Article a = roundTripEqual(ArticleCoder.INSTANCE, article(), article());
    assertEquals("a-1", a.id());
    assertEquals("https://example.org/" + WORLD, a.url());
    assertEquals("Source مرحبا", a.source());
    assertEquals("Title 北京", a.title());
    assertEquals("Body: " + WORLD + "\nsecond paragraph", a.body());
    assertEquals(Instant.ofEpochSecond(-86_400L * 365, 999_999_999), a.publishedAt());
    assertEquals(origin(), a.origin());

    Article sparse = new Article("a-2", null, null, null, "", null, Origin.ofFile("f.txt"));
    roundTripEqual(
        ArticleCoder.INSTANCE,
        sparse,
        new Article("a-2", null, null, null, "", null, Origin.ofFile("f.txt")));
  }

  @Test
  void rejectionCoder() throws Exception {
    Rejection r = roundTripEqual(RejectionCoder.INSTANCE, rejection(), rejection());
    assertEquals(origin(), r.origin());
    assertEquals(Rejection.Reasons.MALFORMED_JSON, r.reason());
    assertEquals("Unexpected character 'ł' at 3", r.message());
    assertEquals("{\"id\": \"" + WORLD + "\"", r.raw());

    Rejection sparse = new Rejection(Origin.ofFile("x.html"), "no_text", null, "");
    roundTripEqual(
        RejectionCoder.INSTANCE,
        sparse,
        new Rejection(Origin.ofFile("x.html"), "no_text", null, ""));
  }

  @Test
  void factsCoder() throws Exception {
    ArticleFacts f = roundTripEqual(FactsCoder.INSTANCE, facts(), facts());
    assertEquals("id-Zürich-1", f.id());
    assertEquals("https://example.org/łódź/id-Zürich-1", f.url());
    assertEquals("Source مرحبا", f.source());
    assertEquals("Title: " + WORLD, f.title());
    assertEquals(Instant.ofEpochSecond(1_700_000_000L, 123_456_789), f.publishedAt());
    assertEquals(origin(), f.origin());
    assertEquals(987_654, f.shingleCount());
    assertEquals(321, f.boilerplateMarkers());
    assertEquals("Agence 北京", f.wireAgency());
    assertTrue(f.pointsToOriginal());
    assertEquals(-8_765_432_109_876L, f.titleKey());
    assertEquals(LowContent.TEMPLATE_ONLY, f.lowContentReason());
    assertFalse(f.truncated());
    assertTrue(f.fromIndex());
    assertEquals("cluster-previous-ü", f.previousClusterId());
    assertArrayEquals(new long[] {11, -22, 33}, f.story().headline());
    assertArrayEquals(new long[] {-44, 55}, f.story().sample());

    ArticleFacts sparse = roundTripEqual(FactsCoder.INSTANCE, sparseFacts(), sparseFacts());
    assertSame(StoryEvidence.NONE, sparse.story());
    assertNull(sparse.lowContentReason());
    assertTrue(sparse.truncated());

    // The other low-content reason, and a story with only a headline or only a sample.
    for (StoryEvidence story :
        List.of(
            new StoryEvidence(new long[] {1, 2}, new long[0]),
            new StoryEvidence(new long[0], new long[] {3}))) {
      ArticleFacts g = withStory(sparseFacts(), LowContent.TOO_SHORT, story);
      ArticleFacts decoded =
          roundTripEqual(
              FactsCoder.INSTANCE, g, withStory(sparseFacts(), LowContent.TOO_SHORT, story));
      assertEquals(LowContent.TOO_SHORT, decoded.lowContentReason());
      assertEquals(story, decoded.story());
    }
  }

  @Test
  void memberCoder() throws Exception {
    Member m = roundTrip(MemberCoder.INSTANCE, member());
    assertEquals(facts(), m.facts());
    assertArrayEquals(new long[] {5, 6, Long.MAX_VALUE}, m.shingles());
    assertArrayEquals(new long[] {101, -202, Long.MIN_VALUE}, m.sentences().fingerprints());
    assertArrayEquals(new long[] {404, 505}, m.sentences().numbers());
    sameBytes(MemberCoder.INSTANCE, member(), member());

    Member empty = roundTrip(MemberCoder.INSTANCE, new Member(sparseFacts(), new long[0]));
    assertEquals(sparseFacts(), empty.facts());
    assertArrayEquals(new long[0], empty.shingles());
    assertSame(Sentences.NONE, empty.sentences());
  }

  @Test
  void sentencesCoder() throws Exception {
    Sentences s = roundTripEqual(SentencesCoder.INSTANCE, sentences(), sentences());
    assertArrayEquals(new long[] {101, -202, Long.MIN_VALUE}, s.fingerprints());
    assertArrayEquals(new long[] {404, 505}, s.numbers());

    assertSame(
        Sentences.NONE,
        roundTripEqual(
            SentencesCoder.INSTANCE, Sentences.NONE, new Sentences(new long[0], new long[0])));
    Sentences numbersOnly = new Sentences(new long[0], new long[] {-7});
    assertArrayEquals(
        new long[] {-7},
        roundTripEqual(
                SentencesCoder.INSTANCE, numbersOnly, new Sentences(new long[0], new long[] {-7}))
            .numbers());
  }

  @Test
  void clusterCoder() throws Exception {
    Cluster c = roundTripEqual(ClusterCoder.INSTANCE, cluster(), cluster());
    assertEquals("cluster-Zürich", c.id());
    assertEquals("more_complete_text – 北京", c.canonicalReason());
    assertEquals(facts("canonical"), c.canonical());
    assertEquals(3, c.members().size());
    ClusterMember canonical = c.members().get(0);
    assertEquals(facts("canonical"), canonical.facts());
    assertTrue(canonical.canonical());
    assertEquals(Similarity.IDENTICAL, canonical.toCanonical());
    assertNull(canonical.matchedVia());
    ClusterMember second = c.members().get(1);
    assertEquals(facts("copy-1"), second.facts());
    assertFalse(second.canonical());
    assertEquals(0.8125, second.toCanonical().jaccard());
    assertEquals(0.9375, second.toCanonical().containment());
    assertEquals("canonical", second.matchedVia());
    ClusterMember third = c.members().get(2);
    assertEquals(sparseFacts(), third.facts());
    assertEquals(new Similarity(0.25, 0.5), third.toCanonical());
    assertEquals("copy-1", third.matchedVia());

    Cluster single =
        new Cluster(
            "c-1",
            sparseFacts(),
            "",
            List.of(new ClusterMember(sparseFacts(), true, Similarity.IDENTICAL, null)));
    roundTripEqual(
        ClusterCoder.INSTANCE,
        single,
        new Cluster(
            "c-1",
            sparseFacts(),
            "",
            List.of(new ClusterMember(sparseFacts(), true, Similarity.IDENTICAL, null))));
  }

  @Test
  void longArrayCoder() throws Exception {
    long[] v = {Long.MIN_VALUE, -1, 0, 1, 300, Long.MAX_VALUE};
    assertArrayEquals(v, roundTrip(LongArrayCoder.INSTANCE, v.clone()));
    sameBytes(LongArrayCoder.INSTANCE, v, v.clone());
    assertArrayEquals(new long[0], roundTrip(LongArrayCoder.INSTANCE, new long[0]));
  }

  private static Origin copy(Origin o) {
    return new Origin(o.file(), o.line(), o.messageId(), o.offset(), o.inMember());
  }

  private static Article article() {
    return new Article(
        "a-1",
        "https://example.org/" + WORLD,
        "Source مرحبا",
        "Title 北京",
        "Body: " + WORLD + "\nsecond paragraph",
        Instant.ofEpochSecond(-86_400L * 365, 999_999_999),
        origin());
  }

  private static Rejection rejection() {
    return new Rejection(
        origin(),
        Rejection.Reasons.MALFORMED_JSON,
        "Unexpected character 'ł' at 3",
        "{\"id\": \"" + WORLD + "\"");
  }

  private static ArticleFacts withStory(ArticleFacts f, LowContent reason, StoryEvidence story) {
    return new ArticleFacts(
        f.id(),
        f.url(),
        f.source(),
        f.title(),
        f.publishedAt(),
        f.origin(),
        f.shingleCount(),
        f.boilerplateMarkers(),
        f.wireAgency(),
        f.pointsToOriginal(),
        f.titleKey(),
        reason,
        f.truncated(),
        f.fromIndex(),
        f.previousClusterId(),
        story);
  }

  private static Member member() {
    return new Member(facts(), new long[] {5, 6, Long.MAX_VALUE}, sentences());
  }

  /** The canonical first (as {@code ClusterBuilder} builds them: the coder relies on it). */
  private static Cluster cluster() {
    return new Cluster(
        "cluster-Zürich",
        facts("canonical"),
        "more_complete_text – 北京",
        List.of(
            new ClusterMember(facts("canonical"), true, Similarity.IDENTICAL, null),
            new ClusterMember(facts("copy-1"), false, new Similarity(0.8125, 0.9375), "canonical"),
            new ClusterMember(sparseFacts(), false, new Similarity(0.25, 0.5), "copy-1")));
  }
}
