package io.newsdedup.pipeline.batch;

import io.newsdedup.pipeline.read.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The heap a batch job on the Direct runner needs for its input, told before the run rather than
 * after minutes of collecting garbage ({@code cli.HeapChoice} sizes the job's JVM by it).
 *
 * <p>The Direct runner (the default) holds every stage's data in the heap. Measured on generated
 * news (100,000 articles, 424 MB of JSONL), a run with {@code -Xmx700m} runs out of memory and one
 * with {@code -Xmx1100m} just finishes, spending most of its time collecting garbage; 1,000,000
 * one-line records of 63 bytes run in 2 GB; 12,000 articles (49 MB) fail at 128 MB. Hence {@link
 * #DIRECT_BASE_HEAP}, {@value #DIRECT_HEAP_PER_BYTE} bytes of heap per byte of input (gzip input
 * counts {@value #GZIP_RATIO} times its size) and {@link #DIRECT_HEAP_PER_RECORD} per record. Flink
 * and Spark spill to disk, so their heap does not follow the input.
 */
public final class MemoryEstimate {
  private MemoryEstimate() {}

  /** The heap a Direct-runner job takes before its data. */
  static final long DIRECT_BASE_HEAP = 150L << 20;

  static final double DIRECT_HEAP_PER_BYTE = 2.5;

  /** The heap a Direct-runner job takes per record besides its bytes (its sketch, its indexes). */
  static final long DIRECT_HEAP_PER_RECORD = 2048;

  static final double GZIP_RATIO = 4;

  /**
   * The heap a Direct-runner job over {@code files} needs: {@link #DIRECT_BASE_HEAP}, {@link
   * #DIRECT_HEAP_PER_BYTE} per byte and {@link #DIRECT_HEAP_PER_RECORD} per record (a JSONL file's
   * records estimated from the lines of its first 256 KB).
   */
  public static long directHeap(Collection<InputFile> files) {
    return (long)
        (DIRECT_BASE_HEAP
            + inputBytes(files) * DIRECT_HEAP_PER_BYTE
            + records(files) * DIRECT_HEAP_PER_RECORD);
  }

  /** About how many records the files hold, each file once. */
  public static double records(Collection<InputFile> files) {
    Map<String, InputFile> unique = new HashMap<>();
    files.forEach(f -> unique.putIfAbsent(f.key(), f));
    return unique.values().stream().mapToDouble(MemoryEstimate::records).sum();
  }

  /**
   * About how many records a file holds: one for a page or text, or for what is not a regular file
   * (a FIFO is never opened: it would block), its lines for JSONL.
   */
  static double records(InputFile f) {
    String name = f.resource().toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
    if (!f.problem().isEmpty()
        || (!name.endsWith(".jsonl") && !name.endsWith(".ndjson") && !name.endsWith(".json"))) {
      return 1;
    }
    boolean gzip = f.resource().endsWith(".gz");
    long size = (long) (Math.max(0, f.sizeBytes()) * (gzip ? GZIP_RATIO : 1));
    try {
      Path path = Path.of(f.resource());
      if (!Files.isRegularFile(path)) {
        return 1;
      }
      try (InputStream raw = Files.newInputStream(path);
          InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
        byte[] sample = in.readNBytes(256 << 10);
        long lines = 0;
        for (byte b : sample) {
          if (b == '\n') {
            lines++;
          }
        }
        return lines == 0 ? 1 : (double) size * lines / sample.length;
      }
    } catch (IOException | RuntimeException e) {
      return size / 4096.0; // unreadable here (the run rejects it) or not a local path
    }
  }

  /** The input's size as read: each file once, gzip files by their estimated uncompressed size. */
  public static long inputBytes(Collection<InputFile> files) {
    Map<String, Long> sizes = new HashMap<>();
    for (InputFile f : files) {
      long size = Math.max(0, f.sizeBytes());
      sizes.put(f.key(), f.resource().endsWith(".gz") ? (long) (size * GZIP_RATIO) : size);
    }
    return sizes.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * A warning when {@code runner} is the Direct runner and the input ({@code inputBytes}, needing
   * {@code needed}: {@link #directHeap}) needs more than the heap.
   */
  static Optional<String> warning(String runner, Collection<InputFile> files, long maxHeap) {
    if (!runner.equals("DirectRunner")) { // no file is read for another runner
      return Optional.empty();
    }
    return warning(runner, inputBytes(files), directHeap(files), maxHeap);
  }

  /** {@link #warning(String, Collection, long)} for an input of known size and need. */
  static Optional<String> warning(String runner, long inputBytes, long needed, long maxHeap) {
    if (!runner.equals("DirectRunner") || needed <= maxHeap) {
      return Optional.empty();
    }
    long suggestGb = (long) Math.ceil(needed * 1.2 / (1L << 30));
    return Optional.of(
        String.format(
            Locale.ROOT,
            "warning: the input is %s, and the Direct runner (the default) needs about %s of heap"
                + " for it (it holds every stage's data in memory); this JVM's heap is %s, so the"
                + " run is likely to run out of memory. Give it more heap (java -Xmx%dg -jar"
                + " news-dedup.jar ...) or run on Flink, which spills to disk:"
                + " --runner=FlinkRunner.",
            size(inputBytes),
            size(needed),
            size(maxHeap),
            suggestGb));
  }

  public static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%d MB", Math.round(bytes / (double) (1L << 20)));
  }
}
