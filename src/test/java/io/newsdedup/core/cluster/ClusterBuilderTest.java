package io.newsdedup.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.canonical.SourceLists;
import io.newsdedup.core.verify.MatchRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ClusterBuilderTest {
  private final CanonicalPolicy policy = new CanonicalPolicy(SourceLists.defaults());
  private final ClusterBuilder builder = new ClusterBuilder(policy, MatchRule.defaults());

  static long[] range(long from, long to) {
    return LongStream.range(from, to).toArray();
  }

  static Member member(String id, String source, String at, long[] shingles) {
    return new Member(
        new ArticleFacts(
            id,
            null,
            source,
            id,
            at == null ? null : Instant.parse(at),
            Origin.ofFile(id),
            shingles.length,
            0,
            null,
            false),
        shingles);
  }

  @Test
  void wireOriginalWithTruncatedReprintAndLateRepost() {
    Member wire = member("wire", "AP", "2024-01-01T10:00:00Z", range(0, 100));
    Member reprint = member("paper", "Gazette", "2024-01-01T12:00:00Z", range(0, 60));
    Member repost = member("agg", "MSN", "2024-01-01T09:00:00Z", range(0, 100));
    List<Cluster> clusters = builder.build(List.of(reprint, repost, wire));
    assertEquals(1, clusters.size());
    Cluster c = clusters.get(0);
    assertEquals("wire", c.canonical().id());
    assertEquals(ArticleIds.clusterId("wire"), c.id());
    assertEquals(CanonicalPolicy.WIRE_SOURCE, c.canonicalReason());
    assertEquals(
        List.of("wire", "paper", "agg"), c.members().stream().map(m -> m.facts().id()).toList());
    ClusterMember paper = c.members().get(1);
    assertEquals(0.6, paper.toCanonical().jaccard(), 1e-12);
    assertEquals(1.0, paper.toCanonical().containment(), 1e-12);
    assertEquals("wire", paper.matchedVia());
    assertNull(c.members().get(0).matchedVia());
    assertTrue(c.members().get(0).canonical());
  }

  @Test
  void aWeakBridgeDoesNotGlueTwoStories() {
    // Story A and story B share a middle article that overlaps each by 40% (fails both rules).
    Member a = member("a", "X", "2024-01-01T10:00:00Z", range(0, 100));
    Member a2 = member("a2", "Y", "2024-01-01T11:00:00Z", range(0, 95));
    Member bridge =
        member("m", "Z", "2024-01-01T12:00:00Z", concat(range(60, 100), range(1000, 1060)));
    Member b = member("b", "W", "2024-01-01T13:00:00Z", range(1000, 1100));
    List<Cluster> clusters = builder.build(List.of(bridge, b, a2, a));
    List<List<String>> ids = new ArrayList<>();
    for (Cluster c : clusters) {
      ids.add(c.members().stream().map(m -> m.facts().id()).toList());
    }
    // The bridge overlaps a by 40% and b by 60% (containment 0.6): it joins neither.
    assertEquals(List.of(List.of("a", "a2"), List.of("m"), List.of("b")), ids);
  }

  @Test
  void aChainOfFiftyNearDuplicatesIsOneCluster() {
    // Article i replaces 2 of 200 shingles of article i-1: neighbours have Jaccard ~0.98, the ends
    // share only about half their shingles (below both thresholds against the canonical).
    List<Member> chain = new ArrayList<>();
    long[] current = range(0, 200);
    for (int i = 0; i < 50; i++) {
      chain.add(
          member(
              String.format("c%02d", i),
              "S",
              String.format("2024-01-01T10:%02d:00Z", i),
              current.clone()));
      current = current.clone();
      current[(2 * i) % 200] = 10_000 + 2L * i;
      current[(2 * i + 1) % 200] = 10_001 + 2L * i;
      Arrays.sort(current);
    }
    Collections.shuffle(chain, new Random(3));
    List<Cluster> clusters = builder.build(chain);
    assertEquals(1, clusters.size());
    assertEquals("c00", clusters.get(0).canonical().id());
    assertEquals(50, clusters.get(0).members().size());
    ClusterMember last =
        clusters.get(0).members().stream()
            .filter(m -> m.facts().id().equals("c49"))
            .findFirst()
            .orElseThrow();
    assertTrue(last.toCanonical().jaccard() < 0.5, "the chain's ends are not direct copies");
    assertEquals("c48", last.matchedVia());
  }

  @Test
  void tenThousandIdenticalArticlesAreOneClusterInLinearWork() {
    List<Member> copies = new ArrayList<>();
    long[] text = range(0, 300);
    for (int i = 0; i < 10_000; i++) {
      copies.add(member(String.format("id%05d", i), "S", null, text));
    }
    List<Cluster> clusters = builder.build(copies);
    assertEquals(1, clusters.size());
    assertEquals(10_000, clusters.get(0).members().size());
    assertEquals("id00000", clusters.get(0).canonical().id());
    assertEquals(CanonicalPolicy.SMALLEST_ID, clusters.get(0).canonicalReason());
  }

  @Test
  void aSingleArticleIsASingleton() {
    List<Cluster> clusters = builder.build(List.of(member("only", "S", null, range(0, 10))));
    assertEquals(CanonicalPolicy.SINGLETON, clusters.get(0).canonicalReason());
  }

  static long[] concat(long[] a, long[] b) {
    long[] r = LongStream.concat(LongStream.of(a), LongStream.of(b)).toArray();
    Arrays.sort(r);
    return r;
  }

  static Member lowContent(String id, String title, long[] shingles) {
    return new Member(
        new ArticleFacts(
            id,
            null,
            "Paper",
            title,
            null,
            Origin.ofFile(id),
            shingles.length,
            1,
            null,
            false,
            io.newsdedup.core.article.Titles.key(title),
            io.newsdedup.core.article.LowContent.TOO_SHORT,
            false,
            false,
            null,
            null),
        shingles);
  }

  static Member titled(String id, String title, long[] shingles) {
    return new Member(
        new ArticleFacts(
            id,
            null,
            "Wire",
            title,
            Instant.parse("2024-01-01T10:00:00Z"),
            Origin.ofFile(id),
            shingles.length,
            0,
            null,
            false,
            io.newsdedup.core.article.Titles.key(title),
            null,
            false,
            false,
            null,
            null),
        shingles);
  }

  @Test
  void aPaywallPageJoinsItsStoryOnlyOnTheSameTitleWithItsTeaserInside() {
    String title = "Port strike enters its third day as talks stall";
    Member story = titled("story", title, range(0, 200));
    Member wallOnly = lowContent("wall", title, new long[0]);
    Member teaser = lowContent("teaser", title, range(0, 8));
    Member otherTeaser = lowContent("other", title, range(5000, 5008));
    Member otherTitle = lowContent("retitled", "Dockers walk out for a third day", new long[0]);
    List<Cluster> clusters =
        builder.build(List.of(wallOnly, otherTitle, teaser, story, otherTeaser));
    List<List<String>> ids =
        clusters.stream().map(c -> c.members().stream().map(m -> m.facts().id()).toList()).toList();
    assertEquals(List.of("story", "teaser", "wall"), ids.get(0));
    assertEquals(CanonicalPolicy.HAS_CONTENT, clusters.get(0).canonicalReason());
    assertEquals(3, clusters.size() - 0, ids.toString());
  }

  @Test
  void twoLowContentPagesJoinOnlyWithTheSameTitleAndText() {
    String title = "Council approves the new night bus routes";
    List<Cluster> same =
        builder.build(
            List.of(lowContent("a", title, range(0, 5)), lowContent("b", title, range(0, 5))));
    assertEquals(1, same.size());
    List<Cluster> differentText =
        builder.build(
            List.of(lowContent("a", title, range(0, 5)), lowContent("b", title, range(0, 6))));
    assertEquals(2, differentText.size());
    List<Cluster> genericTitle =
        builder.build(
            List.of(
                lowContent("a", "Just a moment...", new long[0]),
                lowContent("b", "Just a moment...", new long[0])));
    assertEquals(2, genericTitle.size());
  }
}
