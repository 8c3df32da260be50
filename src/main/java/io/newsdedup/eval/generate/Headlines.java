package io.newsdedup.eval.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a headline the way a paper re-headlines a reprint: swaps headline verbs for synonyms,
 * cuts a trailing clause, or uses a template with a place or local angle. The result always differs
 * from the input.
 */
final class Headlines {
  private Headlines() {}

  private static final String[][] SYNONYMS = {
    {"holds", "keeps"},
    {"cuts", "trims"},
    {"raises", "lifts"},
    {"rises", "climbs"},
    {"falls", "drops"},
    {"wins", "claims"},
    {"approves", "backs"},
    {"rejects", "turns down"},
    {"hits", "strikes"},
    {"launches", "rolls out"},
    {"plans", "eyes"},
    {"warns", "cautions"},
    {"announces", "unveils"},
    {"signs", "inks"},
    {"reports", "posts"},
    {"boosts", "lifts"},
    {"blocks", "halts"},
    {"urges", "presses"},
    {"amid", "as"},
    {"after", "following"},
    {"orders", "tells"},
    {"says", "insists"},
    {"seeks", "wants"},
    {"slump", "slide"},
    {"surge", "jump"},
    {"talks", "negotiations"},
    {"lawmakers", "legislators"},
    {"begins", "starts"},
    {"ends", "wraps up"}
  };

  private static final Pattern CUT =
      Pattern.compile("^(.{20,}?)(?:,| as | after | amid | while | — | - |: )");

  /** A different headline for {@code title}, in the story's language where templates exist. */
  static String rewrite(String title, Story story, Outlets.Outlet paper, SplittableRandom rng) {
    String country = Datelines.country(story.dateline());
    String city =
        story.dateline() == null ? null : Datelines.titleCase(Datelines.city(story.dateline()));
    String place = country != null ? country : city;
    List<Supplier<String>> options = new ArrayList<>();
    switch (story.language()) {
      case "es" -> {
        if (place != null && !mentions(title, place)) {
          options.add(() -> place + ": " + title);
        }
        options.add(() -> "Última hora: " + title);
        options.add(() -> title + ", según las autoridades");
      }
      case "ru" -> {
        if (place != null && !mentions(title, place)) {
          options.add(() -> place + ": " + title);
        }
        options.add(() -> "Главное: " + title);
        options.add(() -> title + " — подробности");
      }
      default -> {
        String syn = synonyms(title, rng);
        if (!syn.equals(title)) {
          options.add(() -> syn);
          options.add(() -> syn);
        }
        Matcher m = CUT.matcher(title);
        if (m.find() && Texts.wordCount(m.group(1)) >= 4) {
          options.add(() -> m.group(1).strip());
        }
        if (place != null && !mentions(title, place)) {
          options.add(() -> place + ": " + title);
        }
        options.add(() -> "What to know: " + title);
        options.add(() -> "Update: " + title);
        if (!title.toLowerCase(Locale.ROOT).matches(".*\\bsays?\\b.*")) {
          options.add(() -> title + ", officials say");
        }
        if (story.isWire()) {
          options.add(() -> "WORLD BRIEFS | " + title);
        } else if (paper != null && paper.place() != null) {
          options.add(() -> "From our partners: " + title);
        }
      }
    }
    String out = Texts.pick(rng, options).get();
    return out.equals(title) ? "Update: " + title : out;
  }

  /** True when the headline already names the place (ignoring case and a possessive). */
  private static boolean mentions(String title, String place) {
    String t = title.toLowerCase(Locale.ROOT);
    String p = place.toLowerCase(Locale.ROOT);
    return t.contains(p) || (p.length() > 5 && t.contains(p.substring(0, p.length() - 2)));
  }

  /**
   * Replaces up to two headline verbs/nouns by synonyms (whole words, keeping a leading capital).
   */
  static String synonyms(String title, SplittableRandom rng) {
    String out = title;
    int done = 0;
    int start = rng.nextInt(SYNONYMS.length);
    for (int i = 0; i < SYNONYMS.length && done < 2; i++) {
      String[] pair = SYNONYMS[(start + i) % SYNONYMS.length];
      Pattern p = Pattern.compile("\\b(?i:" + Pattern.quote(pair[0]) + ")\\b");
      Matcher m = p.matcher(out);
      if (m.find()) {
        String found = m.group();
        String rep =
            Character.isUpperCase(found.charAt(0))
                ? Character.toUpperCase(pair[1].charAt(0)) + pair[1].substring(1)
                : pair[1];
        out = out.substring(0, m.start()) + rep + out.substring(m.end());
        done++;
      }
    }
    return out;
  }
}
