package io.newsdedup.pipeline.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    {"fasterCopy", "true"}, // Flink: no copy by encoding between chained operators
  };

  private ProductionDefaults() {}

  /** The arguments with each default added that they do not set themselves. */
  public static String[] apply(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    for (String[] d : DEFAULTS) {
      if (all.stream().noneMatch(a -> a.startsWith("--" + d[0]))) {
        all.add("--" + d[0] + "=" + d[1]);
      }
    }
    return all.toArray(String[]::new);
  }
}
