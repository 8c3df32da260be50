package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

  @Test
  void nullAndBlankGiveEmpty() {
    assertEquals("", TextNormalizer.normalize(null));
    assertEquals("", TextNormalizer.normalize(""));
    assertEquals("", TextNormalizer.normalize(" \t\r\n \u00a0\n\u200b  "));
  }

  @Test
  void decodesNamedAndNumericEntities() {
    assertEquals(
        "Tom & Jerry's - \"fun\" <b> é",
        TextNormalizer.normalize(
            "Tom &amp; Jerry&#8217;s &#x2014; &quot;fun&quot;&nbsp;&lt;b&gt; &eacute;"));
    // Decoded once: a double-escaped entity stays an entity.
    assertEquals("&amp;", TextNormalizer.normalize("&amp;amp;"));
  }

  @Test
  void decodesEntitiesLikeCommonsTextUnescapeHtml4() {
    String[] samples = {
      "a &amp b &#38 c &#x26; d &AMP; e &nbsp; f &hellip; g &euro;&#X20AC;&#8364;",
      "&&amp;&;&#;&#x;&#xZZ;&#12a;&unknown; &lt;&gt;&quot; &eacute;&Eacute;&thetasym;&",
      "tail &amp",
      "&#128512; &#x1F600; &#65; &#x41;",
      "no entities at all",
    };
    for (String s : samples) {
      assertEquals(StringEscapeUtils.unescapeHtml4(s), TextNormalizer.decodeEntities(s), s);
    }
    assertEquals("it's", TextNormalizer.decodeEntities("it&apos;s"));
    // unescapeHtml4 throws on a code point beyond U+10FFFF; this leaves it as written.
    assertEquals("x &#99999999; y", TextNormalizer.decodeEntities("x &#99999999; y"));
    assertEquals("x &#99999999; y", TextNormalizer.normalize("x &#99999999; y"));
  }

  @Test
  void appliesNfkc() {
    assertEquals("fullwidth 123 ABC", TextNormalizer.normalize("ｆｕｌｌｗｉｄｔｈ １２３ ＡＢＣ"));
    assertEquals("file office...", TextNormalizer.normalize("ﬁle oﬃce…"));
    assertEquals("لا", TextNormalizer.normalize("\ufefb")); // Arabic presentation form
    assertEquals("é", TextNormalizer.normalize("e\u0301")); // composed
  }

  @Test
  void straightensQuotes() {
    assertEquals(
        "'single' \"double\" \"low\" \"guillemets\" 'angle' it's",
        TextNormalizer.normalize("‘single’ “double” „low“ «guillemets» ‹angle› it‛s"));
  }

  @Test
  void mapsEveryDashToHyphenMinus() {
    assertEquals(
        "a-b-c-d-e-f-g-h-i-j-k",
        TextNormalizer.normalize(
            "a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h\u2e3ai\ufe58j\uff0dk"));
  }

  @Test
  void turnsUnicodeSpacesIntoOneSpace() {
    assertEquals(
        "a b c d e f g h",
        TextNormalizer.normalize("a\u00a0b\u2009c\u202fd\u3000e\u2003f\tg \u00a0 \u2002 h"));
  }

  @Test
  void removesZeroWidthBidiAndControlCharacters() {
    assertEquals(
        "zerowidthsoft",
        TextNormalizer.normalize("zero\u200bwidth\u200c\u200d\ufeff\u2060so\u00adft"));
    assertEquals(
        "عربي text", TextNormalizer.normalize("\u202bعربي\u202c \u200ftext\u200e\u2066\u2069"));
    assertEquals("abc", TextNormalizer.normalize("a\u0000b\u0007\u001bc\u0090"));
    assertEquals("ab", TextNormalizer.normalize("a\ud800b")); // unpaired surrogate
  }

  @Test
  void keepsParagraphsAsSingleNewlines() {
    assertEquals(
        "para one\npara two\nthird\nfourth\nfifth",
        TextNormalizer.normalize(
            "  para   one  \r\n\r\n\r\n  para \t two \rthird\u2028fourth\u2029\u0085fifth\n\n"));
  }

  @Test
  void keepsCase() {
    assertEquals(
        "WASHINGTON (AP) - The Senate", TextNormalizer.normalize("WASHINGTON (AP) — The Senate"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "中国外交部长王毅周一在北京会见了美国国务卿布林肯。",
        "قال وزير الخارجية الصيني إن بكين لا مجال للتنازل بشأن تايوان.",
        "Министр иностранных дел Китая встретился с Блинкеном в Пекине.",
        "चीन के विदेश मंत्री ने बीजिंग में ब्लिंकन से मुलाकात की।",
        "서울에서 열린 회의에서 양측은 합의했다.",
        "東京都は月曜日、新しい計画を発表した。",
        "Ο υπουργός Εξωτερικών συναντήθηκε με τον Μπλίνκεν.",
        "שר החוץ הסיני נפגש עם בלינקן בבייג'ינג.",
        "Great news 👍🏽 for 🇺🇦 fans ❤️ today 🏴󠁧󠁢󠁳󠁣󠁴󠁿",
      })
  void leavesAlreadyCleanTextOfAnyScriptAlone(String text) {
    assertEquals(text, TextNormalizer.normalize(text));
  }

  @Test
  void mapsPunctuationInsideNonLatinText() {
    assertEquals(
        "Москва - столица России, \"сказал\" он.",
        TextNormalizer.normalize("Москва — столица России, «сказал» он."));
    // ZWJ sequences lose their joiners but keep every emoji.
    assertEquals("family 👨👩👧", TextNormalizer.normalize("family 👨\u200d👩\u200d👧"));
  }
}
