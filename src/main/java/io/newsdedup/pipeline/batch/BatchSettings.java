package io.newsdedup.pipeline.batch;

import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.canonical.SourceLists;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.cluster.ClusterBuilder;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.pipeline.read.InputPatterns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated parameters of a batch run, derived once from {@link BatchOptions}: every
 * inconsistency is a {@link UsageException} before anything runs.
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
    java.time.Duration indexRetention) {

  /** The parameters an index must have been built with to be used (see IndexDirectory). */
  public java.util.Map<String, String> matchingParameters() {
    java.util.Map<String, String> p = new java.util.TreeMap<>();
    p.put("shingle_size", String.valueOf(shingleSize));
    p.put("num_hashes", String.valueOf(numHashes));
    p.put("match_rule", rule.mode().name());
    p.put("threshold", String.valueOf(rule.jaccardThreshold()));
    p.put("containment_threshold", String.valueOf(rule.containmentThreshold()));
    p.put("min_containment_shingles", String.valueOf(rule.minContainmentShingles()));
    p.put("min_shingles", String.valueOf(minShingles));
    p.put("learn_boilerplate", String.valueOf(learning != null));
    p.put("lsh", lsh.bands() + "x" + lsh.rows());
    p.put("anchors", anchors == null ? "off"
        : anchors.samplingBits() + "/" + anchors.queries() + "/" + anchors.minShared());
    p.put("title_candidates", String.valueOf(titleCandidates));
    return p;
  }

  public static BatchSettings from(BatchOptions o) {
    List<String> inputs = InputPatterns.split(o.getInput());
    if (inputs.isEmpty()) {
      throw new UsageException("--input names no file pattern");
    }
    try {
      MatchRule rule =
          new MatchRule(
              o.getMatchRule(), o.getThreshold(), o.getContainmentThreshold(),
              o.getMinContainmentShingles());
      if (!(o.getChainThreshold() > 0 && o.getChainThreshold() <= 1)) {
        throw new UsageException("--chainThreshold must be in (0, 1]");
      }
      double lshThreshold = o.getLshThreshold() > 0 ? o.getLshThreshold()
          : defaultLshThreshold(o.getThreshold(), o.getAnchors());
      LshParams lsh = lsh(o, lshThreshold);
      Anchors anchors = anchors(o);
      BoilerplateRules rules = BoilerplateRules.defaults();
      for (String f : files(o.getBoilerplateRules())) {
        rules = rules.plus(BoilerplateRules.parse(lines(f), f));
      }
      List<String> wire = new ArrayList<>();
      for (String f : files(o.getWireSources())) {
        wire.addAll(lines(f));
      }
      List<String> aggregators = new ArrayList<>();
      for (String f : files(o.getAggregatorSources())) {
        aggregators.addAll(lines(f));
      }
      CanonicalPolicy policy = new CanonicalPolicy(SourceLists.defaults().plus(wire, aggregators));
      ClusterBuilder builder =
          new ClusterBuilder(
              policy, rule, o.getChainThreshold(), ClusterBuilder.DEFAULT_MAX_CHAIN_CHECKS);
      if (o.getHotBucketSize() < 2 || o.getHotBucketNeighbours() < 1) {
        throw new UsageException("--hotBucketSize must be >= 2 and --hotBucketNeighbours >= 1");
      }
      if (o.getComponentRounds() < 0 || o.getNumShards() < 0) {
        throw new UsageException("--componentRounds and --numShards must be >= 0");
      }
      if (o.getMaxArticleChars() < 1000 || o.getReviewClusterSize() < 2) {
        throw new UsageException("--maxArticleChars must be >= 1000 and --reviewClusterSize >= 2");
      }
      if (o.getShards() < 0) {
        throw new UsageException("--shards must be >= 0");
      }
      int shards = o.getShards() > 0 ? o.getShards() : defaultShards(o);
      return new BatchSettings(
          inputs, o.getOutput(), rules, learning(o), o.getMinShingles(), o.getShingleSize(), o.getNumHashes(), rule, lshThreshold,
          lsh, anchors, o.getMaxAnchorBucket(), o.getTitleCandidates(), policy, builder, o.getHotBucketSize(), o.getHotBucketNeighbours(),
          o.getComponentRounds(), shards, o.getNumShards(), o.getMaxArticleChars(),
          o.getReviewClusterSize(), blankToNull(o.getIndex()), retention(o));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * The Direct runner pays per group, so few shards are fastest there; a cluster wants enough
   * shards to spread the work.
   */
  static int defaultShards(BatchOptions o) {
    return o.getRunner().getSimpleName().equals("DirectRunner") ? 16 : 256;
  }

  /**
   * With anchors, which find every pair with enough shared text (near-duplicates, truncations,
   * excerpts), LSH is only there for large groups of near-identical copies, whose anchors are too
   * common to be used: it is tuned high, threshold + 0.6 (1 - threshold) (0.8 for 0.5: 9 bands of
   * 13 rows). Without anchors LSH must find everything: 0.6 x threshold (0.3: 37 bands of 3).
   */
  static double defaultLshThreshold(double threshold, boolean anchors) {
    return anchors ? threshold + 0.6 * (1 - threshold) : 0.6 * threshold;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static java.time.Duration retention(BatchOptions o) {
    String r = blankToNull(o.getIndexRetention());
    if (r == null) {
      return null;
    }
    if (o.getIndex() == null || o.getIndex().isBlank()) {
      throw new UsageException("--indexRetention needs --index");
    }
    return Durations.parse(r, "--indexRetention");
  }

  private static LearnedBoilerplate learning(BatchOptions o) {
    if (o.getMinShingles() < 0) {
      throw new UsageException("--minShingles must be >= 0");
    }
    return o.getLearnBoilerplate()
        ? new LearnedBoilerplate(o.getBoilerplateMinRepeats(),
            LearnedBoilerplate.DEFAULT_MIN_DISTINCT_SHARE)
        : null;
  }

  private static Anchors anchors(BatchOptions o) {
    if (!o.getAnchors()) {
      return null;
    }
    int n = o.getAnchorSampling();
    if (n < 1 || n > 65536 || Integer.bitCount(n) != 1) {
      throw new UsageException("--anchorSampling must be a power of two in 1..65536: " + n);
    }
    if (o.getMaxAnchorBucket() < 2) {
      throw new UsageException("--maxAnchorBucket must be >= 2");
    }
    return new Anchors(Integer.numberOfTrailingZeros(n), o.getAnchorQueries(), o.getAnchorMinShared());
  }

  private static LshParams lsh(BatchOptions o, double lshThreshold) {
    if (o.getShingleSize() < 1) {
      throw new UsageException("--shingleSize must be >= 1");
    }
    int n = o.getNumHashes();
    if (n < 8 || n > 1024 || Integer.bitCount(n) != 1) {
      throw new UsageException("--numHashes must be a power of two in 8..1024: " + n);
    }
    if (o.getBands() > 0 || o.getRows() > 0) {
      if (o.getBands() < 1 || o.getRows() < 1 || o.getBands() * o.getRows() > n) {
        throw new UsageException(
            "--bands and --rows must both be >= 1 with bands x rows <= --numHashes (" + n + ")");
      }
      return new LshParams(o.getBands(), o.getRows());
    }
    if (!(lshThreshold > 0 && lshThreshold < 1)) {
      throw new UsageException("the LSH threshold must be in (0, 1): " + lshThreshold);
    }
    return LshParams.optimal(
        lshThreshold, n, o.getLshFalsePositiveWeight(), o.getLshFalseNegativeWeight());
  }

  private static List<String> files(String commaSeparated) {
    return InputPatterns.split(commaSeparated);
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
