package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
        contexts.computeIfAbsent(k, x -> new ArrayList<>())
            .add(LearnedBoilerplate.context(keys, k, new long[0]));
      }
    }
    Set<Long> out = new HashSet<>();
    contexts.forEach((k, c) -> {
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
    String wire = "the central bank held rates on tuesday.\ninflation eased for a third month.\n"
        + "the governor said risks remained.";
    List<String> corpus = List.of(
        header + "\na parrot came home after ten days.\nits owner was delighted.\n" + footer,
        header + "\nthe bakery won a national award.\nthe judges praised its rye.\n" + footer,
        header + "\nthe library extends its hours.\nvolunteers will staff it.\n" + footer,
        header + "\nthe zoo welcomed two red panda cubs.\nthey were born in may.\n" + footer,
        // five copies of one wire story on five other sites, one wrapped in the template
        wire, wire, wire + "\nreporting by jane doe.", wire,
        header + "\n" + wire + "\n" + footer);
    Set<Long> learned = learn(corpus);
    assertTrue(learned.contains(LearnedBoilerplate.key(header)));
    assertTrue(learned.contains(LearnedBoilerplate.key(footer)));
    assertFalse(learned.contains(LearnedBoilerplate.key("the central bank held rates on tuesday.")));
    assertFalse(learned.contains(LearnedBoilerplate.key("inflation eased for a third month.")));
    assertEquals(2, learned.size());

    LearnedBoilerplate.Removal r = LearnedBoilerplate.remove(corpus.get(0), learned);
    assertEquals("a parrot came home after ten days.\nits owner was delighted.", r.text());
    assertEquals(2, r.removed());
  }

  @Test
  void threeUnrelatedOccurrencesAreEnoughTwoAreNot() {
    String line = "share this story with your friends on every network you use.";
    assertTrue(learn(List.of("a.\n" + line, "b.\n" + line, "c.\n" + line))
        .contains(LearnedBoilerplate.key(line)));
    assertFalse(learn(List.of("a.\n" + line, "b.\n" + line))
        .contains(LearnedBoilerplate.key(line)));
  }

  @Test
  void aOneParagraphBriefUnderRewordedHeadlinesIsNotBoilerplateButAWallIs() {
    long[] keys = LearnedBoilerplate.keys("acme said its profit rose 12 percent.");
    List<long[]> brief = List.of(
        LearnedBoilerplate.context(keys, keys[0], LearnedBoilerplate.titleWords("Acme reports third-quarter results")),
        LearnedBoilerplate.context(keys, keys[0], LearnedBoilerplate.titleWords("Acme third-quarter profit up")),
        LearnedBoilerplate.context(keys, keys[0], LearnedBoilerplate.titleWords("In brief: Acme results")));
    assertFalse(rule.isBoilerplate(brief));
    List<long[]> walls = List.of(
        LearnedBoilerplate.context(keys, keys[0], LearnedBoilerplate.titleWords("Port strike enters third day")),
        LearnedBoilerplate.context(keys, keys[0], LearnedBoilerplate.titleWords("Frost damages apple blossom")),
        LearnedBoilerplate.context(keys, keys[0], LearnedBoilerplate.titleWords("Library extends Sunday hours")));
    assertTrue(rule.isBoilerplate(walls));
  }

  @Test
  void anExcerptAndAReheadlinedTruncationAreTheSameStoryAsTheirOriginal() {
    String[] story = new String[10];
    for (int i = 0; i < story.length; i++) {
      story[i] = "paragraph " + (char) ('a' + i) + " of the storm story, with its own words.";
    }
    String original = String.join("\n", story);
    String reprint = String.join("\n", java.util.Arrays.copyOf(story, 6));
    String excerpt = story[0] + "\n" + story[1];
    long p1 = LearnedBoilerplate.key(story[0]);
    List<long[]> contexts = List.of(
        LearnedBoilerplate.context(LearnedBoilerplate.keys(original), p1, LearnedBoilerplate.titleWords("Storm hits coast")),
        LearnedBoilerplate.context(LearnedBoilerplate.keys(original), p1, LearnedBoilerplate.titleWords("Storm hits coast")),
        LearnedBoilerplate.context(LearnedBoilerplate.keys(reprint), p1, LearnedBoilerplate.titleWords("Coastal towns count damage")),
        LearnedBoilerplate.context(LearnedBoilerplate.keys(excerpt), p1, LearnedBoilerplate.titleWords("What we know about the gale")));
    assertEquals(1, LearnedBoilerplate.groups(contexts));
    assertFalse(rule.isBoilerplate(contexts));
  }

  @Test
  void contextsAreTheTitleWordsAndTheSmallestOtherKeys() {
    long[] keys = {1, 5, 9, 12, 20, 31, 40, 41, 50, 60};
    assertArrayEquals(new long[] {2, 3, 7, 1, 5, 12, 20, 31, 40, 41, 50},
        LearnedBoilerplate.context(keys, 9, new long[] {3, 7}));
    assertArrayEquals(new long[] {0, 5, 9, 12},
        LearnedBoilerplate.context(new long[] {1, 5, 9, 12}, 1, new long[0]));
    assertEquals(3, LearnedBoilerplate.titleWords("The Port of Oslo: a strike!").length);
  }

  @Test
  void keysIgnoreDigitsButNotWords() {
    assertEquals(LearnedBoilerplate.key("updated 3 hours ago"), LearnedBoilerplate.key("updated 15 hours ago"));
    assertNotEquals(LearnedBoilerplate.key("updated 3 hours ago"), LearnedBoilerplate.key("updated 3 days ago"));
  }

  @Test
  void aWallAloneOnEveryPageIsLearned() {
    String wall = "subscribe to continue reading. already a subscriber? log in.";
    Set<Long> learned = learn(List.of(wall, wall, wall, "a real story.\n" + wall));
    assertTrue(learned.contains(LearnedBoilerplate.key(wall)));
    assertEquals(new LearnedBoilerplate.Removal("", 1), LearnedBoilerplate.remove(wall, learned));
  }
}
