package io.newsdedup.pipeline.batch;

import io.newsdedup.core.verify.MatchRule;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the {@code batch} job. Every option has a description and a default. */
public interface BatchOptions extends PipelineOptions {

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
      "Drop index entries published more than this before the newest article (e.g. 30d, 36h;"
          + " ISO-8601 P30D works too); empty keeps everything.")
  String getIndexRetention();

  void setIndexRetention(String value);

  @Description("Replace the outputs of an earlier run found in --output.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description(
      "Learn the corpus's own boilerplate: paragraphs that recur in at least --boilerplateMinRepeats"
          + " articles around different stories are removed before shingling.")
  @Default.Boolean(true)
  boolean getLearnBoilerplate();

  void setLearnBoilerplate(boolean value);

  @Description("Articles a paragraph must recur in (around different stories) to be boilerplate.")
  @Default.Integer(3)
  int getBoilerplateMinRepeats();

  void setBoilerplateMinRepeats(int value);

  @Description(
      "Articles with fewer shingles than this left after cleaning are low-content (paywall or"
          + " cookie walls, bare headlines): flagged, and matched only on the same informative title"
          + " with their few words inside the other text.")
  @Default.Integer(15)
  int getMinShingles();

  void setMinShingles(int value);

  @Description("Words per shingle.")
  @Default.Integer(5)
  int getShingleSize();

  void setShingleSize(int value);

  @Description("MinHash signature length (a power of two, 8..1024).")
  @Default.Integer(128)
  int getNumHashes();

  void setNumHashes(int value);

  @Description("Jaccard similarity at or above which two articles are copies.")
  @Default.Double(0.5)
  double getThreshold();

  void setThreshold(double value);

  @Description(
      "Containment (share of the shorter text found in the longer) at or above which two articles"
          + " are copies: truncated reprints, excerpts, reposts wrapped in extra text.")
  @Default.Double(0.8)
  double getContainmentThreshold();

  void setContainmentThreshold(double value);

  @Description("Which similarity decides: JACCARD, CONTAINMENT or JACCARD_OR_CONTAINMENT.")
  @Default.Enum("JACCARD_OR_CONTAINMENT")
  MatchRule.Mode getMatchRule();

  void setMatchRule(MatchRule.Mode value);

  @Description(
      "The containment rule applies only when the shorter text has at least this many shingles.")
  @Default.Integer(15)
  int getMinContainmentShingles();

  void setMinContainmentShingles(int value);

  @Description(
      "A member that fails the check against its cluster's canonical still joins when its Jaccard"
          + " with a member that joined is at least this (chains of near-identical copies).")
  @Default.Double(0.8)
  double getChainThreshold();

  void setChainThreshold(double value);

  @Description(
      "Jaccard similarity at which LSH banding is tuned; 0 derives it from --threshold: with"
          + " anchors (which find every pair with enough shared text) LSH only has to find large"
          + " groups of near-identical copies, threshold + 0.6 (1 - threshold) = 0.8; without"
          + " anchors 0.6 x threshold = 0.3, so pairs at the threshold are found with >99%"
          + " probability.")
  @Default.Double(0)
  double getLshThreshold();

  void setLshThreshold(double value);

  @Description("Weight of false positives when choosing bands and rows.")
  @Default.Double(0.5)
  double getLshFalsePositiveWeight();

  void setLshFalsePositiveWeight(double value);

  @Description("Weight of false negatives when choosing bands and rows.")
  @Default.Double(0.5)
  double getLshFalseNegativeWeight();

  void setLshFalseNegativeWeight(double value);

  @Description("LSH bands; 0 derives bands and rows from --lshThreshold. Set with --rows.")
  @Default.Integer(0)
  int getBands();

  void setBands(int value);

  @Description("LSH rows per band; 0 derives bands and rows from --lshThreshold. Set with --bands.")
  @Default.Integer(0)
  int getRows();

  void setRows(int value);

  @Description(
      "LSH buckets with more members than this are 'hot': they yield a star plus each member's"
          + " next --hotBucketNeighbours members instead of all pairs.")
  @Default.Integer(50)
  int getHotBucketSize();

  void setHotBucketSize(int value);

  @Description("Neighbours per member in a hot LSH bucket.")
  @Default.Integer(4)
  int getHotBucketNeighbours();

  void setHotBucketNeighbours(int value);

  @Description(
      "Also find candidates by anchors (sampled shingles), so that excerpts and truncations whose"
          + " Jaccard is too low for LSH are found: an article queries its --anchorQueries smallest"
          + " anchors; a pair with at least --anchorMinShared hits is a candidate.")
  @Default.Boolean(true)
  boolean getAnchors();

  void setAnchors(boolean value);

  @Description(
      "Also make articles with the same informative title candidates (at least 4 words, not a"
          + " generic page title); low-content pages find their story only this way.")
  @Default.Boolean(true)
  boolean getTitleCandidates();

  void setTitleCandidates(boolean value);

  @Description("One shingle in this many is an anchor (a power of two).")
  @Default.Integer(8)
  int getAnchorSampling();

  void setAnchorSampling(int value);

  @Description("Anchors each article queries with (its smallest ones).")
  @Default.Integer(8)
  int getAnchorQueries();

  void setAnchorQueries(int value);

  @Description("Anchor hits that make a pair a candidate.")
  @Default.Integer(2)
  int getAnchorMinShared();

  void setAnchorMinShared(int value);

  @Description(
      "An anchor shared by more articles than this is ignored (a stock phrase, leftover"
          + " boilerplate, or a big group of identical copies that LSH links anyway).")
  @Default.Integer(100)
  int getMaxAnchorBucket();

  void setMaxAnchorBucket(int value);

  @Description("Large-star/small-star rounds of the connected-components stage.")
  @Default.Integer(4)
  int getComponentRounds();

  void setComponentRounds(int value);

  @Description("Extra boilerplate rules file(s), comma-separated, added to the bundled rules.")
  String getBoilerplateRules();

  void setBoilerplateRules(String value);

  @Description("Extra wire-agency list file(s), comma-separated, added to the bundled list.")
  String getWireSources();

  void setWireSources(String value);

  @Description("Extra aggregator list file(s), comma-separated, added to the bundled list.")
  String getAggregatorSources();

  void setAggregatorSources(String value);

  @Description(
      "Shards of every grouping (articles, LSH buckets, graph nodes and components are grouped by"
          + " shard and joined in memory). More shards: more parallelism on a cluster, less memory"
          + " per group; results do not depend on it. 0: 16 on the Direct runner, 256 elsewhere.")
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
