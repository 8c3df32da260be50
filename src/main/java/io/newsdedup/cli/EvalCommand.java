package io.newsdedup.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code eval generate ...}: the labelled corpus generator. */
final class EvalCommand {
  private EvalCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("generate")) {
      return io.newsdedup.eval.generate.GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length));
    }
    err.println("usage: news-dedup eval generate [--name=value ...]   (see eval generate --help)");
    return Main.USAGE;
  }
}
