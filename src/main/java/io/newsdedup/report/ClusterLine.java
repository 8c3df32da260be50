package io.newsdedup.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Timestamps;
import io.newsdedup.core.output.OutputJson;
import io.newsdedup.report.html.Html;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of {@code clusters-*.jsonl} as the report sees it. Unknown fields are kept as short text
 * ({@code extra}) and shown; missing optional fields are null.
 */
final class ClusterLine {
  private ClusterLine() {}

  static final String NO_SOURCE = "(no source)";
  private static final int MAX_EXTRA_CHARS = 200;
  private static final Set<String> MEMBER_FIELDS =
      Set.of(
          "id",
          "url",
          "source",
          "title",
          "published_at",
          "role",
          "jaccard",
          "containment",
          "matched_via",
          "origin",
          "low_content",
          "low_content_reason");

  /** {@code low_content_reason}: the page's text does not carry its headline (a template). */
  static final String TEMPLATE_ONLY = "template_only";

  /** {@code low_content_reason}: too little text left after cleaning. */
  static final String TOO_SHORT = "too_short";

  /**
   * {@code "low_content": true} without a reason: outputs older than {@code low_content_reason}.
   */
  static final String UNKNOWN_REASON = "unknown";

  private static final int MAX_REASON_CHARS = 40;
  private static final Set<String> CLUSTER_FIELDS =
      Set.of("cluster_id", "size", "canonical", "canonical_reason", "members");

  /**
   * Where a member was read from: a file and 1-based line (0: the whole file), a WARC record at an
   * offset (-1: none; {@code inMember} into its gzip member), or a message.
   */
  record OriginRef(String file, long line, String messageId, long offset, long inMember) {
    OriginRef(String file, long line, String messageId) {
      this(file, line, messageId, -1, 0);
    }

    /** The origin as the outputs wrote it ({@link OutputJson#origin(JsonNode)}). */
    static OriginRef of(JsonNode o) {
      Origin origin = OutputJson.origin(o);
      return new OriginRef(
          origin.file(), origin.line(), origin.messageId(), origin.offset(), origin.inMember());
    }

    /** Whether this is a WARC record (it has an offset). */
    boolean isRecord() {
      return offset >= 0;
    }

    String display() {
      if (messageId != null) {
        return "pubsub:" + messageId;
      }
      if (file == null) {
        return "(unknown)";
      }
      return new Origin(file, line, null, offset, inMember).toString();
    }
  }

  /** A member (or the canonical) of a cluster. */
  record Member(
      String id,
      String url,
      String source,
      String title,
      String publishedAt,
      Instant published,
      boolean canonical,
      Double jaccard,
      Double containment,
      String matchedVia,
      OriginRef origin,
      Map<String, String> extra,
      String lowContent) {

    /** The source, or {@link #NO_SOURCE}. */
    String sourceKey() {
      return source == null || source.isBlank() ? NO_SOURCE : source.strip();
    }

    /** Whether the member is low-content (whatever the reason). */
    boolean isLowContent() {
      return lowContent != null;
    }

    /** Whether the member is a template-only page. */
    boolean templateOnly() {
      return TEMPLATE_ONLY.equals(lowContent);
    }
  }

  /** What the cluster list and {@code clusters.csv} need of a cluster. */
  record Summary(
      String clusterId,
      int size,
      Member canonical,
      String reason,
      Double minJaccard,
      Double minContainment,
      int sources,
      List<String> memberSources,
      int lowContent,
      int templateOnly) {}

  /**
   * A cluster with a page of its own: its summary, the members shown (the canonical first) and how
   * many duplicates it has in all.
   */
  record Detail(Summary summary, List<Member> shown, int duplicates, Map<String, String> extra) {}

  /** Largest first, then by cluster id. */
  static final Comparator<Summary> LARGEST_FIRST =
      Comparator.comparingInt(Summary::size).reversed().thenComparing(Summary::clusterId);

