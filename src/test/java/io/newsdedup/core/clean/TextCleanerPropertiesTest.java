package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.newsdedup.testing.Gen;
import io.newsdedup.testing.PropertyCheck;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link TextCleaner} with the default rules on hostile strings, fixed seed. The
 * "never throws" property calls the cleaner without its catch-all (which would hide a regex blowing
 * up on some input).
 */
class TextCleanerPropertiesTest {
  private static final long SEED = 7_2024_05_01L;
  private static final int TRIES = 500;
  private static final TextCleaner CLEANER = TextCleaner.withDefaults();

  @Test
  void neverThrows() {
    PropertyCheck.forAllStrings(
        "clean never throws", SEED, TRIES, r -> Gen.string(r, 80), CLEANER::cleanUnchecked);
  }

  @Test
  void isDeterministic() {
    PropertyCheck.forAllStrings(
        "clean is deterministic",
        SEED + 1,
        TRIES,
        r -> Gen.string(r, 80),
        s -> assertEquals(CLEANER.clean(s), CLEANER.clean(new String(s))));
  }

  @Test
  void textIsLowerCaseNormalisedLines() {
    PropertyCheck.forAllStrings(
        "clean gives lower-case non-blank lines",
        SEED + 2,
        TRIES,
        r -> Gen.string(r, 80),
        s -> {
          String t = CLEANER.clean(s).text();
          assertEquals(t.toLowerCase(Locale.ROOT), t);
          assertFalse(
              t.startsWith("\n") || t.endsWith("\n") || t.contains("\n\n") || t.contains("\r"));
        });
  }
}
