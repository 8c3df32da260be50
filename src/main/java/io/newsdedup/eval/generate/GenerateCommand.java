package io.newsdedup.eval.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Command line for the corpus generator: reads stories, generates the corpus and writes the
 * articles and labels. Options are Beam-style {@code --name=value}; see {@link #usage()}.
 *
 * <p>Exit codes: 0 on success (and for {@code --help}), 1 when reading or writing fails or the
 * output directory already holds a corpus, 2 on usage errors.
 */
public final class GenerateCommand {
  private GenerateCommand() {}

  private static final Set<String> OPTIONS =
      Set.of(
          "stories",
          "output",
          "labels",
          "seed",
          "kinds",
          "copies",
          "copyShare",
          "formats",
          "distractorShare",
          "overwrite",
          "help");

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs with the given arguments, printing to standard output and error; returns the exit code.
   */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  /** Runs with the given arguments and streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String a : args) {
      if (!a.startsWith("--")) {
        return usageError(err, "unexpected argument '" + a + "'");
      }
      int eq = a.indexOf('=');
      String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
      String value = eq < 0 ? "true" : a.substring(eq + 1);
      if (!OPTIONS.contains(name)) {
        return usageError(err, "unknown option --" + name);
      }
      if (opts.put(name, value) != null) {
        return usageError(err, "option --" + name + " given twice");
      }
    }
    if (opts.containsKey("help")) {
      out.print(usage());
      return 0;
    }
    if (!opts.containsKey("stories") || opts.get("stories").isBlank()) {
      return usageError(err, "--stories=PATTERN is required");
    }
    if (!opts.containsKey("output") || opts.get("output").isBlank()) {
      return usageError(err, "--output=DIR is required");
    }
    GeneratorConfig config;
    Path outDir = Path.of(opts.get("output"));
    Path labels;
    boolean overwrite;
    try {
      GeneratorConfig d = GeneratorConfig.defaults();
      long seed = opts.containsKey("seed") ? Long.parseLong(opts.get("seed").strip()) : d.seed();
      Set<CopyKind> kinds = d.kinds();
      if (opts.containsKey("kinds")) {
        kinds = EnumSet.noneOf(CopyKind.class);
        for (String k : opts.get("kinds").split(",")) {
          kinds.add(CopyKind.parse(k));
        }
      }
      Set<OutputFormat> formats = d.formats();
      if (opts.containsKey("formats")) {
        formats = EnumSet.noneOf(OutputFormat.class);
        for (String f : opts.get("formats").split(",")) {
          formats.add(OutputFormat.parse(f));
        }
      }
      int min = d.minCopies();
      int max = d.maxCopies();
      if (opts.containsKey("copies")) {
        String[] mm = opts.get("copies").strip().split("\\.\\.", -1);
        if (mm.length == 1) {
          min = Integer.parseInt(mm[0]);
          max = min;
        } else if (mm.length == 2) {
          min = Integer.parseInt(mm[0]);
          max = Integer.parseInt(mm[1]);
        } else {
          throw new IllegalArgumentException(
              "--copies must be MIN..MAX, got " + opts.get("copies"));
        }
      }
      double copyShare =
          opts.containsKey("copyShare") ? Double.parseDouble(opts.get("copyShare")) : d.copyShare();
      double distractorShare =
          opts.containsKey("distractorShare")
              ? Double.parseDouble(opts.get("distractorShare"))
              : d.distractorShare();
      config = new GeneratorConfig(seed, kinds, min, max, copyShare, formats, distractorShare);
      labels =
          opts.containsKey("labels")
              ? Path.of(opts.get("labels"))
              : outDir.toAbsolutePath().normalize().resolveSibling("labels.jsonl");
      overwrite = parseBoolean(opts.getOrDefault("overwrite", "false"));
    } catch (NumberFormatException e) {
      return usageError(err, "bad number: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return usageError(err, e.getMessage());
    }
    Path labelsDir = labels.toAbsolutePath().normalize().getParent();
    if (outDir.toAbsolutePath().normalize().equals(labelsDir)) {
      return usageError(err, "--labels must not be inside the output directory");
    }
    List<Story> stories;
    try {
      if (StoryReader.resolve(opts.get("stories")).isEmpty()) {
        return usageError(err, "no story files match " + opts.get("stories"));
      }
      stories = StoryReader.read(opts.get("stories"));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    try {
      List<Path> existing = CorpusWriter.corpusFiles(outDir);
      if (!existing.isEmpty()) {
        if (!overwrite) {
          err.println(
              "error: "
                  + outDir
                  + " already holds "
                  + existing.size()
                  + " corpus files; pass --overwrite to replace them");
          return 1;
        }
        for (Path p : existing) {
          Files.delete(p);
        }
      }
      List<GeneratedArticle> articles = new CorpusGenerator(config).generate(stories);
      CorpusWriter.write(articles, outDir, labels);
      out.print(summary(stories, articles, outDir, labels));
      return 0;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
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

  /** The help text listing every option with its default. */
  public static String usage() {
    GeneratorConfig d = GeneratorConfig.defaults();
    return String.join(
        "\n",
        "Usage: GenerateCommand --stories=PATTERN --output=DIR [options]",
        "",
        "Generates a labelled news-copy corpus from stories (.txt with an optional 'key: value'",
        "header, or JSONL/NDJSON lines with id, title, text and optional source, published_at,",
        "url).",
        "",
        "  --stories=PATTERN        story directory, file or glob (.txt, .jsonl, .ndjson,",
        "                           .jsonl.gz); required",
        "  --output=DIR             flat output directory for the articles; required",
        "  --labels=FILE            labels file (default: labels.jsonl next to DIR)",
        "  --seed=N                 random seed (default: " + d.seed() + ")",
        "  --kinds=K1,K2,...        copy kinds, must include original",
        "                           (default: " + labels(d.kinds()) + ");",
        "                           all: " + labels(EnumSet.allOf(CopyKind.class)),
        "                           off by default: " + labels(offByDefault(d.kinds())),
        "  --copies=MIN..MAX        copies per story that gets copies (default: "
            + d.minCopies()
            + ".."
            + d.maxCopies()
            + ")",
        "  --copyShare=X            share of stories that get copies, 0..1 (default: "
            + d.copyShare()
            + ")",
        "  --formats=F1,F2,...      output formats jsonl,html,txt (default: "
            + formatLabels(d.formats())
            + ");",
        "                           with only jsonl, pages go to the html field",
        "  --distractorShare=X      share of copy-less stories of <= 200 words posted only inside",
        "                           the boilerplate aggregator's wrapper, needs",
        "                           distractor_boilerplate (default: " + d.distractorShare() + ")",
        "  --overwrite[=true]       replace corpus files already in DIR (default: false)",
        "  --help                   print this help",
        "");
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

  private static boolean parseBoolean(String v) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("--overwrite must be true or false, got " + v);
    };
  }

  private static int usageError(PrintStream err, String message) {
    err.println("error: " + message);
    err.println("Run with --help for the list of options.");
    return 2;
  }
}
