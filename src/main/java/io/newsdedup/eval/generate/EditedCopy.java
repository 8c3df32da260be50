package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link CopyKind#EDITED}: a paper's lightly edited version: two to four words or phrases
 * substituted, one sentence dropped, one local paragraph added, the dateline sometimes dropped and
 * the headline sometimes touched; published 2–48 hours after the original.
 */
final class EditedCopy {
  private EditedCopy() {}

  private static final Map<String, List<String[]>> SUBSTITUTIONS =
      Map.of(
          "en",
              List.of(
                  new String[] {"percent", "per cent"},
                  new String[] {"more than", "over"},
                  new String[] {"about", "around"},
                  new String[] {"officials", "authorities"},
                  new String[] {"residents", "locals"},
                  new String[] {"expected to", "likely to"},
                  new String[] {"began", "started"},
                  new String[] {"told reporters", "told journalists"},
                  new String[] {"U.S.", "US"},
                  new String[] {"because", "as"},
                  new String[] {"approximately", "about"},
                  new String[] {"several", "a number of"},
                  new String[] {"also ", ""},
                  new String[] {"announced", "unveiled"},
                  new String[] {
                    "said on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", "said $1"
                  },
                  new String[] {"however", "though"},
                  new String[] {"children", "youngsters"},
                  new String[] {"company", "firm"},
                  new String[] {"government", "administration"}),
          "es",
              List.of(
                  new String[] {"dijo", "afirmó"},
                  new String[] {"señaló", "indicó"},
                  new String[] {"aseguró", "sostuvo"},
                  new String[] {"informaron", "indicaron"},
                  new String[] {"además", "asimismo"},
                  new String[] {"por ciento", "%"},
                  new String[] {"viviendas", "casas"}),
          "ru",
              List.of(
                  new String[] {"сообщил", "заявил"}, new String[] {"отметил", "подчеркнул"},
                  new String[] {"более", "свыше"}, new String[] {"около", "порядка"},
                  new String[] {"также ", ""}, new String[] {"компании", "фирмы"}));

  private static final List<String> LOCAL_EN =
      List.of(
          "{Place} officials said they were following the developments and would update residents"
              + " later in the week.",
          "Several {place} business owners contacted by {paper} said it was too early to judge what"
              + " the news would mean for them.",
          "{Paper} has contacted local officials in {place} for comment and will update this"
              + " story.",
          "Community leaders in {place} said they planned to discuss the issue at a public meeting"
              + " next month.",
          "A spokesperson for the {place} chamber of commerce told {paper} that members were"
              + " watching the situation closely.");
  private static final List<String> LOCAL_ES =
      List.of(
          "Autoridades de {place} dijeron que siguen de cerca la situación y que informarán a los"
              + " vecinos en los próximos días.",
          "Comerciantes consultados por {paper} señalaron que aún es pronto para medir el impacto"
              + " en {place}.");
  private static final List<String> LOCAL_RU =
      List.of(
          "Местные власти сообщили, что следят за ситуацией и проинформируют жителей в ближайшие"
              + " дни.",
          "Опрошенные изданием «{paper}» предприниматели сказали, что оценивать последствия для"
              + " региона пока рано.");

  static Draft make(Story story, Draft original, Outlets.Outlet paper, SplittableRandom rng) {
    List<String> paras = new ArrayList<>(original.storyParagraphs());
    if (story.isWire() && Texts.chance(rng, 0.5)) {
      paras.set(0, story.paragraphs().get(0));
    }
    substitute(paras, story.language(), 2 + rng.nextInt(3), rng);
    dropSentence(paras, rng);
    List<Block> blocks = new ArrayList<>();
    for (String p : paras) {
      blocks.add(new Block.Para(p));
    }
    int at =
        paras.size() < 2
            ? paras.size()
            : paras.size() / 2 + rng.nextInt(paras.size() - paras.size() / 2 + 1);
    blocks.add(at, new Block.Added(localParagraph(story.language(), paper, rng)));
    String title = story.title();
    if (Texts.chance(rng, 0.5)) {
      title = Headlines.synonyms(title, rng);
    }
    Instant t =
        original.publishedAt == null
            ? null
            : original.publishedAt.plus(Duration.ofSeconds(7200 + rng.nextLong(46 * 3600)));
    return new Draft(story, CopyKind.EDITED, paper, title, blocks, t, rng.split());
  }

  /** Replaces one occurrence each of up to {@code count} phrases found in the paragraphs. */
  static void substitute(List<String> paras, String lang, int count, SplittableRandom rng) {
    List<String[]> table = new ArrayList<>(SUBSTITUTIONS.getOrDefault(lang, List.of()));
    int done = 0;
    while (done < count && !table.isEmpty()) {
      String[] sub = table.remove(rng.nextInt(table.size()));
      String after = sub[0].endsWith(" ") ? "" : "(?![\\p{L}\\p{N}])";
      Pattern p =
          Pattern.compile("(?<![\\p{L}\\p{N}])" + sub[0] + after, Pattern.UNICODE_CHARACTER_CLASS);
      List<Integer> hits = new ArrayList<>();
      for (int i = 0; i < paras.size(); i++) {
        if (p.matcher(paras.get(i)).find()) {
          hits.add(i);
        }
      }
      if (hits.isEmpty()) {
        continue;
      }
      int i = hits.get(rng.nextInt(hits.size()));
      Matcher m = p.matcher(paras.get(i));
      String replaced = m.replaceFirst(sub[1]);
      if (!replaced.isBlank()) {
        paras.set(i, replaced);
        done++;
      }
    }
  }

  /**
   * Drops one non-first sentence of a paragraph that has at least two (not the first paragraph).
   */
  static void dropSentence(List<String> paras, SplittableRandom rng) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 1; i < paras.size(); i++) {
      if (Texts.sentences(paras.get(i)).size() >= 2) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    int i = candidates.get(rng.nextInt(candidates.size()));
    List<String> s = new ArrayList<>(Texts.sentences(paras.get(i)));
    s.remove(1 + rng.nextInt(s.size() - 1));
    paras.set(i, String.join(" ", s));
  }

  private static String localParagraph(String lang, Outlets.Outlet paper, SplittableRandom rng) {
    String place = paper.place() != null ? paper.place() : "the region";
    String ref = paper.name().startsWith("The ") ? paper.name() : "the " + paper.name();
    List<String> pool =
        switch (lang) {
          case "es" -> LOCAL_ES;
          case "ru" -> LOCAL_RU;
          default -> LOCAL_EN;
        };
    String s = Texts.pick(rng, pool);
    String refCap = Character.toUpperCase(ref.charAt(0)) + ref.substring(1);
    String placeCap = Character.toUpperCase(place.charAt(0)) + place.substring(1);
    String out =
        s.replace("{Place}", placeCap)
            .replace("{place}", place)
            .replace("{Paper}", refCap)
            .replace("{paper}", "en".equals(lang) ? ref : paper.name());
    return "es".equals(lang) ? out.replace(" de el ", " del ").replace(" a el ", " al ") : out;
  }
}
