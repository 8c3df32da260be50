package io.newsdedup.core.settings;

import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.cluster.ClusterBuilder;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.core.fingerprint.Fingerprinting;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.verify.MatchRule;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The validated matching parameters, derived once from the command's options for both the batch and
 * the stream job ({@code pipeline.options.MatchingSettingsFactory}), so that both judge articles
 * the same way.
 *
 * @param rules the bundled boilerplate rules plus any {@code --boilerplateRules} files
 * @param lshThreshold {@code --lshThreshold}, or derived from {@code --threshold} when it is 0
 *     ({@link #defaultLshThreshold})
 * @param lsh the banding, derived from {@code lshThreshold} unless {@code --bands/--rows} fix it
 * @param anchors anchor parameters; null when {@code --anchors=false}
 * @param policy the canonical policy with the bundled and extra wire/aggregator lists
 * @param builder the cluster builder (exact check against the canonical, chains)
 */
public record MatchingSettings(
    BoilerplateRules rules,
    int minShingles,
    int shingleSize,
    int numHashes,
    MatchRule rule,
    double lshThreshold,
    LshParams lsh,
    Anchors anchors,
    int maxAnchorBucket,
    boolean titleCandidates,
    CanonicalPolicy policy,
    ClusterBuilder builder,
    int hotBucketSize,
    int hotBucketNeighbours)
    implements Serializable {

  /**
   * With anchors, which find every pair with enough shared text (near-duplicates, truncations,
   * excerpts), LSH is only there for large groups of near-identical copies, whose anchors are too
   * common to be used: it is tuned high, threshold + 0.6 (1 - threshold) (0.8 for 0.5: 9 bands of
   * 13 rows). Without anchors LSH must find everything: 0.6 x threshold (0.3: 37 bands of 3).
   */
  public static double defaultLshThreshold(double threshold, boolean anchors) {
    return anchors ? threshold + 0.6 * (1 - threshold) : 0.6 * threshold;
  }

  /**
   * Fingerprinting one article at a time with these settings, nothing learned, bodies cut at {@link
   * Fingerprinting#DEFAULT_MAX_CHARS}: as the stream, its seeding and the tools do.
   */
  public Fingerprinting fingerprinting() {
    return new Fingerprinting(
        rules, shingleSize, numHashes, minShingles, Fingerprinting.DEFAULT_MAX_CHARS);
  }

  /**
   * The parameters an index must have been built with to be used with these settings (a batch
   * {@code --index}, or the stream seeded from one): those that decide which pairs are candidates
   * and which match. {@code learnBoilerplate}: whether the run learns the corpus's boilerplate.
   */
  public Map<String, String> indexParameters(boolean learnBoilerplate) {
    return indexParameters(
        shingleSize, numHashes, rule, minShingles, learnBoilerplate, lsh, anchors, titleCandidates);
  }

  /** {@link #indexParameters(boolean)} of settings with these values. */
  public static Map<String, String> indexParameters(
      int shingleSize,
      int numHashes,
      MatchRule rule,
      int minShingles,
      boolean learnBoilerplate,
      LshParams lsh,
      Anchors anchors,
      boolean titleCandidates) {
    Map<String, String> p = new TreeMap<>();
    p.put("shingle_size", String.valueOf(shingleSize));
    p.put("num_hashes", String.valueOf(numHashes));
    p.put("match_rule", rule.mode().name());
    p.put("threshold", String.valueOf(rule.jaccardThreshold()));
    p.put("containment_threshold", String.valueOf(rule.containmentThreshold()));
    p.put("min_containment_shingles", String.valueOf(rule.minContainmentShingles()));
    p.put("min_shingles", String.valueOf(minShingles));
    p.put("learn_boilerplate", String.valueOf(learnBoilerplate));
    p.put("lsh", lsh.bands() + "x" + lsh.rows());
    p.put(
        "anchors",
        anchors == null
            ? "off"
            : anchors.samplingBits() + "/" + anchors.queries() + "/" + anchors.minShared());
    p.put("title_candidates", String.valueOf(titleCandidates));
    return p;
  }
}
