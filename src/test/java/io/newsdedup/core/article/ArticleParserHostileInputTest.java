package io.newsdedup.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Rejection.Reasons;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the bad-input suite (testdata/bad) found in the parser, pinned down one case at a time. */
class ArticleParserHostileInputTest {
  private static final Origin AT = Origin.ofLine("feed.jsonl", 2);
  private static final String BODY = "The council voted on Tuesday to keep the night ferry.";

  private static Article ok(Parsed p) {
    assertNull(p.rejection(), () -> "rejected: " + p.rejection());
    return p.article();
  }

  private static Rejection rejected(Parsed p, String reason) {
    assertNull(p.article(), () -> "kept: " + p.article());
    assertNotNull(p.rejection());
    assertEquals(reason, p.rejection().reason(), p.rejection().message());
    return p.rejection();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"a\",\"text\":\"one\"} {\"id\":\"b\",\"text\":\"two, lost silently before\"}",
        "{\"id\":\"a\",\"text\":\"one\"}{\"id\":\"b\",\"text\":\"two\"}",
        "{\"id\":\"a\",\"text\":\"one\"} garbage",
        "{\"id\":\"a\",\"text\":\"one\"} 42",
        "{\"id\":\"a\",\"text\":\"first\",\"text\":\"second\"}",
        "{\"id\":\"a\",\"id\":\"b\",\"text\":\"one\"}",
      })
  void aLineIsExactlyOneJsonObjectWithDistinctFieldNames(String line) {
    rejected(ArticleParser.parseJsonLine(line, AT), Reasons.MALFORMED_JSON);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u00a0\u2007\u202f\u3000", "\u200b\u200c\u200d\u2060\ufeff\u00ad", "\u0000\u001b\u0007",
        "&nbsp; &#8203;", "\u200f\u202e\u202c", "\ud800",
      })
  void textWithNothingVisibleIsNoText(String text) {
    String line =
        "{\"id\":\"x\",\"text\":\""
            + text.replace("\u0000", "\\u0000")
                .replace("\u001b", "\\u001b")
                .replace("\u0007", "\\u0007")
                .replace("\ud800", "\\ud800")
            + "\"}";
    rejected(ArticleParser.parseJsonLine(line, AT), Reasons.NO_TEXT);
  }

  @Test
  void blankTextFallsBackToHtml() {
    Article a =
        ok(
            ArticleParser.parseJsonLine(
                "{\"id\":\"x\",\"text\":\"\u00a0\",\"html\":\"<p>" + BODY + "</p>\"}", AT));
    assertEquals(BODY, a.body());
  }

  @Test
  void noTextNamesTheFieldsWhenTextAndHtmlAreBothMissing() {
    Rejection r =
        rejected(
            ArticleParser.parseJsonLine("{\"ID\":\"x\",\"Text\":\"" + BODY + "\"}", AT),
            Reasons.NO_TEXT);
    assertTrue(r.message().contains("(the record's fields: ID, Text)"), r.message());
    Rejection empty =
        rejected(ArticleParser.parseJsonLine("{\"id\":\"x\",\"text\":\"\"}", AT), Reasons.NO_TEXT);
    assertFalse(empty.message().contains("fields:"), empty.message());
  }

  @Test
  void unpairedSurrogatesBecomeReplacementCharactersInEveryField() {
    Article a =
        ok(
            ArticleParser.parseJsonLine(
                "{\"id\":\"x-\\ud800\",\"title\":\"t\\udfff\","
                    + "\"source\":\"\\udc00\\ud800s\",\"url\":\"u\\ud83d\",\"text\":\""
                    + BODY
                    + " \\ud83d\\ude00 \\ude00\"}",
                AT));
    assertEquals("x-\ufffd", a.id());
    assertEquals("t\ufffd", a.title());
    assertEquals("\ufffd\ufffds", a.source());
    assertEquals("u\ufffd", a.url());
    assertEquals(BODY + " \ud83d\ude00 \ufffd", a.body());
    // Before, "x-\ud800" became "x-?" when encoded between stages and met the real "x-?".
    assertNotEquals("x-?", a.id());
  }

  @Test
  void derivedIdsAreUnchanged() {
    Article a =
        ok(ArticleParser.parseJsonLine("{\"title\":\" T \",\"text\":\"" + BODY + "\"}", AT));
    assertEquals(ArticleIds.derive(null, " T ", BODY), a.id());
    assertEquals("T", a.title());
    Article byUrl =
        ok(
            ArticleParser.parseJsonLine(
                "{\"id\":\"\u00a0\",\"url\":\" https://x.org/a \",\"text\":\"" + BODY + "\"}", AT));
    assertEquals("https://x.org/a", byUrl.id());
  }

  private static String randomBytesDecoded(long seed, int n) {
    byte[] b = new byte[n];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void binaryFilesAndFieldsAreBinaryContent() {
    String garbage = randomBytesDecoded(1, 2000);
    rejected(
        ArticleParser.parseText(garbage, "a.txt", Origin.ofFile("a.txt")), Reasons.BINARY_CONTENT);
    rejected(
        ArticleParser.parseHtml(garbage, "a.html", "", Origin.ofFile("a.html")),
        Reasons.BINARY_CONTENT);
    // UTF-16 text read as UTF-8: every other character is a NUL.
    String utf16 =
        new String(
            "A title\n\nSome body text.".getBytes(StandardCharsets.UTF_16LE),
            StandardCharsets.UTF_8);
    rejected(
        ArticleParser.parseText(utf16, "b.txt", Origin.ofFile("b.txt")), Reasons.BINARY_CONTENT);
    Rejection r =
        rejected(
            ArticleParser.parseJsonLine(
                "{\"id\":\"x\",\"text\":\"\\u0000\\u0001\\u0002 ab \\ufffd\\ufffd\\ufffd\"}", AT),
            Reasons.BINARY_CONTENT);
    assertTrue(r.message().startsWith("\"text\" is not text: 75%"), r.message());
  }

  @Test
  void aFewControlCharactersOrInvalidBytesAreStillText() {
    ok(
        ArticleParser.parseText(
            "Title\n\nCaf\ufffd au lait \u0000 and \u001b[1m " + BODY,
            "a.txt",
            Origin.ofFile("a.txt")));
    ok(
        ArticleParser.parseJsonLine(
            "{\"id\":\"x\",\"text\":\"" + BODY + "\\u0000\\u001b\\f" + BODY + "\"}", AT));
  }

  @Test
  void aTextFileWithOnlyInvisibleCharactersAfterTheTitleIsNoText() {
    rejected(
        ArticleParser.parseText(
            "\u00a0\n\u200b\nTitle\n\n\u00a0\u3000\n\u200b", "a.txt", Origin.ofFile("a.txt")),
        Reasons.NO_TEXT);
    Article a =
        ok(
            ArticleParser.parseText(
                "\u00a0\n\u200b\nTitle\n\n" + BODY, "a.txt", Origin.ofFile("a.txt")));
    assertEquals("Title", a.title());
  }

  @Test
  void anUnparseableTimestampIsFlaggedABlankOneIsNot() {
    for (String bad : new String[] {"yesterday", "2024-13-45", "2024-02-30", "true"}) {
      Parsed p =
          ArticleParser.parseJsonLine(
              "{\"id\":\"x\",\"text\":\"" + BODY + "\",\"published_at\":\"" + bad + "\"}", AT);
      assertNull(ok(p).publishedAt());
      assertTrue(p.unparseableTimestamp(), bad);
    }
    for (String fine : new String[] {"\"2024-05-01\"", "1714557600", "\" \"", "null"}) {
      Parsed p =
          ArticleParser.parseJsonLine(
              "{\"id\":\"x\",\"text\":\"" + BODY + "\",\"published_at\":" + fine + "}", AT);
      assertFalse(p.unparseableTimestamp(), fine);
    }
    assertNull(Timestamps.parse("2024-05-01" + " ".repeat(50) + "x".repeat(5_000_000)));
  }
}
