package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.story.Coverage;
import io.newsdedup.core.story.Headline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnedBoilerplateTest {
  private final LearnedBoilerplate rule = LearnedBoilerplate.defaults();

  /** Runs the whole learning over a small corpus (no titles), as the pipeline does it at scale. */
  private Set<Long> learn(List<String> articles) {
    Map<Long, List<long[]>> contexts = new HashMap<>();
    for (String a : articles) {
      long[] keys = LearnedBoilerplate.keys(a);
      for (long k : keys) {
        contexts
            .computeIfAbsent(k, x -> new ArrayList<>())
            .add(LearnedBoilerplate.context(keys, k, new long[0], new long[0]));
      }
    }
    Set<Long> out = new HashSet<>();
    contexts.forEach(
        (k, c) -> {
          if (rule.isBoilerplate(c)) {
            out.add(k);
          }
        });
    return out;
  }

  @Test
  void aSiteTemplateAroundDifferentStoriesIsLearnedButASyndicatedStoryIsNot() {
    String header = "sitename | home | world | sports";
    String footer = "stay informed: get the sitename app and never miss a story.";
    String wire =
        "the central bank held rates on tuesday.\ninflation eased for a third month.\n"
            + "the governor said risks remained.";
    List<String> corpus =
        List.of(
            header + "\na parrot came home after ten days.\nits owner was delighted.\n" + footer,
            header + "\nthe bakery won a national award.\nthe judges praised its rye.\n" + footer,
            header + "\nthe library extends its hours.\nvolunteers will staff it.\n" + footer,
            header + "\nthe zoo welcomed two red panda cubs.\nthey were born in may.\n" + footer,
            // five copies of one wire story on five other sites, one wrapped in the template
            wire,
            wire,
            wire + "\nreporting by jane doe.",
            wire,
            header + "\n" + wire + "\n" + footer);
    Set<Long> learned = learn(corpus);
    assertTrue(learned.contains(LearnedBoilerplate.key(header)));
    assertTrue(learned.contains(LearnedBoilerplate.key(footer)));
    assertFalse(
        learned.contains(LearnedBoilerplate.key("the central bank held rates on tuesday.")));
    assertFalse(learned.contains(LearnedBoilerplate.key("inflation eased for a third month.")));
    assertEquals(2, learned.size());

    LearnedBoilerplate.Removal r = LearnedBoilerplate.remove(corpus.get(0), learned);
    assertEquals("a parrot came home after ten days.\nits owner was delighted.", r.text());
    assertEquals(2, r.removed());
  }

  @Test
  void threeUnrelatedOccurrencesAreEnoughTwoAreNot() {
    String line = "share this story with your friends on every network you use.";
    assertTrue(
        learn(List.of("a.\n" + line, "b.\n" + line, "c.\n" + line))
            .contains(LearnedBoilerplate.key(line)));
    assertFalse(
        learn(List.of("a.\n" + line, "b.\n" + line)).contains(LearnedBoilerplate.key(line)));
  }

  /** A page as the learning sees it: its headline and its cleaned text. */
  record Page(String title, String text) {}

  /** Runs the whole learning over titled pages, with each page's headline terms and coverage. */
  private Set<Long> learnPages(List<Page> pages) {
    Map<Long, List<long[]>> contexts = new HashMap<>();
    for (Page p : pages) {
      for (var e : contexts(p).entrySet()) {
        contexts.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(e.getValue());
      }
    }
    Set<Long> out = new HashSet<>();
    contexts.forEach(
        (k, c) -> {
          if (rule.isBoilerplate(c)) {
            out.add(k);
          }
        });
    return out;
  }

  /** Each paragraph's context in a page, as the pipeline's learning step makes it. */
  static Map<Long, long[]> contexts(Page p) {
    long[] keys = LearnedBoilerplate.keys(p.text());
    Headline h = Headline.of(p.title(), null);
    long[] terms = h.informative() ? h.terms() : new long[0];
    long[] carrying = Coverage.carryingParagraphs(h, p.text());
    Map<Long, long[]> out = new HashMap<>();
    for (long k : keys) {
      out.put(k, LearnedBoilerplate.context(keys, k, terms, carrying));
    }
    return out;
  }

  private static long[] contextOf(String title, String text, String paragraph) {
    return contexts(new Page(title, text)).get(LearnedBoilerplate.key(paragraph));
  }

  @Test
  void aOneParagraphBriefUnderRewordedHeadlinesIsNotBoilerplateButAWallIs() {
    String brief = "acme said its third-quarter profit rose 12 percent on strong results.";
    List<long[]> reworded =
        List.of(
            contextOf("Acme reports third-quarter results", brief, brief),
            contextOf("Acme third-quarter profit up", brief, brief),
            contextOf("In brief: Acme results", brief, brief));
    assertFalse(rule.isBoilerplate(reworded));
    String wall = "please enable cookies and reload the page to continue.";
    List<long[]> walls =
        List.of(
            contextOf("Port strike enters third day", wall, wall),
            contextOf("Frost damages apple blossom", wall, wall),
            contextOf("Library extends Sunday hours", wall, wall));
    assertTrue(rule.isBoilerplate(walls));
    assertTrue(rule.isBoilerplate(walls.subList(0, 2)), "two pages are enough");
  }

  @Test
  void aOneParagraphStoryUnderNewHeadlinesThatItCarriesIsNotBoilerplate() {
    String story =
        "firefighters contained a wildfire that burned 300 hectares of forest near the"
            + " village of lindale on sunday.";
    List<long[]> copies =
        List.of(
            contextOf("Wildfire near Lindale contained", story, story),
            contextOf("Firefighters stop forest blaze", story, story));
    assertFalse(rule.isBoilerplate(copies));
  }

  @Test
  void verbatimCopiesOfAOneParagraphTextWithoutHeadlineAreCopiesNotATemplate() {
    String story = "the river rose two metres overnight and the old bridge was closed to traffic.";
    for (int n : new int[] {3, 50, 5000}) {
      List<String> copies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        copies.add(story);
      }
      assertEquals(Set.of(), learn(copies), n + " copies");
    }
  }

  @Test
  void aWallWithATeaserOfEachStoryIsATemplateOnTwoPages() {
    String wall =
        "you have used all of your free stories this month.\n"
            + "become a member for $2 a week and read without limits.\n"
            + "members get the morning briefing, the crossword and our archive.";
    Page a =
        new Page(
            "City council approves new budget for parks",
            "the city council on tuesday approved a new budget for the parks department.\n" + wall);
    Page b =
        new Page(
            "Hospital opens children's cancer ward",
            "the regional hospital opened a children's cancer ward with twenty beds on monday.\n"
                + wall);
    Set<Long> learned = learnPages(List.of(a, b));
    for (String line : wall.split("\n")) {
      assertTrue(learned.contains(LearnedBoilerplate.key(line)), line);
    }
    assertFalse(learned.contains(LearnedBoilerplate.key(a.text().split("\n")[0])));
    assertEquals(3, learned.size());
  }

  @Test
  void aSyndicatedStoryUnderNewHeadlinesKeepsItsParagraphs() {
    String story =
        "the central bank of kenya held its benchmark lending rate at 10.75 percent.\n"
            + "inflation eased for a third month in february, the bank said.\n"
            + "analysts polled before the meeting had expected no change.\n"
            + "the shilling was little changed after the decision.";
    List<Page> pages =
        List.of(
            new Page("Kenya's central bank holds rates as inflation eases", story),
            new Page("Nairobi lenders get a pause from the central bank", story),
            new Page(
                "Kenya keeps lending rate at 10.75 percent", story + "\nreporting by jane doe."));
    assertEquals(Set.of(), learnPages(pages));
  }

  @Test
  void anExcerptAndAReheadlinedTruncationAreTheSameStoryAsTheirOriginal() {
    String[] story = {
      "a storm hit the coast on monday, flooding streets in three coastal towns.",
      "the storm brought winds of 120 km/h and knocked out power to 40,000 homes.",
      "officials in the coastal towns began counting the damage on tuesday.",
      "schools will stay closed until the end of the week.",
      "the weather service expects calmer conditions by the weekend.",
      "residents were asked to avoid the seafront.",
      "the port reopened on tuesday afternoon.",
      "insurers said claims would take weeks to assess."
    };
    String original = String.join("\n", story);
    String reprint = String.join("\n", Arrays.copyOf(story, 5));
    String excerpt = story[0] + "\n" + story[1];
    List<long[]> contexts =
        List.of(
            contextOf("Storm hits coast", original, story[0]),
            contextOf("Storm hits coast", original, story[0]),
            contextOf("Coastal towns count storm damage", reprint, story[0]),
            contextOf("What we know about the storm", excerpt, story[0]));
    assertEquals(1, LearnedBoilerplate.groups(contexts));
    assertFalse(rule.isBoilerplate(contexts));
  }

  @Test
  void contextsAreHeadlineTermsCarryingParagraphsAndTheSmallestOtherKeys() {
    long[] keys = {1, 5, 9, 12, 20, 31, 40, 41, 50, 60};
    long[] c = LearnedBoilerplate.context(keys, 9, new long[] {3, 7}, new long[] {5, 9, 41});
    assertArrayEquals(
        new long[] {3, 7, 5, 41, 1, 5, 12, 20, 31, 40, 41, 50}, Arrays.copyOfRange(c, 1, c.length));
    assertEquals(2 | (2 << 8) | (8 << 16) | (1 << 24), c[0], "lengths, and 9 carries");
    long[] plain =
        LearnedBoilerplate.context(new long[] {1, 5, 9, 12}, 1, new long[0], new long[0]);
    assertArrayEquals(new long[] {3 << 16, 5, 9, 12}, plain);
  }

  @Test
  void keysIgnoreDigitsButNotWords() {
    assertEquals(
        LearnedBoilerplate.key("updated 3 hours ago"),
        LearnedBoilerplate.key("updated 15 hours ago"));
    assertNotEquals(
        LearnedBoilerplate.key("updated 3 hours ago"),
        LearnedBoilerplate.key("updated 3 days ago"));
  }

  @Test
  void aWallAloneOnPagesOfDifferentHeadlinesIsLearnedWithoutHeadlinesItIsACopy() {
    String wall = "subscribe to continue reading. already a subscriber? log in.";
    Set<Long> titled =
        learnPages(
            List.of(
                new Page("Port strike enters third day", wall),
                new Page("Frost damages apple blossom", wall),
                new Page("Library extends Sunday hours", "a real story.\n" + wall)));
    assertTrue(titled.contains(LearnedBoilerplate.key(wall)));
    assertEquals(new LearnedBoilerplate.Removal("", 1), LearnedBoilerplate.remove(wall, titled));
    assertEquals(Set.of(), learn(List.of(wall, wall, wall, "a real story.\n" + wall)));
  }
}
