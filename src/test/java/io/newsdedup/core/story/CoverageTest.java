package io.newsdedup.core.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.clean.LearnedBoilerplate;
import org.junit.jupiter.api.Test;

class CoverageTest {
  private Coverage of(String headline, String text) {
    return Coverage.of(Headline.of(headline, null), text);
  }

  @Test
  void aStoryCarriesItsHeadlineATemplateDoesNotInEveryLanguage() {
    for (StoryTexts.Case c : StoryTexts.ALL) {
      Coverage story = of(c.headline(), c.story());
      assertFalse(story.templateOnly(), c.language() + " story");
      assertTrue(story.sample().length > 0, c.language() + " story sample");
      assertTrue(story.carryingParagraphs().length > 0, c.language());
      Coverage template = of(c.headline(), c.template());
      assertTrue(template.templateOnly(), c.language() + " template");
      assertEquals(0, template.sample().length, c.language());
      assertEquals(0, template.carryingParagraphs().length, c.language());
    }
  }

  @Test
  void aTemplateOfAnotherStoryIsATemplateForThisOneToo() {
    // the same template under each language's headline, and each story under the others'
    for (StoryTexts.Case c : StoryTexts.ALL) {
      for (StoryTexts.Case other : StoryTexts.ALL) {
        if (other != c) {
          assertTrue(
              of(c.headline(), other.template()).templateOnly(),
              c.language() + " headline, " + other.language() + " template");
        }
      }
    }
  }

  @Test
  void theHeadlineRepeatedInThePageIsAnEchoNotTheStory() {
    String headline = StoryTexts.ENGLISH.headline();
    String player =
        headline.toLowerCase()
            + "\nnow playing\n0:00 / 2:47\nplayback speed 1x\n"
            + "subtitles and captions settings\nup next in 8 seconds\nautoplay is on";
    assertTrue(of(headline, player).templateOnly());
    String notFound =
        "we could not find kenya's central bank holds rates as inflation eases.\n"
            + "the address may be mistyped, or the item may have moved.\n"
            + "try the search box above or head back to the front page.";
    assertTrue(of(headline, notFound).templateOnly());
    // a page that starts with its headline and then tells the story is a story
    assertFalse(
        of(headline, headline.toLowerCase() + "\n" + StoryTexts.ENGLISH.story()).templateOnly());
  }

  @Test
  void aTemplateThatHoldsOneOfTheHeadlinesWordsIsNotJudgedOnItsOwn() {
    // "rate" is in the player's "playback rate": one word of the headline is in the body
    String player =
        "now playing\n0:00 / 2:47\nplayback rate 1x\nsubtitles and captions"
            + " settings\nup next in 8 seconds\nautoplay is on";
    Coverage c = of(StoryTexts.ENGLISH.headline(), player);
    assertEquals(1, c.matchedTerms());
    assertFalse(
        c.templateOnly(),
        "the documented limit: pairs of such pages are told apart by"
            + " StoryEvidence, not by this flag");
    assertEquals(0, c.sample().length, "no sentence carries the headline");
  }

  @Test
  void aLongTextIsNotJudged() {
    StringBuilder roundup = new StringBuilder();
    for (int i = 0; roundup.length() < 2000; i++) {
      roundup
          .append("troops entered the refugee camp ")
          .append(i)
          .append(" after months of fighting," + " witnesses said.\n");
    }
    assertFalse(of("World news highlights at noon", roundup.toString()).templateOnly());
    assertTrue(of("World news highlights at noon", roundup.substring(0, 400)).templateOnly());
  }

  @Test
  void aTeaserBeforeTheWallCarriesTheHeadlineAndIsTheSample() {
    String teaser =
        "the central bank of kenya held its benchmark lending rate on tuesday as"
            + " inflation eased.";
    String page = teaser + "\n" + StoryTexts.ENGLISH.template();
    Coverage c = of(StoryTexts.ENGLISH.headline(), page);
    assertFalse(c.templateOnly());
    assertArrayEquals(Sentences.of(teaser).fingerprints(), c.sample(), "the teaser's sentence");
    assertArrayEquals(new long[] {LearnedBoilerplate.key(teaser)}, c.carryingParagraphs());
    assertArrayEquals(
        c.carryingParagraphs(),
        Coverage.carryingParagraphs(Headline.of(StoryTexts.ENGLISH.headline(), null), page));
  }

  @Test
  void withoutAnInformativeHeadlineNothingIsJudged() {
    Coverage c = of("Breaking", StoryTexts.ENGLISH.template());
    assertFalse(c.templateOnly());
    assertEquals(0, c.sample().length);
    assertFalse(of(null, StoryTexts.ENGLISH.template()).templateOnly());
  }

  @Test
  void aTableOfFiguresIsNotJudged() {
    String table =
        "oper shr profit 34 cts vs loss 53 cts\noper net profit 3,337,000 vs 4,881,000\n"
            + "revs 32.7 mln vs 49.6 mln\nyear\noper shr profit 20 cts vs loss 90 cts";
    assertFalse(of("Gulf Resources and Chemical Corp fourth quarter", table).templateOnly());
  }

  @Test
  void aStoryThatNamesItsSubjectAgainAndAgainIsAStory() {
    // terse wire headlines: one term, but it recurs
    String body =
        "narragansett capital said it and dudley taft requested a response from taft"
            + " broadcasting by march 12.\ntaft broadcasting said it had received the request.";
    assertFalse(of("Taft given deadline on buyout proposal", body).templateOnly());
  }

  @Test
  void sentencesEndAtFullStopsNotAtInitials() {
    // "u.s." does not end the sentence, so "official" and "uncertain" are in one sentence
    Coverage c =
        of(
            "EC official says fate of tax uncertain",
            "whether the ministers will approve the tax that sparked threats of u.s. retaliation is"
                + " uncertain, an ec official said.");
    assertEquals(1, c.carryingParagraphs().length);
  }
}
