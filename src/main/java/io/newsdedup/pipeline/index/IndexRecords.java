package io.newsdedup.pipeline.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Timestamps;
import io.newsdedup.core.article.Titles;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.core.output.OutputJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One line of the index ({@code articles-*.jsonl.gz}): an article of an earlier run as cleaned by
 * the rules — enough to learn boilerplate and fingerprint it again with the next run's corpus — and
 * the cluster it ended up in. The title key is computed again from the title and source when read
 * (an index written by an earlier version keeps matching this version's keys).
 *
 * <pre>
 * {"id", "url", "source", "title", "published_at", "crawled_at" (when read from a WARC), "origin": {"file", "line" or "offset"},
 *  "text": cleaned text (case-folded, paragraphs separated by \n), "markers", "wire_agency",
 *  "points_to_original", "title_key", "truncated", "cluster_id", "canonical_id"}
 * </pre>
 */
public final class IndexRecords {
  private IndexRecords() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static String line(Cleaned c, String clusterId, String canonicalId) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", c.id());
    o.put("url", c.url());
    o.put("source", c.source());
    o.put("title", c.title());
    o.put("published_at", c.publishedAt() == null ? null : c.publishedAt().toString());
    if (c.crawledAt() != null) {
      o.put("crawled_at", c.crawledAt().toString());
    }
    o.set("origin", OutputJson.origin(c.origin()));
    o.put("text", c.text());
    o.put("markers", c.markers());
    o.put("wire_agency", c.wireAgency());
    o.put("points_to_original", c.pointsToOriginal());
    o.put("title_key", c.titleKey());
    o.put("truncated", c.truncated());
    o.put("cluster_id", clusterId);
    o.put("canonical_id", canonicalId);
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The indexed article, marked as coming from the index with its cluster there. */
  public static Cleaned parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      Origin origin = OutputJson.origin(n.get("origin"));
      return new Cleaned(
          text(n, "id"),
          text(n, "url"),
          text(n, "source"),
          text(n, "title"),
          Timestamps.parse(text(n, "published_at")),
          origin,
          n.path("text").asText(""),
          n.path("markers").asInt(0),
          text(n, "wire_agency"),
          n.path("points_to_original").asBoolean(false),
          Titles.key(text(n, "title"), text(n, "source")),
          n.path("truncated").asBoolean(false),
          true,
          text(n, "cluster_id"),
          Timestamps.parse(text(n, "crawled_at")));
    } catch (IOException e) {
      throw new IllegalArgumentException("not an index line: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
