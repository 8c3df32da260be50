package io.newsdedup.pipeline.batch;

import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.cluster.ClusterBuilder;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.pipeline.options.MatchingSettingsFactory;
import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.pipeline.read.InputPatterns;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of a batch run, derived once from {@link BatchOptions}: every
 * inconsistency is a {@link UsageException} before anything runs. The matching parameters are
 * validated by {@link MatchingSettings}, shared with the stream job.
 */
public record BatchSettings(
    List<String> inputs,
    String output,
    BoilerplateRules rules,
    LearnedBoilerplate learning,
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
    int hotBucketNeighbours,
    int componentRounds,
    int shards,
    int numShards,
    int maxArticleChars,
    int reviewClusterSize,
    String index,
    Duration indexRetention) {

  /** The parameters an index must have been built with to be used (see IndexDirectory). */
  public Map<String, String> matchingParameters() {
    return MatchingSettings.indexParameters(
        shingleSize, numHashes, rule, minShingles, learning != null, lsh, anchors, titleCandidates);
  }

  public static BatchSettings from(BatchOptions o) {
    List<String> inputs = InputPatterns.split(o.getInput());
    if (inputs.isEmpty()) {
      throw new UsageException("--input names no file pattern");
    }
    MatchingSettings m = MatchingSettingsFactory.from(o);
    if (o.getComponentRounds() < 0 || o.getNumShards() < 0) {
      throw new UsageException("--componentRounds and --numShards must be >= 0");
    }
    if (o.getShards() < 0) {
      throw new UsageException("--shards must be >= 0");
    }
    if (o.getMaxArticleChars() < 1000 || o.getReviewClusterSize() < 2) {
      throw new UsageException("--maxArticleChars must be >= 1000 and --reviewClusterSize >= 2");
    }
    int shards = o.getShards() > 0 ? o.getShards() : defaultShards(o);
    return new BatchSettings(
        inputs,
        o.getOutput(),
        m.rules(),
        learning(o),
        m.minShingles(),
        m.shingleSize(),
        m.numHashes(),
        m.rule(),
        m.lshThreshold(),
        m.lsh(),
        m.anchors(),
        m.maxAnchorBucket(),
        m.titleCandidates(),
        m.policy(),
        m.builder(),
        m.hotBucketSize(),
        m.hotBucketNeighbours(),
        o.getComponentRounds(),
        shards,
        o.getNumShards(),
        o.getMaxArticleChars(),
        o.getReviewClusterSize(),
        blankToNull(o.getIndex()),
        retention(o));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Duration retention(BatchOptions o) {
    String r = blankToNull(o.getIndexRetention());
    if (r == null) {
      return null;
    }
    if (blankToNull(o.getIndex()) == null) {
      throw new UsageException("--indexRetention needs --index");
    }
    try {
      Retention retention = Retention.parse(r);
      return retention.forever() ? null : Duration.ofMillis(retention.millis());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * The Direct runner pays for every bundle of every step, and each shard of a grouping is a bundle
   * through every step up to the next grouping, so it gets one shard per core (at least 2, at most
   * {@link #DIRECT_MAX_SHARDS}): on {@code testdata/} 16 shards took 11 s, 2 took 8 s, and at
   * 10,000 articles they took the same time. A cluster wants enough shards to spread the work.
   */
  static int defaultShards(BatchOptions o) {
    return o.getRunner().getSimpleName().equals("DirectRunner")
        ? directShards(Runtime.getRuntime().availableProcessors())
        : 256;
  }

  static final int DIRECT_MAX_SHARDS = 16;

  /** The Direct runner's shards on a machine of {@code cores} cores. */
  public static int directShards(int cores) {
    return Math.min(DIRECT_MAX_SHARDS, Math.max(2, cores));
  }

  private static LearnedBoilerplate learning(BatchOptions o) {
    try {
      return o.getLearnBoilerplate()
          ? new LearnedBoilerplate(
              o.getBoilerplateMinRepeats(), LearnedBoilerplate.DEFAULT_MIN_DISTINCT_SHARE)
          : null;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
