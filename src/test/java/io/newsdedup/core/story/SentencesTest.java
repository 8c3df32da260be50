package io.newsdedup.core.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.shingle.Shingler;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.core.verify.Similarity;
import org.junit.jupiter.api.Test;

class SentencesTest {
  private final Shingler shingler = new Shingler(5);
  private final MatchRule rule = MatchRule.defaults();

  static final String ORIGINAL =
      "quantech electronics corp said it is investigating available means of raising additional"
          + " funds needed to finance continuing operations, but there is no assurance that it will"
          + " succeed.\n"
          + "the company said it continues to experience negative cash flow. today it reported a"
          + " loss for the third quarter ended december 31 of 561,029 dlrs, compared with a 114,712"
          + " dlr loss a year before.\n"
          + "quantech said it has received waivers from marine midland banks through may 26 on"
          + " covenants in its loan agreement, and that talks with the bank on new terms continue.";

  static final String REWORDED =
      "quantech electronics corp stated it is investigating available means of lifting extra funds"
          + " required to finance continuing operations, yet there is no assurance that it will now"
          + " succeed.\n"
          + "it continues to experience negative cash flow, the firm said. today it posted a loss"
          + " for the third quarter concluded december 31 of 561,029 dlrs, compared with a 114,712"
          + " dlr loss a year earlier.\n"
          + "quantech said that it has got waivers from marine midland banks through may 26 on"
          + " covenants in its loan agreement, and that talks with the lender on new terms go on.";

  private boolean reworded(String a, String b) {
    Similarity s = Similarity.exact(shingler.shingles(a), shingler.shingles(b));
    return rule.acceptsReworded(
        s,
        shingler.shingles(a).length,
        shingler.shingles(b).length,
        Sentences.of(a),
        Sentences.of(b));
  }

  @Test
  void aRewordedReprintAlignsSentenceBySentenceWhereShinglesFail() {
    Similarity s = Similarity.exact(shingler.shingles(ORIGINAL), shingler.shingles(REWORDED));
    assertFalse(rule.accepts(s, 60, 60), "the shingle thresholds miss it: " + s);
    Sentences a = Sentences.of(ORIGINAL);
    Sentences b = Sentences.of(REWORDED);
    assertEquals(4, a.fingerprints().length);
    assertEquals(4, a.aligned(b));
    assertTrue(reworded(ORIGINAL, REWORDED));
  }

  @Test
  void anotherStoryDoesNotAlign() {
    String other = StoryTexts.ENGLISH.story();
    assertEquals(0, Sentences.of(ORIGINAL).aligned(Sentences.of(other)));
    assertFalse(reworded(ORIGINAL, other));
  }

  @Test
  void thisWeeksFiguresInLastWeeksWordsAreAnotherReport() {
    String lastWeek =
        "u.s. oil demand rose 2.1 pct in the four weeks ended february 27 to 16.39 mln barrels per"
            + " day from 16.05 mln a year ago, the energy information administration said.\n"
            + "distillate demand was down 2.1 pct in the period to 3.37 mln bpd from 3.44 mln a"
            + " year earlier, the agency said in its weekly report.\n"
            + "gasoline demand averaged 6.60 mln bpd, up 2.4 pct from 6.44 mln last year, while"
            + " residual fuel demand was 1.47 mln bpd, up 1.9 pct.\n"
            + "refinery crude runs in the four weeks were 12.21 mln bpd, up 2.2 pct from 12 mln a"
            + " year earlier, it said.";
    String thisWeek =
        "u.s. oil demand rose 1.9 pct in the four weeks ended march 6 to 16.39 mln barrels per day"
            + " from 16.08 mln a year ago, the energy information administration said.\n"
            + "distillate demand was down 2.2 pct in the period to 3.33 mln bpd from 3.40 mln a"
            + " year earlier, the agency said in its weekly report.\n"
            + "gasoline demand averaged 6.75 mln bpd, up 3.3 pct from 6.53 mln last year, while"
            + " residual fuel demand was 1.40 mln bpd, off 2.7 pct.\n"
            + "refinery crude runs in the four weeks were 12.05 mln bpd, up 1.5 pct from 11.87 mln"
            + " a year earlier, it said.";
    Sentences a = Sentences.of(lastWeek);
    Sentences b = Sentences.of(thisWeek);
    assertTrue(a.numbersKept(b) < MatchRule.REWORDED_NUMBERS, "numbers kept " + a.numbersKept(b));
    assertFalse(reworded(lastWeek, thisWeek));
  }

  @Test
  void rewordedSentencesAlignInOtherLanguagesAndScripts() {
    String[][] pairs = {
      {
        "der stadtrat hat am dienstag ein neues radwegenetz für die innenstadt beschlossen.",
        "der stadtrat hat am dienstag ein neues radwegenetz für die innenstadt verabschiedet."
      },
      {
        "sejm przyjął w piątek ustawę, która zaostrza ochronę lasów państwowych przed wycinką.",
        "w piątek sejm przyjął ustawę, która wzmacnia ochronę lasów państwowych przed wycinką."
      },
      {
        "أعلنت الحكومة يوم الأحد عن خطة لبناء ثلاث محطات جديدة لتحلية مياه البحر على الساحل"
            + " الشرقي.",
        "كشفت الحكومة يوم الأحد عن خطة لبناء ثلاث محطات جديدة لتحلية مياه البحر في الساحل الشرقي."
      },
      {"江城地铁三号线今天上午正式开通运营，全长三十二公里，设站二十四座。", "江城地铁三号线今日上午正式开通运营，全长三十二公里，共设二十四座车站。"}
    };
    for (String[] p : pairs) {
      Sentences a = Sentences.of(p[0]);
      Sentences b = Sentences.of(p[1]);
      assertEquals(1, a.fingerprints().length, p[0]);
      assertEquals(1, a.aligned(b), p[0]);
    }
    // and across the languages' stories nothing aligns
    for (StoryTexts.Case x : StoryTexts.ALL) {
      for (StoryTexts.Case y : StoryTexts.ALL) {
        if (x != y) {
          assertEquals(
              0,
              Sentences.of(x.story()).aligned(Sentences.of(y.story())),
              x.language() + "/" + y.language());
        }
      }
    }
  }

  @Test
  void withoutTheRewordedCheckNothingIsAccepted() {
    MatchRule off = new MatchRule(MatchRule.Mode.JACCARD_OR_CONTAINMENT, 0.5, 0.8, 15);
    Similarity s = Similarity.exact(shingler.shingles(ORIGINAL), shingler.shingles(REWORDED));
    assertFalse(off.acceptsReworded(s, 60, 60, Sentences.of(ORIGINAL), Sentences.of(REWORDED)));
  }
}
