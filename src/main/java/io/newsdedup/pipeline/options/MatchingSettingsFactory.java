package io.newsdedup.pipeline.options;

import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.canonical.SourceLists;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.cluster.ClusterBuilder;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.pipeline.read.InputPatterns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives {@link MatchingSettings} from {@link MatchingOptions}, once, for both the batch and the
 * stream job: every inconsistency is a {@link UsageException} before anything runs, and the {@code
 * --boilerplateRules}, {@code --wireSources} and {@code --aggregatorSources} files are read here.
 */
public final class MatchingSettingsFactory {
  private MatchingSettingsFactory() {}

  public static MatchingSettings from(MatchingOptions o) {
    try {
      MatchRule rule =
          new MatchRule(
              o.getMatchRule(),
              o.getThreshold(),
              o.getContainmentThreshold(),
              o.getMinContainmentShingles(),
              o.getRewordedCopies());
      if (!(o.getChainThreshold() > 0 && o.getChainThreshold() <= 1)) {
        throw new UsageException("--chainThreshold must be in (0, 1]");
      }
      if (o.getMinShingles() < 0) {
        throw new UsageException("--minShingles must be >= 0");
      }
      double lshThreshold =
          o.getLshThreshold() > 0
              ? o.getLshThreshold()
              : MatchingSettings.defaultLshThreshold(o.getThreshold(), o.getAnchors());
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
      return new MatchingSettings(
          rules,
          o.getMinShingles(),
          o.getShingleSize(),
          o.getNumHashes(),
          rule,
          lshThreshold,
          lsh,
          anchors,
          o.getMaxAnchorBucket(),
          o.getTitleCandidates(),
          policy,
          builder,
          o.getHotBucketSize(),
          o.getHotBucketNeighbours());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private static Anchors anchors(MatchingOptions o) {
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
    return new Anchors(
        Integer.numberOfTrailingZeros(n), o.getAnchorQueries(), o.getAnchorMinShared());
  }

  private static LshParams lsh(MatchingOptions o, double lshThreshold) {
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
