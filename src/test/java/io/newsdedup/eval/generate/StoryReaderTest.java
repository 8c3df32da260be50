package io.newsdedup.eval.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryReaderTest {

  @TempDir Path dir;

  @Test
  void readsTextStoryWithHeader() throws IOException {
    Path f = dir.resolve("07-kenya-rates.txt");
    Files.writeString(
        f,
        String.join(
            "\n",
            "source: AP",
            "kind: wire",
            "published_at: 2025-03-04T11:15:00+02:00",
            "dateline: NAIROBI, Kenya",
            "url: https://apnews.com/article/x",
            "title: Kenya’s central bank holds rates",
            "extra: ignored",
            "",
            "First paragraph, line one",
            "continues here.",
            "",
            "",
            "Second paragraph.",
            ""),
        StandardCharsets.UTF_8);
    Story s = StoryReader.readFile(f).get(0);
    assertEquals("07-kenya-rates", s.id());
    assertEquals("AP", s.source());
    assertEquals("wire", s.kind());
    assertEquals(Instant.parse("2025-03-04T09:15:00Z"), s.publishedAt());
    assertEquals("NAIROBI, Kenya", s.dateline());
    assertEquals("https://apnews.com/article/x", s.url());
    assertEquals("Kenya’s central bank holds rates", s.title());
    assertEquals(
        List.of("First paragraph, line one continues here.", "Second paragraph."), s.paragraphs());
    assertEquals("en", s.language());
  }

  @Test
  void readsHeaderlessTextStory() throws IOException {
    Path f = dir.resolve("plain.txt");
    Files.writeString(
        f,
        "\n\nUpdate: storm closes schools\n\nSchools shut on Monday.\n\n"
            + "Buses were cancelled.\n",
        StandardCharsets.UTF_8);
    Story s = StoryReader.readFile(f).get(0);
    assertEquals("plain", s.id());
    assertEquals("Update: storm closes schools", s.title());
    assertEquals(List.of("Schools shut on Monday.", "Buses were cancelled."), s.paragraphs());
    assertNull(s.source());
    assertNull(s.kind());
    assertNull(s.publishedAt());
  }

  @Test
  void headerWithoutTitleIsTreatedAsBody() {
    Story s = StoryReader.parseText("x", "source: somewhere\nmore: text\n\nBody.", "x.txt");
    assertEquals("source: somewhere", s.title());
    assertEquals(List.of("more: text", "Body."), s.paragraphs());
  }

  @Test
  void readsJsonlStories() throws IOException {
    Path f = dir.resolve("in.jsonl");
    Files.writeString(
        f,
        String.join(
            "\n",
            "{\"id\":\"b\",\"title\":\"Second\",\"text\":\"One.\\nTwo.\\nThree.\","
                + "\"source\":\"Reuters\",\"published_at\":\"2025-01-02T03:04:05Z\"}",
            "",
            "{\"url\":\"https://x.test/a\",\"title\":\"First\",\"text\":\"P1 line\\n"
                + "still P1.\\n"
                + "\\n"
                + "P2.\"}",
            "{\"id\":\"c\",\"text\":\"Headline in text\\n\\nBody here.\",\"lang\":\"es\"}",
            ""),
        StandardCharsets.UTF_8);
    List<Story> stories = StoryReader.read(f.toString());
    assertEquals(3, stories.size());
    Story b = stories.stream().filter(s -> s.id().equals("b")).findFirst().orElseThrow();
    assertEquals(List.of("One.", "Two.", "Three."), b.paragraphs());
    assertEquals("wire", b.kind());
    assertEquals(Instant.parse("2025-01-02T03:04:05Z"), b.publishedAt());
    Story a =
        stories.stream().filter(s -> s.id().equals("https://x.test/a")).findFirst().orElseThrow();
    assertEquals(List.of("P1 line still P1.", "P2."), a.paragraphs());
    assertNull(a.kind());
    Story c = stories.stream().filter(s -> s.id().equals("c")).findFirst().orElseThrow();
    assertEquals("Headline in text", c.title());
    assertEquals(List.of("Body here."), c.paragraphs());
    assertEquals("es", c.language());
  }

  @Test
  void readsGzippedJsonlAndGlobs() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("a/b"));
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(sub.resolve("s.jsonl.gz")))) {
      os.write(
          "{\"id\":\"g1\",\"title\":\"T\",\"text\":\"Body.\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(sub.resolve("t.txt"), "Title\n\nBody.", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("a/ignored.md"), "x", StandardCharsets.UTF_8);
    assertEquals(
        List.of("g1"), StoryReader.read(dir + "/a/**/*.jsonl.gz").stream().map(Story::id).toList());
    assertEquals(
        List.of("g1", "t"), StoryReader.read(sub.toString()).stream().map(Story::id).toList());
    assertEquals(
        List.of("t"), StoryReader.read(dir + "/a/*/*.txt").stream().map(Story::id).toList());
  }

  @Test
  void rejectsBadInput() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(
        bad, "{\"id\":\"x\",\"title\":\"T\",\"text\":\"ok\"}\n{not json\n", StandardCharsets.UTF_8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StoryReader.read(bad.toString()));
    assertTrue(e.getMessage().contains("bad.jsonl:2"), e.getMessage());

    Path noText = dir.resolve("notext.jsonl");
    Files.writeString(noText, "{\"id\":\"x\",\"title\":\"T\"}\n", StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> StoryReader.read(noText.toString()));

    Path date = dir.resolve("date.txt");
    Files.writeString(date, "title: T\npublished_at: yesterday\n\nBody.", StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> StoryReader.read(date.toString()));

    Path d2 = Files.createDirectories(dir.resolve("dups"));
    Files.writeString(d2.resolve("x.txt"), "T\n\nBody.", StandardCharsets.UTF_8);
    Files.writeString(
        d2.resolve("y.jsonl"),
        "{\"id\":\"x\",\"title\":\"T\",\"text\":\"B\"}\n",
        StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> StoryReader.read(d2.toString()));

    assertThrows(
        IllegalArgumentException.class,
        () -> StoryReader.read(dir.resolve("nothing-here").toString()));
  }

  @Test
  void testdataStoriesMatchTheBrief() {
    List<Story> stories = StoryReader.read("testdata/stories");
    Map<String, Integer> kinds = new TreeMap<>();
    for (Story s : stories) {
      kinds.merge(s.kind(), 1, Integer::sum);
      assertTrue(s.id().matches("\\d\\d-[a-z0-9-]+"), s.id());
      assertTrue(s.source() != null && s.publishedAt() != null, s.id());
      int words = s.wordCount();
      if (s.isDistractor()) {
        assertTrue(words >= 60 && words <= 150, s.id() + " has " + words + " words");
      } else {
        assertTrue(words >= 250 && words <= 650, s.id() + " has " + words + " words");
        assertTrue(s.paragraphs().size() >= 6 && s.paragraphs().size() <= 14, s.id());
        assertTrue(s.dateline() != null, s.id());
      }
    }
    assertEquals(10, kinds.get("distractor"));
    assertTrue(kinds.get("wire") >= 20, kinds.toString());
    assertTrue(kinds.get("publisher") >= 15, kinds.toString());
    assertTrue(stories.stream().anyMatch(s -> s.language().equals("es")));
    assertTrue(stories.stream().anyMatch(s -> s.language().equals("ru")));
  }
}
