package io.newsdedup.cli;

import io.newsdedup.eval.generate.GenerateCommand;
import io.newsdedup.eval.score.ScoreCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code eval generate ...} builds a labelled corpus; {@code eval --truth=... --output=...} scores.
 */
final class EvalCommand {
  private EvalCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("generate")) {
      return GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    return ScoreCommand.run(args, out, err);
  }
}
