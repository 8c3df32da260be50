package io.newsdedup.cli;

import io.newsdedup.eval.generate.Generate;
import io.newsdedup.eval.generate.GeneratorConfig;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code news-dedup eval generate --stories=PATTERN --output=DIR [options]}: a labelled corpus from
 * plain stories. Exit codes: 0 written, 1 the stories cannot be read, the directory already holds a
 * corpus or writing failed, 2 a usage error.
 */
final class GenerateCommand {
  private GenerateCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (CommandLine.wantsHelp(args)) {
      CommandLine.help(
          out,
          "news-dedup eval generate --stories=PATTERN --output=DIR [options]",
          "Generates a labelled news-copy corpus from stories: the articles into --output and\n"
              + "their labels (story, original, copy kind) into --labels.",
          GenerateOptions.class,
          Generate.kindsNote() + "\n--help prints this help.");
      return Main.OK;
    }
    GenerateOptions o = CommandLine.parse(GenerateOptions.class, args);
    GeneratorConfig config =
        Generate.config(
            o.getSeed(),
            o.getKinds(),
            o.getCopies(),
            o.getCopyShare(),
            o.getFormats(),
            o.getDistractorShare());
    Path outDir = Path.of(o.getOutput());
    Path labels = o.getLabels() == null ? Generate.defaultLabels(outDir) : Path.of(o.getLabels());
    try {
      out.print(Generate.corpus(config, o.getStories(), outDir, labels, o.getOverwrite()));
      return Main.OK;
    } catch (IllegalStateException | UncheckedIOException e) {
      err.println("news-dedup eval generate: " + e.getMessage());
      return Main.FAILED;
    }
  }
}
