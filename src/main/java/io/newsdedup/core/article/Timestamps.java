package io.newsdedup.core.article;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses {@code published_at} values. Accepted, in this order: ISO-8601 with an offset or {@code Z}
 * ({@code 2024-05-01T10:00:00+02:00}), ISO-8601 without an offset (taken as UTC), a date only
 * (midnight UTC), the same with a space instead of {@code T}, RFC 1123 ({@code Wed, 01 May 2024
 * 10:00:00 GMT}), and epoch seconds or milliseconds (a number of 9–10 or 12–13 digits). Anything
 * else is "unparseable": the article is kept with no timestamp; so is a time before {@link
 * #EARLIEST} or from {@link #LATEST} on ({@code +999999999-12-31T23:59:59Z} is valid ISO-8601, but
 * no news story's time, and event-time arithmetic on it overflows).
 */
public final class Timestamps {
  private Timestamps() {}

  private static final Pattern EPOCH = Pattern.compile("\\d{9,13}(\\.\\d+)?");

  /** No accepted format is longer; a longer value is unparseable without trying them all. */
  static final int MAX_LENGTH = 100;

  private static final DateTimeFormatter SPACED_OFFSET =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private static final List<DateTimeFormatter> ZONED =
      List.of(DateTimeFormatter.RFC_1123_DATE_TIME, DateTimeFormatter.ISO_ZONED_DATE_TIME);

  /** The earliest time taken as a publication time. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** Times from this one on are not publication times. */
  public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  /** The instant, or null when the value is null, blank, unparseable or out of range. */
  public static Instant parse(String value) {
    Instant t = parseAnyTime(value);
    return t == null || t.isBefore(EARLIEST) || !t.isBefore(LATEST) ? null : t;
  }

  private static Instant parseAnyTime(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.isEmpty() || v.length() > MAX_LENGTH) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException ignored) {
      // next format
    }
    try {
      return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException ignored) {
      // next format
    }
    try {
      return LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant();
    } catch (DateTimeException ignored) {
      // next format
    }
    try {
      var parsed = SPACED_OFFSET.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime o
          ? o.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException ignored) {
      // next format
    }
    for (DateTimeFormatter f : ZONED) {
      try {
        return ZonedDateTime.parse(v, f).toInstant();
      } catch (DateTimeException ignored) {
        // next format
      }
    }
    if (EPOCH.matcher(v).matches()) {
      double n = Double.parseDouble(v);
      long millis = v.indexOf('.') < 0 && v.length() >= 12 ? (long) n : (long) (n * 1000);
      return Instant.ofEpochMilli(millis);
    }
    return null;
  }
}
