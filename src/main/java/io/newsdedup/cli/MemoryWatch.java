package io.newsdedup.cli;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Ends a JVM whose heap thrashes: full, and collected over and over, for good.
 *
 * <p>G1 (the JVM's default collector, which {@code stream} keeps) does not throw {@code
 * OutOfMemoryError} while a collection frees a little: a job whose data no longer fits runs on for
 * minutes with nine tenths of its time in collections (measured: 100,000 articles at {@code
 * -Xmx700m} on the Direct runner, four minutes before the first {@code OutOfMemoryError}). Sampled
 * every second: when the collectors' pauses took at least {@link #GC_SHARE} of the last {@link
 * #WINDOW_SECONDS} seconds and the heap is still at least {@link #FULL} full after the latest
 * collection, the run cannot finish: this says so and halts the JVM with {@link
 * Supervisor#OUT_OF_MEMORY}, the status of an {@code OutOfMemoryError}.
 */
final class MemoryWatch {
  private MemoryWatch() {}

  static final int WINDOW_SECONDS = 30;
  static final double GC_SHARE = 0.8;
  static final double FULL = 0.9;

  /** One second's sample: wall time, the collectors' total time, the heap full after GC. */
  record Sample(long wallMillis, long gcMillis, double fullAfterGc) {}

  /** Starts the watch on a daemon thread. */
  static void start(PrintStream err) {
    Thread t = new Thread(() -> watch(err), "news-dedup-memory-watch");
    t.setDaemon(true);
    t.start();
  }

  private static void watch(PrintStream err) {
    Deque<Sample> window = new ArrayDeque<>();
    while (true) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      window.addLast(sample());
      String verdict = thrashing(window);
      if (verdict != null) {
        err.println("news-dedup: " + verdict);
        err.flush();
        Runtime.getRuntime().halt(Supervisor.OUT_OF_MEMORY);
      }
    }
  }

  /**
   * Why the heap counts as thrashing over {@code window} (oldest first; samples older than the
   * window are dropped from it), or null.
   */
  static String thrashing(Deque<Sample> window) {
    Sample last = window.peekLast();
    while (window.size() > 1
        && last.wallMillis() - window.peekFirst().wallMillis() > WINDOW_SECONDS * 1000L) {
      window.removeFirst();
    }
    Sample first = window.peekFirst();
    long wall = last.wallMillis() - first.wallMillis();
    if (wall < (WINDOW_SECONDS - 1) * 1000L) {
      return null;
    }
    double share = (double) (last.gcMillis() - first.gcMillis()) / wall;
    if (share < GC_SHARE || last.fullAfterGc() < FULL) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "the Java heap is exhausted: garbage collection took %.0f%%"
            + " of the last %d s, and the heap is still %.0f%% full after it",
        100 * share,
        wall / 1000,
        100 * last.fullAfterGc());
  }

  private static Sample sample() {
    long gc = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, bean.getCollectionTime());
    }
    return new Sample(System.nanoTime() / 1_000_000, gc, fullAfterGc());
  }

  /** The share of the maximum heap the heap pools still used after their latest collection. */
  private static double fullAfterGc() {
    long max = Runtime.getRuntime().maxMemory();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
      }
    }
    return max > 0 ? (double) used / max : 0;
  }
}
