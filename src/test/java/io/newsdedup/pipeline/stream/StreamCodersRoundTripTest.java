package io.newsdedup.pipeline.stream;

import static io.newsdedup.pipeline.coders.CoderChecks.roundTrip;
import static io.newsdedup.pipeline.coders.CoderChecks.roundTripEqual;
import static io.newsdedup.pipeline.coders.CoderChecks.sameBytes;
import static io.newsdedup.pipeline.coders.CoderValues.WORLD;
import static io.newsdedup.pipeline.coders.CoderValues.assertFingerprint;
import static io.newsdedup.pipeline.coders.CoderValues.emptyFingerprint;
import static io.newsdedup.pipeline.coders.CoderValues.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.index.Arrival;
import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.IndexPostings;
import io.newsdedup.core.index.IndexValues.AnchorRef;
import io.newsdedup.core.index.IndexValues.Assignment;
import io.newsdedup.core.index.IndexValues.ClusterInfo;
import io.newsdedup.core.index.IndexValues.Meta;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.pipeline.coders.IndexCoders.AnchorRefsCoder;
import io.newsdedup.pipeline.coders.IndexCoders.ArrivalCoder;
import io.newsdedup.pipeline.coders.IndexCoders.AssignmentCoder;
import io.newsdedup.pipeline.coders.IndexCoders.ClusterInfoCoder;
import io.newsdedup.pipeline.coders.IndexCoders.DecisionCoder;
import io.newsdedup.pipeline.coders.IndexCoders.IdsCoder;
import io.newsdedup.pipeline.coders.IndexCoders.MetaCoder;
import io.newsdedup.pipeline.stream.DeadLetter.DeadLetterCoder;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;

/** Round trips of the stream's coders: its messages' and its index state's. */
class StreamCodersRoundTripTest {

  @Test
  void deadLetterCoder() throws Exception {
    DeadLetter d = roundTripEqual(DeadLetterCoder.of(), deadLetter(), deadLetter());
    assertEquals("message-17", d.messageId());
    assertEquals(DeadLetter.TOO_LARGE, d.reason());
    assertEquals("payload of 2 MB – " + WORLD, d.message());
    assertEquals("{\"title\": \"北京\"", d.raw());
    assertEquals(Map.of("source", "مرحبا", "lang", "pl-łódź", "", "empty key"), d.attributes());

    DeadLetter sparse = new DeadLetter("", "no_text", null, "", Map.of());
    assertEquals(
        Map.of(),
        roundTripEqual(
                DeadLetterCoder.of(), sparse, new DeadLetter("", "no_text", null, "", Map.of()))
            .attributes());
  }

  @Test
  void arrivalCoder() throws Exception {
    Arrival a = roundTrip(ArrivalCoder.of(), arrival());
    assertFingerprint(fingerprint(), a.fingerprint());
    assertEquals("msg-" + WORLD, a.messageId());
    assertEquals(-7_000_000_000_000L, a.contentHash());
    assertEquals(1_700_000_123_456L, a.eventTimeMillis());
    assertEquals("{\"raw\": \"Zürich\"}", a.raw());
    assertEquals(Map.of("k-1", "v-北京", "k-2", ""), a.attributes());
    sameBytes(ArrivalCoder.of(), arrival(), arrival());

    // As the index stores it: no raw payload, no attributes.
    Arrival stored = roundTrip(ArrivalCoder.of(), arrival().stored());
    assertNull(stored.raw());
    assertEquals(Map.of(), stored.attributes());
    assertEquals(-7_000_000_000_000L, stored.contentHash());

    Arrival empty =
        roundTrip(ArrivalCoder.of(), new Arrival(emptyFingerprint(), "", 0, -1, "", Map.of()));
    assertFingerprint(emptyFingerprint(), empty.fingerprint());
    assertEquals("", empty.messageId());
    assertEquals(-1, empty.eventTimeMillis());
    assertEquals("", empty.raw());
  }

  @Test
  void decisionCoder() throws Exception {
    Decision d = roundTripEqual(DecisionCoder.of(), decision(), decision());
    assertEquals("article-" + WORLD, d.id());
    assertEquals(Decision.CANONICAL_CHANGED, d.status());
    assertEquals("cluster-new", d.clusterId());
    assertEquals("canonical-new", d.canonicalId());
    assertTrue(d.isCanonical());
    assertEquals(0.8125, d.jaccard());
    assertEquals(0.9375, d.containment());
    assertEquals(LowContent.TEMPLATE_ONLY, d.lowContentReason());
    assertEquals(1_600_000_000_001L, d.eventTimeMillis());
    assertEquals(1_700_000_000_002L, d.decidedAtMillis());
    assertEquals(5_000_000_000L, d.seq());
    assertFalse(d.indexed());
    assertEquals("cluster-old-北京", d.previousClusterId());
    assertEquals("canonical-old-łódź", d.previousCanonicalId());

    // The booleans the other way, the other low-content reason or none, no previous ids.
    for (LowContent reason : new LowContent[] {LowContent.TOO_SHORT, null}) {
      Decision other =
          roundTripEqual(DecisionCoder.of(), plainDecision(reason), plainDecision(reason));
      assertFalse(other.isCanonical());
      assertTrue(other.indexed());
      assertEquals(reason, other.lowContentReason());
      assertNull(other.previousClusterId());
      assertNull(other.previousCanonicalId());
    }
  }

