package io.newsdedup.pipeline.batch;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 30d}, {@code 36h}, {@code 90m}, {@code 45s}, or ISO-8601. */
public final class Durations {
  private Durations() {}

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([dhms])");

  public static Duration parse(String value, String option) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(v);
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      };
    } else {
      try {
        d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new UsageException(option + " must look like 30d, 36h, 90m or P30D: " + value);
      }
    }
    if (d.isNegative() || d.isZero()) {
      throw new UsageException(option + " must be positive: " + value);
    }
    return d;
  }
}
