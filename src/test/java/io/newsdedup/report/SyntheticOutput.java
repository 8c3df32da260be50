package io.newsdedup.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A large batch output written directly (no pipeline): one cluster of {@code giant} members, a
 * number of clusters of 10, of 3, and singletons, plus assignments, rejected records and
 * summary.json. The giant and the size-10 clusters have real input lines (in/giant.jsonl,
 * in/medium.jsonl) so that their pages get diffs; the others point to files that do not exist.
 * Low-content: one giant member in 1,000 and one singleton in 10 are template-only pages, another
 * singleton in 10 is too short.
 */
final class SyntheticOutput {
  final int giant;
  final int medium;
  final int small;
  final int singletons;
  final int rejected;
  final int sources = 500;

  SyntheticOutput(int giant, int medium, int small, int singletons, int rejected) {
    this.giant = giant;
    this.medium = medium;
    this.small = small;
    this.singletons = singletons;
    this.rejected = rejected;
  }

  long articles() {
    return giant + 10L * medium + 3L * small + singletons;
  }

  long clusters() {
    return 1L + medium + small + singletons;
  }

  long duplicates() {
    return articles() - clusters();
  }

  long templateOnly() {
    return giant / 1000 + (singletons + 9) / 10;
  }

  long tooShort() {
    return (singletons + 8) / 10;
  }

  private static final String TEMPLATE_ONLY = "\"template_only\"";
  private static final String TOO_SHORT = "\"too_short\"";

  /** The low_content_reason (JSON) of member k of a giant (prefix "giant") or singleton c. */
  private static String low(String prefix, int k) {
    if (prefix.equals("giant")) {
      return k % 1000 == 999 ? TEMPLATE_ONLY : "null";
    }
    if (prefix.startsWith("u")) {
      int c = Integer.parseInt(prefix.substring(1));
      return c % 10 == 0 ? TEMPLATE_ONLY : c % 10 == 1 ? TOO_SHORT : "null";
    }
    return "null";
  }

  private static final String STORY =
      "The regional transport authority said on Monday that the"
          + " new tram line would open in the spring after two years of delays caused by supply"
          + " problems and a dispute over the route through the old town.\\nOfficials said the line"
          + " would carry about forty thousand passengers a day and cut journey times between the"
          + " station and the university by half.\\nOpponents said the cost had doubled since the"
          + " project was approved and called for an independent review of the budget.";

  private static String json(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  /** Writes the output into {@code root/out} and inputs into {@code root/in}; returns out. */
  Path write(Path root) throws IOException {
    Path out = Files.createDirectories(root.resolve("out"));
    Path in = Files.createDirectories(root.resolve("in"));
    int shards = 4;
    List<BufferedWriter> clusterFiles = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      clusterFiles.add(
          Files.newBufferedWriter(
              out.resolve(String.format("clusters-%05d-of-%05d.jsonl", s, shards)),
              StandardCharsets.UTF_8));
    }
    try (BufferedWriter assignments =
            Files.newBufferedWriter(
                out.resolve("assignments-00000-of-00001.jsonl"), StandardCharsets.UTF_8);
        BufferedWriter giantIn = Files.newBufferedWriter(in.resolve("giant.jsonl"));
        BufferedWriter mediumIn = Files.newBufferedWriter(in.resolve("medium.jsonl"))) {
      long[] mediumLine = {0};
      int n = 0;
      // the giant cluster
      cluster(
          clusterFiles.get(n++ % shards),
          assignments,
          "cl-giant",
          giant,
          "giant",
          k -> {
            giantIn.write(articleLine("giant-" + k, k));
            return new long[] {k + 1};
          },
          "in/giant.jsonl");
      for (int i = 0; i < medium; i++) {
        int c = i;
        String id = String.format("cl-m-%05d", c);
        cluster(
            clusterFiles.get(n++ % shards),
            assignments,
            id,
            10,
            "m" + c,
            k -> {
              mediumIn.write(articleLine("m" + c + "-" + k, k));
              return new long[] {++mediumLine[0]};
            },
            "in/medium.jsonl");
      }
      for (int c = 0; c < small; c++) {
        cluster(
            clusterFiles.get(n++ % shards),
            assignments,
            String.format("cl-s-%06d", c),
            3,
            "s" + c,
            k -> new long[] {k + 1},
            "in/missing.jsonl");
      }
      for (int i = 0; i < singletons; i++) {
        int c = i;
        cluster(
            clusterFiles.get(n++ % shards),
            assignments,
            String.format("cl-1-%06d", c),
            1,
            "u" + c,
            k -> new long[] {c + 1},
            "in/missing-singletons.jsonl");
      }
    } finally {
      for (BufferedWriter w : clusterFiles) {
        w.close();
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("rejected-00000-of-00001.jsonl"))) {
      String raw = "x".repeat(1000);
      for (int r = 0; r < rejected; r++) {
        w.write(
            "{\"origin\":{\"file\":\"in/bad.jsonl\",\"line\":"
                + (r + 1)
                + "},\"reason\":\""
                + (r % 3 == 0 ? "malformed_json" : "no_text")
                + "\",\"message\":\"bad record "
                + r
                + "\",\"raw\":\""
                + raw
                + "\"}\n");
      }
    }
    Files.writeString(
        out.resolve("summary.json"),
        "{\"status\":\"ok\",\"counts\":{\"read\":"
            + (articles() + rejected)
            + ",\"articles\":"
            + articles()
            + ",\"rejected\":"
            + rejected
            + ",\"clusters\":"
            + clusters()
            + ",\"clusters_with_duplicates\":"
            + (1 + medium + small)
            + ",\"duplicates\":"
            + duplicates()
            + ",\"low_content\":"
            + (templateOnly() + tooShort())
            + ",\"low_content_by_reason\":{\"too_short\":"
            + tooShort()
            + ",\"template_only\":"
            + templateOnly()
            + "}},\"parameters\":{\"threshold\":0.5,"
            + "\"containment_threshold\":0.8},\"timings\":{\"wall_seconds\":3600.5},\"counters\":{}}");
    Files.writeString(out.resolve("_SUCCESS"), "");
    return out;
  }