  @Test
  void assignmentCoder() throws Exception {
    Assignment a = roundTripEqual(AssignmentCoder.INSTANCE, assignment(true), assignment(true));
    assertEquals("cluster-" + WORLD, a.clusterId());
    assertEquals("canonical-łódź", a.canonicalId());
    assertTrue(a.isCanonical());
    assertEquals(0.3125, a.jaccard());
    assertEquals(0.6875, a.containment());
    assertFalse(
        roundTripEqual(AssignmentCoder.INSTANCE, assignment(false), assignment(false))
            .isCanonical());
    roundTripEqual(
        AssignmentCoder.INSTANCE,
        new Assignment("", "", false, 0, -0.0),
        new Assignment("", "", false, 0, -0.0));
  }

  @Test
  void clusterInfoCoder() throws Exception {
    ClusterInfo c =
        roundTripEqual(
            ClusterInfoCoder.INSTANCE,
            new ClusterInfo(6_000_000_000L, "canonical-" + WORLD, 4_321),
            new ClusterInfo(6_000_000_000L, "canonical-" + WORLD, 4_321));
    assertEquals(6_000_000_000L, c.createdSeq());
    assertEquals("canonical-" + WORLD, c.canonicalId());
    assertEquals(4_321, c.size());
    roundTripEqual(ClusterInfoCoder.INSTANCE, new ClusterInfo(0, "", 0), new ClusterInfo(0, "", 0));
  }

  @Test
  void idsCoder() throws Exception {
    List<String> ids = List.of("", "a-1", "b-" + WORLD, "c-北京");
    assertEquals(ids, roundTripEqual(IdsCoder.INSTANCE, ids, List.copyOf(ids)));
    CoderProperties.coderDecodeEncodeContentsInSameOrder(IdsCoder.INSTANCE, ids);
    assertEquals(List.of(), roundTripEqual(IdsCoder.INSTANCE, List.of(), List.of()));
  }

  @Test
  void anchorRefsCoder() throws Exception {
    List<AnchorRef> refs =
        List.of(
            new AnchorRef("a-" + WORLD, IndexPostings.QUERY),
            new AnchorRef("b", IndexPostings.INDEXED),
            new AnchorRef("", IndexPostings.SHORT_QUERY),
            new AnchorRef("c", 300_000),
            new AnchorRef("d", -4));
    List<AnchorRef> decoded = roundTripEqual(AnchorRefsCoder.INSTANCE, refs, List.copyOf(refs));
    assertEquals(refs, decoded);
    assertEquals("a-" + WORLD, decoded.get(0).id());
    assertEquals(IndexPostings.QUERY, decoded.get(0).role());
    CoderProperties.coderDecodeEncodeContentsInSameOrder(AnchorRefsCoder.INSTANCE, refs);
    assertEquals(List.of(), roundTripEqual(AnchorRefsCoder.INSTANCE, List.of(), List.of()));
  }

  @Test
  void metaCoder() throws Exception {
    Meta m =
        roundTripEqual(
            MetaCoder.INSTANCE,
            new Meta(3_000_000_001L, 3_000_000_002L, -3_000_000_003L, 3_000_000_004L, 5),
            new Meta(3_000_000_001L, 3_000_000_002L, -3_000_000_003L, 3_000_000_004L, 5));
    assertEquals(3_000_000_001L, m.clusterSeq());
    assertEquals(3_000_000_002L, m.decisionSeq());
    assertEquals(-3_000_000_003L, m.horizon());
    assertEquals(3_000_000_004L, m.timerAt());
    assertEquals(5, m.size());

    Meta initial =
        roundTripEqual(
            MetaCoder.INSTANCE, Meta.INITIAL, new Meta(0, 0, Long.MIN_VALUE, StreamIndex.NEVER, 0));
    assertEquals(Long.MIN_VALUE, initial.horizon());
    assertEquals(StreamIndex.NEVER, initial.timerAt());
  }

  private static DeadLetter deadLetter() {
    return new DeadLetter(
        "message-17",
        DeadLetter.TOO_LARGE,
        "payload of 2 MB – " + WORLD,
        "{\"title\": \"北京\"",
        Map.of("source", "مرحبا", "lang", "pl-łódź", "", "empty key"));
  }

  private static Arrival arrival() {
    return new Arrival(
        fingerprint(),
        "msg-" + WORLD,
        -7_000_000_000_000L,
        1_700_000_123_456L,
        "{\"raw\": \"Zürich\"}",
        Map.of("k-1", "v-北京", "k-2", ""));
  }

  /** Every field its own value; isCanonical true, indexed false. */
  private static Decision decision() {
    return new Decision(
        "article-" + WORLD,
        Decision.CANONICAL_CHANGED,
        "cluster-new",
        "canonical-new",
        true,
        0.8125,
        0.9375,
        LowContent.TEMPLATE_ONLY,
        1_600_000_000_001L,
        1_700_000_000_002L,
        5_000_000_000L,
        false,
        "cluster-old-北京",
        "canonical-old-łódź");
  }

  /** A duplicate's decision: isCanonical false, indexed true, no previous ids. */
  private static Decision plainDecision(LowContent reason) {
    return new Decision(
        "d-2",
        Decision.DUPLICATE,
        "c-2",
        "k-2",
        false,
        0.5,
        0.75,
        reason,
        0L,
        1L,
        2L,
        true,
        null,
        null);
  }

  private static Assignment assignment(boolean canonical) {
    return new Assignment("cluster-" + WORLD, "canonical-łódź", canonical, 0.3125, 0.6875);
  }
}
