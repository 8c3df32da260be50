package io.newsdedup.cli;

import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.report.ReportException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code news-dedup <command> [--name=value ...]}. Exit codes: 0 success, 1 the run failed (or its
 * accounting did not add up), 2 a usage error.
 */
public final class Main {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private Main() {}

  /**
   * The jar's entry point: runs the command in a child JVM that ends at the first out-of-memory,
   * stops on SIGTERM and reads file names as UTF-8 ({@link Supervisor}).
   */
  public static void main(String[] args) {
    boolean help = args.length == 0 || args[0].equals("help") || CommandLine.wantsHelp(args);
    int code =
        help
            ? run(args, System.out, System.err)
            : Supervisor.runInChild(args, System.err)
                .orElseGet(() -> run(args, System.out, System.err));
    System.exit(code);
  }

  /** Runs a command; returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || isHelp(args[0]) || args[0].equals("help")) {
      out.print(usage());
      return args.length == 0 ? USAGE : OK;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    // what messages call the command: a subcommand with its command ("eval generate")
    String name = isSubcommand(command, rest) ? command + " " + rest[0] : command;
    try {
      return switch (command) {
        case "batch" -> BatchCommand.run(rest, out, err);
        case "stream" -> StreamCommand.run(rest, out, err);
        case "eval" -> EvalCommand.run(rest, out, err);
        case "bench" -> BenchCommand.run(rest, out, err);
        case "report" -> ReportCommand.run(rest, out, err);
        default -> {
          err.println("news-dedup: unknown command \"" + command + "\"");
          err.print(usage());
          yield USAGE;
        }
      };
    } catch (UsageException | IllegalArgumentException e) {
      // one line: Beam's parse errors carry Jackson's location on a second
      err.println(
          "news-dedup "
              + name
              + ": "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      err.println("Run `news-dedup " + name + " --help` for the options.");
      return USAGE;
    } catch (ReportException e) {
      String what = command.equals("report") ? "" : "report: ";
      err.println("news-dedup " + name + ": " + what + e.getMessage());
      if (e.exitCode() == USAGE) {
        err.println("Run `news-dedup " + name + " --help` for the options.");
      }
      return e.exitCode();
    } catch (RuntimeException | IOException e) {
      err.println("news-dedup " + name + " failed: " + e);
      e.printStackTrace(err);
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  /** Whether {@code rest} starts with a subcommand of {@code command}, which messages name too. */
  private static boolean isSubcommand(String command, String[] rest) {
    if (rest.length == 0) {
      return false;
    }
    return switch (command) {
      case "eval" -> rest[0].equals(EvalCommand.GENERATE);
      case "bench" -> BenchCommand.TOOLS.contains(rest[0]);
      default -> false;
    };
  }

  static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.startsWith("--help=");
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: java -jar news-dedup.jar <command> [--name=value ...]",
        "",
        "Commands:",
        "  batch           dedup article files: clusters, assignments, rejected, summary.json",
        "  stream          dedup articles from Pub/Sub or Kafka as they arrive: a decision each",
        "  eval            score a batch output against labels (precision, recall, ARI, ...)",
        "  eval generate   build a labelled evaluation corpus from plain article texts",
        "  bench           end-to-end throughput of batch on a generated corpus",
        "  report          offline HTML report of a batch run's outputs",
        "",
        "Run `java -jar news-dedup.jar <command> --help` for a command's options.",
        "Exit codes: 0 success, 1 failure, 2 usage error.",
        "");
  }
}
