package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.newsdedup.testing.Gen;
import io.newsdedup.testing.PropertyCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link HtmlExtractor} on hostile strings and on pages built around them, fixed
 * seed. The "never throws" property calls the extractor without its catch-all.
 */
class HtmlExtractorPropertiesTest {
  private static final long SEED = 6_2024_05_01L;
  private static final int TRIES = 500;

  /** Half the time a page around hostile pieces, half the time just the pieces. */
  static String html(SplittableRandom r) {
    if (r.nextBoolean()) {
      return Gen.string(r, 80);
    }
    return "<html><head><title>"
        + Gen.string(r, 5)
        + "</title>"
        + "<script>var SCRIPTMARKER = \""
        + Gen.string(r, 5)
        + "\";</script></head>"
        + "<body><nav>"
        + Gen.string(r, 5)
        + "</nav><article><h1>"
        + Gen.string(r, 5)
        + "</h1><p>"
        + Gen.string(r, 40)
        + "</p><p>"
        + Gen.string(r, 40)
        + "</p></article>"
        + Gen.string(r, 10)
        + "</body></html>";
  }

  @Test
  void neverThrows() {
    PropertyCheck.forAllStrings(
        "extract never throws",
        SEED,
        TRIES,
        HtmlExtractorPropertiesTest::html,
        s -> HtmlExtractor.extractUnchecked(s, ""));
  }

  @Test
  void isDeterministic() {
    PropertyCheck.forAllStrings(
        "extract is deterministic",
        SEED + 1,
        TRIES,
        HtmlExtractorPropertiesTest::html,
        s ->
            assertEquals(
                HtmlExtractor.extract(s, "https://example.org/a/"),
                HtmlExtractor.extract(new String(s), "https://example.org/a/")));
  }

  @Test
  void scriptsNeverReachTheTextAndTheTextIsTrimmed() {
    PropertyCheck.forAllStrings(
        "no script in the text",
        SEED + 2,
        TRIES,
        HtmlExtractorPropertiesTest::html,
        s -> {
          String text = HtmlExtractor.extract(s, "").text();
          assertFalse(text.contains("SCRIPTMARKER"), text);
          assertEquals(text.strip(), text);
        });
  }
}
