package io.newsdedup.cli;

import io.newsdedup.pipeline.batch.MemoryEstimate;
import io.newsdedup.pipeline.read.InputFile;
import io.newsdedup.pipeline.read.InputPatterns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runner and heap of a {@code batch} over local files when the command line leaves them open,
 * chosen from the input before the job's JVM starts.
 *
 * <ul>
 *   <li><b>Runner.</b> Without {@code --runner}, an input of {@link #FLINK_FROM} records or more
 *       (estimated: {@link MemoryEstimate#records}) runs on embedded Flink, which spills to disk:
 *       the Direct runner holds every stage's data in the heap, and its grouping copies a key's
 *       values for every bundle, so that 1,000,000 generated articles had not left the cleaning
 *       stage after nine minutes with a 17.7 GB heap, where embedded Flink does the whole job in
 *       about six within 4 GB. Smaller inputs keep the Direct runner, faster to start.
 *   <li><b>Heap.</b> When the JVM options set none: on the Direct runner what the input needs
 *       ({@link MemoryEstimate#directHeap}) and half again, at least {@link #MIN_HEAP}; on Flink
 *       {@link #FLINK_HEAP}; never more than {@link #MAX_SHARE} of the machine's memory. The JVM's
 *       own default, a quarter of the memory, is too large for a small input (the heap grows
 *       towards it whatever the data needs) and too small for a large one on the Direct runner.
 *   <li><b>JIT and collector.</b> Below {@link #QUICK_JIT_BELOW} records, when the JVM options
 *       leave them alone, only the JIT's quick tier (C1, {@code -XX:TieredStopAtLevel=1}) and the
 *       serial collector: a short run is over before the optimising compiler's work pays, and that
 *       work takes a core from the job. {@code testdata/} took 3.6–4.2 s in process against 5.6–6.2
 *       s with C1, and 3.6–3.8 s against 4.1–4.4 s (and half the RSS, 260 MB) with the serial
 *       collector; 10,000 generated articles 12.0–13.6 s against 14.4–15.8 s with C1, and the same
 *       time (500 MB RSS against 750 MB) with the serial collector; 100,000 took 96 s with C1
 *       against 61 s, so large inputs keep both compilers and the parallel collector.
 * </ul>
 *
 * @param jvmOptions the JVM options to add
 * @param args the command line to run
 * @param reason what the command says about the choice
 */
record BatchChoice(List<String> jvmOptions, String[] args, String reason) {
  static final long FLINK_FROM = 200_000;
  static final long MIN_HEAP = 1L << 30;
  static final long FLINK_HEAP = 4L << 30;
  static final double MAX_SHARE = 0.75;
  static final double HEADROOM = 1.5;
  static final long QUICK_JIT_BELOW = 20_000;
  static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
  static final String SMALL_RUN_COLLECTOR = "-XX:+UseSerialGC";

  /**
   * The choice for {@code args} run with {@code jvmOptions} on a machine with {@code memory} bytes;
   * empty when it is not a batch, its runner is neither given as Direct nor left open, the JVM
   * options set the heap and the runner is given, or the input is not local or cannot be matched
   * here (the job then says what is wrong with it).
   */
  static Optional<BatchChoice> of(String[] args, List<String> jvmOptions, long memory) {
    if (args.length == 0 || !args[0].equals("batch") || memory <= 0) {
      return Optional.empty();
    }
    String input = null;
    String runner = null;
    for (String arg : args) {
      if (arg.startsWith("--runner=")) {
        runner = arg.substring("--runner=".length());
      } else if (arg.startsWith("--input=")) {
        input = arg.substring("--input=".length());
      }
    }
    boolean setsHeap = setsHeap(jvmOptions);
    if (input == null || (runner != null && (setsHeap || !runner.equals("DirectRunner")))) {
      return Optional.empty();
    }
    List<InputFile> files = new ArrayList<>();
    try {
      for (String pattern : InputPatterns.split(input)) {
        if (pattern.contains("://")) {
          return Optional.empty(); // a remote file system: the job sizes it itself
        }
        files.addAll(InputPatterns.match(pattern));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(
        of(
            args,
            runner == null,
            setsHeap,
            setsCompilers(jvmOptions),
            Supervisor.choosesCollector(jvmOptions),
            MemoryEstimate.records(files),
            MemoryEstimate.inputBytes(files),
            MemoryEstimate.directHeap(files),
            memory));
  }

  /**
   * The choice for an input of {@code records} records and {@code bytes} bytes needing {@code
   * directHeap} on the Direct runner; {@code runnerOpen}: no {@code --runner} was given; {@code
   * setsHeap}, {@code setsCompilers}, {@code setsCollector}: the JVM options choose them.
   */
  static BatchChoice of(
      String[] args,
      boolean runnerOpen,
      boolean setsHeap,
      boolean setsCompilers,
      boolean setsCollector,
      double records,
      long bytes,
      long directHeap,
      long memory) {
    boolean flink = runnerOpen && records >= FLINK_FROM;
    List<String> jvm = new ArrayList<>();
    List<String> command = new ArrayList<>(List.of(args));
    String reason =
        String.format(
            Locale.ROOT,
            "%s of input, about %,d records",
            MemoryEstimate.size(bytes),
            roughly(records));
    if (flink) {
      command.add("--runner=FlinkRunner");
      reason +=
          ": running on embedded Flink, which spills to disk where the Direct runner holds"
              + " the input in memory (--runner=DirectRunner keeps the Direct runner)";
    } else {
      reason += ": running on the Direct runner";
    }
    if (!setsHeap) {
      long max = (long) (memory * MAX_SHARE);
      long wanted = flink ? FLINK_HEAP : Math.max(MIN_HEAP, (long) (directHeap * HEADROOM));
      long mb = Math.max(64, ((Math.min(max, wanted) >> 20) + 63) / 64 * 64); // whole 64 MB
      jvm.add("-Xmx" + mb + "m");
      reason += ", in a " + MemoryEstimate.size(mb << 20) + " heap";
      if (wanted > max) {
        reason += " (three quarters of this machine's memory)";
      }
      reason += "; choose another with java -Xmx...";
    }
    if (records < QUICK_JIT_BELOW) {
      if (!setsCompilers) {
        jvm.add(QUICK_JIT);
      }
      if (!setsCollector) {
        jvm.add(SMALL_RUN_COLLECTOR);
      }
    }
    return new BatchChoice(jvm, command.toArray(String[]::new), reason);
  }

  /** An estimate to two significant digits (an exact count below 1,000). */
  static long roughly(double n) {
    if (n < 1000) {
      return Math.round(n);
    }
    double unit = Math.pow(10, Math.floor(Math.log10(n)) - 1);
    return Math.round(n / unit) * (long) unit;
  }

  /** Whether the JVM options choose the JIT compilers already. */
  static boolean setsCompilers(List<String> jvmOptions) {
    return jvmOptions.stream()
        .anyMatch(
            o ->
                o.startsWith("-XX:TieredStopAtLevel")
                    || o.matches("-XX:[+-]TieredCompilation")
                    || o.equals("-Xint")
                    || o.equals("-Xcomp")
                    || o.startsWith("-XX:CompilationMode"));
  }

  /** Whether the JVM options size the heap already. */
  static boolean setsHeap(List<String> jvmOptions) {
    return jvmOptions.stream()
        .anyMatch(
            o ->
                o.startsWith("-Xmx")
                    || o.startsWith("-XX:MaxHeapSize")
                    || o.startsWith("-XX:MaxRAM")
                    || o.startsWith("-XX:InitialRAMPercentage")
                    || o.startsWith("-XX:MinRAMPercentage"));
  }
}
