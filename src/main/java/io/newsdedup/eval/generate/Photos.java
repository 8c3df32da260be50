package io.newsdedup.eval.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Made-up photo captions and credits in the styles agencies and papers use. */
final class Photos {
  private Photos() {}

  private static final List<String> SCENES_EN =
      List.of(
          "A general view of the city centre", "People walk along a main street",
          "Officials arrive for a news conference",
              "Journalists wait outside a government building",
          "Residents gather near the scene", "Traffic moves past the main square",
          "A woman checks her phone at a bus stop", "Police officers stand guard outside the venue",
          "Commuters queue at a station", "Workers walk past the company's headquarters");
  private static final List<String> SCENES_ES =
      List.of(
          "Vista general del centro de la ciudad", "Personas caminan por una calle principal",
          "Vecinos se reúnen cerca del lugar", "Funcionarios llegan a una rueda de prensa");
  private static final List<String> TOPICS =
      List.of(
          "POLITICS",
          "ECONOMY",
          "WEATHER",
          "SPORT",
          "HEALTH",
          "SCIENCE",
          "TRANSPORT",
          "DIPLOMACY",
          "BUSINESS",
          "DISASTER");

  /** A photo block for {@code story} taken on the day of {@code when} (or undated). */
  static Block.Photo photo(Story story, Instant when, SplittableRandom rng) {
    String place =
        story.dateline() == null ? null : Datelines.titleCase(Datelines.city(story.dateline()));
    String country = Datelines.country(story.dateline());
    LocalDate day = when == null ? null : when.atOffset(ZoneOffset.UTC).toLocalDate();
    String name = Texts.pick(rng, Outlets.PHOTOGRAPHERS);
    String credit = credit(story, name, rng);
    String slugLine = null;
    if (Texts.chance(rng, 0.5)) {
      String c = country != null ? country : place != null ? place : "WORLD";
      slugLine = Texts.slug(c, 3).toUpperCase(Locale.ROOT) + "-" + Texts.pick(rng, TOPICS);
    }
    String caption;
    if ("es".equals(story.language())) {
      caption =
          Texts.pick(rng, SCENES_ES)
              + (place == null ? "" : " en " + place)
              + (day == null
                  ? ""
                  : ", el "
                      + day.getDayOfMonth()
                      + " de "
                      + Datelines.MONTHS_ES.get(day.getMonthValue() - 1)
                      + " de "
                      + day.getYear())
              + ".";
    } else if ("en".equals(story.language())) {
      caption =
          Texts.pick(rng, SCENES_EN)
              + (place == null ? "" : " in " + place)
              + (day == null
                  ? ""
                  : " on "
                      + Datelines.MONTHS_EN.get(day.getMonthValue() - 1)
                      + " "
                      + day.getDayOfMonth()
                      + ", "
                      + day.getYear())
              + ".";
    } else {
      caption = "Фото: " + name;
      slugLine = null;
    }
    return new Block.Photo(slugLine, caption, credit);
  }

  private static String credit(Story story, String name, SplittableRandom rng) {
    Outlets.Outlet agency = Outlets.agency(story.source());
    String who = agency == null ? Texts.pick(rng, List.of("AP", "Reuters", "AFP")) : agency.name();
    if (Texts.chance(rng, 0.25)) {
      who = Texts.pick(rng, List.of("AP", "Reuters", "AFP"));
    }
    return switch (who) {
      case "AP" -> "(AP Photo/" + name + ")";
      case "Reuters" -> "REUTERS/" + name;
      default -> name.toUpperCase(Locale.ROOT) + "/AFP via Getty Images";
    };
  }
}
