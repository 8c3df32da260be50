package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.IndexTables;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.options.MatchingOptions;
import io.newsdedup.pipeline.options.MatchingSettingsFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cluster ids when clusters merge or split: the new cluster takes the id of the previous cluster it
 * shares the most members with, ties going to the older cluster; a part that splits off gets an id
 * from its canonical. Built from the paragraphs of one AP story of testdata/ (two excerpts that do
 * not overlap, so they are separate stories until the full story arrives).
 */
class ClusterIdsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static List<String> paragraphs;
  static List<String> other;

  @BeforeAll
  static void load() {
    Map<String, Article> byId = new HashMap<>();
    StreamTestData.articles().forEach(a -> byId.put(a.id(), a));
    paragraphs =
        Arrays.stream(byId.get("ap-58da1d4c74").body().split("\n"))
            .filter(p -> !p.isBlank())
            .toList();
    other =
        Arrays.stream(byId.get("reuters-2fe73801d9").body().split("\n"))
            .filter(p -> !p.isBlank())
            .toList();
    assertEquals(8, paragraphs.size());
  }

  /** An article of these paragraphs; the AP one is the wire original. */
  static String article(String id, String source, String publishedAt, List<String> text) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("source", source);
    o.put("published_at", publishedAt);
    o.put("text", String.join("\n\n", text));
    return o.toString();
  }

  final MatchingSettings settings =
      MatchingSettingsFactory.from(PipelineOptionsFactory.create().as(MatchingOptions.class));
  final MessageParser parser = new MessageParser(settings, 1 << 21);
  final StreamIndex index = new StreamIndex(settings, Retention.FOREVER);
  final IndexTables tables = IndexTables.inMemory();

  List<String> arrive(String json) {
    MessageParser.Result r =
        parser.parse(json.getBytes(StandardCharsets.UTF_8), Map.of(), "m", Long.MAX_VALUE / 2);
    List<String> out = new ArrayList<>();
    for (Decision d : index.arrive(tables, r.arrival(), 0).decisions()) {
      out.add(
          d.id()
              + " "
              + d.status()
              + " "
              + d.clusterId()
              + " "
              + d.canonicalId()
              + (d.previousClusterId() == null ? "" : " was " + d.previousClusterId()));
    }
    StreamIndexTest.checkInvariants(tables);
    return out;
  }

  static String cl(String id) {
    return ArticleIds.clusterId(id);
  }

  String head() {
    return article("head", "Valley Herald", "2025-03-04T10:00:00Z", paragraphs.subList(0, 2));
  }

  String tail(String id) {
    return article(id, "Coastal Post", "2025-03-04T11:00:00Z", paragraphs.subList(5, 8));
  }

  String wire() {
    return article("wire", "AP", "2025-03-04T09:15:00Z", paragraphs);
  }

  @Test
  void whenTwoEqualClustersMergeTheOlderKeepsItsId() {
    assertEquals(List.of("head new " + cl("head") + " head"), arrive(head()));
    assertEquals(List.of("tail new " + cl("tail") + " tail"), arrive(tail("tail")));
    assertEquals(
        List.of(
            "head canonical_changed " + cl("head") + " wire was " + cl("head"),
            "tail canonical_changed " + cl("head") + " wire was " + cl("tail"),
            "wire new " + cl("head") + " wire"),
        arrive(wire()));
  }

  @Test
  void whenClustersMergeTheLargerKeepsItsId() {
    arrive(head());
    arrive(tail("tail"));
    assertEquals(List.of("tail-copy duplicate " + cl("tail") + " tail"), arrive(tail("tail-copy")));
    assertEquals(
        List.of(
            "head canonical_changed " + cl("tail") + " wire was " + cl("head"),
            "tail canonical_changed " + cl("tail") + " wire was " + cl("tail"),
            "tail-copy canonical_changed " + cl("tail") + " wire was " + cl("tail"),
            "wire new " + cl("tail") + " wire"),
        arrive(wire()));
  }

  /**
   * A page that wraps the first four paragraphs in a long unrelated text is a copy of the
   * four-paragraph article (all of it is inside), but not of the full story that becomes the
   * canonical: it splits off under an id of its own, the rest keeps the cluster's id.
   */
  @Test
  void whenAClusterSplitsTheLargerPartKeepsItsId() {
    String four =
        article("four", "Valley Herald", "2025-03-04T10:00:00Z", paragraphs.subList(0, 4));
    String fourCopy =
        article("four-copy", "Coastal Post", "2025-03-04T10:30:00Z", paragraphs.subList(0, 4));
    List<String> wrapped = new ArrayList<>(paragraphs.subList(0, 4));
    wrapped.addAll(other);
    String page = article("page", "Daily Sentinel", "2025-03-04T12:00:00Z", wrapped);
    arrive(four);
    arrive(fourCopy);
    assertEquals(List.of("page duplicate " + cl("four") + " four"), arrive(page));
    assertEquals(
        List.of(
            "four canonical_changed " + cl("four") + " wire was " + cl("four"),
            "four-copy canonical_changed " + cl("four") + " wire was " + cl("four"),
            "page canonical_changed " + cl("page") + " page was " + cl("four"),
            "wire new " + cl("four") + " wire"),
        arrive(wire()));
    assertEquals(Map.of(cl("four"), 3, cl("page"), 1), sizes());
  }

  private Map<String, Integer> sizes() {
    Map<String, Integer> out = new TreeMap<>();
    tables.clusters().forEach((id, info) -> out.put(id, info.size()));
    return out;
  }
}
