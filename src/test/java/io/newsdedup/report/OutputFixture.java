package io.newsdedup.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/** Writes a batch output directory (and input files) by hand, as a run would have. */
final class OutputFixture {
  static final ObjectMapper JSON = new ObjectMapper();

  final Path root;
  final Path out;
  final List<String> clusters = new ArrayList<>();
  final List<String> assignments = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();
  long duplicates;
  long articles;
  long withDuplicates;
  long lowContent;
  final Map<String, Long> lowContentByReason = new TreeMap<>();

  /** Which low-content fields members and assignments carry. */
  enum LowFields {
    /** None (outputs of the earliest versions; the default). */
    NONE,
    /** {@code low_content} only (outputs older than {@code low_content_reason}). */
    OLD,
    /** {@code low_content} and {@code low_content_reason}, and their counts in summary.json. */
    NEW
  }

  LowFields lowFields = LowFields.NONE;

  OutputFixture(Path root) {
    this.root = root;
    this.out = root.resolve("out");
  }

  /**
   * A member: id, source, title, published_at, origin file (relative to root) and line; {@code low}
   * is its low_content_reason (null: it has content).
   */
  record M(
      String id,
      String source,
      String title,
      String published,
      String file,
      long line,
      double jaccard,
      double containment,
      String low) {
    /** This member, low-content for {@code reason} ("template_only", "too_short"). */
    M low(String reason) {
      return new M(id, source, title, published, file, line, jaccard, containment, reason);
    }
  }

  static M m(String id, String source, String title, String published, String file, long line) {
    return new M(id, source, title, published, file, line, 1.0, 1.0, null);
  }

  static M dup(
      String id,
      String source,
      String title,
      String published,
      String file,
      long line,
      double jaccard,
      double containment) {
    return new M(id, source, title, published, file, line, jaccard, containment, null);
  }

  /** Puts the low-content fields {@link #lowFields} asks for into a member or assignment. */
  private void lowContent(ObjectNode o, M m) {
    if (lowFields != LowFields.NONE) {
      o.put("low_content", m.low() != null);
    }
    if (lowFields == LowFields.NEW) {
      o.put("low_content_reason", m.low());
    }
  }

  /** A cluster line; the first member is the canonical. Returns the line's JSON for tweaks. */
  ObjectNode cluster(String clusterId, String reason, M... members) {
    ObjectNode o = JSON.createObjectNode();
    o.put("cluster_id", clusterId);
    o.put("size", members.length);
    ObjectNode c = o.putObject("canonical");
    c.put("id", members[0].id());
    c.put("url", "https://example.com/" + members[0].id());
    c.put("source", members[0].source());
    c.put("title", members[0].title());
    c.put("published_at", members[0].published());
    o.put("canonical_reason", reason);
    ArrayNode ms = o.putArray("members");
    for (int i = 0; i < members.length; i++) {
      M m = members[i];
      ObjectNode e = ms.addObject();
      e.put("id", m.id());
      e.put("url", "https://example.com/" + m.id());
      e.put("source", m.source());
      e.put("title", m.title());
      e.put("published_at", m.published());
      e.put("role", i == 0 ? "canonical" : "duplicate");
      e.put("jaccard", m.jaccard());
      e.put("containment", m.containment());
      e.put("matched_via", i == 0 ? null : members[0].id());
      lowContent(e, m);
      if (m.low() != null) {
        lowContent++;
        lowContentByReason.merge(m.low(), 1L, Long::sum);
      }
      ObjectNode origin = e.putObject("origin");
      if (m.file().startsWith("pubsub:")) {
        origin.put("pubsub_message_id", m.file().substring(7));
      } else {
        origin.put("file", m.file());
        if (m.line() > 0) {
          origin.put("line", m.line());
        }
      }
      ObjectNode a = JSON.createObjectNode();
      a.put("id", m.id());
      a.put("cluster_id", clusterId);
      a.put("canonical_id", members[0].id());
      a.put("is_canonical", i == 0);
      a.put("jaccard", m.jaccard());
      a.put("containment", m.containment());
      lowContent(a, m);
      assignments.add(a.toString());
    }
    articles += members.length;
    duplicates += members.length - 1;
    withDuplicates += members.length > 1 ? 1 : 0;
    clusters.add(o.toString());
    return o;
  }

  /** Replaces the last cluster line by {@code o} (after tweaking it). */
  void replaceLast(ObjectNode o) {
    clusters.set(clusters.size() - 1, o.toString());
  }

  void reject(String file, long line, String reason, String message, String raw) {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode origin = o.putObject("origin");
    origin.put("file", file);
    if (line > 0) {
      origin.put("line", line);
    }
    o.put("reason", reason);
    o.put("message", message);
    o.put("raw", raw);
    rejected.add(o.toString());
  }

  /** An input article line for a JSONL file. */
  static String article(String id, String source, String title, String text) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("url", "https://example.com/" + id);
    o.put("source", source);
    o.put("title", title);
    o.put("text", text);
    return o.toString();
  }

  void input(String relative, String content) {
    Path p = root.resolve(relative);
    try {
      Files.createDirectories(p.getParent());
      if (relative.endsWith(".gz")) {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
          o.write(content.getBytes(StandardCharsets.UTF_8));
        }
      } else {
        Files.writeString(p, content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the output files: clusters in {@code clusterShards} shards, and summary.json and
   * _SUCCESS (last) as a finished run does, or neither (a run that did not finish).
   */
  Path write(int clusterShards, boolean summary) {
    try {
      Files.createDirectories(out);
      for (int s = 0; s < clusterShards; s++) {
        StringBuilder sb = new StringBuilder();
        for (int i = s; i < clusters.size(); i += clusterShards) {
          sb.append(clusters.get(i)).append('\n');
        }
        Files.writeString(
            out.resolve(String.format("clusters-%05d-of-%05d.jsonl", s, clusterShards)), sb);
      }
      Files.write(out.resolve("assignments-00000-of-00001.jsonl"), assignments);
      Files.write(out.resolve("rejected-00000-of-00001.jsonl"), rejected);
      if (summary) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", "ok");
        ObjectNode c = o.putObject("counts");
        c.put("read", articles + rejected.size());
        c.put("articles", articles);
        c.put("rejected", rejected.size());
        c.put("clusters", clusters.size());
        c.put("clusters_with_duplicates", withDuplicates);
        c.put("duplicates", duplicates);
        c.putObject("rejected_by_reason");
        if (lowFields != LowFields.NONE) {
          c.put("low_content", lowContent);
        }
        if (lowFields == LowFields.NEW) {
          ObjectNode byReason = c.putObject("low_content_by_reason");
          byReason.put("too_short", lowContentByReason.getOrDefault("too_short", 0L));
          byReason.put("template_only", lowContentByReason.getOrDefault("template_only", 0L));
        }
        ObjectNode p = o.putObject("parameters");
        p.put("input", "in/*");
        p.put("threshold", 0.5);
        p.put("containment_threshold", 0.8);
        ObjectNode t = o.putObject("timings");
        t.put("started_at", "2025-01-01T00:00:00Z");
        t.put("finished_at", "2025-01-01T00:00:09Z");
        t.put("wall_seconds", 9.0);
        o.putObject("counters").put("read/records_read", articles + rejected.size());
        Files.writeString(out.resolve("summary.json"), o.toPrettyString());
        Files.writeString(out.resolve("_SUCCESS"), "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Report settings reading this fixture, origins relative to its root. */
  ReportSettings settings() {
    return ReportSettings.defaults(out, root.resolve("report")).withInputRoot(root);
  }
}
