package io.newsdedup.eval.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.output.OutputJson;
import io.newsdedup.core.read.RecordReader;
import io.newsdedup.core.shingle.Shingler;
import io.newsdedup.core.verify.Similarity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Scores a batch output directory against a labels file ({@code id}, {@code cluster}, optional
 * {@code original: true} and {@code kind}).
 *
 * <ul>
 *   <li>pair precision, recall, F1 and adjusted Rand index over all labelled articles (an article
 *       missing from the output counts as a singleton);
 *   <li>canonical accuracy: the share of true multi-article clusters with a labelled original whose
 *       every member names that original as its canonical;
 *   <li>recall per copy kind: the share of copies of each kind that landed in their original's
 *       cluster;
 *   <li>false pairs per kind (a pair of different stories put together, counted for the kind of
 *       each of its two articles);
 *   <li>the worst false merges (articles put in the cluster of another story's canonical) and
 *       misses (copies not in their original's cluster), with their similarities to the canonical /
 *       to the true original. Similarities of misses are exact over the cleaned texts, re-read from
 *       the records' origins under {@code inputRoot} (cleaned with the bundled rules).
 * </ul>
 */
public final class Evaluation {
  static final ObjectMapper JSON = new ObjectMapper();

  record Label(String id, String cluster, boolean original, String kind) {}

  record Assignment(
      String id, String cluster, String canonical, double jaccard, double containment) {}

  private final Map<String, Label> labels;
  private final Map<String, Assignment> assignments;
  private final Map<String, Origin> origins;
  private final Path inputRoot;
  private final int worst;

  private Evaluation(
      Map<String, Label> labels,
      Map<String, Assignment> assignments,
      Map<String, Origin> origins,
      Path inputRoot,
      int worst) {
    this.labels = labels;
    this.assignments = assignments;
    this.origins = origins;
    this.inputRoot = inputRoot;
    this.worst = worst;
  }

  public static Evaluation load(Path truth, Path outputDir, Path inputRoot, int worst) {
    Map<String, Label> labels = new LinkedHashMap<>();
    forEachJson(
        List.of(truth),
        n ->
            labels.put(
                n.path("id").asText(),
                new Label(
                    n.path("id").asText(),
                    n.path("cluster").asText(),
                    n.path("original").asBoolean(false),
                    n.path("kind").asText("unknown"))));
    Map<String, Assignment> assignments = new HashMap<>();
    forEachJson(
        files(outputDir, "assignments"),
        n ->
            assignments.put(
                n.path("id").asText(),
                new Assignment(
                    n.path("id").asText(),
                    n.path("cluster_id").asText(),
                    n.path("canonical_id").asText(),
                    n.path("jaccard").asDouble(),
                    n.path("containment").asDouble())));
    Map<String, Origin> origins = new HashMap<>();
    forEachJson(
        files(outputDir, "clusters"),
        c -> {
          for (JsonNode m : c.path("members")) {
            origins.put(m.path("id").asText(), OutputJson.origin(m.path("origin")));
          }
        });
    return new Evaluation(labels, assignments, origins, inputRoot, worst);
  }

  static List<Path> files(Path dir, String name) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no output directory " + dir);
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> l =
          s.filter(
                  p ->
                      p.getFileName().toString().startsWith(name + "-")
                          && p.getFileName().toString().endsWith(".jsonl"))
              .sorted()
              .toList();
      if (l.isEmpty()) {
        throw new IllegalArgumentException("no " + name + "-*.jsonl in " + dir);
      }
      return l;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void forEachJson(List<Path> files, Consumer<JsonNode> each) {
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (!line.isBlank()) {
            each.accept(JSON.readTree(line));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
  }

  /** The whole evaluation as JSON (what the table shows, and more). */
  public ObjectNode run() {
    Map<String, String> truth = new HashMap<>();
    Map<String, String> predicted = new HashMap<>();
    labels.values().forEach(l -> truth.put(l.id(), l.cluster()));
    for (Label l : labels.values()) {
      Assignment a = assignments.get(l.id());
      if (a != null) {
        predicted.put(l.id(), a.cluster());
      }
    }
    Scores s = Scores.of(truth, predicted);
    ObjectNode o = JSON.createObjectNode();
    o.put("articles", s.articles());
    o.put(
        "unassigned", labels.keySet().stream().filter(id -> !assignments.containsKey(id)).count());
    o.put(
        "unlabelled", assignments.keySet().stream().filter(id -> !labels.containsKey(id)).count());
    o.put("true_pairs", s.truePairs());
    o.put("predicted_pairs", s.predictedPairs());
    o.put("correct_pairs", s.correctPairs());
    o.put("precision", s.precision());
    o.put("recall", s.recall());
    o.put("f1", s.f1());
    o.put("adjusted_rand_index", s.adjustedRand());
    canonicalAccuracy(o);
    perKind(o, predicted);
    worstFalseMerges(o);
    worstMisses(o);
    return o;
  }

  private Map<String, List<Label>> trueClusters() {
    Map<String, List<Label>> m = new TreeMap<>();
    labels.values().forEach(l -> m.computeIfAbsent(l.cluster(), k -> new ArrayList<>()).add(l));
    return m;
  }

  private void canonicalAccuracy(ObjectNode o) {
    int clusters = 0;
    int right = 0;
    for (List<Label> members : trueClusters().values()) {
      Label original = members.stream().filter(Label::original).findFirst().orElse(null);
      if (members.size() < 2 || original == null) {
        continue;
      }
      clusters++;
      boolean all =
          members.stream()
              .allMatch(
                  m -> {
                    Assignment a = assignments.get(m.id());
                    return a != null && a.canonical().equals(original.id());
                  });
      if (all) {
        right++;
      }
    }
    o.put("canonical_clusters", clusters);
    o.put("canonical_correct", right);
    o.put("canonical_accuracy", clusters == 0 ? 1.0 : (double) right / clusters);
  }

  private void perKind(ObjectNode o, Map<String, String> predicted) {
    Map<String, Label> originalOf = new HashMap<>();
    labels.values().stream().filter(Label::original).forEach(l -> originalOf.put(l.cluster(), l));
    Map<String, int[]> recall = new TreeMap<>();
    for (Label l : labels.values()) {
      Label original = originalOf.get(l.cluster());
      if (l.original() || original == null) {
        continue;
      }
      int[] c = recall.computeIfAbsent(l.kind(), k -> new int[2]);
      c[1]++;
      String p = predicted.get(l.id());
      if (p != null && p.equals(predicted.get(original.id()))) {
        c[0]++;
      }
    }
    ObjectNode r = o.putObject("recall_by_kind");
    recall.forEach(
        (k, c) -> {
          ObjectNode e = r.putObject(k);
          e.put("found", c[0]);
          e.put("copies", c[1]);
          e.put("recall", c[1] == 0 ? 1.0 : (double) c[0] / c[1]);
        });
    Map<String, List<Label>> byPredicted = new HashMap<>();
    for (Label l : labels.values()) {
      String p = predicted.get(l.id());
      if (p != null) {
        byPredicted.computeIfAbsent(p, k -> new ArrayList<>()).add(l);
      }
    }
    Map<String, Long> falsePairs = new TreeMap<>();
    for (List<Label> members : byPredicted.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          Label a = members.get(i);
          Label b = members.get(j);
          if (!a.cluster().equals(b.cluster())) {
            falsePairs.merge(a.kind(), 1L, Long::sum);
            if (!b.kind().equals(a.kind())) {
              falsePairs.merge(b.kind(), 1L, Long::sum);
            }
          }
        }
      }
    }
    ObjectNode f = o.putObject("false_pairs_by_kind");
    falsePairs.forEach(f::put);
  }

  private void worstFalseMerges(ObjectNode o) {
    List<ObjectNode> rows = new ArrayList<>();
    for (Assignment a : assignments.values()) {
      Label me = labels.get(a.id());
      Label canonical = labels.get(a.canonical());
      if (me == null || canonical == null || me.cluster().equals(canonical.cluster())) {
        continue;
      }
      ObjectNode r = JSON.createObjectNode();
      r.put("id", a.id());
      r.put("kind", me.kind());
      r.put("true_cluster", me.cluster());
      r.put("canonical_id", a.canonical());
      r.put("canonical_true_cluster", canonical.cluster());
      r.put("jaccard", a.jaccard());
      r.put("containment", a.containment());
      rows.add(r);
    }
    rows.sort(
        Comparator.comparingDouble((ObjectNode r) -> -r.get("jaccard").asDouble())
            .thenComparing(r -> r.get("id").asText()));
    o.put("false_merged_articles", rows.size());
    ArrayNode arr = o.putArray("worst_false_merges");
    rows.stream().limit(worst).forEach(arr::add);
  }

  private void worstMisses(ObjectNode o) {
    Map<String, Label> originalOf = new HashMap<>();
    labels.values().stream().filter(Label::original).forEach(l -> originalOf.put(l.cluster(), l));
    List<Label[]> missed = new ArrayList<>();
    for (Label l : labels.values()) {
      Label original = originalOf.get(l.cluster());
      if (l.original() || original == null) {
        continue;
      }
      Assignment mine = assignments.get(l.id());
      Assignment theirs = assignments.get(original.id());
      if (mine == null || theirs == null || !mine.cluster().equals(theirs.cluster())) {
        missed.add(new Label[] {l, original});
      }
    }
    o.put("missed_copies", missed.size());
    Map<String, Similarity> similarity = similarities(missed);
    List<ObjectNode> rows = new ArrayList<>();
    for (Label[] m : missed) {
      ObjectNode r = JSON.createObjectNode();
      r.put("id", m[0].id());
      r.put("kind", m[0].kind());
      r.put("true_cluster", m[0].cluster());
      r.put("original_id", m[1].id());
      Assignment a = assignments.get(m[0].id());
      r.put("assigned_canonical_id", a == null ? null : a.canonical());
      Similarity s = similarity.get(m[0].id());
      r.put("jaccard_to_original", s == null ? null : Similarity.round(s.jaccard()));
      r.put("containment_to_original", s == null ? null : Similarity.round(s.containment()));
      rows.add(r);
    }
    rows.sort(
        Comparator.comparingDouble(
                (ObjectNode r) ->
                    -Math.max(
                        r.path("jaccard_to_original").asDouble(0),
                        r.path("containment_to_original").asDouble(0)))
            .thenComparing(r -> r.get("id").asText()));
    ArrayNode arr = o.putArray("worst_misses");
    rows.stream().limit(worst).forEach(arr::add);
  }

  /** Exact similarity of each missed copy to its original, for the first misses only. */
  private Map<String, Similarity> similarities(List<Label[]> missed) {
    List<Label[]> some = missed.size() > 20 * worst ? missed.subList(0, 20 * worst) : missed;
    Set<Origin> wanted = new HashSet<>();
    for (Label[] m : some) {
      for (Label l : m) {
        Origin o = origins.get(l.id());
        if (o != null) {
          wanted.add(o);
        }
      }
    }
    Map<Origin, Article> read = RecordReader.read(wanted, inputRoot);
    TextCleaner cleaner = TextCleaner.withDefaults();
    Shingler shingler = new Shingler(Shingler.DEFAULT_K);
    Map<String, Similarity> out = new HashMap<>();
    for (Label[] m : some) {
      Article copy = read.get(origins.get(m[0].id()));
      Article original = read.get(origins.get(m[1].id()));
      if (copy != null && original != null) {
        out.put(
            m[0].id(),
            Similarity.exact(
                shingler.shingles(cleaner.clean(copy.body()).text()),
                shingler.shingles(cleaner.clean(original.body()).text())));
      }
    }
    return out;
  }
}
