package io.newsdedup.eval.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code eval} prints and writes of an {@link Evaluation}'s result: a table for people, and
 * the same as indented JSON.
 */
public final class ScoreTable {
  private ScoreTable() {}

  /** Writes the result as indented JSON into {@code json}. */
  public static void writeJson(ObjectNode result, Path json) {
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
  }

  /** The result as a table: the scores, recall by copy kind, the worst merges and misses. */
  public static String table(JsonNode r) {
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
