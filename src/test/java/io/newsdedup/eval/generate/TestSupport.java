package io.newsdedup.eval.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Helpers for the generator tests: stories, shingles, reading a written corpus back. */
final class TestSupport {
  private TestSupport() {}

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** A wire story with {@code n} distinct paragraphs of several sentences. */
  static Story wireStory(String id, int n) {
    List<String> paras = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      paras.add(
          "Paragraph "
              + i
              + " of "
              + id
              + " says that officials in the port city counted "
              + (i * 37 + 11)
              + " ships on Tuesday. Mr. Alvarez said the "
              + word(id, i)
              + " harbour would stay open. “It is about "
              + (i + 3)
              + " percent busier,” he said.");
    }
    return new Story(
        id,
        "AP",
        "wire",
        Instant.parse("2025-03-04T09:15:00Z"),
        "NAIROBI, Kenya",
        null,
        "Port officials count record ships in " + id,
        paras,
        "en");
  }

  private static String word(String id, int i) {
    String[] w = {"northern", "eastern", "busy", "old", "new", "main", "outer", "inner"};
    return w[(Math.abs(id.hashCode()) + i) % w.length];
  }

  /** Lower-cased words (letters and digits) of a text. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The set of 5-word shingles of a text. */
  static Set<String> shingles(String text) {
    List<String> w = words(text);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 5 <= w.size(); i++) {
      out.add(String.join(" ", w.subList(i, i + 5)));
    }
    return out;
  }

  /** Share of {@code a}'s shingles that also occur in {@code b}. */
  static double containment(String a, String b) {
    Set<String> sa = shingles(a);
    Set<String> sb = shingles(b);
    if (sa.isEmpty()) {
      return 0;
    }
    long in = sa.stream().filter(sb::contains).count();
    return (double) in / sa.size();
  }

  /** The visible text of an article: plain text, or the text of the page's {@code <article>}. */
  static String visibleText(GeneratedArticle a) {
    if (a.text() != null) {
      return a.text();
    }
    return articleText(a.html());
  }

  /** The text inside {@code <article>} of a page, whitespace and non-breaking spaces collapsed. */
  static String articleText(String html) {
    Document d = Jsoup.parse(html);
    Element article = d.selectFirst("article");
    return article == null ? "" : norm(article.text());
  }

  /** Collapses whitespace including U+00A0. */
  static String norm(String s) {
    return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
  }

  /** One article read back from disk. */
  record Read(String id, String file, JsonNode json, String content) {}

  /** Reads every article of a written corpus directory, keyed by the id the pipeline would use. */
  static Map<String, Read> readCorpus(Path dir) throws IOException {
    Map<String, Read> out = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".jsonl.gz")) {
        for (String line : readText(f).split("\n")) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          String id = n.has("id") ? n.get("id").asText() : n.get("url").asText();
          String content = n.has("text") ? n.get("text").asText() : n.get("html").asText();
          if (out.put(id, new Read(id, name, n, content)) != null) {
            throw new AssertionError("duplicate id in corpus: " + id);
          }
        }
      } else {
        if (out.put(name, new Read(name, name, null, readText(f))) != null) {
          throw new AssertionError("duplicate id in corpus: " + name);
        }
      }
    }
    return out;
  }

  /** A file's text, gunzipped when it ends in .gz. */
  static String readText(Path f) throws IOException {
    if (f.getFileName().toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  /** Parsed label lines. */
  static List<JsonNode> readLabels(Path labels) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }
}
