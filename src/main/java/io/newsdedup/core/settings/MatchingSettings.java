package io.newsdedup.core.settings;

import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.cluster.ClusterBuilder;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.verify.MatchRule;
import java.io.Serializable;

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
}
