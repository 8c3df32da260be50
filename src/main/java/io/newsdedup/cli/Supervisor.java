package io.newsdedup.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a child JVM that this one (the jar's entry point) watches, so that a run that
 * cannot finish ends, and ends clearly.
 *
 * <p>A JVM whose heap is exhausted does not end by itself: Beam's worker threads catch the {@code
 * OutOfMemoryError}, the job never completes, and a SIGTERM may wait forever behind a thrashing
 * heap. So {@link Main#main} starts the same command in a child JVM (same java, JVM options and
 * class path, standard streams passed through) that:
 *
 * <ul>
 *   <li>exits at the first {@code OutOfMemoryError} in any thread ({@code
 *       -XX:+ExitOnOutOfMemoryError}, status {@value #OUT_OF_MEMORY}) and when its heap thrashes
 *       ({@link MemoryWatch}, the same status); this JVM then says what ran out and what to do, and
 *       exits 1;
 *   <li>is stopped within {@link #GRACE_SECONDS} s of a SIGTERM or Ctrl-C to this JVM (SIGTERM,
 *       then SIGKILL), which then exits 143 (SIGTERM) or 130 (Ctrl-C);
 *   <li>halts when this JVM disappears (a {@code kill -9}), so no run outlives its command;
 *   <li>reads file names as UTF-8 whatever the caller's locale ({@code LC_ALL=C.UTF-8} when the
 *       caller's is not UTF-8: cron, systemd units, {@code env -i}).
 * </ul>
 *
 * <p>The command runs in this JVM instead when this JVM was not started with {@link Main} as its
 * main class (a Flink or Spark client calls {@code main} itself), or when {@value #IN_PROCESS} is
 * set (a debugger, a profiler); then the JVM's own options are the user's to set.
 */
final class Supervisor {
  private Supervisor() {}

  /** Set in the child (to this JVM's pid): the child never starts another. */
  static final String CHILD = "NEWS_DEDUP_CHILD";
  /** Set by a user who wants the command to run in the JVM they started. */
  static final String IN_PROCESS = "NEWS_DEDUP_IN_PROCESS";
  /** HotSpot's exit status under {@code -XX:+ExitOnOutOfMemoryError}; {@link MemoryWatch}'s too. */
  static final int OUT_OF_MEMORY = 3;
  /** How long a child may take to stop after SIGTERM before it is killed. */
  static final int GRACE_SECONDS = 5;
  static final String LOCALE = "C.UTF-8";

  /**
   * The child's exit code when the command ran in a child JVM; empty when it must run here (this is
   * the child, the command runs in process, or no child could be started: then a warning).
   */
  static Optional<Integer> runInChild(String[] args, PrintStream err) {
    if (System.getenv(CHILD) != null) {
      asChild(err);
      return Optional.empty();
    }
    if (System.getenv(IN_PROCESS) != null || !startedAsMain()) {
      warnIfNamesNotUtf8(err, "Run with LC_ALL=" + LOCALE + ".");
      return Optional.empty();
    }
    Optional<String> java = ProcessHandle.current().info().command();
    if (java.isEmpty()) {
      err.println("news-dedup: warning: cannot find the java command to start the run's JVM;"
          + " running here, where running out of memory may not end the run.");
      warnIfNamesNotUtf8(err, "Run with LC_ALL=" + LOCALE + ".");
      return Optional.empty();
    }
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    ProcessBuilder pb = new ProcessBuilder(childCommand(java.get(), jvmOptions,
        System.getProperty("java.class.path"), args)).inheritIO();
    pb.environment().put(CHILD, Long.toString(ProcessHandle.current().pid()));
    if (!namesAreUtf8()) {
      pb.environment().put("LC_ALL", LOCALE);
    }
    Process child;
    try {
      child = pb.start();
    } catch (IOException e) {
      err.println("news-dedup: warning: could not start the run's JVM (" + e.getMessage()
          + "); running here, where running out of memory may not end the run.");
      warnIfNamesNotUtf8(err, "Run with LC_ALL=" + LOCALE + ".");
      return Optional.empty();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child, args, err),
        "news-dedup-stop-child"));
    int code;
    while (true) {
      try {
        code = child.waitFor();
        break;
      } catch (InterruptedException e) {
        // keep waiting: the shutdown hook stops the child
      }
    }
    if (code == OUT_OF_MEMORY) {
      err.println(outOfMemory(args, Runtime.getRuntime().maxMemory()));
      return Optional.of(Main.FAILED);
    }
    return Optional.of(code);
  }

  /** The child's command line: the same JVM options, and an exit at the first out-of-memory. */
  static List<String> childCommand(String java, List<String> jvmOptions, String classPath,
      String[] args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    if (jvmOptions.stream().noneMatch(o -> o.contains("OutOfMemoryError"))) {
      command.add("-XX:+ExitOnOutOfMemoryError");
    }
    command.add("-cp");
    command.add(classPath);
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** Whether this JVM's main class is {@link Main} ({@code java -jar} or {@code java -cp}). */
  static boolean startedAsMain() {
    String command = System.getProperty("sun.java.command", "") + " ";
    String jar = System.getProperty("java.class.path", "");
    return command.startsWith(Main.class.getName() + " ")
        || (jar.endsWith(".jar") && command.startsWith(jar + " "));
  }

  /** SIGTERM to the child, and SIGKILL if it has not stopped within the grace period. */
  private static void stop(Process child, String[] args, PrintStream err) {
    if (!child.isAlive()) {
      return;
    }
    child.destroy();
    try {
      if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
    }
    err.println(interrupted(args));
  }

  static String interrupted(String[] args) {
    String command = args.length == 0 ? "" : " " + args[0];
    String message = "news-dedup" + command + ": interrupted (SIGTERM or Ctrl-C); the run was"
        + " stopped";
    if (command.equals(" batch")) {
      message += " before it finished: nothing was published (no _SUCCESS), an earlier run in"
          + " --output is as it was, and --overwrite cleans what this one left";
    }
    return message + ".";
  }

  static String outOfMemory(String[] args, long maxHeap) {
    String command = args.length == 0 ? "" : " " + args[0];
    String message = "news-dedup" + command + ": out of memory: the run needed more than its "
        + size(maxHeap) + " of Java heap and was stopped.";
    if (command.equals(" batch")) {
      message += " Nothing was published (no _SUCCESS); an earlier run in --output is as it was.";
    }
    long moreGb = Math.max(1, (long) Math.ceil(2.0 * maxHeap / (1L << 30)));
    return message + " Give it more heap (java -Xmx" + moreGb + "g -jar news-dedup.jar ...), or run"
        + " on Flink, which spills to disk (--runner=FlinkRunner): the Direct runner (the default)"
        + " holds every stage's data in memory, about two and a half times the input's size.";
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : (bytes >> 20) + " MB";
  }

  /** In the child: exit on a thrashing heap, and halt if the supervising JVM disappears. */
  private static void asChild(PrintStream err) {
    warnIfNamesNotUtf8(err, "Set a UTF-8 locale (LC_ALL=C.UTF-8 or en_US.UTF-8).");
    MemoryWatch.start(err);
    try {
      long parentPid = Long.parseLong(System.getenv(CHILD));
      ProcessHandle.current().parent()
          .filter(p -> p.pid() == parentPid)
          .ifPresent(parent -> parent.onExit().thenRun(() -> {
            err.println("news-dedup: the command that started this run is gone; stopping.");
            Runtime.getRuntime().halt(143);
          }));
    } catch (NumberFormatException e) {
      // not started by a supervisor of ours: nothing to watch
    }
  }

  static boolean namesAreUtf8() {
    return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
  }

  private static void warnIfNamesNotUtf8(PrintStream err, String advice) {
    if (!namesAreUtf8()) {
      err.println("news-dedup: warning: file names are read as "
          + System.getProperty("sun.jnu.encoding") + "; names outside ASCII may not be read. "
          + advice);
    }
  }
}
