package io.newsdedup.pipeline.options;

import io.newsdedup.core.verify.MatchRule;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The matching parameters shared by the {@code batch} and {@code stream} jobs: cleaning rules,
 * shingling, MinHash, candidate indexes (LSH, anchors, titles), the match rule, chains and the
 * canonical policy's source lists. Same names, defaults and meaning in both jobs, validated once by
 * {@link MatchingSettings}. Every option has a description and a default.
 */
public interface MatchingOptions extends PipelineOptions {

  @Description(
      "Articles with fewer shingles than this left after cleaning are low-content (paywall or"
          + " cookie walls, bare headlines): flagged, and matched only on the same informative"
          + " title with their few words inside the other text.")
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

  @Description(
      "Also accept reworded reprints: containment at least "
          + MatchRule.REWORDED_CONTAINMENT
          + " and at least "
          + (int) (MatchRule.REWORDED_ALIGNED * 100)
          + "% of the shorter"
          + " text's sentences (and three) keeping most of their words in the other, and "
          + (int) (MatchRule.REWORDED_NUMBERS * 100)
          + "% of its numbers.")
  @Default.Boolean(true)
  boolean getRewordedCopies();

  void setRewordedCopies(boolean value);

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

  @Description("Extra boilerplate rules file(s), comma-separated, added to the bundled rules.")
  String getBoilerplateRules();

  void setBoilerplateRules(String value);

  @Description("Extra wire-agency list file(s), comma-separated, added to the bundled list.")
  String getWireSources();

  void setWireSources(String value);

  @Description("Extra aggregator list file(s), comma-separated, added to the bundled list.")
  String getAggregatorSources();

  void setAggregatorSources(String value);
}
