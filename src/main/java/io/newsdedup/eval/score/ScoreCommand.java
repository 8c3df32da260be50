package io.newsdedup.eval.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eval --truth=LABELS.jsonl --output=DIR}: scores a batch output against labels, prints a
 * table and writes the same as JSON ({@code --json}, default DIR/eval.json).
 */
public final class ScoreCommand {
  private ScoreCommand() {}

  static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("truth", "labels file (JSONL: id, cluster, optional original, kind); required");
    OPTIONS.put("output", "the batch output directory to score; required");
    OPTIONS.put("json", "where to write the JSON (default: OUTPUT/eval.json)");
    OPTIONS.put("inputRoot", "directory the records' origins are relative to (default: .)");
    OPTIONS.put("worst", "how many worst false merges and misses to list (default: 10)");
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      if (a.equals("--help")) {
        out.println("news-dedup eval --truth=LABELS.jsonl --output=DIR [options]");
        out.println(
            "Scores a batch output against labels: pair precision/recall/F1, adjusted Rand");
        out.println(
            "index, canonical accuracy, recall per copy kind, the worst false merges and misses.");
        OPTIONS.forEach((k, v) -> out.printf("  --%-10s %s%n", k + "=", v));
        return 0;
      }
      int eq = a.indexOf('=');
      String key = a.startsWith("--") && eq > 2 ? a.substring(2, eq) : null;
      if (key == null || !OPTIONS.containsKey(key)) {
        err.println("eval: unknown argument " + a + " (see eval --help)");
        return 2;
      }
      o.put(key, a.substring(eq + 1));
    }
    if (!o.containsKey("truth") || !o.containsKey("output")) {
      err.println("eval: --truth and --output are required (see eval --help)");
      return 2;
    }
    Path truth = Path.of(o.get("truth"));
    Path output = Path.of(o.get("output"));
    if (!Files.isRegularFile(truth)) {
      err.println("eval: no labels file " + truth);
      return 2;
    }
    int worst;
    try {
      worst = Integer.parseInt(o.getOrDefault("worst", "10"));
    } catch (NumberFormatException e) {
      err.println("eval: --worst must be a number");
      return 2;
    }
    ObjectNode result;
    try {
      result =
          Evaluation.load(truth, output, Path.of(o.getOrDefault("inputRoot", ".")), worst).run();
    } catch (IllegalArgumentException e) {
      err.println("eval: " + e.getMessage());
      return 2;
    }
    out.print(table(result));
    Path json = Path.of(o.getOrDefault("json", output.resolve("eval.json").toString()));
    try {
      Files.writeString(
          json,
          Evaluation.JSON
                  .copy()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(result)
              + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + json, e);
    }
    out.println("JSON: " + json);
    return 0;
  }

  static String table(JsonNode r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "articles %d (unassigned %d)%n",
            r.get("articles").asLong(),
            r.get("unassigned").asLong()));
    sb.append(String.format(Locale.ROOT, "%-22s %8s%n", "metric", "value"));
    for (String k :
        new String[] {"precision", "recall", "f1", "adjusted_rand_index", "canonical_accuracy"}) {
      sb.append(String.format(Locale.ROOT, "%-22s %8.4f%n", k, r.get(k).asDouble()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%-22s %8d / %d pairs correct / predicted, %d true%n",
            "pairs",
            r.get("correct_pairs").asLong(),
            r.get("predicted_pairs").asLong(),
            r.get("true_pairs").asLong()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-22s %8d of %d clusters%n",
            "canonical correct",
            r.get("canonical_correct").asLong(),
            r.get("canonical_clusters").asLong()));
    sb.append(String.format(Locale.ROOT, "%nrecall by copy kind%n"));
    r.get("recall_by_kind")
        .fields()
        .forEachRemaining(
            e ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %-24s %6d / %-6d %.4f%n",
                        e.getKey(),
                        e.getValue().get("found").asLong(),
                        e.getValue().get("copies").asLong(),
                        e.getValue().get("recall").asDouble())));
    sb.append(
        String.format(Locale.ROOT, "false pairs by kind: %s%n", r.get("false_pairs_by_kind")));
    sb.append(
        String.format(
            Locale.ROOT,
            "%nworst false merges (%d articles in another story's cluster)%n",
            r.get("false_merged_articles").asLong()));
    for (JsonNode m : r.get("worst_false_merges")) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-40s %-22s -> %-40s J %.3f C %.3f%n",
              m.get("id").asText(),
              m.get("kind").asText(),
              m.get("canonical_id").asText(),
              m.get("jaccard").asDouble(),
              m.get("containment").asDouble()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nworst misses (%d copies not with their original)%n",
            r.get("missed_copies").asLong()));
    for (JsonNode m : r.get("worst_misses")) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-40s %-22s original %-30s J %s C %s%n",
              m.get("id").asText(),
              m.get("kind").asText(),
              m.get("original_id").asText(),
              m.get("jaccard_to_original").asText(),
              m.get("containment_to_original").asText()));
    }
    return sb.toString();
  }
}
