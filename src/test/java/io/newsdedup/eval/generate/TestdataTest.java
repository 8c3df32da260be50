package io.newsdedup.eval.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the committed corpus in {@code testdata/}: labels, realism rules, and regeneration. */
class TestdataTest {

  private static final Path ARTICLES = Path.of("testdata/articles");
  private static final Path LABELS = Path.of("testdata/labels.jsonl");

  @TempDir Path tmp;

  /** The arguments of the regenerate command documented in testdata/README.md. */
  private static List<String> readmeArgs() throws IOException {
    String readme = Files.readString(Path.of("testdata/README.md"), StandardCharsets.UTF_8);
    String marker = "news-dedup.jar eval generate ";
    String line = readme.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
    return List.of(line.substring(line.indexOf(marker) + marker.length()).strip().split("\\s+"));
  }

  @Test
  void committedCorpusIsWhatTheReadmeCommandGenerates() throws IOException {
    List<String> args = new ArrayList<>();
    for (String a : readmeArgs()) {
      if (a.startsWith("--output=")) {
        args.add("--output=" + tmp.resolve("articles"));
      } else if (a.startsWith("--labels=")) {
        args.add("--labels=" + tmp.resolve("labels.jsonl"));
      } else {
        args.add(a);
      }
    }
    assertTrue(args.contains("--stories=testdata/stories"), args.toString());
    args.addAll(0, List.of("eval", "generate"));
    assertEquals(0, Main.run(args.toArray(String[]::new), System.out, System.err));
    assertArrayEquals(
        Files.readAllBytes(LABELS),
        Files.readAllBytes(tmp.resolve("labels.jsonl")),
        "labels.jsonl is stale: rerun the command in testdata/README.md");
    List<String> committed = names(ARTICLES);
    assertEquals(committed, names(tmp.resolve("articles")));
    for (String n : committed) {
      assertEquals(
          TestSupport.readText(ARTICLES.resolve(n)),
          TestSupport.readText(tmp.resolve("articles").resolve(n)),
          n + " is stale");
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void labelsCoverEveryCommittedArticleExactlyOnce() throws IOException {
    Map<String, TestSupport.Read> articles = TestSupport.readCorpus(ARTICLES);
    List<JsonNode> labels = TestSupport.readLabels(LABELS);
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> originals = new TreeMap<>();
    for (JsonNode l : labels) {
      String id = l.get("id").asText();
      assertEquals(null, seen.put(id, 1), "label twice: " + id);
      assertTrue(articles.containsKey(id), "label without article: " + id);
      originals.merge(l.get("cluster").asText(), l.has("original") ? 1 : 0, Integer::sum);
    }
    assertEquals(articles.keySet(), seen.keySet());
    Set<String> storyIds =
        StoryReader.read("testdata/stories").stream().map(Story::id).collect(Collectors.toSet());
    assertEquals(storyIds, originals.keySet());
    originals.forEach((c, n) -> assertEquals(1, n, "originals in " + c));
    assertTrue(labels.size() >= 180 && labels.size() <= 320, "articles: " + labels.size());
    Set<String> urls =
        articles.values().stream()
            .filter(r -> r.json() != null)
            .map(r -> r.json().get("url").asText())
            .collect(Collectors.toSet());
    assertEquals(
        articles.values().stream().filter(r -> r.json() != null).count(),
        urls.size(),
        "JSONL urls are unique");
  }

  @Test
  void copiesKeepMostOfTheirStory() throws IOException {
    Map<String, TestSupport.Read> articles = TestSupport.readCorpus(ARTICLES);
    Map<String, Story> stories =
        StoryReader.read("testdata/stories").stream().collect(Collectors.toMap(Story::id, s -> s));
    int checked = 0;
    for (JsonNode l : TestSupport.readLabels(LABELS)) {
      if (Set.of("excerpt", "paywall").contains(l.path("kind").asText())) {
        continue; // these keep less of their story by design
      }
      TestSupport.Read r = articles.get(l.get("id").asText());
      Story s = stories.get(l.get("cluster").asText());
      String body = String.join("\n\n", s.paragraphs());
      String text =
          r.content().startsWith("<!DOCTYPE") ? TestSupport.articleText(r.content()) : r.content();
      double kept = TestSupport.containment(body, text);
      assertTrue(kept >= 0.6, l + " keeps only " + kept + " of its story");
      checked++;
    }
    assertTrue(checked > 0);
  }

  @Test
  void differentStoriesReallyDiffer() {
    List<Story> stories = StoryReader.read("testdata/stories");
    Map<String, String> text =
        stories.stream()
            .collect(Collectors.toMap(Story::id, s -> String.join("\n\n", s.paragraphs())));
    String[][] sameEvent = {
      {"02-peru-earthquake-reuters", "03-peru-earthquake-ap"},
      {"04-rbnz-rate-cut-reuters", "05-rbnz-rate-cut-afp"},
      {"06-greece-wildfire-ap", "07-greece-wildfire-afp"},
      {"29-housing-bill-capital-observer", "30-housing-bill-harbor-city-gazette"}
    };
    for (String[] p : sameEvent) {
      double ab = TestSupport.containment(text.get(p[0]), text.get(p[1]));
      double ba = TestSupport.containment(text.get(p[1]), text.get(p[0]));
      assertTrue(ab > 0 && ab < 0.3 && ba < 0.3, p[0] + " / " + p[1] + ": " + ab + ", " + ba);
    }
    for (Story a : stories) {
      for (Story b : stories) {
        if (a.id().compareTo(b.id()) < 0) {
          double c = TestSupport.containment(text.get(a.id()), text.get(b.id()));
          assertTrue(c < 0.3, a.id() + " / " + b.id() + ": " + c);
        }
      }
    }
    List<Story> shorts = stories.stream().filter(Story::isDistractor).toList();
    assertEquals(10, shorts.size());
    for (Story a : shorts) {
      for (Story b : shorts) {
        if (a != b) {
          assertTrue(TestSupport.containment(text.get(a.id()), text.get(b.id())) < 0.05);
        }
      }
    }
  }
}
