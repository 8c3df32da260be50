package io.newsdedup.report;

/**
 * A report that cannot be written, with a one-line message for the user. {@link #exitCode()} is 2
 * for a usage error (a missing or wrong directory, a bad option) and 1 for outputs that cannot be
 * read or a report that cannot be written.
 */
public final class ReportException extends RuntimeException {
  private final int exitCode;

  private ReportException(String message, Throwable cause, int exitCode) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A mistake on the command line: exit code 2. */
  public static ReportException usage(String message) {
    return new ReportException(message, null, 2);
  }

  /** Unreadable or inconsistent content, or an I/O failure: exit code 1. */
  public static ReportException failed(String message) {
    return new ReportException(message, null, 1);
  }

  /** As {@link #failed(String)}, keeping the cause for debugging (never shown to the user). */
  public static ReportException failed(String message, Throwable cause) {
    return new ReportException(message, cause, 1);
  }

  public int exitCode() {
    return exitCode;
  }
}
