package io.newsdedup.eval.generate;

/** Placeholder until the generator lands (branch h-data). */
public final class GenerateCommand {
  private GenerateCommand() {}

  public static int run(String[] args) {
    System.err.println("eval generate is not available yet");
    return 2;
  }
}
