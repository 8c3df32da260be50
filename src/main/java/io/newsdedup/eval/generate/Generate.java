package io.newsdedup.eval.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates a labelled corpus: reads the stories, generates the copies and writes the articles and
 * the labels ({@code news-dedup eval generate}). Mistakes in what is asked are {@link
 * IllegalArgumentException}s; stories that cannot be read and a directory that already holds a
 * corpus (without {@code overwrite}) are {@link IllegalStateException}s; I/O failures are {@link
 * UncheckedIOException}s.
 */
public final class Generate {
  private Generate() {}

  /**
   * Generates the corpus of {@code stories} (a directory, file or glob) into {@code outDir} and its
   * labels into {@code labels}; returns the summary printed after a run.
   */
  public static String corpus(
      GeneratorConfig config, String stories, Path outDir, Path labels, boolean overwrite) {
    Path labelsDir = labels.toAbsolutePath().normalize().getParent();
    if (outDir.toAbsolutePath().normalize().equals(labelsDir)) {
      throw new IllegalArgumentException("--labels must not be inside the output directory");
    }
    if (StoryReader.resolve(stories).isEmpty()) {
      throw new IllegalArgumentException("no story files match " + stories);
    }
    List<Story> read;
    try {
      read = StoryReader.read(stories);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    try {
      List<Path> existing = CorpusWriter.corpusFiles(outDir);
      if (!existing.isEmpty()) {
        if (!overwrite) {
          throw new IllegalStateException(
              outDir
                  + " already holds "
                  + existing.size()
                  + " corpus files; pass --overwrite to replace them");
        }
        for (Path p : existing) {
          Files.delete(p);
        }
      }
      List<GeneratedArticle> articles = new CorpusGenerator(config).generate(read);
      CorpusWriter.write(articles, outDir, labels);
      return summary(read, articles, outDir, labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** The labels file next to the output directory: the default of {@code --labels}. */
  public static Path defaultLabels(Path outDir) {
    return outDir.toAbsolutePath().normalize().resolveSibling("labels.jsonl");
  }

  /**
   * The configuration the options ask for, over the defaults; {@code null} keeps a default. Bad
   * values are {@link IllegalArgumentException}s.
   */
  public static GeneratorConfig config(
      Long seed,
      String kinds,
      String copies,
      Double copyShare,
      String formats,
      Double distractorShare) {
    GeneratorConfig d = GeneratorConfig.defaults();
    Set<CopyKind> kindSet = d.kinds();
    if (kinds != null) {
      kindSet = EnumSet.noneOf(CopyKind.class);
      for (String k : kinds.split(",")) {
        kindSet.add(CopyKind.parse(k));
      }
    }
    Set<OutputFormat> formatSet = d.formats();
    if (formats != null) {
      formatSet = EnumSet.noneOf(OutputFormat.class);
      for (String f : formats.split(",")) {
        formatSet.add(OutputFormat.parse(f));
      }
    }
    int min = d.minCopies();
    int max = d.maxCopies();
    if (copies != null) {
      String[] mm = copies.strip().split("\\.\\.", -1);
      try {
        if (mm.length == 1) {
          min = Integer.parseInt(mm[0]);
          max = min;
        } else if (mm.length == 2) {
          min = Integer.parseInt(mm[0]);
          max = Integer.parseInt(mm[1]);
        } else {
          throw new IllegalArgumentException("--copies must be MIN..MAX, got " + copies);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--copies must be MIN..MAX, got " + copies, e);
      }
    }
    return new GeneratorConfig(
        seed == null ? d.seed() : seed,
        kindSet,
        min,
        max,
        copyShare == null ? d.copyShare() : copyShare,
        formatSet,
        distractorShare == null ? d.distractorShare() : distractorShare);
  }

  /** The defaults as {@code --help} shows them, by option name. */
  public static Map<String, String> defaultsShown() {
    GeneratorConfig d = GeneratorConfig.defaults();
    return Map.of(
        "seed", String.valueOf(d.seed()),
        "kinds", labels(d.kinds()),
        "copies", d.minCopies() + ".." + d.maxCopies(),
        "copyShare", String.valueOf(d.copyShare()),
        "formats", formatLabels(d.formats()),
        "distractorShare", String.valueOf(d.distractorShare()),
        "labels", "labels.jsonl next to OUTPUT");
  }

  /** The copy kinds there are, and those off by default, for {@code --help}. */
  public static String kindsNote() {
    GeneratorConfig d = GeneratorConfig.defaults();
    return "Copy kinds: "
        + labels(EnumSet.allOf(CopyKind.class))
        + ";\noff by default: "
        + labels(offByDefault(d.kinds()))
        + ".";
  }

  /** Counts by kind, format and file, clusters and singletons, as printed after a run. */
  static String summary(
      List<Story> stories, List<GeneratedArticle> articles, Path outDir, Path labels) {
    Map<String, Integer> kinds = new TreeMap<>();
    Map<String, Integer> formats = new TreeMap<>();
    Map<String, Integer> files = new TreeMap<>();
    Map<String, Integer> clusterSize = new TreeMap<>();
    for (GeneratedArticle a : articles) {
      kinds.merge(a.kind().label(), 1, Integer::sum);
      formats.merge(a.format().label(), 1, Integer::sum);
      files.merge(
          a.format() == OutputFormat.JSONL ? a.file() : "*." + a.format().label(), 1, Integer::sum);
      clusterSize.merge(a.storyId(), 1, Integer::sum);
    }
    long singletons = clusterSize.values().stream().filter(n -> n == 1).count();
    return String.format(
        Locale.ROOT,
        "stories: %d%narticles: %d%nclusters: %d (singletons: %d)%nby kind: %s%nby format: %s%n"
            + "by file: %s%noutput: %s%nlabels: %s%n",
        stories.size(),
        articles.size(),
        clusterSize.size(),
        singletons,
        kinds,
        formats,
        files,
        outDir,
        labels);
  }

  private static Set<CopyKind> offByDefault(Set<CopyKind> defaults) {
    Set<CopyKind> off = EnumSet.allOf(CopyKind.class);
    off.removeAll(defaults);
    return off;
  }

  private static String labels(Set<CopyKind> kinds) {
    return String.join(",", kinds.stream().map(CopyKind::label).toList());
  }

  private static String formatLabels(Set<OutputFormat> formats) {
    return String.join(",", formats.stream().map(OutputFormat::label).toList());
  }
}
