package io.newsdedup.pipeline.write;

import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.output.OutputJson;
import io.newsdedup.pipeline.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes {@code clusters-*.jsonl}, {@code assignments-*.jsonl} and {@code rejected-*.jsonl} into
 * the output directory, and counts what it writes (the counts {@code summary.json} reports).
 */
public final class WriteResults extends PTransform<PCollection<Cluster>, PDone> {

  public static final String NAMESPACE = "output";
  public static final String CLUSTERS = "clusters";
  public static final String ASSIGNMENTS = "assignments";
  public static final String REJECTED = "rejected";

  private final String directory;
  private final PCollection<Rejection> rejected;
  private final int numShards;
  private final int reviewAbove;
  private final boolean incremental;

  public static final int DEFAULT_REVIEW_ABOVE = 1000;
  public static final String CHANGES = "changes";

  /**
   * The name of every file this transform writes, and only those: {@code NAME-SSSSS-of-NNNNN.jsonl}
   * for the four sets, as {@link WriteLineSets#fileName} and TextIO's shard template give it.
   */
  private static final Pattern FILE_NAME =
      Pattern.compile(
          "("
              + CLUSTERS
              + "|"
              + ASSIGNMENTS
              + "|"
              + REJECTED
              + "|"
              + CHANGES
              + ")-\\d{5,}-of-\\d{5,}\\.jsonl");

  /** Whether a file name is of exactly the shape of the files this transform writes. */
  public static boolean isOutputFile(String name) {
    return FILE_NAME.matcher(name).matches();
  }

  private WriteResults(
      String directory,
      PCollection<Rejection> rejected,
      int numShards,
      int reviewAbove,
      boolean incremental) {
    this.directory = directory;
    this.rejected = rejected;
    this.numShards = numShards;
    this.reviewAbove = reviewAbove;
    this.incremental = incremental;
  }

  public static WriteResults to(String directory, PCollection<Rejection> rejected) {
    return new WriteResults(directory, rejected, 0, DEFAULT_REVIEW_ABOVE, false);
  }

  /**
   * Files per output; 0 lets the runner decide (one {@code TextIO} write per output, which costs
   * many more operators than the one grouping of {@link WriteLineSets}).
   */
  public WriteResults withNumShards(int numShards) {
    return new WriteResults(directory, rejected, numShards, reviewAbove, incremental);
  }

  /** Clusters of more than {@code n} articles are flagged for review. */
  public WriteResults withReviewAbove(int n) {
    return new WriteResults(directory, rejected, numShards, n, incremental);
  }

  /**
   * A run with an index of earlier runs: clusters and assignments cover this run's input only
   * (clusters with at least one input article, with their indexed members marked), and {@code
   * changes-*.jsonl} lists the clusters whose indexed members were in another cluster before.
   */
  public WriteResults withIncremental(boolean on) {
    return new WriteResults(directory, rejected, numShards, reviewAbove, on);
  }

  @Override
  public PDone expand(PCollection<Cluster> clusters) {
    List<String> names = new ArrayList<>(List.of(CLUSTERS, ASSIGNMENTS, REJECTED));
    PCollectionList<String> sets =
        PCollectionList.of(
                clusters.apply(
                    "ClusterLines", ParDo.of(new ClusterLinesFn(reviewAbove, incremental))))
            .and(clusters.apply("AssignmentLines", ParDo.of(new AssignmentLinesFn(incremental))))
            .and(
                rejected.apply(
                    "RejectedLines",
                    MapElements.into(TypeDescriptors.strings()).via(WriteResults::counted)));
    if (incremental) {
      names.add(CHANGES);
      sets = sets.and(clusters.apply("ChangeLines", ParDo.of(new ChangeLinesFn())));
    }
    if (numShards > 0) {
      return sets.apply("WriteFiles", WriteLineSets.to(directory, names, numShards));
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      sets.get(i)
          .apply(
              "Write" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
              TextIO.write()
                  .to(prefix(directory, name))
                  .withSuffix(".jsonl")
                  .withShardNameTemplate("-SSSSS-of-NNNNN"));
    }
    return PDone.in(clusters.getPipeline());
  }

  private static String counted(Rejection r) {
    Metrics.counter(NAMESPACE, "rejected").inc();
    return OutputJson.rejectionLine(r);
  }

  /** The path prefix of one output inside the directory. */
  public static String prefix(String directory, String name) {
    return FileSystems.matchNewResource(directory, true)
        .resolve(name, StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }

  static final class ClusterLinesFn extends DoFn<Cluster, String> {
    private final int reviewAbove;
    private final boolean incremental;
    private final Counter clusters = Metrics.counter(NAMESPACE, "clusters");
    private final Counter multi = Metrics.counter(NAMESPACE, "clusters_with_duplicates");
    private final Counter review = Metrics.counter(NAMESPACE, "clusters_flagged_for_review");

    ClusterLinesFn(int reviewAbove, boolean incremental) {
      this.reviewAbove = reviewAbove;
      this.incremental = incremental;
    }

    @ProcessElement
    public void process(@Element Cluster c, OutputReceiver<String> out) {
      if (incremental && c.members().stream().allMatch(m -> m.facts().fromIndex())) {
        return; // untouched by this run's input
      }
      clusters.inc();
      if (c.members().size() > 1) {
        multi.inc();
      }
      if (c.members().size() > reviewAbove) {
        review.inc();
      }
      out.output(OutputJson.clusterLine(c, reviewAbove, incremental));
    }
  }

  static final class AssignmentLinesFn extends DoFn<Cluster, String> {
    private final boolean incremental;
    private final Counter assigned = Metrics.counter(NAMESPACE, "articles");
    private final Counter duplicates = Metrics.counter(NAMESPACE, "duplicates");

    AssignmentLinesFn(boolean incremental) {
      this.incremental = incremental;
    }

    @ProcessElement
    public void process(@Element Cluster c, OutputReceiver<String> out) {
      List<String> lines = OutputJson.assignmentLines(c, incremental);
      assigned.inc(lines.size());
      Progress.WRITTEN.add(lines.size());
      String canonical = c.canonical().id();
      duplicates.inc(
          c.members().stream()
              .filter(m -> !(incremental && m.facts().fromIndex()))
              .filter(m -> !m.facts().id().equals(canonical))
              .count());
      lines.forEach(out::output);
    }
  }

  static final class ChangeLinesFn extends DoFn<Cluster, String> {
    private final Counter changes = Metrics.counter(NAMESPACE, "cluster_changes");

    @ProcessElement
    public void process(@Element Cluster c, OutputReceiver<String> out) {
      String line = OutputJson.changeLine(c);
      if (line != null) {
        changes.inc();
        out.output(line);
      }
    }
  }
}
