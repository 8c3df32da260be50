package io.newsdedup.pipeline.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints where a running job is: the time since it started, what each stage has done so far ({@link
 * Progress}) and the heap in use, so that a long run shows it is moving and a stuck run shows it is
 * stuck. On a terminal it is one line, rewritten every {@link #TERMINAL_EVERY} and cleared at the
 * end; in a log, a line every {@link #LOG_EVERY} (a run shorter than that prints nothing).
 */
public final class ProgressLine implements AutoCloseable {
  public static final Duration TERMINAL_EVERY = Duration.ofSeconds(2);
  public static final Duration LOG_EVERY = Duration.ofSeconds(60);

  private final String command;
  private final PrintStream err;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private final long[] before = new long[Progress.values().length];
  private final Thread thread;
  private int width;
  private boolean closed;

  private ProgressLine(String command, PrintStream err, boolean terminal, Duration every) {
    this.command = command;
    this.err = err;
    this.terminal = terminal;
    for (Progress p : Progress.values()) {
      before[p.ordinal()] = p.done();
    }
    thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(every.toMillis());
                  print();
                }
              } catch (InterruptedException e) {
                // closed
              }
            },
            "news-dedup-progress");
    thread.setDaemon(true);
  }

  /** Starts printing on {@code err}: a rewritten line when the process runs on a terminal. */
  public static ProgressLine start(String command, PrintStream err) {
    boolean terminal = System.console() != null;
    return start(command, err, terminal, terminal ? TERMINAL_EVERY : LOG_EVERY);
  }

  public static ProgressLine start(
      String command, PrintStream err, boolean terminal, Duration every) {
    ProgressLine line = new ProgressLine(command, err, terminal, every);
    line.thread.start();
    return line;
  }

  private synchronized void print() {
    if (closed) {
      return;
    }
    long[] done = new long[before.length];
    for (Progress p : Progress.values()) {
      done[p.ordinal()] = p.done() - before[p.ordinal()];
    }
    Runtime rt = Runtime.getRuntime();
    String text =
        line(
            command,
            Duration.ofNanos(System.nanoTime() - startNanos),
            done,
            rt.totalMemory() - rt.freeMemory(),
            rt.maxMemory());
    if (terminal) {
      err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
      width = text.length();
    } else {
      err.println(text);
    }
    err.flush();
  }

  /** One progress line; {@code done} is indexed by {@link Progress#ordinal()}. */
  public static String line(
      String command, Duration elapsed, long[] done, long heapUsed, long heapMax) {
    StringBuilder b =
        new StringBuilder("news-dedup ")
            .append(command)
            .append(' ')
            .append(
                String.format(
                    Locale.ROOT, "%d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart()));
    for (Progress p : Progress.values()) {
      b.append(" · ")
          .append(p.label())
          .append(' ')
          .append(String.format(Locale.ROOT, "%,d", done[p.ordinal()]));
    }
    double gb = 1L << 30;
    return b.append(String.format(Locale.ROOT, " · heap %.1f/%.1f GB", heapUsed / gb, heapMax / gb))
        .toString();
  }

  /** Stops printing; on a terminal, clears the line. */
  @Override
  public synchronized void close() {
    closed = true;
    thread.interrupt();
    if (terminal && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
    }
  }
}
