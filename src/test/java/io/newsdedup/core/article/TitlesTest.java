package io.newsdedup.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TitlesTest {
  @Test
  void sameTitleWhateverThePunctuationCaseAndQuotes() {
    long k = Titles.key("Kenya’s central bank holds rates as inflation eases");
    assertNotEquals(0, k);
    assertEquals(k, Titles.key("  KENYA'S central bank holds rates -- as inflation eases! "));
    assertNotEquals(k, Titles.key("Kenya's central bank cuts rates as inflation eases"));
    assertNotEquals(
        Titles.key("Bundesbank allocates 6.1 billion marks in tender"),
        Titles.key("Bundesbank allocates 6.5 billion marks in tender"));
  }

  @Test
  void shortOrGenericTitlesAreNoEvidence() {
    assertEquals(0, Titles.key(null));
    assertEquals(0, Titles.key(""));
    assertEquals(0, Titles.key("Just a moment..."));
    assertEquals(0, Titles.key("Access Denied"));
    assertEquals(0, Titles.key("Live updates"));
    assertEquals(0, Titles.key("Storm hits coast"));
    assertNotEquals(0, Titles.key("Storm hits the coast"));
    assertNotEquals(0, Titles.key("中国央行维持利率不变"));
    assertEquals(0, Titles.key("央行"));
  }

  @Test
  void theSiteNameAroundATitleIsNotPartOfItsKey() {
    long plain = Titles.key("Port strike enters its third day");
    assertEquals(
        plain,
        Titles.key("Port strike enters its third day | The Harbour Times", "The Harbour Times"));
    assertEquals(
        plain, Titles.key("Harbour Times - Port strike enters its third day", "harbourtimes.com"));
    assertEquals(plain, Titles.key("Port strike enters its third day", "Harbour Times"));
    // words of the site inside the headline stay
    assertEquals(
        Titles.key("Harbour strike enters its third day"),
        Titles.key("Harbour strike enters its third day", "Harbour Times"));
    assertEquals(0, Titles.key("Harbour Times", "Harbour Times"));
  }
}
