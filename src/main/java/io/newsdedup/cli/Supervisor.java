package io.newsdedup.cli;

import io.newsdedup.pipeline.batch.MemoryEstimate;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

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
 *       caller's is not UTF-8: cron, systemd units, {@code env -i});
 *   <li>collects with the parallel collector unless the options choose one, but for {@code stream}
 *       ({@link #THROUGHPUT_COLLECTOR});
 *   <li>for a {@code batch} that leaves them open, runs on the runner and in the heap its input
 *       needs ({@link BatchChoice});
 *   <li>maps the jar's class-data archive when it has one ({@link ClassDataArchive}).
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
    if (isChild(System.getenv(CHILD), ProcessHandle.current().parent())) {
      asChild(err);
      return Optional.empty();
    }
    if (System.getenv(IN_PROCESS) != null || !startedAsMain()) {
      warnIfNamesNotUtf8(err, "Run with LC_ALL=" + LOCALE + ".");
      return Optional.empty();
    }
    Optional<String> java = ProcessHandle.current().info().command();
    if (java.isEmpty()) {
      err.println(
          "news-dedup: warning: cannot find the java command to start the run's JVM;"
              + " running here, where running out of memory may not end the run.");
      warnIfNamesNotUtf8(err, "Run with LC_ALL=" + LOCALE + ".");
      return Optional.empty();
    }
    List<String> jvmOptions =
        new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
    String[] command = args;
    Optional<BatchChoice> choice = BatchChoice.of(args, jvmOptions, physicalMemory());
    if (choice.isPresent()) {
      jvmOptions.addAll(choice.get().jvmOptions());
      command = choice.get().args();
      err.println("news-dedup batch: " + choice.get().reason());
    }
    String classPath = System.getProperty("java.class.path");
    ClassDataArchive.of(classPath, jvmOptions).ifPresent(a -> jvmOptions.addAll(a.jvmOptions()));
    ProcessBuilder pb =
        new ProcessBuilder(childCommand(java.get(), jvmOptions, classPath, command)).inheritIO();
    pb.environment().put(CHILD, Long.toString(ProcessHandle.current().pid()));
    if (!namesAreUtf8()) {
      pb.environment().put("LC_ALL", LOCALE);
    }
    Process child;
    try {
      child = pb.start();
    } catch (IOException e) {
      err.println(
          "news-dedup: warning: could not start the run's JVM ("
              + e.getMessage()
              + "); running here, where running out of memory may not end the run.");
      warnIfNamesNotUtf8(err, "Run with LC_ALL=" + LOCALE + ".");
      return Optional.empty();
    }
    AtomicBoolean told = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (child
                      .isAlive()) { // this JVM got SIGTERM or Ctrl-C, the child is still running
                    stop(child);
                    tellOnce(told, err, interrupted(args));
                  }
                },
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
    if (code == 130 || code == 143) { // the child got Ctrl-C or SIGTERM itself
      tellOnce(told, err, interrupted(args));
    } else if (code > 128) {
      err.println(killed(args, code - 128));
    }
    return Optional.of(code);
  }

  /**
   * Prints {@code message} unless it was printed; under a lock, so that the shutdown hook does not
   * let the JVM end while the main thread is printing it.
   */
  private static void tellOnce(AtomicBoolean told, PrintStream err, String message) {
    synchronized (told) {
      if (told.compareAndSet(false, true)) {
        err.println(message);
        err.flush();
      }
    }
  }

  /**
   * Why the child of a command other than {@code stream} collects with the parallel collector,
   * unless the JVM options choose one: a batch job wants throughput, not short pauses. Measured on
   * the 100,000-article bench corpus with {@code -Xmx6g} ({@code bench --reps=3 --baseline=<same
   * jar> --baselineJvmArgs=-XX:+UseG1GC}): 78 s median and 3.5 GB peak RSS against G1's 88 s and
   * 6.0 GB; on 1,000,000 one-line records, 63 s and 4.7 GB against 78 s and 6.6 GB. When the heap
   * is exhausted it gives up at once ("GC overhead limit exceeded") where G1 collects on for
   * minutes. {@code stream} keeps G1, whose pauses stay short.
   */
  static final String THROUGHPUT_COLLECTOR = "-XX:+UseParallelGC";

  /**
   * The child's command line: the same JVM options, an exit at the first out-of-memory, the
   * parallel collector for a batch command ({@link #THROUGHPUT_COLLECTOR}) and what the jar's
   * manifest grants ({@link #manifestAccess}).
   */
  static List<String> childCommand(
      String java, List<String> jvmOptions, String classPath, String[] args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    if (jvmOptions.stream().noneMatch(o -> o.contains("OutOfMemoryError"))) {
      command.add("-XX:+ExitOnOutOfMemoryError");
    }
    boolean stream = args.length > 0 && args[0].equals("stream");
    if (!stream && !choosesCollector(jvmOptions)) {
      command.add(THROUGHPUT_COLLECTOR);
    }
    command.addAll(manifestAccess(classPath));
    command.add("-cp");
    command.add(classPath);
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** Whether a class path is one jar (the jar run with {@code java -jar}), not directories. */
  static boolean isOneJar(String classPath) {
    return classPath != null
        && classPath.endsWith(".jar")
        && !classPath.contains(java.io.File.pathSeparator);
  }

  /** Whether the JVM options choose the garbage collector. */
  static boolean choosesCollector(List<String> jvmOptions) {
    return jvmOptions.stream().anyMatch(o -> o.matches("-XX:[+-]Use\\w*GC"));
  }

  /**
   * What {@code java -jar} grants the jar from its manifest ({@code Add-Exports}, {@code
   * Add-Opens}: the Spark runner needs {@code java.base/sun.nio.ch}), as options of a JVM that runs
   * it with {@code -cp}; none when the class path is not one jar, or it has no such entries.
   */
  static List<String> manifestAccess(String classPath) {
    List<String> options = new ArrayList<>();
    if (!isOneJar(classPath)) {
      return options;
    }
    try (JarFile jar = new JarFile(classPath)) {
      Manifest manifest = jar.getManifest();
      if (manifest == null) {
        return options;
      }
      for (String[] attribute :
          new String[][] {{"Add-Exports", "--add-exports="}, {"Add-Opens", "--add-opens="}}) {
        String value = manifest.getMainAttributes().getValue(attribute[0]);
        if (value != null) {
          for (String module : value.trim().split("\\s+")) {
            if (!module.isEmpty()) {
              options.add(attribute[1] + module + "=ALL-UNNAMED");
            }
          }
        }
      }
    } catch (IOException e) {
      // not a readable jar: the JVM will say so when it is started with it
    }
    return options;
  }

  /** The machine's (or the container's) memory; 0 when unknown. */
  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }

  /** Whether this JVM's main class is {@link Main} ({@code java -jar} or {@code java -cp}). */
  static boolean startedAsMain() {
    String command = System.getProperty("sun.java.command", "") + " ";
    String jar = System.getProperty("java.class.path", "");
    return command.startsWith(Main.class.getName() + " ")
        || (jar.endsWith(".jar") && command.startsWith(jar + " "));
  }

  /** SIGTERM to the child, and SIGKILL if it has not stopped within the grace period. */
  private static void stop(Process child) {
    child.destroy();
    try {
      if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
    }
  }

  /** " batch" for {@code batch ...}: what follows "news-dedup" in a message. */
  private static String spaceAndCommand(String[] args) {
    return args.length == 0 ? "" : " " + args[0];
  }

  /** The run's JVM ended by a signal nobody here sent: SIGKILL is most often the OOM killer. */
  static String killed(String[] args, int signal) {
    String command = spaceAndCommand(args);
    String message = "news-dedup" + command + ": the run's JVM was killed by signal " + signal;
    if (signal == 9) {
      message +=
          " (SIGKILL: if nobody sent it, the system's out-of-memory killer did; give the"
              + " run a smaller -Xmx than the machine's free memory)";
    }
    return message + ".";
  }

  static String interrupted(String[] args) {
    String command = spaceAndCommand(args);
    String message =
        "news-dedup" + command + ": interrupted (SIGTERM or Ctrl-C); the run was" + " stopped";
    if (command.equals(" batch")) {
      message +=
          " before it finished: nothing was published (no _SUCCESS), an earlier run in"
              + " --output is as it was, and --overwrite cleans what this one left";
    }
    return message + ".";
  }

  static String outOfMemory(String[] args, long maxHeap) {
    String command = spaceAndCommand(args);
    String message =
        "news-dedup"
            + command
            + ": out of memory: the run needed more than its "
            + MemoryEstimate.size(maxHeap)
            + " of Java heap and was stopped.";
    if (command.equals(" batch")) {
      message += " Nothing was published (no _SUCCESS); an earlier run in --output is as it was.";
    }
    long moreGb = Math.max(1, (long) Math.ceil(2.0 * maxHeap / (1L << 30)));
    message += " Give it more heap (java -Xmx" + moreGb + "g -jar news-dedup.jar ...)";
    if (command.equals(" batch") || command.equals(" stream")) {
      message +=
          ", or run on Flink, which spills to disk (--runner=FlinkRunner): the Direct runner"
              + " (the default) holds every stage's data in memory";
      if (command.equals(" batch")) {
        message += ", about two and a half times the input's size";
      }
    }
    return message + ".";
  }

  /**
   * Whether this JVM is the run's JVM of a supervisor: {@link #CHILD} names its parent. A JVM that
   * a run started in turn ({@code bench}'s timed runs, a script's) inherits {@link #CHILD} naming
   * its grandparent, and is a command of its own.
   */
  static boolean isChild(String childOf, Optional<ProcessHandle> parent) {
    if (childOf == null) {
      return false;
    }
    try {
      long supervisor = Long.parseLong(childOf);
      return parent.map(p -> p.pid() == supervisor).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** In the child: exit on a thrashing heap, and halt if the supervising JVM disappears. */
  private static void asChild(PrintStream err) {
    warnIfNamesNotUtf8(err, "Set a UTF-8 locale (LC_ALL=C.UTF-8 or en_US.UTF-8).");
    MemoryWatch.start(err);
    ProcessHandle.current()
        .parent()
        .ifPresent(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          err.println(
                              "news-dedup: the command that started this run is gone; stopping.");
                          Runtime.getRuntime().halt(143);
                        }));
  }

  static boolean namesAreUtf8() {
    return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
  }

  private static void warnIfNamesNotUtf8(PrintStream err, String advice) {
    if (!namesAreUtf8()) {
      err.println(
          "news-dedup: warning: file names are read as "
              + System.getProperty("sun.jnu.encoding")
              + "; names outside ASCII may not be read. "
              + advice);
    }
  }
}
