package io.newsdedup.eval.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Timestamp formatting for generated articles. */
final class Times {
  private Times() {}

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  /** ISO-8601 with seconds and an offset, "Z" for UTC: "2025-03-04T11:15:00+02:00". */
  static String format(Instant t, ZoneOffset offset) {
    return t == null ? null : ISO.format(t.atOffset(offset));
  }
}