  interface LineOf {
    long[] line(int k) throws IOException;
  }

  private String articleLine(String id, int k) {
    String text = STORY + (k == 0 ? "" : "\\nRead more stories like number " + k + " on our site.");
    return "{\"id\":\""
        + id
        + "\",\"source\":\""
        + source(k)
        + "\",\"title\":\"Tram line "
        + id
        + "\",\"text\":\""
        + text
        + "\"}\n";
  }

  private String source(int k) {
    return k == 0 ? "Wire " + (k % 20) : "Source " + (k % sources);
  }

  private void cluster(
      BufferedWriter out,
      BufferedWriter assignments,
      String clusterId,
      int size,
      String prefix,
      LineOf lines,
      String file)
      throws IOException {
    StringBuilder sb = new StringBuilder(size * 330 + 300);
    String canonicalId = size > 1 && prefix.equals("giant") ? "giant-0" : prefix + "-0";
    sb.append("{\"cluster_id\":\"")
        .append(clusterId)
        .append("\",\"size\":")
        .append(size)
        .append(",\"canonical\":{\"id\":\"")
        .append(canonicalId)
        .append("\",\"url\":\"https://example.com/")
        .append(canonicalId)
        .append("\",\"source\":\"")
        .append(source(0))
        .append("\",\"title\":\"Tram line ")
        .append(canonicalId)
        .append("\",\"published_at\":\"")
        .append(T0)
        .append("\"},\"canonical_reason\":\"")
        .append(size == 1 ? "singleton" : "wire_source")
        .append("\",\"members\":[");
    for (int k = 0; k < size; k++) {
      String id = prefix.equals("giant") ? "giant-" + k : prefix + "-" + k;
      long line = lines.line(k)[0];
      double j = k == 0 ? 1.0 : 0.5 + (k * 37 % 500) / 1000.0;
      String published = k % 7 == 3 ? null : T0.plusSeconds((k % 50) * 1800L - 3600).toString();
      String low = low(prefix, k);
      String lowFields =
          ",\"low_content\":" + !low.equals("null") + ",\"low_content_reason\":" + low;
      if (k > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":\"")
          .append(id)
          .append("\",\"url\":\"https://example.com/")
          .append(id)
          .append("\",\"source\":\"")
          .append(source(k))
          .append("\",\"title\":\"Tram line ")
          .append(id)
          .append("\",\"published_at\":")
          .append(json(k == 0 ? T0.toString() : published))
          .append(",\"role\":\"")
          .append(k == 0 ? "canonical" : "duplicate")
          .append("\",\"jaccard\":")
          .append(j)
          .append(",\"containment\":")
          .append(k == 0 ? 1.0 : 0.9)
          .append(",\"matched_via\":")
          .append(k == 0 ? "null" : json(canonicalId))
          .append(lowFields)
          .append(",\"origin\":{\"file\":\"")
          .append(file)
          .append("\",\"line\":")
          .append(line)
          .append("}}");
      assignments.write(
          "{\"id\":\""
              + id
              + "\",\"cluster_id\":\""
              + clusterId
              + "\",\"canonical_id\":\""
              + canonicalId
              + "\",\"is_canonical\":"
              + (k == 0)
              + ",\"jaccard\":"
              + j
              + ",\"containment\":0.9"
              + lowFields
              + "}\n");
    }
    sb.append("]}\n");
    out.write(sb.toString());
  }
}
