package io.newsdedup.core.canonical;

import io.newsdedup.core.article.ArticleFacts;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Chooses the canonical original of a cluster, deterministically, and says why. The rules, in
 * order; the first that separates two articles decides:
 *
 * <ol>
 *   <li>{@code has_content}: an article with enough text over a low-content one (a paywall page, a
 *       bare headline);
 *   <li>{@code wire_source} / {@code not_a_repost}: source class, {@link SourceClass#WIRE} over
 *       {@link SourceClass#PUBLISHER} over {@link SourceClass#REPOST};
 *   <li>{@code earliest_published}: earlier {@code published_at}; an article without one comes
 *       after every article with one;
 *   <li>{@code most_complete}: more distinct shingles in the cleaned text;
 *   <li>{@code fewest_boilerplate_markers}: fewer boilerplate lines removed by cleaning;
 *   <li>{@code smallest_id}: the smaller id (always decides: ids are unique).
 * </ol>
 */
public final class CanonicalPolicy implements Serializable {
  public static final String SINGLETON = "singleton";
  public static final String HAS_CONTENT = "has_content";
  public static final String WIRE_SOURCE = "wire_source";
  public static final String NOT_A_REPOST = "not_a_repost";
  public static final String EARLIEST_PUBLISHED = "earliest_published";
  public static final String MOST_COMPLETE = "most_complete";
  public static final String FEWEST_BOILERPLATE_MARKERS = "fewest_boilerplate_markers";
  public static final String SMALLEST_ID = "smallest_id";

  private final SourceLists lists;
  private transient List<Rule> rules;

  public CanonicalPolicy(SourceLists lists) {
    this.lists = lists;
  }

  /**
   * A known wire source (by name or URL), or — when the article names no source and has no URL — a
   * wire dateline ("BEIJING (AP) —") is WIRE; a known aggregator or a text with repost evidence (a
   * pointer to its original, an aggregator disclaimer) is REPOST; anything else PUBLISHER.
   */
  public SourceClass classify(ArticleFacts a) {
    if (lists.isWire(a.source(), a.url())) {
      return SourceClass.WIRE;
    }
    boolean anonymous =
        (a.source() == null || a.source().isBlank()) && (a.url() == null || a.url().isBlank());
    if (anonymous && a.wireAgency() != null && !a.pointsToOriginal()) {
      return SourceClass.WIRE;
    }
    if (lists.isAggregator(a.source(), a.url()) || a.pointsToOriginal()) {
      return SourceClass.REPOST;
    }
    return SourceClass.PUBLISHER;
  }

  /** One rule; {@code order} is null for the source-class rule, which takes a class lookup. */
  private record Rule(String reason, Comparator<ArticleFacts> order) {
    int compare(ArticleFacts a, ArticleFacts b, Function<ArticleFacts, SourceClass> classOf) {
      return order == null ? classOf.apply(a).compareTo(classOf.apply(b)) : order.compare(a, b);
    }
  }

  private List<Rule> rules() {
    if (rules == null) {
      rules = buildRules();
    }
    return rules;
  }

  private List<Rule> buildRules() {
    return List.of(
        new Rule(HAS_CONTENT, Comparator.comparing(ArticleFacts::lowContent)),
        new Rule(null, null),
        new Rule(
            EARLIEST_PUBLISHED,
            Comparator.comparing(
                ArticleFacts::publishedAt,
                Comparator.nullsLast(Comparator.<Instant>naturalOrder()))),
        new Rule(MOST_COMPLETE, Comparator.comparingInt(ArticleFacts::shingleCount).reversed()),
        new Rule(
            FEWEST_BOILERPLATE_MARKERS, Comparator.comparingInt(ArticleFacts::boilerplateMarkers)),
        new Rule(SMALLEST_ID, Comparator.comparing(ArticleFacts::id)));
  }

  /** Best candidate first. */
  public Comparator<ArticleFacts> order() {
    return (a, b) -> compare(a, b, this::classify);
  }

  /**
   * Sorts {@code items} best candidate first, as {@link #order()} does, classifying each article
   * once rather than on every comparison (a class looks up names and parses URLs).
   */
  public <T> void sort(List<T> items, Function<T, ArticleFacts> facts) {
    Map<ArticleFacts, SourceClass> classes = new IdentityHashMap<>();
    for (T item : items) {
      classes.computeIfAbsent(facts.apply(item), this::classify);
    }
    items.sort((x, y) -> compare(facts.apply(x), facts.apply(y), classes::get));
  }

  private int compare(ArticleFacts a, ArticleFacts b, Function<ArticleFacts, SourceClass> classOf) {
    for (Rule r : rules()) {
      int c = r.compare(a, b, classOf);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Why {@code winner} is preferred to {@code runnerUp} (the best of the other members). */
  public String reason(ArticleFacts winner, ArticleFacts runnerUp) {
    if (runnerUp == null) {
      return SINGLETON;
    }
    for (Rule r : rules()) {
      if (r.compare(winner, runnerUp, this::classify) != 0) {
        if (r.reason() == null) {
          return classify(winner) == SourceClass.WIRE ? WIRE_SOURCE : NOT_A_REPOST;
        }
        return r.reason();
      }
    }
    return SMALLEST_ID;
  }
}
