package io.newsdedup.pipeline.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The runner settings of production runs. The Direct runner re-encodes and clones every element to
 * catch DoFns that mutate their input, and Flink copies every element by encoding it between
 * chained operators for the same reason; that is for tests (TestPipeline keeps the Direct runner's
 * checks on, so a DoFn that mutated its input would fail there) and costs production runs dearly.
 * Production runs turn both off unless the command line says otherwise.
 */
public final class ProductionDefaults {
  private static final String[][] DEFAULTS = {
    {"enforceImmutability", "false"}, // Direct runner: no immutability checks of every element
    {"enforceEncodability", "false"}, // Direct runner: no encoding round trip of every element
  };

  /**
   * Flink's, added only when the command line names the Flink runner: naming a Flink option makes
   * the command line register Flink's options ({@link DeferredOptions}), which costs every other
   * run's start.
   */
  private static final String[][] FLINK_DEFAULTS = {
    {"fasterCopy", "true"}, // Flink: no copy by encoding between chained operators
  };

  private ProductionDefaults() {}

  /** The arguments with each default added that they do not set themselves. */
  public static String[] apply(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    boolean flink =
        all.stream()
            .anyMatch(
                a -> a.startsWith("--runner=") && a.toLowerCase(Locale.ROOT).contains("flink"));
    add(all, DEFAULTS);
    if (flink) {
      add(all, FLINK_DEFAULTS);
    }
    return all.toArray(String[]::new);
  }

  private static void add(List<String> all, String[][] defaults) {
    for (String[] d : defaults) {
      if (all.stream().noneMatch(a -> a.startsWith("--" + d[0]))) {
        all.add("--" + d[0] + "=" + d[1]);
      }
    }
  }
}
