package io.newsdedup.pipeline.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.cli.Main;
import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.read.RecordReader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assertions;

/**
 * The bundled testdata/ articles as stream messages, and the batch job's answer on the same
 * records, for comparing stream and batch.
 */
public final class StreamTestData {
  public static final Path ARTICLES = Path.of("testdata/articles");
  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamTestData() {}

  /** Every article of testdata/articles, read with the pipeline's own parser, in id order. */
  public static List<Article> articles() {
    return articles(ARTICLES);
  }

  /**
   * Every article of the files in {@code dir}, read with the pipeline's own parser, in id order.
   */
  public static List<Article> articles(Path dir) {
    List<Origin> origins = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith(".jsonl") || base.endsWith(".ndjson")) {
          long n = lineCount(f, name.endsWith(".gz"));
          for (long i = 1; i <= n; i++) {
            origins.add(Origin.ofLine(name, i));
          }
        } else {
          origins.add(Origin.ofFile(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Origin, Article> read = RecordReader.read(origins, dir);
    List<Article> out = new ArrayList<>(read.values());
    out.sort(Comparator.comparing(Article::id));
    return out;
  }

  private static long lineCount(Path f, boolean gz) throws IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                gz ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f),
                StandardCharsets.UTF_8))) {
      return r.lines().count();
    }
  }

  /** An article in the batch's JSON contract: one message payload, or one JSONL line. */
  public static String json(Article a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id());
    o.put("url", a.url());
    o.put("source", a.source());
    o.put("title", a.title());
    o.put("published_at", a.publishedAt() == null ? null : a.publishedAt().toString());
    o.put("text", a.body());
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the articles as one JSONL file. */
  public static Path writeJsonl(List<Article> articles, Path file) {
    try {
      Files.write(
          file, articles.stream().map(StreamTestData::json).toList(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One article's batch assignment. */
  public record Assigned(String clusterId, String canonicalId) {}

  /**
   * Runs {@code batch} on the articles (corpus-learned boilerplate off: the stream does not learn
   * it) with the extra options, and returns each article's assignment.
   */
  public static Map<String, Assigned> batch(List<Article> articles, Path dir, String... options) {
    Path input = writeJsonl(articles, dir.resolve("input.jsonl"));
    Path out = dir.resolve("batch-out");
    List<String> args =
        new ArrayList<>(
            List.of("batch", "--input=" + input, "--output=" + out, "--learnBoilerplate=false"));
    args.addAll(List.of(options));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException("batch failed: " + err.toString(StandardCharsets.UTF_8));
    }
    Map<String, Assigned> assigned = new TreeMap<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("assignments-")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            JsonNode n = JSON.readTree(line);
            assigned.put(
                n.get("id").asText(),
                new Assigned(n.get("cluster_id").asText(), n.get("canonical_id").asText()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return assigned;
  }

  /** The clusters as sets of ids (cluster ids dropped), for comparing two runs. */
  public static Set<Set<String>> partition(Map<String, String> clusterOfId) {
    return clusterOfId.entrySet().stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getValue,
                TreeMap::new,
                Collectors.mapping(Map.Entry::getKey, Collectors.toCollection(TreeSet::new))))
        .values()
        .stream()
        .map(s -> (Set<String>) s)
        .collect(
            Collectors.toCollection(() -> new TreeSet<>(Comparator.comparing(Object::toString))));
  }

  /** article id → cluster id of a batch run. */
  public static Map<String, String> clusterOf(Map<String, Assigned> batch) {
    Map<String, String> out = new TreeMap<>();
    batch.forEach((id, a) -> out.put(id, a.clusterId()));
    return out;
  }

  /**
   * Asserts that these clusters (cluster ids aside) and canonicals are the batch run's.
   *
   * @param clusterOf article id → cluster id, of every article
   * @param canonicalOf article id → canonical id, of every article
   */
  public static void assertSameAsBatch(
      Map<String, Assigned> batch, Map<String, String> clusterOf, Map<String, String> canonicalOf) {
    Assertions.assertEquals(
        partition(clusterOf(batch)), partition(clusterOf), "clusters = the batch's clusters");
    Map<String, String> batchCanonical = new TreeMap<>();
    batch.forEach((id, a) -> batchCanonical.put(id, a.canonicalId()));
    Assertions.assertEquals(batchCanonical, new TreeMap<>(canonicalOf), "canonicals");
  }
}
