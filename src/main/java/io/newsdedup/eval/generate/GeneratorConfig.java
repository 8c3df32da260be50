package io.newsdedup.eval.generate;

import java.util.EnumSet;
import java.util.Set;

/**
 * What {@link CorpusGenerator} produces.
 *
 * @param seed seed of every random choice; the same seed and stories give the same corpus
 * @param kinds enabled copy kinds; must contain {@link CopyKind#ORIGINAL}
 * @param minCopies fewest copies of a story that gets copies (at least 1)
 * @param maxCopies most copies of a story that gets copies (at least {@code minCopies})
 * @param copyShare share of (non-distractor) stories that get copies, 0..1; the rest are singletons
 * @param formats enabled output formats; {@link CopyKind#SCRAPED} needs JSONL or HTML
 * @param distractorShare share of copy-less stories of at most 200 words that are, instead of being
 *     published as themselves, posted only by the boilerplate aggregator (needs {@link
 *     CopyKind#DISTRACTOR_BOILERPLATE}); stories of kind {@code distractor} always are
 */
public record GeneratorConfig(
    long seed,
    Set<CopyKind> kinds,
    int minCopies,
    int maxCopies,
    double copyShare,
    Set<OutputFormat> formats,
    double distractorShare) {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 20250304L;

  public GeneratorConfig {
    kinds = kinds.isEmpty() ? EnumSet.noneOf(CopyKind.class) : EnumSet.copyOf(kinds);
    formats = formats.isEmpty() ? EnumSet.noneOf(OutputFormat.class) : EnumSet.copyOf(formats);
    if (!kinds.contains(CopyKind.ORIGINAL)) {
      throw new IllegalArgumentException("kinds must include original");
    }
    if (minCopies < 1 || maxCopies < minCopies) {
      throw new IllegalArgumentException(
          "copies must be MIN..MAX with 1 <= MIN <= MAX, got " + minCopies + ".." + maxCopies);
    }
    if (!(copyShare >= 0 && copyShare <= 1)) {
      throw new IllegalArgumentException("copyShare must be in 0..1, got " + copyShare);
    }
    if (!(distractorShare >= 0 && distractorShare <= 1)) {
      throw new IllegalArgumentException("distractorShare must be in 0..1, got " + distractorShare);
    }
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one format is needed");
    }
    if (kinds.contains(CopyKind.SCRAPED)
        && !formats.contains(OutputFormat.JSONL)
        && !formats.contains(OutputFormat.HTML)) {
      throw new IllegalArgumentException("scraped copies need the jsonl or html format");
    }
  }

  /**
   * Defaults: seed {@link #DEFAULT_SEED}; original, reprint, aggregator, scraped and edited copies;
   * 1..4 copies for 70% of the stories; all three formats; no extra distractors.
   */
  public static GeneratorConfig defaults() {
    return new GeneratorConfig(
        DEFAULT_SEED,
        EnumSet.of(
            CopyKind.ORIGINAL,
            CopyKind.REPRINT,
            CopyKind.AGGREGATOR,
            CopyKind.SCRAPED,
            CopyKind.EDITED),
        1,
        4,
        0.7,
        EnumSet.allOf(OutputFormat.class),
        0.0);
  }

  /** This config with another seed. */
  public GeneratorConfig withSeed(long s) {
    return new GeneratorConfig(s, kinds, minCopies, maxCopies, copyShare, formats, distractorShare);
  }

  /** This config with other kinds. */
  public GeneratorConfig withKinds(Set<CopyKind> k) {
    return new GeneratorConfig(seed, k, minCopies, maxCopies, copyShare, formats, distractorShare);
  }

  /** This config with another copies range. */
  public GeneratorConfig withCopies(int min, int max) {
    return new GeneratorConfig(seed, kinds, min, max, copyShare, formats, distractorShare);
  }

  /** This config with another copy share. */
  public GeneratorConfig withCopyShare(double share) {
    return new GeneratorConfig(seed, kinds, minCopies, maxCopies, share, formats, distractorShare);
  }

  /** This config with other formats. */
  public GeneratorConfig withFormats(Set<OutputFormat> f) {
    return new GeneratorConfig(seed, kinds, minCopies, maxCopies, copyShare, f, distractorShare);
  }

  /** This config with another distractor share. */
  public GeneratorConfig withDistractorShare(double share) {
    return new GeneratorConfig(seed, kinds, minCopies, maxCopies, copyShare, formats, share);
  }
}
