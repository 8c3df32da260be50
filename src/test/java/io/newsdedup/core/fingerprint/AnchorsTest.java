package io.newsdedup.core.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.shingle.Shingler;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnchorsTest {
  private static final String STORY =
      "The city council voted on Tuesday to extend the night bus service to the eastern suburbs,"
          + " a change that will take effect in May and cost about 1.2 million dollars a year."
          + " Councillor Ines Moreau said the vote ended a campaign that residents had run for"
          + " three years. Opponents argued that the money should go to road repairs instead."
          + " The transit agency will hire twelve drivers and lease four buses for the new routes,"
          + " which will run every thirty minutes between midnight and five in the morning."
          + " A review of ridership is planned after six months, the agency said in a statement.";

  @Test
  void anExcerptsQueryAnchorsAreAllAnchorsOfItsOriginal() {
    Shingler shingler = new Shingler(5);
    Anchors anchors = Anchors.defaults();
    long[] original = shingler.shingles(STORY);
    long[] excerpt = shingler.shingles(STORY.substring(0, STORY.indexOf(" Opponents")));
    long[] a = anchors.of(excerpt);
    Set<Long> indexed = new HashSet<>();
    Arrays.stream(anchors.of(original)).forEach(indexed::add);
    int queried = 0;
    for (int i = 0; i < a.length && anchors.isQuery(i); i++) {
      assertTrue(indexed.contains(a[i]));
      queried++;
    }
    assertEquals(Math.min(a.length, Anchors.DEFAULT_QUERIES), queried);
  }

  @Test
  void samplingKeepsAboutOneInEight() {
    Anchors anchors = Anchors.defaults();
    long[] shingles = new long[80_000];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < shingles.length; i++) {
      shingles[i] = r.nextLong();
    }
    Arrays.sort(shingles);
    int n = anchors.of(shingles).length;
    assertTrue(Math.abs(n - 10_000) < 400, "anchors: " + n);
    long[] of = anchors.of(shingles);
    for (int i = 1; i < of.length; i++) {
      assertTrue(of[i - 1] < of[i]);
    }
  }

  @Test
  void invalidParameters() {
    assertThrows(IllegalArgumentException.class, () -> new Anchors(-1, 8, 2));
    assertThrows(IllegalArgumentException.class, () -> new Anchors(3, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Anchors(3, 2, 3));
  }
}
