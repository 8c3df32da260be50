package io.newsdedup.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command in a JVM that reads file names as UTF-8 whatever the caller's locale.
 *
 * <p>The JVM decodes file names with the locale's character set ({@code sun.jnu.encoding}), fixed
 * at start. Under {@code LANG=C} or no locale at all (cron, many systemd units, {@code env -i}) it
 * is ASCII: a name such as {@code é.jsonl} cannot be opened, an {@code --output} outside ASCII
 * cannot be written, and the ids of {@code .txt}/{@code .html} files (their names) would depend on
 * the caller. So when the name encoding is not UTF-8, {@link Main#main} starts the same command in
 * a child JVM (same java, JVM options and class path) with {@code LC_ALL=C.UTF-8}, passes its
 * standard streams through, forwards SIGTERM/Ctrl-C to it and exits with its exit code. Names that
 * are not UTF-8 at all are read too (see {@code LocalFiles}).
 */
final class Utf8Relaunch {
  private Utf8Relaunch() {}

  /** Set in the child: it never relaunches itself. */
  static final String MARKER = "NEWS_DEDUP_UTF8_RELAUNCHED";
  static final String LOCALE = "C.UTF-8";

  static boolean namesAreUtf8() {
    return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
  }

  /**
   * The child's exit code when the command ran in a relaunched JVM; empty when it must run here
   * (names are UTF-8 already, this is the child, or no child could be started: then a warning).
   */
  static Optional<Integer> ifNeeded(String[] args, PrintStream err) {
    if (namesAreUtf8()) {
      return Optional.empty();
    }
    String encoding = System.getProperty("sun.jnu.encoding");
    if (System.getenv(MARKER) != null) {
      err.println("news-dedup: warning: file names are read as " + encoding + " even with LC_ALL="
          + LOCALE + " (is the locale missing?); names outside ASCII may not be read. Set a UTF-8"
          + " locale (LC_ALL=C.UTF-8 or en_US.UTF-8).");
      return Optional.empty();
    }
    Optional<String> java = ProcessHandle.current().info().command();
    if (java.isEmpty()) {
      err.println("news-dedup: warning: file names are read as " + encoding
          + "; names outside ASCII may not be read. Run with LC_ALL=" + LOCALE + ".");
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    pb.environment().put("LC_ALL", LOCALE);
    pb.environment().put(MARKER, "1");
    Process child;
    try {
      child = pb.start();
    } catch (IOException e) {
      err.println("news-dedup: warning: could not restart in a UTF-8 locale (" + e.getMessage()
          + "); names outside ASCII may not be read. Run with LC_ALL=" + LOCALE + ".");
      return Optional.empty();
    }
    Thread stopChild = new Thread(() -> {
      if (child.isAlive()) {
        child.destroy(); // SIGTERM: the child stops as it would have stopped here
        try {
          if (!child.waitFor(20, TimeUnit.SECONDS)) {
            child.destroyForcibly();
          }
        } catch (InterruptedException e) {
          child.destroyForcibly();
        }
      }
    }, "news-dedup-stop-child");
    Runtime.getRuntime().addShutdownHook(stopChild);
    while (true) {
      try {
        return Optional.of(child.waitFor());
      } catch (InterruptedException e) {
        // keep waiting: the shutdown hook stops the child
      }
    }
  }
}
