package io.newsdedup.pipeline.batch;

import io.newsdedup.pipeline.options.MatchingOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of the {@code batch} job: its inputs and outputs, corpus-learned boilerplate and the
 * grouping parameters, plus the matching parameters it shares with {@code stream} ({@link
 * MatchingOptions}). Every option has a description and a default.
 */
public interface BatchOptions extends MatchingOptions {

  @Description(
      "Input file pattern(s), comma-separated. By extension: .jsonl/.ndjson (one article per line),"
          + " .txt and .html/.htm (one article per file); any of them may end in .gz.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Output directory for clusters, assignments, rejected records and summary.json.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Also write the offline HTML report of the run into this directory when it ends (as the"
          + " report command does with its defaults).")
  String getReport();

  void setReport(String value);

  @Description(
      "Index directory of incremental runs: earlier runs' articles are matched with this run's"
          + " input (so a repost of yesterday's story joins yesterday's cluster), and the index is"
          + " updated. Created when missing.")
  String getIndex();

  void setIndex(String value);

  @Description(
      "Drop index entries published more than this before the newest article (30d, 36h, 90m,"
          + " 45s); not given or 0 keeps everything.")
  String getIndexRetention();

  void setIndexRetention(String value);

  @Description(
      "Replace an earlier run found in --output once this run has succeeded: only that run's"
          + " files (its _MANIFEST, files named like a run's outputs) are deleted.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description(
      "Learn the corpus's own boilerplate: paragraphs that recur in at least"
          + " --boilerplateMinRepeats articles around different stories are removed before"
          + " shingling.")
  @Default.Boolean(true)
  boolean getLearnBoilerplate();

  void setLearnBoilerplate(boolean value);

  @Description("Articles a paragraph must recur in (around different stories) to be boilerplate.")
  @Default.Integer(3)
  int getBoilerplateMinRepeats();

  void setBoilerplateMinRepeats(int value);

  @Description("Large-star/small-star rounds of the connected-components stage.")
  @Default.Integer(4)
  int getComponentRounds();

  void setComponentRounds(int value);

  @Description(
      "Shards of every grouping (articles, LSH buckets, graph nodes and components are grouped by"
          + " shard and joined in memory). More shards: more parallelism on a cluster, less memory"
          + " per group; results do not depend on it. 0: one per core on the Direct runner (2 to"
          + " 16), 256 elsewhere.")
  @Default.Integer(0)
  int getShards();

  void setShards(int value);

  @Description(
      "Article bodies longer than this many characters are cut to it before cleaning (the rest"
          + " is not fingerprinted) and flagged truncated; nothing is dropped.")
  @Default.Integer(1_000_000)
  int getMaxArticleChars();

  void setMaxArticleChars(int value);

  @Description(
      "Clusters of more articles than this are flagged for review (flagged_for_review: true):"
          + " a giant cluster is more often a matching problem than one story.")
  @Default.Integer(1000)
  int getReviewClusterSize();

  void setReviewClusterSize(int value);

  @Description("Shards per output file set; 0 lets the runner decide.")
  @Default.Integer(1)
  int getNumShards();

  void setNumShards(int value);
}
