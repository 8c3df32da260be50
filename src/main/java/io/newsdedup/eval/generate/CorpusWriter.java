package io.newsdedup.eval.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a generated corpus: the articles into a flat output directory (shared JSONL/NDJSON files,
 * a gzip-compressed JSONL file, and one file per {@code .html}/{@code .txt} article) and one label
 * line per article into a labels file.
 *
 * <p>JSONL lines hold {@code id} (left out on purpose for some lines, whose id is then the URL),
 * {@code url}, {@code source}, {@code title}, {@code text} or {@code html}, and {@code
 * published_at} when known. A {@code .txt} file is the title, a blank line and the body. Label
 * lines are {@code {"id", "cluster", "original": true (originals only), "kind", "source",
 * "format"}}, sorted by cluster, original first, then id. Everything is UTF-8 with '\n' line ends.
 */
public final class CorpusWriter {
  private CorpusWriter() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Writes {@code articles} to {@code outDir} (created if needed) and the labels to {@code labels}.
   *
   * @throws IllegalStateException when two articles share an id, a URL or a file name
   */
  public static void write(List<GeneratedArticle> articles, Path outDir, Path labels)
      throws IOException {
    check(articles);
    Files.createDirectories(outDir);
    Map<String, List<GeneratedArticle>> jsonl = new LinkedHashMap<>();
    for (GeneratedArticle a : articles) {
      switch (a.format()) {
        case JSONL -> jsonl.computeIfAbsent(a.file(), k -> new ArrayList<>()).add(a);
        case HTML -> Files.writeString(outDir.resolve(a.file()), a.html(), StandardCharsets.UTF_8);
        case TXT ->
            Files.writeString(
                outDir.resolve(a.file()),
                a.title() + "\n\n" + a.text() + "\n",
                StandardCharsets.UTF_8);
      }
    }
    for (Map.Entry<String, List<GeneratedArticle>> e : jsonl.entrySet()) {
      Path p = outDir.resolve(e.getKey());
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
          OutputStream os = e.getKey().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
          Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
        for (GeneratedArticle a : e.getValue()) {
          w.write(jsonLine(a));
          w.write('\n');
        }
      }
    }
    if (labels.toAbsolutePath().getParent() != null) {
      Files.createDirectories(labels.toAbsolutePath().getParent());
    }
    List<GeneratedArticle> sorted = new ArrayList<>(articles);
    sorted.sort(
        Comparator.comparing(GeneratedArticle::storyId)
            .thenComparing(a -> !a.isOriginal())
            .thenComparing(GeneratedArticle::id));
    try (Writer w = Files.newBufferedWriter(labels, StandardCharsets.UTF_8)) {
      for (GeneratedArticle a : sorted) {
        w.write(labelLine(a));
        w.write('\n');
      }
    }
  }

  /** The JSONL line of an article (without the line break). */
  public static String jsonLine(GeneratedArticle a) {
    ObjectNode n = JSON.createObjectNode();
    if (a.idInFile()) {
      n.put("id", a.id());
    }
    n.put("url", a.url());
    n.put("source", a.source());
    n.put("title", a.title());
    if (a.text() != null) {
      n.put("text", a.text());
    } else {
      n.put("html", a.html());
    }
    if (a.publishedAt() != null) {
      n.put("published_at", a.publishedAt());
    }
    return json(n);
  }

  /** The label line of an article (without the line break). */
  public static String labelLine(GeneratedArticle a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", a.id());
    n.put("cluster", a.storyId());
    if (a.isOriginal()) {
      n.put("original", true);
    }
    n.put("kind", a.kind().label());
    n.put("source", a.source());
    n.put("format", a.format().label());
    return json(n);
  }

  /** True for the names this writer produces: .jsonl, .ndjson, .jsonl.gz, .html and .txt. */
  public static boolean isCorpusFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jsonl")
        || n.endsWith(".ndjson")
        || n.endsWith(".jsonl.gz")
        || n.endsWith(".html")
        || n.endsWith(".txt");
  }

  /** The corpus files directly inside {@code dir} (none when it does not exist), sorted. */
  public static List<Path> corpusFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(CorpusWriter::isCorpusFile).sorted().toList();
    }
  }

  private static void check(List<GeneratedArticle> articles) {
    Set<String> ids = new HashSet<>();
    Set<String> urls = new HashSet<>();
    Set<String> files = new HashSet<>();
    for (GeneratedArticle a : articles) {
      if (!ids.add(a.id())) {
        throw new IllegalStateException("duplicate article id " + a.id());
      }
      if (!urls.add(a.url())) {
        throw new IllegalStateException("duplicate article url " + a.url());
      }
      if (a.format() != OutputFormat.JSONL && !files.add(a.file())) {
        throw new IllegalStateException("duplicate file " + a.file());
      }
    }
  }

  private static String json(ObjectNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
