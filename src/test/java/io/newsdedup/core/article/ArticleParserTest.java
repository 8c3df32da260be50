package io.newsdedup.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Rejection.Reasons;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleParserTest {
  private static final Origin AT = Origin.ofLine("feed.jsonl", 7);

  private static Article ok(Parsed p) {
    assertNull(p.rejection(), () -> "rejected: " + p.rejection());
    return p.article();
  }

  private static Rejection rejected(Parsed p, String reason) {
    assertNull(p.article());
    assertNotNull(p.rejection());
    assertEquals(reason, p.rejection().reason(), p.rejection().message());
    return p.rejection();
  }

  /** Numbers that doubles would merge or rewrite stay as written: they are different ids. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e400",
        "1e500",
        "12345678901234567.5",
        "12345678901234567.6",
        "-0",
        "0",
        "1.0",
        "1",
        "9007199254740993",
        "-1E-7"
      })
  void numericIdsAreKeptExactlyAsWritten(String number) {
    Parsed p =
        ArticleParser.parseJsonLine(
            "{\"id\": " + number + ", \"text\": \"Some text.\"}", Origin.ofLine("f", 1));
    assertEquals(number, p.article().id());
  }

  @Test
  void aNumericTitleOrSourceIsKeptAsWrittenToo() {
    Article a =
        ArticleParser.parseJsonLine(
                "{\"id\": \"x\", \"source\": 1e999, \"title\": "
                    + "{\"a\": 1} , \"text\": \"Some text.\"}",
                Origin.ofLine("f", 1))
            .article();
    assertNull(a, "an object title is still invalid");
    Article b =
        ArticleParser.parseJsonLine(
                "{\"meta\": {\"source\": 2}, \"source\": 1e999, " + "\"text\": \"Some text.\"}",
                Origin.ofLine("f", 1))
            .article();
    assertEquals("1e999", b.source(), "the top-level field, not the nested one");
  }

  @Test
  void fullJsonRecord() {
    Article a =
        ok(
            ArticleParser.parseJsonLine(
                "{\"id\":\"ap-1\",\"url\":\"https://apnews.com/a\",\"source\":\"AP\",\"title\":\"T\",\"text\":\"Body"
                    + " text.\",\"published_at\":\"2024-05-01T10:00:00+02:00\",\"extra\":[1]}",
                AT));
    assertEquals("ap-1", a.id());
    assertEquals("https://apnews.com/a", a.url());
    assertEquals("AP", a.source());
    assertEquals("T", a.title());
    assertEquals("Body text.", a.body());
    assertEquals(Instant.parse("2024-05-01T08:00:00Z"), a.publishedAt());
    assertEquals(AT, a.origin());
  }

  @Test
  void missingIdIsTheUrlElseAContentHash() {
    Article byUrl =
        ok(
            ArticleParser.parseJsonLine(
                "{\"url\":\" https://x.org/story \",\"text\":\"Body\"}", AT));
    assertEquals("https://x.org/story", byUrl.id());
    Article byContent = ok(ArticleParser.parseJsonLine("{\"title\":\"T\",\"text\":\"Body\"}", AT));
    assertEquals(ArticleIds.derive(null, "T", "Body"), byContent.id());
    assertTrue(byContent.id().matches("sha256:[0-9a-f]{16}"), byContent.id());
    assertEquals(
        byContent.id(),
        ok(ArticleParser.parseJsonLine("{\"text\":\"Body\",\"title\":\"T\"}", AT)).id());
  }

  @Test
  void numbersInStringFieldsAreTakenAsText() {
    Article a = ok(ArticleParser.parseJsonLine("{\"id\":42,\"text\":\"Body\",\"title\":7}", AT));
    assertEquals("42", a.id());
    assertEquals("7", a.title());
  }

  @Test
  void nullIsAbsent() {
    Article a =
        ok(
            ArticleParser.parseJsonLine(
                "{\"id\":\"n\",\"text\":\"Body\",\"url\":null,\"published_at\":null}", AT));
    assertNull(a.url());
    assertNull(a.publishedAt());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":\"x\",\"text\":\"Body\" | malformed_json",
        "not json at all | malformed_json",
        "[1,2,3] | not_an_object",
        "\"just a string\" | not_an_object",
        "{\"id\":\"x\"} | no_text",
        "{\"id\":\"x\",\"text\":\"   \"} | no_text",
        "{\"id\":\"x\",\"text\":null} | no_text",
        "{\"id\":{\"a\":1},\"text\":\"Body\"} | invalid_field",
        "{\"id\":\"x\",\"text\":[\"a\"]} | invalid_field"
      })
  void badLinesAreRejectedWithAReason(String line, String reason) {
    Rejection r = rejected(ArticleParser.parseJsonLine(line, AT), reason);
    assertEquals(AT, r.origin());
    assertEquals(line, r.raw());
    assertTrue(!r.message().isBlank());
  }

  @Test
  void deeplyNestedJsonIsRejectedNotACrash() {
    String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"text\":\"x\"}";
    rejected(ArticleParser.parseJsonLine(deep, AT), Reasons.MALFORMED_JSON);
  }

  @Test
  void rawIsCutTo4Kb() {
    String line = "{\"id\":\"x\",\"junk\":\"" + "y".repeat(10_000);
    Rejection r = rejected(ArticleParser.parseJsonLine(line, AT), Reasons.MALFORMED_JSON);
    assertEquals(Rejection.MAX_RAW_CHARS, r.raw().length());
  }

  @Test
  void byteOrderMarkIsIgnored() {
    assertEquals(
        "b", ok(ArticleParser.parseJsonLine("\uFEFF{\"id\":\"b\",\"text\":\"x\"}", AT)).id());
  }

  @Test
  void textFileTitleIsTheFirstNonBlankLine() {
    Article a =
        ok(
            ArticleParser.parseText(
                "\uFEFF\r\n  Storm hits coast  \r\n\r\nFirst paragraph.\r\n\r\nSecond.\r\n",
                "dir/a.txt",
                Origin.ofFile("in/dir/a.txt")));
    assertEquals("dir/a.txt", a.id());
    assertEquals("Storm hits coast", a.title());
    assertEquals("First paragraph.\n\nSecond.", a.body());
    rejected(
        ArticleParser.parseText("Only a title\n\n", "b.txt", Origin.ofFile("b.txt")),
        Reasons.NO_TEXT);
    rejected(ArticleParser.parseText(" \n\n", "c.txt", Origin.ofFile("c.txt")), Reasons.NO_TEXT);
  }
}
