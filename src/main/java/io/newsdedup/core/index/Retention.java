package io.newsdedup.core.index;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an article stays in the stream index, in event time: it is forgotten once the watermark
 * passes its event time plus the retention. Expiry times are rounded up to a {@link
 * #granularityMillis() granularity} of 1/1024 of the retention (at least a second, at most an
 * hour), so that articles expire in batches and the index keeps at most about a thousand pending
 * expiry times. {@link #FOREVER} keeps everything (state grows without bound).
 *
 * @param millis the retention; 0 for {@link #FOREVER}
 */
public record Retention(long millis) implements Serializable {
  public static final Retention FOREVER = new Retention(0);

  /** The expiry time of an article kept forever. */
  public static final long NEVER = Long.MAX_VALUE;

  private static final Pattern SPEC = Pattern.compile("(\\d{1,12})([dhms])");

  /**
   * The latest expiry time: the end of event time in a stream job, the last timestamp of Beam's
   * global window ({@code GlobalWindow.INSTANCE.maxTimestamp()}, a day before the end of time; a
   * pipeline test checks the two agree). An event-time timer set later would never fire.
   */
  public static final long LATEST_EXPIRY = Long.MAX_VALUE / 1000 - 86_400_000L;

  public Retention {
    if (millis < 0) {
      throw new IllegalArgumentException("retention must be >= 0: " + millis);
    }
  }

  /**
   * Parses {@code 7d}, {@code 36h}, {@code 90m}, {@code 45s} (days, hours, minutes, seconds), or
   * {@code 0} for forever.
   *
   * @throws IllegalArgumentException on anything else
   */
  public static Retention parse(String spec) {
    String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("0")) {
      return FOREVER;
    }
    Matcher m = SPEC.matcher(s);
    // At most 100,000 years: beyond it every article is kept anyway, and sums cannot overflow.
    if (!m.matches() || m.group(1).length() > 8 || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException(
          "--indexRetention must be a positive number (at most 8 digits) with a unit d, h, m or s"
              + " (7d, 36h, 90m), or 0 to keep every article: \""
              + spec
              + "\"");
    }
    long unit =
        switch (m.group(2)) {
          case "d" -> 86_400_000L;
          case "h" -> 3_600_000L;
          case "m" -> 60_000L;
          default -> 1_000L;
        };
    return new Retention(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
  }

  public boolean forever() {
    return millis == 0;
  }

  /** Expiry times are multiples of this: retention / 1024, between 1 s and 1 h. */
  public long granularityMillis() {
    return Math.max(1_000L, Math.min(3_600_000L, millis / 1024));
  }

  /**
   * When an article of this event time leaves the index: event time + retention, rounded up to the
   * granularity; {@link #NEVER} when kept forever or beyond the end of time.
   */
  public long expiryOf(long eventTimeMillis) {
    if (forever()) {
      return NEVER;
    }
    long g = granularityMillis();
    if (eventTimeMillis > LATEST_EXPIRY - g - millis) { // event time + retention, without overflow
      return NEVER;
    }
    long at = eventTimeMillis + millis;
    if (at > LATEST_EXPIRY - g) {
      return NEVER;
    }
    return Math.floorDiv(at + g - 1, g) * g;
  }

  @Override
  public String toString() {
    if (forever()) {
      return "0 (forever)";
    }
    for (long[] u : new long[][] {{86_400_000L, 'd'}, {3_600_000L, 'h'}, {60_000L, 'm'}}) {
      if (millis % u[0] == 0) {
        return millis / u[0] + String.valueOf((char) u[1]);
      }
    }
    return millis / 1000 + "s";
  }
}
