package io.newsdedup.eval.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Wire dateline prefixes ("NAIROBI (AP) — ") and the place names taken from a dateline. */
final class Datelines {
  private Datelines() {}

  static final List<String> MONTHS_EN =
      List.of(
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");
  static final List<String> MONTHS_ES =
      List.of(
          "enero",
          "febrero",
          "marzo",
          "abril",
          "mayo",
          "junio",
          "julio",
          "agosto",
          "septiembre",
          "octubre",
          "noviembre",
          "diciembre");
  static final List<String> MONTHS_RU_GEN =
      List.of(
          "января",
          "февраля",
          "марта",
          "апреля",
          "мая",
          "июня",
          "июля",
          "августа",
          "сентября",
          "октября",
          "ноября",
          "декабря");

  /**
   * The agency dateline that starts a wire story's first paragraph: "CITY (AP) — ", "CITY, March 4
   * (Reuters) - ", "CITY (AFP) - " (Russian Reuters copy: "CITY, 4 марта (Рейтер) - "); empty when
   * the story is not wire copy of a known agency or has no dateline.
   */
  static String wirePrefix(Story story, Instant publishedAt) {
    Outlets.Outlet agency = Outlets.agency(story.source());
    if (!story.isWire() || agency == null || story.dateline() == null) {
      return "";
    }
    String city = city(story.dateline()).toUpperCase(Locale.ROOT);
    LocalDate day = publishedAt == null ? null : publishedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    switch (agency.name()) {
      case "AP":
        return city + " (AP) — ";
      case "Reuters":
        if (day == null) {
          return city + " (Reuters) - ";
        }
        if ("ru".equals(story.language())) {
          return city
              + ", "
              + day.getDayOfMonth()
              + " "
              + MONTHS_RU_GEN.get(day.getMonthValue() - 1)
              + " (Рейтер) - ";
        }
        return city
            + ", "
            + MONTHS_EN.get(day.getMonthValue() - 1)
            + " "
            + day.getDayOfMonth()
            + " (Reuters) - ";
      default:
        return city + " (AFP) - ";
    }
  }

  /** The city of a dateline: the part before the first comma. */
  static String city(String dateline) {
    int comma = dateline.indexOf(',');
    return (comma < 0 ? dateline : dateline.substring(0, comma)).strip();
  }

  /** The country or region of a dateline (after the first comma), or null. */
  static String country(String dateline) {
    if (dateline == null) {
      return null;
    }
    int comma = dateline.indexOf(',');
    return comma < 0 ? null : dateline.substring(comma + 1).strip();
  }

  /** "NAIROBI" → "Nairobi", "SAN JOSÉ" → "San José"; text already in mixed case is kept. */
  static String titleCase(String s) {
    if (!s.equals(s.toUpperCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    boolean start = true;
    for (char c : s.toCharArray()) {
      sb.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return sb.toString();
  }
}
