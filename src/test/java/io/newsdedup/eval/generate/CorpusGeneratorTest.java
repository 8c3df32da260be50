package io.newsdedup.eval.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

  @TempDir Path tmp;

  private static final EnumSet<CopyKind> ALL_BUT_EXCERPT =
      EnumSet.of(
          CopyKind.ORIGINAL,
          CopyKind.REPRINT,
          CopyKind.AGGREGATOR,
          CopyKind.SCRAPED,
          CopyKind.EDITED,
          CopyKind.DISTRACTOR_BOILERPLATE);

  private static List<Story> stories(int n) {
    List<Story> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TestSupport.wireStory(String.format("s%03d", i), 6 + i % 5));
    }
    return out;
  }

  private static GeneratorConfig config(long seed) {
    return GeneratorConfig.defaults().withSeed(seed).withCopies(2, 5).withCopyShare(0.9);
  }

  /** Every file under a directory, by relative name, as bytes. */
  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private Map<String, byte[]> generateAndWrite(List<Story> stories, GeneratorConfig c, String name)
      throws IOException {
    Path out = tmp.resolve(name);
    List<GeneratedArticle> arts = new CorpusGenerator(c).generate(stories);
    CorpusWriter.write(arts, out.resolve("articles"), out.resolve("labels.jsonl"));
    return snapshot(out);
  }

  @Test
  void sameSeedGivesIdenticalBytesAndOtherSeedDiffers() throws IOException {
    List<Story> s = StoryReader.read("testdata/stories");
    Map<String, byte[]> a = generateAndWrite(s, config(7), "a");
    List<Story> shuffled = new ArrayList<>(s);
    Collections.reverse(shuffled);
    Map<String, byte[]> b = generateAndWrite(shuffled, config(7), "b");
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
    Map<String, byte[]> c = generateAndWrite(s, config(8), "c");
    assertNotEquals(new String(a.get("labels.jsonl")), new String(c.get("labels.jsonl")));
  }

  @Test
  void labelsCoverEveryArticleOnceWithOneOriginalPerCluster() {
    List<Story> s = StoryReader.read("testdata/stories");
    List<GeneratedArticle> arts =
        new CorpusGenerator(config(3).withKinds(ALL_BUT_EXCERPT)).generate(s);
    Set<String> ids = new HashSet<>();
    Set<String> urls = new HashSet<>();
    Map<String, Integer> originals = new HashMap<>();
    for (GeneratedArticle a : arts) {
      assertTrue(ids.add(a.id()), "duplicate id " + a.id());
      assertTrue(urls.add(a.url()), "duplicate url " + a.url());
      originals.merge(a.storyId(), a.isOriginal() ? 1 : 0, Integer::sum);
      if (a.format() != OutputFormat.JSONL) {
        assertEquals(a.file(), a.id());
      } else if (!a.idInFile()) {
        assertEquals(a.url(), a.id());
      }
      assertTrue((a.text() == null) != (a.html() == null), a.id());
    }
    assertEquals(s.stream().map(Story::id).collect(Collectors.toSet()), originals.keySet());
    originals.forEach((k, v) -> assertEquals(1, v, "originals of " + k));
  }

  @Test
  void writtenLabelsMatchWrittenArticles() throws IOException {
    List<Story> s = StoryReader.read("testdata/stories");
    List<GeneratedArticle> arts =
        new CorpusGenerator(config(5).withKinds(ALL_BUT_EXCERPT)).generate(s);
    Path out = tmp.resolve("w");
    CorpusWriter.write(arts, out.resolve("articles"), out.resolve("labels.jsonl"));
    Map<String, TestSupport.Read> read = TestSupport.readCorpus(out.resolve("articles"));
    List<JsonNode> labels = TestSupport.readLabels(out.resolve("labels.jsonl"));
    assertEquals(arts.size(), labels.size());
    assertEquals(
        read.keySet(), labels.stream().map(l -> l.get("id").asText()).collect(Collectors.toSet()));
    for (JsonNode l : labels) {
      boolean original = l.has("original");
      if (original) {
        assertTrue(l.get("original").asBoolean());
      }
      assertTrue(l.has("cluster") && l.has("kind") && l.has("source") && l.has("format"));
    }
    try (Stream<Path> files = Files.list(out.resolve("articles"))) {
      assertTrue(files.allMatch(Files::isRegularFile), "flat output folder");
    }
  }

  @Test
  void reprintKeepsMostParagraphsAndChangesTitle() {
    List<Story> s = stories(40);
    GeneratorConfig c =
        config(11)
            .withKinds(EnumSet.of(CopyKind.ORIGINAL, CopyKind.REPRINT))
            .withCopyShare(1.0)
            .withCopies(1, 3);
    Map<String, Story> byId = s.stream().collect(Collectors.toMap(Story::id, x -> x));
    List<GeneratedArticle> arts = new CorpusGenerator(c).generate(s);
    Map<String, GeneratedArticle> originals = originals(arts);
    int reprints = 0;
    for (GeneratedArticle a : arts) {
      if (a.kind() != CopyKind.REPRINT) {
        continue;
      }
      reprints++;
      Story st = byId.get(a.storyId());
      String text = TestSupport.norm(TestSupport.visibleText(a));
      int kept = 0;
      for (String p : st.paragraphs()) {
        if (text.contains(TestSupport.norm(p))) {
          kept++;
        }
      }
      assertTrue(
          kept >= Math.ceil(0.6 * st.paragraphs().size()),
          a.id() + " kept " + kept + " of " + st.paragraphs().size());
      assertNotEquals(st.title(), a.title());
      assertTrue(TestSupport.containment(originals.get(a.storyId()).text(), text) >= 0.6);
      GeneratedArticle o = originals.get(a.storyId());
      if (a.publishedAt() != null) {
        Duration d =
            Duration.between(
                OffsetDateTime.parse(o.publishedAt()).toInstant(),
                OffsetDateTime.parse(a.publishedAt()).toInstant());
        assertTrue(d.toMinutes() >= 60 && d.toMinutes() <= 600, d.toString());
      }
      assertNotEquals(o.source(), a.source());
    }
    assertTrue(reprints >= 40, "reprints: " + reprints);
  }

  @Test
  void aggregatorCopyCarriesWholeStoryAndBoilerplate() {
    List<Story> s = stories(40);
    GeneratorConfig c =
        config(12)
            .withKinds(EnumSet.of(CopyKind.ORIGINAL, CopyKind.AGGREGATOR))
            .withCopyShare(1.0)
            .withCopies(1, 2);
    List<GeneratedArticle> arts = new CorpusGenerator(c).generate(s);
    Map<String, GeneratedArticle> originals = originals(arts);
    List<String> markers =
        List.of(
            "Read original article here",
            "Source link",
            "Read the full story at",
            "Source: AP",
            "Denial of responsibility!");
    int withoutTime = 0;
    int n = 0;
    for (GeneratedArticle a : arts) {
      if (a.kind() != CopyKind.AGGREGATOR) {
        continue;
      }
      n++;
      String text = TestSupport.visibleText(a);
      assertTrue(markers.stream().anyMatch(text::contains), "no boilerplate in " + a.id());
      GeneratedArticle o = originals.get(a.storyId());
      for (String p : o.text().split("\n\n")) {
        assertTrue(TestSupport.norm(text).contains(TestSupport.norm(p)), a.id() + " lost: " + p);
      }
      assertTrue(text.length() > o.text().length());
      if (a.publishedAt() == null) {
        withoutTime++;
      } else {
        long min =
            Duration.between(
                    OffsetDateTime.parse(o.publishedAt()).toInstant(),
                    OffsetDateTime.parse(a.publishedAt()).toInstant())
                .toMinutes();
        assertTrue(min >= -120 && min <= 360, a.id() + ": " + min);
      }
    }
    assertTrue(n >= 40);
    assertTrue(withoutTime > 0 && withoutTime < n / 2, "without time: " + withoutTime);
  }

  @Test
  void scrapedPageHasArticleTextInsideArticleAndChrome() {
    List<Story> s = stories(20);
    GeneratorConfig c =
        config(13)
            .withKinds(EnumSet.of(CopyKind.ORIGINAL, CopyKind.SCRAPED))
            .withCopyShare(1.0)
            .withCopies(1, 2);
    int pages = 0;
    for (GeneratedArticle a : new CorpusGenerator(c).generate(s)) {
      if (a.kind() != CopyKind.SCRAPED) {
        continue;
      }
      pages++;
      assertNotNull(a.html());
      assertNull(a.text());
      Document d = Jsoup.parse(a.html());
      String article = TestSupport.norm(d.selectFirst("article").text());
      Story st = s.stream().filter(x -> x.id().equals(a.storyId())).findFirst().orElseThrow();
      for (String p : st.paragraphs()) {
        assertTrue(article.contains(TestSupport.norm(p)), a.id() + " lacks: " + p);
      }
      assertNotNull(d.selectFirst("nav"));
      assertNotNull(d.selectFirst("footer"));
      assertNotNull(d.selectFirst("aside.related"));
      assertNotNull(d.selectFirst("script[type=application/ld+json]"));
      assertNotNull(d.selectFirst("article figure figcaption"));
      assertEquals(a.title(), d.selectFirst("meta[property=og:title]").attr("content"));
      assertEquals(a.source(), d.selectFirst("meta[property=og:site_name]").attr("content"));
      assertEquals(a.url(), d.selectFirst("meta[property=og:url]").attr("content"));
      assertEquals(
          a.publishedAt(), d.selectFirst("meta[property=article:published_time]").attr("content"));
      assertTrue(a.html().contains("ADVERTISEMENT"));
      assertTrue(a.html().contains("&amp;") && a.html().contains("&nbsp;"));
      assertTrue(
          a.html().contains("&#8221;") || a.html().contains("&rdquo;"),
          "typographic quotes as entities");
      assertFalse(article.contains("Related stories") || article.contains("Accept all"));
    }
    assertTrue(pages >= 20);
  }

  @Test
  void editedCopyIsLightlyEdited() {
    List<Story> s = StoryReader.read("testdata/stories");
    GeneratorConfig c =
        config(14)
            .withKinds(EnumSet.of(CopyKind.ORIGINAL, CopyKind.EDITED))
            .withCopyShare(1.0)
            .withCopies(1, 2);
    List<GeneratedArticle> arts = new CorpusGenerator(c).generate(s);
    Map<String, Story> byId = s.stream().collect(Collectors.toMap(Story::id, x -> x));
    int n = 0;
    for (GeneratedArticle a : arts) {
      if (a.kind() != CopyKind.EDITED) {
        continue;
      }
      n++;
      Story st = byId.get(a.storyId());
      String story = String.join("\n\n", st.paragraphs());
      String text = TestSupport.visibleText(a);
      double kept = TestSupport.containment(story, text);
      assertTrue(kept >= 0.6 && kept < 1.0, a.id() + " keeps " + kept);
      assertEquals(
          st.paragraphs().size() + 1,
          text.split("\n\n").length,
          "one local paragraph added to " + a.id());
    }
    assertTrue(n >= 40);
  }

  @Test
  void quotesAreNotCutWhenSentencesAreDropped() {
    List<String> sentences =
        Texts.sentences(
            "He said. \"No vamos a dejar solo a nadie. Los recursos están\", dijo. “One. Two.” Mr."
                + " X left. Then U.S. officials came.");
    assertEquals(
        List.of(
            "He said.",
            "\"No vamos a dejar solo a nadie. Los recursos están\", dijo.",
            "“One. Two.”",
            "Mr. X left.",
            "Then U.S. officials came."),
        sentences);
  }

  @Test
  void excerptOnlyWhenEnabled() {
    List<Story> s = stories(30);
    GeneratorConfig off = config(15).withCopyShare(1.0);
    assertTrue(
        new CorpusGenerator(off).generate(s).stream().noneMatch(a -> a.kind() == CopyKind.EXCERPT));
    GeneratorConfig on = off.withKinds(EnumSet.of(CopyKind.ORIGINAL, CopyKind.EXCERPT));
    List<GeneratedArticle> arts = new CorpusGenerator(on).generate(s);
    List<GeneratedArticle> ex = arts.stream().filter(a -> a.kind() == CopyKind.EXCERPT).toList();
    assertFalse(ex.isEmpty());
    for (GeneratedArticle a : ex) {
      String t = TestSupport.visibleText(a);
      assertTrue(t.contains("Read the full story at AP"), t);
      assertTrue(t.split("\n\n").length <= 4);
    }
  }

  @Test
  void distractorsShareIdenticalBoilerplateButAreSeparateClusters() {
    List<Story> s = StoryReader.read("testdata/stories");
    List<GeneratedArticle> arts =
        new CorpusGenerator(config(16).withKinds(ALL_BUT_EXCERPT)).generate(s);
    List<GeneratedArticle> d =
        arts.stream().filter(a -> a.kind() == CopyKind.DISTRACTOR_BOILERPLATE).toList();
    assertEquals(10, d.size());
    assertEquals(10, d.stream().map(GeneratedArticle::storyId).distinct().count());
    String head = null;
    for (GeneratedArticle a : d) {
      assertTrue(a.isOriginal());
      assertEquals(Outlets.BOILERPLATE_AGGREGATOR.name(), a.source());
      assertEquals(1, arts.stream().filter(x -> x.storyId().equals(a.storyId())).count());
      String text = TestSupport.visibleText(a);
      String h = text.substring(0, text.indexOf("\n\n", text.indexOf("\n\n") + 2));
      assertTrue(head == null || head.equals(h));
      head = h;
      assertTrue(text.endsWith("Advertise With Us | DMCA"));
      Story st = s.stream().filter(x -> x.id().equals(a.storyId())).findFirst().orElseThrow();
      int boiler = Texts.wordCount(text) - st.wordCount();
      assertTrue(boiler > st.wordCount(), "boilerplate outweighs the story in " + a.id());
    }
    GeneratorConfig without = config(16);
    assertTrue(
        new CorpusGenerator(without)
            .generate(s).stream().noneMatch(a -> a.kind() == CopyKind.DISTRACTOR_BOILERPLATE));
  }

  @Test
  void distractorShareWrapsShortSingletons() {
    List<Story> shorts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      shorts.add(
          new Story(
              "short" + i,
              "Town Paper",
              "publisher",
              null,
              null,
              null,
              "Item " + i,
              List.of("A short local item number " + i + " about the fair."),
              "en"));
    }
    GeneratorConfig c =
        config(17).withKinds(ALL_BUT_EXCERPT).withCopyShare(0.0).withDistractorShare(0.5);
    List<GeneratedArticle> arts = new CorpusGenerator(c).generate(shorts);
    long wrapped = arts.stream().filter(a -> a.kind() == CopyKind.DISTRACTOR_BOILERPLATE).count();
    assertEquals(50, arts.size());
    assertTrue(wrapped > 10 && wrapped < 40, "wrapped " + wrapped);
  }

  @Test
  void jsonlOnlyPutsPagesIntoHtmlField() throws IOException {
    List<Story> s = StoryReader.read("testdata/stories");
    GeneratorConfig c =
        config(18).withKinds(ALL_BUT_EXCERPT).withFormats(EnumSet.of(OutputFormat.JSONL));
    List<GeneratedArticle> arts = new CorpusGenerator(c).generate(s);
    assertTrue(arts.stream().allMatch(a -> a.format() == OutputFormat.JSONL));
    assertTrue(
        arts.stream()
            .filter(a -> a.kind() == CopyKind.SCRAPED)
            .allMatch(a -> a.html() != null && a.file().equals("scraped.jsonl.gz")));
    Path out = tmp.resolve("j");
    CorpusWriter.write(arts, out.resolve("articles"), out.resolve("labels.jsonl"));
    try (Stream<Path> files = Files.list(out.resolve("articles"))) {
      assertTrue(
          files
              .map(p -> p.getFileName().toString())
              .allMatch(n -> n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".gz")));
    }
    assertEquals(arts.size(), TestSupport.readCorpus(out.resolve("articles")).size());
  }

  @Test
  void someJsonlLinesOmitTheirIdAndUseTheUrl() {
    List<GeneratedArticle> arts = new CorpusGenerator(config(19)).generate(stories(300));
    List<GeneratedArticle> jsonl =
        arts.stream().filter(a -> a.format() == OutputFormat.JSONL).toList();
    long noId = jsonl.stream().filter(a -> !a.idInFile()).count();
    assertTrue(noId > 0.02 * jsonl.size() && noId < 0.1 * jsonl.size(), noId + "/" + jsonl.size());
    jsonl.stream().filter(a -> !a.idInFile()).forEach(a -> assertEquals(a.url(), a.id()));
    assertTrue(
        jsonl.stream()
            .filter(a -> !a.idInFile())
            .allMatch(a -> !CorpusWriter.jsonLine(a).contains("\"id\"")));
  }

  @Test
  void timestampsMixOffsetsAndZ() {
    List<GeneratedArticle> arts = new CorpusGenerator(config(20)).generate(stories(100));
    Set<String> offsets =
        arts.stream()
            .map(GeneratedArticle::publishedAt)
            .filter(t -> t != null)
            .map(t -> t.endsWith("Z") ? "Z" : t.substring(19))
            .collect(Collectors.toSet());
    assertTrue(offsets.contains("Z"));
    assertTrue(offsets.size() >= 4, offsets.toString());
  }

  @Test
  void storiesWithoutSourceOrTimeStillGetAttributedAndDated() {
    Story plain =
        new Story(
            "p1",
            null,
            null,
            null,
            null,
            null,
            "A headline",
            List.of("One paragraph of text here.", "Another paragraph of text."),
            null);
    List<GeneratedArticle> arts =
        new CorpusGenerator(config(21).withCopyShare(1.0)).generate(List.of(plain));
    GeneratedArticle o = originals(arts).get("p1");
    assertNotNull(o.source());
    if (o.format() != OutputFormat.TXT) {
      Instant t = OffsetDateTime.parse(o.publishedAt()).toInstant();
      assertTrue(t.isAfter(Instant.parse("2024-12-31T00:00:00Z")));
    }
    assertTrue(arts.size() >= 2);
  }

  @Test
  void rejectsDuplicateStoryIdsAndBadConfig() {
    List<Story> dup = List.of(TestSupport.wireStory("x", 6), TestSupport.wireStory("x", 7));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CorpusGenerator(GeneratorConfig.defaults()).generate(dup));
    assertThrows(
        IllegalArgumentException.class,
        () -> GeneratorConfig.defaults().withKinds(EnumSet.of(CopyKind.REPRINT)));
    assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.defaults().withCopies(3, 2));
    assertThrows(
        IllegalArgumentException.class,
        () -> GeneratorConfig.defaults().withFormats(EnumSet.of(OutputFormat.TXT)));
  }

  @Test
  void scalesToThousandsOfArticles() {
    List<Story> s = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      List<String> paras = new ArrayList<>();
      for (int p = 0; p < 8; p++) {
        paras.add(
            "Story "
                + i
                + " paragraph "
                + p
                + " reports that the council met on Monday and"
                + " agreed to spend "
                + (i * 13 + p)
                + " thousand on roads, officials said.");
      }
      s.add(
          new Story("plain-" + i, null, null, null, null, null, "Council story " + i, paras, null));
    }
    GeneratorConfig c =
        config(22).withCopies(2, 4).withCopyShare(0.9).withFormats(EnumSet.of(OutputFormat.JSONL));
    long start = System.nanoTime();
    List<GeneratedArticle> arts = new CorpusGenerator(c).generate(s);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(arts.size() >= 5000, "articles: " + arts.size());
    assertTrue(ms < 30_000, "took " + ms + " ms");
  }

  private static Map<String, GeneratedArticle> originals(List<GeneratedArticle> arts) {
    Map<String, GeneratedArticle> out = new HashMap<>();
    for (GeneratedArticle a : arts) {
      if (a.isOriginal()) {
        out.put(a.storyId(), a);
      }
    }
    return out;
  }
}
