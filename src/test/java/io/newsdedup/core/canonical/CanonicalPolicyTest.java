package io.newsdedup.core.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalPolicyTest {
  private final CanonicalPolicy policy = new CanonicalPolicy(SourceLists.defaults());

  static ArticleFacts facts(
      String id, String source, String url, String at, int shingles, int markers, boolean pointer) {
    return new ArticleFacts(
        id,
        url,
        source,
        "t",
        at == null ? null : Instant.parse(at),
        Origin.ofFile(id),
        shingles,
        markers,
        null,
        pointer);
  }

  private ArticleFacts best(ArticleFacts... candidates) {
    List<ArticleFacts> l = new ArrayList<>(List.of(candidates));
    l.sort(policy.order());
    return l.get(0);
  }

  @Test
  void wireSourceBeatsAnEarlierPaperAndAnEarlierAggregator() {
    ArticleFacts wire = facts("w", "Reuters", null, "2024-05-01T10:00:00Z", 300, 0, false);
    ArticleFacts paper =
        facts("p", "Harbor City Gazette", null, "2024-05-01T09:00:00Z", 300, 0, false);
    ArticleFacts agg = facts("a", "TheDailyCheck", null, "2024-05-01T08:00:00Z", 300, 4, true);
    assertEquals("w", best(agg, paper, wire).id());
    assertEquals(CanonicalPolicy.WIRE_SOURCE, policy.reason(wire, paper));
  }

  @Test
  void aKnownAggregatorOrAPointerToTheOriginalMakesARepost() {
    assertEquals(SourceClass.REPOST, policy.classify(facts("a", "MSN", null, null, 1, 0, false)));
    assertEquals(
        SourceClass.REPOST,
        policy.classify(facts("a", null, "https://www.msn.com/en-us/news/x", null, 1, 0, false)));
    assertEquals(
        SourceClass.REPOST, policy.classify(facts("a", "Unknown Blog", null, null, 1, 3, true)));
    assertEquals(
        SourceClass.WIRE,
        policy.classify(facts("a", null, "https://apnews.com/article/x-1", null, 1, 0, false)));
    assertEquals(
        SourceClass.PUBLISHER,
        policy.classify(facts("a", "The Midland Courier", null, null, 1, 0, false)));
    ArticleFacts paper = facts("p", "Midland Courier", null, "2024-05-01T11:00:00Z", 200, 0, false);
    ArticleFacts agg = facts("a", "Some Site", null, "2024-05-01T09:00:00Z", 200, 2, true);
    assertEquals("p", best(agg, paper).id());
    assertEquals(CanonicalPolicy.NOT_A_REPOST, policy.reason(paper, agg));
  }

  @Test
  void thenEarliestThenMostCompleteThenFewestMarkersThenSmallestId() {
    ArticleFacts early = facts("z", "A", null, "2024-05-01T09:00:00Z", 100, 0, false);
    ArticleFacts late = facts("a", "B", null, "2024-05-01T10:00:00Z", 500, 0, false);
    ArticleFacts undated = facts("b", "C", null, null, 900, 0, false);
    assertEquals("z", best(late, undated, early).id());
    assertEquals(CanonicalPolicy.EARLIEST_PUBLISHED, policy.reason(early, late));
    assertEquals(CanonicalPolicy.EARLIEST_PUBLISHED, policy.reason(late, undated));

    ArticleFacts full = facts("y", "A", null, null, 500, 2, false);
    ArticleFacts partial = facts("x", "B", null, null, 300, 0, false);
    assertEquals("y", best(partial, full).id());
    assertEquals(CanonicalPolicy.MOST_COMPLETE, policy.reason(full, partial));

    ArticleFacts clean = facts("y", "A", null, null, 500, 0, false);
    ArticleFacts marked = facts("x", "B", null, null, 500, 1, false);
    assertEquals("y", best(marked, clean).id());
    assertEquals(CanonicalPolicy.FEWEST_BOILERPLATE_MARKERS, policy.reason(clean, marked));

    ArticleFacts one = facts("m", "A", null, null, 500, 0, false);
    ArticleFacts two = facts("n", "B", null, null, 500, 0, false);
    assertEquals("m", best(two, one).id());
    assertEquals(CanonicalPolicy.SMALLEST_ID, policy.reason(one, two));
    assertEquals(CanonicalPolicy.SINGLETON, policy.reason(one, null));
  }

  @Test
  void sourceListsMatchNamesAndDomainsLoosely() {
    SourceLists lists =
        SourceLists.of(List.of("Associated Press", "apnews.com"), List.of("msn.com"));
    assertTrue(lists.isWire("The Associated Press", null));
    assertTrue(lists.isWire("  associated   press ", null));
    assertTrue(lists.isWire(null, "https://www.apnews.com/article/abc"));
    assertTrue(lists.isWire("apnews.com", null));
    assertFalse(lists.isWire("Associated Press Review", null));
    assertFalse(lists.isWire(null, "https://notapnews.com/x"));
    assertTrue(lists.isAggregator(null, "https://www.msn.com/en-gb/news/story"));
    assertTrue(lists.isAggregator(null, "https://news.msn.com/x"));
    assertFalse(lists.isAggregator(null, "not a url at all %%%"));
    SourceLists more = lists.plus(List.of(), List.of("# comment", "NewsHub  # inline comment"));
    assertTrue(more.isAggregator("newshub", null));
    assertFalse(lists.isAggregator("newshub", null));
  }

  @Test
  void aWireDatelineMakesAnAnonymousArticleWireButNotAPapersReprint() {
    ArticleFacts anonymous =
        new ArticleFacts("a", null, null, "t", null, Origin.ofFile("a.txt"), 100, 1, "AP", false);
    ArticleFacts reprint =
        new ArticleFacts(
            "p", null, "Valley Herald", "t", null, Origin.ofFile("p"), 100, 1, "AP", false);
    assertEquals(SourceClass.WIRE, policy.classify(anonymous));
    assertEquals(SourceClass.PUBLISHER, policy.classify(reprint));
  }

  /** sort() classifies once per article; it must order exactly as order() does. */
  @Test
  void sortOrdersAsTheComparatorDoes() {
    SplittableRandom r = new SplittableRandom(7);
    String[] sources = {"Reuters", "AP", "Harbor City Gazette", "MSN", "Unknown Blog", null};
    String[] urls = {
      null, "https://www.msn.com/x", "https://apnews.com/a", "https://gazette.example/b"
    };
    String[] times = {null, "2024-05-01T08:00:00Z", "2024-05-01T09:00:00Z"};
    for (int round = 0; round < 200; round++) {
      List<ArticleFacts> items = new ArrayList<>();
      int n = 1 + r.nextInt(12);
      for (int i = 0; i < n; i++) {
        items.add(
            facts(
                "id" + r.nextInt(1000),
                sources[r.nextInt(sources.length)],
                urls[r.nextInt(urls.length)],
                times[r.nextInt(times.length)],
                r.nextInt(3) * 100,
                r.nextInt(3),
                r.nextBoolean()));
      }
      List<ArticleFacts> expected = new ArrayList<>(items);
      expected.sort(policy.order());
      List<ArticleFacts> actual = new ArrayList<>(items);
      policy.sort(actual, f -> f);
      assertEquals(expected, actual, "round " + round);
    }
  }
}
