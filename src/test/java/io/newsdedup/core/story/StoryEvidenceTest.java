package io.newsdedup.core.story;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoryEvidenceTest {
  /** An article: its evidence and its sentences. */
  private record Page(StoryEvidence evidence, Sentences sentences) {}

  private Page page(String headline, String text) {
    Headline h = Headline.of(headline, null);
    Coverage.Read r = Coverage.read(h, text);
    return new Page(StoryEvidence.of(h, r.coverage()), r.sentences());
  }

  private static boolean same(Page a, Page b) {
    return StoryEvidence.sameStory(a.evidence(), a.sentences(), b.evidence(), b.sentences())
        && StoryEvidence.sameStory(b.evidence(), b.sentences(), a.evidence(), a.sentences());
  }

  @Test
  void aSyndicatedCopyUnderANewHeadlineIsTheSameStoryInEveryLanguage() {
    String[][] newHeadlines = {
      {"en", "Nairobi lenders get a pause as the central bank waits"},
      {"de", "Mehr Radwege: Stadt plant 40 Kilometer bis 2028"},
      {"pl", "Posłowie zaostrzają ochronę lasów"},
      {"ar", "محطات جديدة لتحلية مياه البحر على الساحل الشرقي"},
      {"zh", "三号线开通 市民可直达机场"}
    };
    for (int i = 0; i < StoryTexts.ALL.length; i++) {
      StoryTexts.Case c = StoryTexts.ALL[i];
      Page original = page(c.headline(), c.story());
      Page copy = page(newHeadlines[i][1], c.story());
      assertTrue(same(original, copy), c.language());
    }
  }

  @Test
  void pagesOfOneTemplateUnderDifferentHeadlinesAreNotOneStoryEvenWithTeasers() {
    String wall = StoryTexts.ENGLISH.template();
    Page a =
        page(
            "City council approves new budget for parks",
            "the city council on tuesday approved a new budget for the parks department.\n" + wall);
    Page b =
        page(
            "Regional hospital opens children's cancer ward",
            "the regional hospital opened a children's cancer ward with twenty beds on monday.\n"
                + wall);
    assertFalse(same(a, b));
    Page bare1 = page("City council approves new budget for parks", wall);
    Page bare2 = page("Regional hospital opens children's cancer ward", wall);
    assertFalse(same(bare1, bare2));
    for (StoryTexts.Case c : StoryTexts.ALL) {
      assertFalse(
          same(
              page(c.headline(), c.template()),
              page("Ferry operator cancels winter crossings after engine failure", c.template())),
          c.language());
    }
  }

  @Test
  void agreeingHeadlinesOrNoHeadlineAreNoEvidenceAgainst() {
    String wall = StoryTexts.ENGLISH.template();
    assertTrue(
        same(
            page("City council approves new budget for parks", wall),
            page("What to know: city council approves new budget for parks", wall)));
    assertTrue(
        same(page(null, wall), page("Regional hospital opens children's cancer ward", wall)));
    assertTrue(same(page("", wall), page(null, wall)));
  }
}
