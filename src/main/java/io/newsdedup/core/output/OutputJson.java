package io.newsdedup.core.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.verify.Similarity;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON lines of the batch outputs. Field order is fixed and similarities are rounded to 4
 * decimals, so the same clusters always give the same bytes.
 */
public final class OutputJson {
  private OutputJson() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One line of {@code clusters-*.jsonl}. */
  public static String clusterLine(Cluster c) {
    return clusterLine(c, Integer.MAX_VALUE);
  }

  /**
   * One line of {@code clusters-*.jsonl}; a cluster of more than {@code reviewAbove} articles is
   * flagged for review (a giant cluster is more often a matching problem than a real story).
   */
  public static String clusterLine(Cluster c, int reviewAbove) {
    return clusterLine(c, reviewAbove, false);
  }

  /**
   * With {@code incremental} (a run with an index of earlier runs), each member also says whether
   * it came from the index ({@code from_index}) and which cluster it was in before ({@code
   * previous_cluster_id}, null when it is new).
   */
  public static String clusterLine(Cluster c, int reviewAbove, boolean incremental) {
    ObjectNode o = JSON.createObjectNode();
    o.put("cluster_id", c.id());
    o.put("size", c.members().size());
    o.put("flagged_for_review", c.members().size() > reviewAbove);
    ArticleFacts k = c.canonical();
    ObjectNode canonical = o.putObject("canonical");
    canonical.put("id", k.id());
    canonical.put("url", k.url());
    canonical.put("source", k.source());
    canonical.put("title", k.title());
    canonical.put("published_at", iso(k.publishedAt()));
    o.put("canonical_reason", c.canonicalReason());
    ArrayNode members = o.putArray("members");
    for (ClusterMember m : c.members()) {
      ArticleFacts f = m.facts();
      ObjectNode e = members.addObject();
      e.put("id", f.id());
      e.put("url", f.url());
      e.put("source", f.source());
      e.put("title", f.title());
      e.put("published_at", iso(f.publishedAt()));
      if (f.crawledAt() != null) {
        e.put("crawled_at", iso(f.crawledAt()));
      }
      e.put("role", m.canonical() ? "canonical" : "duplicate");
      e.put("jaccard", Similarity.round(m.toCanonical().jaccard()));
      e.put("containment", Similarity.round(m.toCanonical().containment()));
      e.put("matched_via", m.matchedVia());
      e.put("low_content", f.lowContent());
      e.put("low_content_reason", reason(f));
      e.put("truncated", f.truncated());
      if (incremental) {
        e.put("from_index", f.fromIndex());
        e.put("previous_cluster_id", f.previousClusterId());
      }
      e.set("origin", origin(f.origin()));
    }
    return write(o);
  }

  /** {@link ArticleFacts#lowContentReason}'s label, or null. */
  private static String reason(ArticleFacts f) {
    return f.lowContentReason() == null ? null : f.lowContentReason().label();
  }

  /** The lines of {@code assignments-*.jsonl} for one cluster: one per member. */
  public static List<String> assignmentLines(Cluster c) {
    return assignmentLines(c, false);
  }

  /**
   * With {@code incremental}, only the members of this run's input (not those from the index), each
   * with its {@code previous_cluster_id}.
   */
  public static List<String> assignmentLines(Cluster c, boolean incremental) {
    List<String> lines = new ArrayList<>(c.members().size());
    for (ClusterMember m : c.members()) {
      if (incremental && m.facts().fromIndex()) {
        continue;
      }
      ObjectNode o = JSON.createObjectNode();
      o.put("id", m.facts().id());
      o.put("cluster_id", c.id());
      o.put("canonical_id", c.canonical().id());
      o.put("is_canonical", m.canonical());
      o.put("jaccard", Similarity.round(m.toCanonical().jaccard()));
      o.put("containment", Similarity.round(m.toCanonical().containment()));
      o.put("low_content", m.facts().lowContent());
      o.put("low_content_reason", reason(m.facts()));
      o.put("truncated", m.facts().truncated());
      if (incremental) {
        o.put("previous_cluster_id", m.facts().previousClusterId());
      }
      lines.add(write(o));
    }
    return lines;
  }

  /**
   * The line of {@code changes-*.jsonl} for a cluster whose indexed members were in another cluster
   * before (its canonical changed: "canonical_changed"; clusters were merged: "merged"), or null.
   */
  public static String changeLine(Cluster c) {
    TreeSet<String> previous = new TreeSet<>();
    for (ClusterMember m : c.members()) {
      if (m.facts().previousClusterId() != null) {
        previous.add(m.facts().previousClusterId());
      }
    }
    if (previous.isEmpty() || previous.equals(Set.of(c.id()))) {
      return null;
    }
    previous.remove(c.id());
    ObjectNode o = JSON.createObjectNode();
    o.put("cluster_id", c.id());
    o.put("canonical_id", c.canonical().id());
    o.put(
        "change",
        previous.size() == 1
                && c.members().stream().noneMatch(m -> c.id().equals(m.facts().previousClusterId()))
            ? "canonical_changed"
            : "merged");
    ArrayNode ids = o.putArray("previous_cluster_ids");
    previous.forEach(ids::add);
    o.put("size", c.members().size());
    return write(o);
  }

  /** One line of {@code rejected-*.jsonl}. */
  public static String rejectionLine(Rejection r) {
    ObjectNode o = JSON.createObjectNode();
    o.set("origin", origin(r.origin()));
    o.put("reason", r.reason());
    o.put("message", r.message());
    o.put("raw", r.raw());
    return write(o);
  }

  /**
   * An origin as the outputs write it: {@code {"pubsub_message_id"}}, or {@code {"file"}} with the
   * {@code "line"} of a JSONL record, or the {@code "offset"} of a WARC record (and its {@code
   * "offset_in_member"} when it does not start its gzip member).
   */
  public static ObjectNode origin(Origin origin) {
    ObjectNode o = JSON.createObjectNode();
    if (origin.messageId() != null) {
      o.put("pubsub_message_id", origin.messageId());
    } else {
      o.put("file", origin.file());
      if (origin.line() > 0) {
        o.put("line", origin.line());
      }
      if (origin.isRecord()) {
        o.put("offset", origin.offset());
        if (origin.inMember() > 0) {
          o.put("offset_in_member", origin.inMember());
        }
      }
    }
    return o;
  }

  /** The origin {@link #origin(Origin)} wrote as {@code o} (a missing one: no file, no message). */
  public static Origin origin(JsonNode o) {
    if (o == null || !o.isObject()) {
      return new Origin(null, 0, null);
    }
    if (o.hasNonNull("pubsub_message_id")) {
      return Origin.ofMessage(o.get("pubsub_message_id").asText());
    }
    JsonNode file = o.get("file");
    JsonNode offset = o.get("offset");
    return new Origin(
        file == null || file.isNull() ? null : file.asText(),
        o.path("line").asLong(0),
        null,
        offset != null && offset.canConvertToLong() ? offset.asLong() : -1,
        o.path("offset_in_member").asLong(0));
  }

  static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  private static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
