package io.newsdedup.report;

import java.time.Instant;
import java.util.Locale;

/** Number, percentage, duration and time formats of the pages. */
final class Fmt {
  private Fmt() {}

  static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  static String sim(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** A signed duration: "45 s", "12 min", "3 h 05 min", "2 d 4 h"; negative with "−". */
  static String lag(Long seconds) {
    if (seconds == null) {
      return "—";
    }
    long s = Math.abs(seconds);
    String sign = seconds < 0 ? "−" : "";
    if (s < 60) {
      return sign + s + " s";
    }
    if (s < 3600) {
      return sign + (s / 60) + " min";
    }
    if (s < 86_400) {
      return sign
          + (s / 3600)
          + " h "
          + String.format(Locale.ROOT, "%02d", (s % 3600) / 60)
          + " min";
    }
    return sign + (s / 86_400) + " d " + ((s % 86_400) / 3600) + " h";
  }

  /** "2025-03-04 09:15 UTC" or "—". */
  static String time(Instant t) {
    if (t == null) {
      return "—";
    }
    String s = t.toString();
    return s.length() >= 16 ? s.substring(0, 10) + " " + s.substring(11, 16) + " UTC" : s;
  }

  /** Seconds as "9.3 s", "4 min 12 s", "1 h 02 min". */
  static String wall(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
  }
}
