package io.newsdedup.pipeline.batch;

import io.newsdedup.pipeline.read.InputFile;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a batch run's input will fit in its heap, told before the run rather than after minutes
 * of collecting garbage.
 *
 * <p>The Direct runner (the default) holds every stage's data in the heap: measured on generated
 * news (100,000 articles, 424 MB of JSONL), a run with {@code -Xmx700m} runs out of memory and one
 * with {@code -Xmx1100m} just finishes, spending most of its time collecting garbage: it needs
 * about {@value #DIRECT_HEAP_PER_BYTE} bytes of heap per byte of input, and 150 MB besides
 * (gzip input counts {@value #GZIP_RATIO} times its size). Flink and Spark spill to disk, so
 * their heap does not follow the input.
 */
final class MemoryEstimate {
  private MemoryEstimate() {}

  static final double DIRECT_HEAP_PER_BYTE = 2.5;
  /** The heap a Direct-runner job takes before its data (measured: 49 MB fail at 128 MB). */
  static final long DIRECT_BASE_HEAP = 150L << 20;
  static final double GZIP_RATIO = 4;

  /** The input's size as read: each file once, gzip files by their estimated uncompressed size. */
  static long inputBytes(Collection<InputFile> files) {
    Map<String, Long> sizes = new HashMap<>();
    for (InputFile f : files) {
      long size = Math.max(0, f.sizeBytes());
      sizes.put(f.key(), f.resource().endsWith(".gz") ? (long) (size * GZIP_RATIO) : size);
    }
    return sizes.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A warning when {@code runner} is the Direct runner and the input needs more than the heap. */
  static Optional<String> warning(String runner, long inputBytes, long maxHeap) {
    if (!runner.equals("DirectRunner")) {
      return Optional.empty();
    }
    double needed = DIRECT_BASE_HEAP + inputBytes * DIRECT_HEAP_PER_BYTE;
    if (needed <= maxHeap) {
      return Optional.empty();
    }
    long suggestGb = (long) Math.ceil(needed * 1.2 / (1L << 30));
    return Optional.of(String.format(Locale.ROOT, "warning: the input is %s, and the Direct runner"
            + " (the default) needs about %s of heap for it (it holds every stage's data in"
            + " memory); this JVM's heap is %s, so the run is likely to run out of memory. Give it"
            + " more heap (java -Xmx%dg -jar news-dedup.jar ...) or run on Flink, which spills to"
            + " disk: --runner=FlinkRunner.",
        size(inputBytes), size((long) needed), size(maxHeap), suggestGb));
  }

  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%d MB", Math.round(bytes / (double) (1L << 20)));
  }
}
