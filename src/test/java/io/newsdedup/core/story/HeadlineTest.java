package io.newsdedup.core.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeadlineTest {

  private static int terms(String title) {
    return Headline.of(title, null).terms().length;
  }

  @Test
  void functionWordsNumbersAndShortWordsAreNoTerms() {
    // kenya, central, bank, holds, rates, inflation, eases; not "as", "'s", numbers
    assertEquals(7, terms("Kenya's central bank holds rates as inflation eases"));
    assertEquals(terms("Bank holds rates"), terms("The bank holds rates with 2024 in it"));
    // über, für, nach are function words; stadt(rat), innenstadt, ...
    assertEquals(
        terms("Stadtrat beschließt Radwegenetz Innenstadt"),
        terms("Stadtrat beschließt über das Radwegenetz für die Innenstadt"));
    assertEquals(terms("Sejm przyjął ustawę"), terms("Sejm przyjął przez aklamację ustawę") - 1);
  }

  @Test
  void wordsMeetByTheirFirstLetters() {
    Headline h = Headline.of("Rates rise", null);
    Coverage c = Coverage.of(h, "the bank raised its rate, and prices rose.");
    assertEquals(2, h.size());
    assertFalse(c.templateOnly(), "rate/rates and raised/rise meet by their first four letters");
    // Polish inflection: ustawę / ustawą / ustawa
    assertArrayEquals(
        Headline.of("ustawę przyjęto", null).terms(), Headline.of("ustawa przyjęta", null).terms());
  }

  @Test
  void arabicArticleAndConjunctionAreDroppedAndLettersUnified() {
    assertArrayEquals(
        Headline.of("الحكومة الجديدة", null).terms(), Headline.of("والحكومة جديدة", null).terms());
    assertArrayEquals(
        Headline.of("أعلن الوزير", null).terms(), Headline.of("اعلن وزير", null).terms());
  }

  @Test
  void chineseIsReadAsCharacterPairs() {
    // 江城 城地 地铁 铁三 三号 号线 线正 正式 式开 开通 通运 运营
    assertEquals(12, terms("江城地铁三号线正式开通运营"));
    assertTrue(Headline.of("我们", null).terms().length == 0, "a function word");
  }

  @Test
  void theSourceIsNoTermWhereverItStands() {
    long[] plain = Headline.of("Port strike enters its third day", null).terms();
    assertArrayEquals(
        plain,
        Headline.of("Port strike enters its third day | The Harbour Times", "Harbour Times")
            .terms());
    assertArrayEquals(
        plain,
        Headline.of("Harbour Times: port strike enters its third day", "harbourtimes.com").terms());
    assertFalse(Headline.of("Harbour Times", "Harbour Times").informative());
    // a site's name in another script, spelled as the terms are (taa marbuta, the article)
    assertArrayEquals(
        Headline.of("Venezuela sets foreign debt targets", null).terms(),
        Headline.of("Venezuela sets foreign debt targets - بوابة الواحة", "بوابة الواحة").terms());
  }

  @Test
  void headlinesOfOneStoryAgreeOfDifferentStoriesDoNot() {
    long[] original =
        Headline.of("Kenya's central bank holds rates as inflation eases", null).terms();
    assertTrue(
        Headline.agree(
            original, Headline.of("What to know: Kenya's central bank holds rates", null).terms()));
    assertTrue(
        Headline.agree(
            original, Headline.of("Central bank in Kenya holds rates steady", null).terms()));
    assertFalse(
        Headline.agree(
            original, Headline.of("Ferry operator cancels winter crossings", null).terms()));
    assertFalse(Headline.agree(original, new long[0]), "no headline: no agreement");
  }
}
