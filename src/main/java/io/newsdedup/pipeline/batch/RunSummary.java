package io.newsdedup.pipeline.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.core.article.LowContent;
import io.newsdedup.pipeline.read.ReadArticles;
import io.newsdedup.pipeline.write.WriteResults;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * What {@code summary.json} says about a run: the counts, whether they add up (every record read is
 * assigned to a cluster, rejected or skipped: a WARC record that is not an article, by kind), the
 * parameters, the timings and every counter.
 */
public final class RunSummary {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Long> counters;
  private final ObjectNode json;

  RunSummary(Map<String, Long> counters, ObjectNode json) {
    this.counters = counters;
    this.json = json;
  }

  public long counter(String namespace, String name) {
    return counters.getOrDefault(namespace + "/" + name, 0L);
  }

  public long read() {
    return counter(ReadArticles.NAMESPACE, "records_read");
  }

  public long articles() {
    return counter(WriteResults.NAMESPACE, "articles");
  }

  public long rejected() {
    return counter(WriteResults.NAMESPACE, "rejected");
  }

  /**
   * Records read that are not articles, and not bad input: WARC records of other kinds, and
   * captures of a page that another capture replaces ({@code read/skipped_*}).
   */
  public long skipped() {
    return skippedByKind().values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@link #skipped()} by kind, in the order of the kinds' names. */
  public Map<String, Long> skippedByKind() {
    Map<String, Long> out = new TreeMap<>();
    String prefix = ReadArticles.NAMESPACE + "/" + ReadArticles.SKIPPED;
    counters.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && v > 0) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  /** Records read = articles assigned + records rejected + records skipped. */
  public boolean accountingHolds() {
    return read() == articles() + rejected() + skipped();
  }

  public ObjectNode json() {
    return json;
  }

  static RunSummary of(
      MetricResults metrics,
      BatchSettings s,
      BatchOptions options,
      Instant started,
      Instant finished) {
    Map<String, Long> counters = counters(metrics);
    ObjectNode o = JSON.createObjectNode();
    RunSummary summary = new RunSummary(counters, o);
    o.put("status", summary.accountingHolds() ? "ok" : "accounting_mismatch");
    ObjectNode counts = o.putObject("counts");
    counts.put("read", summary.read());
    counts.put("articles", summary.articles());
    counts.put("rejected", summary.rejected());
    counts.put("skipped", summary.skipped());
    counts.put("clusters", summary.counter(WriteResults.NAMESPACE, "clusters"));
    counts.put(
        "clusters_with_duplicates",
        summary.counter(WriteResults.NAMESPACE, "clusters_with_duplicates"));
    counts.put("duplicates", summary.counter(WriteResults.NAMESPACE, "duplicates"));
    counts.put(
        "clusters_flagged_for_review",
        summary.counter(WriteResults.NAMESPACE, "clusters_flagged_for_review"));
    counts.put("truncated", summary.counter("fingerprint", "articles_truncated"));
    counts.put("low_content", summary.counter("fingerprint", "low_content"));
    ObjectNode lowByReason = counts.putObject("low_content_by_reason");
    for (LowContent reason : LowContent.values()) {
      lowByReason.put(
          reason.label(), summary.counter("fingerprint", "low_content_" + reason.label()));
    }
    counts.put(
        ReadArticles.UNPARSEABLE_TIMESTAMPS,
        summary.counter(ReadArticles.NAMESPACE, ReadArticles.UNPARSEABLE_TIMESTAMPS));
    if (s.index() != null) {
      ObjectNode index = counts.putObject("index");
      index.put("articles_from_index", summary.counter("index", "articles_from_index"));
      index.put(
          "input_articles_already_indexed",
          summary.counter("index", "input_articles_already_indexed"));
      index.put("articles_indexed", summary.counter("index", "articles_indexed"));
      index.put("articles_expired", summary.counter("index", "articles_expired"));
      index.put("cluster_changes", summary.counter(WriteResults.NAMESPACE, "cluster_changes"));
    }
    counts.put("accounting_holds", summary.accountingHolds());
    ObjectNode skippedByKind = counts.putObject("skipped_by_kind");
    summary.skippedByKind().forEach(skippedByKind::put);
    ObjectNode byReason = counts.putObject("rejected_by_reason");
    counters.forEach(
        (k, v) -> {
          String prefix = ReadArticles.NAMESPACE + "/rejected_";
          if (k.startsWith(prefix) && v > 0) {
            byReason.put(k.substring(prefix.length()), v);
          }
        });
    ObjectNode p = o.putObject("parameters");
    p.put("input", String.join(",", s.inputs()));
    p.put("output", s.output());
    p.put("runner", options.getRunner().getSimpleName());
    p.put("learn_boilerplate", s.learning() != null);
    if (s.learning() != null) {
      p.put("boilerplate_min_repeats", s.learning().minRepeats());
    }
    p.put("min_shingles", s.minShingles());
    p.put("shingle_size", s.shingleSize());
    p.put("num_hashes", s.numHashes());
    p.put("match_rule", s.rule().mode().name());
    p.put("threshold", s.rule().jaccardThreshold());
    p.put("containment_threshold", s.rule().containmentThreshold());
    p.put("min_containment_shingles", s.rule().minContainmentShingles());
    p.put("chain_threshold", options.getChainThreshold());
    p.put("lsh_threshold", s.lshThreshold());
    p.put("lsh_bands", s.lsh().bands());
    p.put("lsh_rows", s.lsh().rows());
    p.put("title_candidates", s.titleCandidates());
    p.put("anchors", s.anchors() != null);
    if (s.anchors() != null) {
      p.put("anchor_sampling", 1 << s.anchors().samplingBits());
      p.put("anchor_queries", s.anchors().queries());
      p.put("anchor_min_shared", s.anchors().minShared());
      p.put("max_anchor_bucket", s.maxAnchorBucket());
    }
    p.put("hot_bucket_size", s.hotBucketSize());
    p.put("hot_bucket_neighbours", s.hotBucketNeighbours());
    p.put("component_rounds", s.componentRounds());
    p.put("shards", s.shards());
    p.put("max_article_chars", s.maxArticleChars());
    p.put("index", s.index());
    p.put("index_retention", s.indexRetention() == null ? null : s.indexRetention().toString());
    p.put("review_cluster_size", s.reviewClusterSize());
    p.put("boilerplate_rules", options.getBoilerplateRules());
    p.put("wire_sources", options.getWireSources());
    p.put("aggregator_sources", options.getAggregatorSources());
    ObjectNode t = o.putObject("timings");
    t.put("started_at", started.toString());
    t.put("finished_at", finished.toString());
    t.put("wall_seconds", Duration.between(started, finished).toMillis() / 1000.0);
    ObjectNode c = o.putObject("counters");
    counters.forEach(c::put);
    return summary;
  }

  /** Writes the summary as JSON into {@code file} (the output directory's summary.json). */
  void writeTo(String file) {
    try (OutputStream out =
        Channels.newOutputStream(
            FileSystems.create(FileSystems.matchNewResource(file, false), MimeTypes.TEXT))) {
      JSON.writeValue(out, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Map<String, Long> counters(MetricResults metrics) {
    MetricQueryResults q = metrics.queryMetrics(MetricsFilter.builder().build());
    Map<String, Long> out = new TreeMap<>();
    for (MetricResult<Long> r : q.getCounters()) {
      if (r.getName().getNamespace().startsWith("org.apache.beam")) {
        continue; // Beam's own bookkeeping
      }
      String key = r.getName().getNamespace() + "/" + r.getName().getName();
      out.merge(key, value(r), Long::sum);
    }
    return out;
  }

  private static long value(MetricResult<Long> r) {
    try {
      Long committed = r.getCommitted();
      return committed == null ? r.getAttempted() : committed;
    } catch (UnsupportedOperationException e) {
      return r.getAttempted();
    }
  }
}
