package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.testing.Gen;
import io.newsdedup.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link TextNormalizer} on hostile strings ({@link Gen}), with a fixed seed. The
 * "never throws" property calls the normaliser without its catch-all, so that it fails if the
 * safety net is ever needed.
 */
class TextNormalizerPropertiesTest {
  private static final long SEED = 8_2024_05_01L;
  private static final int TRIES = 1000;

  @Test
  void neverThrows() {
    PropertyCheck.forAllStrings(
        "normalize never throws",
        SEED,
        TRIES,
        r -> Gen.string(r, 60),
        TextNormalizer::normalizeUnchecked);
  }

  @Test
  void isDeterministic() {
    PropertyCheck.forAllStrings(
        "normalize is deterministic",
        SEED + 1,
        TRIES,
        r -> Gen.string(r, 60),
        s -> assertEquals(TextNormalizer.normalize(s), TextNormalizer.normalize(new String(s))));
  }

  /**
   * normalize(normalize(x)) == normalize(x), except where the first pass leaves an entity to
   * decode: entities are decoded once by design ("&amp;amp;" is the text "&amp;").
   */
  @Test
  void isIdempotentButForEntitiesDecodedOnce() {
    PropertyCheck.forAllStrings(
        "normalize is idempotent",
        SEED + 2,
        TRIES,
        r -> Gen.string(r, 60),
        s -> {
          String once = TextNormalizer.normalize(s);
          if (TextNormalizer.decodeEntities(once).equals(once)) {
            assertEquals(once, TextNormalizer.normalize(once));
          }
        });
  }

  @Test
  void outputHasOnlyVisibleCharactersSingleSpacesAndNonBlankLines() {
    PropertyCheck.forAllStrings(
        "normalize output is clean",
        SEED + 3,
        TRIES,
        r -> Gen.string(r, 60),
        s -> {
          String n = TextNormalizer.normalize(s);
          assertFalse(
              n.startsWith(" ") || n.startsWith("\n") || n.endsWith(" ") || n.endsWith("\n"));
          assertFalse(
              n.contains("  ") || n.contains("\n\n") || n.contains(" \n") || n.contains("\n "));
          for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            assertFalse(c < ' ' && c != '\n', "control character " + (int) c);
            assertFalse(c >= 0x7f && c <= 0x9f, "control character " + (int) c);
            assertFalse(
                "\u200b\u200c\u200d\u2060\ufeff\u00ad\u0640\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                        .indexOf(c)
                    >= 0,
                "invisible character " + (int) c);
            assertFalse(
                Character.getType(c) == Character.SPACE_SEPARATOR && c != ' ', "space " + (int) c);
            if (Character.isHighSurrogate(c)) {
              assertTrue(i + 1 < n.length() && Character.isLowSurrogate(n.charAt(i + 1)));
            } else if (Character.isLowSurrogate(c)) {
              assertTrue(i > 0 && Character.isHighSurrogate(n.charAt(i - 1)));
            }
          }
        });
  }

  @Test
  void isBlankIsExactlyNormalizingToNothing() {
    PropertyCheck.forAllStrings(
        "isBlank(s) == normalize(s).isEmpty()",
        SEED + 4,
        TRIES,
        r -> Gen.string(r, 8),
        s -> assertEquals(TextNormalizer.normalize(s).isEmpty(), TextNormalizer.isBlank(s)));
  }

  /** isBlankLiteral is isBlank with every entity taken as the text it is written as. */
  @Test
  void isBlankLiteralIsIsBlankWithoutEntities() {
    PropertyCheck.forAllStrings(
        "isBlankLiteral(s) == isBlank(s with & escaped)",
        SEED + 5,
        TRIES,
        r -> Gen.string(r, 8),
        s ->
            assertEquals(
                TextNormalizer.isBlank(s.replace("&", "&amp;")), TextNormalizer.isBlankLiteral(s)));
    assertTrue(TextNormalizer.isBlankLiteral(null));
    assertTrue(TextNormalizer.isBlankLiteral("\u3000\u2028\u00a0\u200b\u0085\u0000\ufeff"));
    assertFalse(TextNormalizer.isBlankLiteral("&nbsp;"));
  }

  @Test
  void blankExamples() {
    assertTrue(TextNormalizer.isBlank(null));
    assertTrue(TextNormalizer.isBlank("\u00a0\u2007\u202f\u3000"));
    assertTrue(TextNormalizer.isBlank("\u200b\u200d\ufeff\u00ad\u0000\u001b\u200f"));
    assertTrue(TextNormalizer.isBlank("&nbsp; &#8203;"));
    assertTrue(TextNormalizer.isBlank("\ud800"));
    assertFalse(TextNormalizer.isBlank("\u00a0x"));
    assertFalse(TextNormalizer.isBlank("\ud83d\udd25"));
    assertFalse(TextNormalizer.isBlank("&amp;"));
  }

  @Test
  void tatweelIsRemovedLikeASoftHyphen() {
    assertEquals(
        "\u0627\u0644\u062d\u0643\u0648\u0645\u0629",
        TextNormalizer.normalize("\u0627\u0644\u062d\u0643\u0648\u0645\u0640\u0640\u0640\u0629"));
    assertEquals("information", TextNormalizer.normalize("infor\u00admation"));
  }

  @Test
  void charactersThatComposeOnceAnInvisibleOneIsGoneAreComposed() {
    // "e", ZWJ, combining acute: NFKC cannot compose across the ZWJ; once it is removed, it can.
    assertEquals("caf\u00e9", TextNormalizer.normalize("cafe\u200d\u0301"));
    assertEquals("caf\u00e9", TextNormalizer.normalize("cafe\u0000\u0301"));
    assertEquals(TextNormalizer.normalize("caf\u00e9"), TextNormalizer.normalize("cafe\u0301"));
  }
}