  /**
   * A parsed line: the summary and all members (the canonical first); {@code withReasonField}
   * members carry a {@code low_content_reason} field (null or not), {@code reasonConflicts} have a
   * reason but {@code "low_content": false} (counted as not low-content).
   */
  record Parsed(
      Summary summary,
      List<Member> members,
      Map<String, String> extra,
      int withReasonField,
      int reasonConflicts) {
    /**
     * The members to show: the canonical and up to {@code max - 1} duplicates; when there are more,
     * the least similar ones (lowest Jaccard, then containment), as auditing needs. Shown in order
     * of publication (undated last), then id.
     */
    Detail detail(int max) {
      List<Member> dups = new ArrayList<>(members.subList(1, members.size()));
      if (dups.size() > max - 1) {
        dups.sort(
            Comparator.comparing((Member m) -> m.jaccard() == null ? -1 : m.jaccard())
                .thenComparing(m -> m.containment() == null ? -1 : m.containment())
                .thenComparing(Member::id, Comparator.nullsLast(Comparator.naturalOrder())));
        dups = new ArrayList<>(dups.subList(0, max - 1));
      }
      dups.sort(
          Comparator.comparing(Member::published, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(Member::id, Comparator.nullsLast(Comparator.naturalOrder())));
      List<Member> shown = new ArrayList<>();
      shown.add(members.get(0));
      shown.addAll(dups);
      return new Detail(summary, shown, members.size() - 1, extra);
    }
  }

  /**
   * Parses one line's JSON. The canonical is the member with role "canonical" (else the one whose
   * id is {@code canonical.id}, else the first). Throws IllegalArgumentException on a line that is
   * not a cluster.
   */
  static Parsed parse(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String clusterId = text(n.get("cluster_id"));
    JsonNode members = n.get("members");
    if (clusterId == null || members == null || !members.isArray() || members.isEmpty()) {
      throw new IllegalArgumentException("not a cluster (needs \"cluster_id\" and \"members\")");
    }
    JsonNode canonicalNode = n.get("canonical");
    String canonicalId = canonicalNode != null ? text(canonicalNode.get("id")) : null;
    List<Member> all = new ArrayList<>(members.size());
    int canonicalAt = -1;
    int withReasonField = 0;
    int reasonConflicts = 0;
    int lowContent = 0;
    int templateOnly = 0;
    for (JsonNode m : members) {
      Member member = member(m);
      all.add(member);
      if (m.has("low_content_reason")) {
        withReasonField++;
        if (!member.isLowContent() && text(m.get("low_content_reason")) != null) {
          reasonConflicts++;
        }
      }
      if (member.isLowContent()) {
        lowContent++;
      }
      if (member.templateOnly()) {
        templateOnly++;
      }
      if (canonicalAt < 0 && member.canonical()) {
        canonicalAt = all.size() - 1;
      }
    }
    if (canonicalAt < 0 && canonicalId != null) {
      for (int i = 0; i < all.size() && canonicalAt < 0; i++) {
        if (canonicalId.equals(all.get(i).id())) {
          canonicalAt = i;
        }
      }
    }
    if (canonicalAt < 0) {
      canonicalAt = 0;
    }
    List<Member> ordered = new ArrayList<>(all.size());
    Member canonical = all.get(canonicalAt);
    ordered.add(canonical);
    for (int i = 0; i < all.size(); i++) {
      if (i != canonicalAt) {
        ordered.add(all.get(i));
      }
    }
    Double minJ = null;
    Double minC = null;
    Set<String> sources = new LinkedHashSet<>();
    for (Member m : ordered) {
      sources.add(m.sourceKey());
      if (m != canonical) {
        if (m.jaccard() != null) {
          minJ = minJ == null ? m.jaccard() : Math.min(minJ, m.jaccard());
        }
        if (m.containment() != null) {
          minC = minC == null ? m.containment() : Math.min(minC, m.containment());
        }
      }
    }
    int size =
        n.has("size") && n.get("size").canConvertToInt() ? n.get("size").asInt() : all.size();
    List<String> someSources = new ArrayList<>();
    for (String s : sources) {
      if (someSources.size() == 10) {
        break;
      }
      someSources.add(s);
    }
    Map<String, String> extra = extra(n, CLUSTER_FIELDS);
    Summary summary =
        new Summary(
            clusterId,
            size,
            canonical,
            text(n.get("canonical_reason")),
            minJ,
            minC,
            sources.size(),
            someSources,
            lowContent,
            templateOnly);
    return new Parsed(summary, ordered, extra, withReasonField, reasonConflicts);
  }

  private static Member member(JsonNode m) {
    if (m == null || !m.isObject()) {
      throw new IllegalArgumentException("a member is not a JSON object");
    }
    String published = text(m.get("published_at"));
    return new Member(
        text(m.get("id")),
        text(m.get("url")),
        text(m.get("source")),
        text(m.get("title")),
        published,
        instant(published),
        "canonical".equals(text(m.get("role"))),
        number(m.get("jaccard")),
        number(m.get("containment")),
        text(m.get("matched_via")),
        origin(m.get("origin")),
        extra(m, MEMBER_FIELDS),
        lowContent(m));
  }

  /**
   * Why a member is low-content: its {@code low_content_reason} ({@link #TEMPLATE_ONLY}, {@link
   * #TOO_SHORT}, or another label of a later version), {@link #UNKNOWN_REASON} when {@code
   * low_content} is true without a reason (older outputs), or null when it has content. A reason
   * without any {@code low_content} field counts; a reason with {@code "low_content": false} does
   * not (the flag is the older, established field).
   */
  static String lowContent(JsonNode m) {
    JsonNode flag = m.get("low_content");
    String reason = text(m.get("low_content_reason"));
    if (reason != null) {
      reason = reason.strip();
      reason = reason.isEmpty() ? null : Html.clip(reason, MAX_REASON_CHARS);
    }
    boolean noFlag = flag == null || flag.isNull() || flag.isMissingNode();
    boolean low = noFlag ? reason != null : flag.asBoolean(false);
    if (!low) {
      return null;
    }
    return reason == null ? UNKNOWN_REASON : reason;
  }

  /** The outputs write ISO instants; anything else goes through the pipeline's own parser. */
  static Instant instant(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return Timestamps.parse(s);
    }
  }

  private static OriginRef origin(JsonNode o) {
    return OriginRef.of(o);
  }

  /** A scalar as text; a container as its JSON; null/missing as null. */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static Double number(JsonNode v) {
    if (v == null || !v.isNumber()) {
      return null;
    }
    double d = v.asDouble();
    return Double.isFinite(d) ? d : null;
  }

  private static Map<String, String> extra(JsonNode n, Set<String> known) {
    Map<String, String> out = null;
    for (var it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!known.contains(e.getKey())) {
        if (out == null) {
          out = new LinkedHashMap<>();
        }
        if (out.size() < 20) {
          out.put(
              Html.clip(e.getKey(), 60),
              Html.clip(String.valueOf(text(e.getValue())), MAX_EXTRA_CHARS));
        }
      }
    }
    return out == null ? Map.of() : out;
  }
}
