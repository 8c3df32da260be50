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
 * The heap of a {@code batch} job on the Direct runner when the user chose none: what its input
 * needs ({@link MemoryEstimate#directHeap}) and half again, at least {@link #MIN} and at most
 * {@link #MAX_SHARE} of the machine's memory. The JVM's own default, a quarter of the memory,
 * is at once too small for a large input (1,000,000 generated articles need about 13 GB) and too
 * large for a small one (the heap grows towards it whatever the data needs).
 *
 * @param option the JVM option ({@code -Xmx...m})
 * @param reason what the command says about it
 */
record HeapChoice(String option, String reason) {
  static final long MIN = 1L << 30;
  static final double MAX_SHARE = 0.75;
  static final double HEADROOM = 1.5;

  /**
   * The choice for {@code args} (a command line) run with {@code jvmOptions} on a machine with
   * {@code memory} bytes; empty when it is not a local Direct-runner batch, the JVM options set
   * the heap, or the input cannot be sized here (the job then says what is wrong with it).
   */
  static Optional<HeapChoice> forBatch(String[] args, List<String> jvmOptions, long memory) {
    if (args.length == 0 || !args[0].equals("batch") || memory <= 0 || setsHeap(jvmOptions)) {
      return Optional.empty();
    }
    String input = null;
    for (String arg : args) {
      if (arg.startsWith("--runner=") && !arg.equals("--runner=DirectRunner")) {
        return Optional.empty();
      }
      if (arg.startsWith("--input=")) {
        input = arg.substring("--input=".length());
      }
    }
    if (input == null) {
      return Optional.empty();
    }
    List<InputFile> files = new ArrayList<>();
    try {
      for (String pattern : InputPatterns.split(input)) {
        if (pattern.contains("://")) {
          return Optional.empty(); // a remote file system: sized by the job itself
        }
        files.addAll(InputPatterns.match(pattern));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    long needed = MemoryEstimate.directHeap(files);
    return Optional.of(of(needed, MemoryEstimate.inputBytes(files), memory));
  }

  /** The heap for a job needing {@code needed} bytes of heap on {@code memory} bytes. */
  static HeapChoice of(long needed, long inputBytes, long memory) {
    long max = (long) (memory * MAX_SHARE);
    long heap = Math.min(max, Math.max(MIN, (long) (needed * HEADROOM)));
    long mb = Math.max(64, ((heap >> 20) + 63) / 64 * 64); // whole 64 MB
    String reason = String.format(Locale.ROOT, "a %s heap for %s of input on the Direct runner",
        MemoryEstimate.size(mb << 20), MemoryEstimate.size(inputBytes));
    if (heap == max && needed * HEADROOM > max) {
      reason += " (three quarters of this machine's memory)";
    }
    return new HeapChoice("-Xmx" + mb + "m", reason + "; choose another with java -Xmx...");
  }

  /** Whether the JVM options size the heap already. */
  static boolean setsHeap(List<String> jvmOptions) {
    return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
        || o.startsWith("-XX:MaxRAM") || o.startsWith("-XX:InitialRAMPercentage")
        || o.startsWith("-XX:MinRAMPercentage"));
  }
}
