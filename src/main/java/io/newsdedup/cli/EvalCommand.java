package io.newsdedup.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.eval.score.Evaluation;
import io.newsdedup.eval.score.ScoreTable;
import io.newsdedup.pipeline.options.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code eval --truth=LABELS.jsonl --output=DIR}: scores a batch output against labels, prints a
 * table and writes the same as JSON; {@code eval generate ...} builds a labelled corpus ({@link
 * GenerateCommand}).
 */
final class EvalCommand {
  private EvalCommand() {}

  /** The subcommand that builds a labelled corpus; messages name it with "eval". */
  static final String GENERATE = "generate";

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals(GENERATE)) {
      return GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (CommandLine.wantsHelp(args)) {
      CommandLine.help(
          out,
          "news-dedup eval --truth=LABELS.jsonl --output=DIR [options]",
          "Scores a batch output against labels: pair precision/recall/F1, adjusted Rand\n"
              + "index, canonical accuracy, recall per copy kind, the worst false merges and\n"
              + "misses. Prints a table and writes the same as JSON.",
          EvalOptions.class,
          "news-dedup eval generate --help: build a labelled corpus.");
      return Main.OK;
    }
    EvalOptions o = CommandLine.parse(EvalOptions.class, args);
    Path truth = Path.of(o.getTruth());
    Path output = Path.of(o.getOutput());
    if (!Files.isRegularFile(truth)) {
      throw new UsageException("no labels file " + truth);
    }
    Path root = Path.of(o.getInputRoot() == null ? "." : o.getInputRoot());
    ObjectNode result = Evaluation.load(truth, output, root, o.getWorst()).run();
    out.print(ScoreTable.table(result));
    Path json = o.getJson() == null ? output.resolve("eval.json") : Path.of(o.getJson());
    ScoreTable.writeJson(result, json);
    out.println("JSON: " + json);
    return Main.OK;
  }
}
