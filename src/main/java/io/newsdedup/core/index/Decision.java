package io.newsdedup.core.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.core.article.LowContent;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What the stream tells downstream about one article: published as one JSON message (attribute
 * {@code id}) on {@code --outputTopic}.
 *
 * @param status {@link #NEW} (the arriving article is its cluster's canonical: a new story, or the
 *     better original of a cluster that already existed), {@link #DUPLICATE} (the arriving article
 *     is a copy of {@code canonicalId}) or {@link #CANONICAL_CHANGED} (an article decided earlier
 *     whose cluster's canonical, or cluster id, changed because of this arrival; the fields are its
 *     new assignment, {@code previous*} the old one)
 * @param jaccard exact Jaccard similarity to the canonical, rounded to 4 decimals (1 for it)
 * @param containment exact containment against the canonical, rounded to 4 decimals
 * @param eventTimeMillis the article's event time ({@code published_at}, else publish time)
 * @param decidedAtMillis processing time of the decision
 * @param seq the index's decision counter: later decisions have higher numbers, so the latest
 *     decision of an article is the one with the highest {@code seq}; within one arrival the
 *     re-decisions come first and the arriving article's own decision last
 * @param indexed false for an article that arrived older than the retention horizon: decided
 *     against the index but not added to it
 */
public record Decision(
    String id,
    String status,
    String clusterId,
    String canonicalId,
    boolean isCanonical,
    double jaccard,
    double containment,
    LowContent lowContentReason,
    long eventTimeMillis,
    long decidedAtMillis,
    long seq,
    boolean indexed,
    String previousClusterId,
    String previousCanonicalId) {

  public static final String NEW = "new";
  public static final String DUPLICATE = "duplicate";
  public static final String CANONICAL_CHANGED = "canonical_changed";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether the article is low-content ({@link #lowContentReason} says why). */
  public boolean lowContent() {
    return lowContentReason != null;
  }

  /** The decision message body; field order is fixed. */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("status", status);
    o.put("cluster_id", clusterId);
    o.put("canonical_id", canonicalId);
    o.put("is_canonical", isCanonical);
    o.put("jaccard", jaccard);
    o.put("containment", containment);
    o.put("low_content", lowContent());
    o.put("low_content_reason", lowContentReason == null ? null : lowContentReason.label());
    o.put("event_time", Instant.ofEpochMilli(eventTimeMillis).toString());
    o.put("decided_at", Instant.ofEpochMilli(decidedAtMillis).toString());
    o.put("seq", seq);
    o.put("indexed", indexed);
    if (CANONICAL_CHANGED.equals(status)) {
      o.put("previous_cluster_id", previousClusterId);
      o.put("previous_canonical_id", previousCanonicalId);
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
