package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real aggregator repost in the shared examples cleans to the same text as its original. */
class AggregatorExampleTest {
  private static final Path EXAMPLE =
      Path.of("/work/shared/examples/aggregator-repost-thedailycheck.txt");

  /**
   * Lines the aggregator added to the CBS story (matched on the start of the normalised line; some
   * hold no-break spaces).
   */
  private static final List<String> ADDED =
      List.of(
          "CHINA-US-DIPLOMACY",
          "US Secretary of State Antony Blinken, left, shakes hands",
          "LEAH MILLIS/POOL / AFP via Getty Images",
          "For all the latest Automobiles News Click Here",
          "For the latest news and updates, follow us on Google News",
          "Read original article here",
          "Denial of responsibility!");

  @Test
  void repostCleansToTheOriginal() throws IOException {
    Assumptions.assumeTrue(Files.exists(EXAMPLE), "shared example not present");
    List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
    List<String> body = lines.subList(1, lines.size()); // the first line is the title
    String repost = String.join("\n", body);
    String original =
        body.stream()
            .filter(l -> ADDED.stream().noneMatch(a -> TextNormalizer.normalize(l).startsWith(a)))
            .collect(Collectors.joining("\n"));
    assertEquals(ADDED.size(), body.size() - original.split("\n", -1).length);

    TextCleaner cleaner = TextCleaner.withDefaults();
    CleanedText fromRepost = cleaner.clean(repost);
    CleanedText fromOriginal = cleaner.clean(original);

    assertEquals(fromOriginal.text(), fromRepost.text());
    assertEquals(0, fromOriginal.boilerplateMarkers());
    assertFalse(fromOriginal.pointsToOriginal());
    assertEquals(ADDED.size(), fromRepost.boilerplateMarkers());
    assertTrue(fromRepost.pointsToOriginal());
    assertNull(fromRepost.wireAgency());
    assertTrue(fromRepost.text().startsWith("beijing - u.s. secretary of state antony blinken"));
    assertTrue(
        fromRepost.text().endsWith("for australia, the united kingdom and the united states."));
    assertFalse(fromRepost.text().contains("getty"));
  }
}
