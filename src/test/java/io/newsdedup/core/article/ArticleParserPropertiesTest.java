package io.newsdedup.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.clean.TextNormalizer;
import io.newsdedup.testing.Gen;
import io.newsdedup.testing.PropertyCheck;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link ArticleParser} on hostile lines, fixed seed: it never throws, every record
 * is exactly an article or a rejection, the same line always gives the same result, and what it
 * lets through is usable (non-blank id and body, well-formed UTF-16 in every field).
 */
class ArticleParserPropertiesTest {
  private static final long SEED = 5_2024_05_01L;
  private static final int TRIES = 1000;
  private static final Origin AT = Origin.ofLine("feed.jsonl", 3);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FIELDS = {
    "id", "url", "source", "title", "text", "html", "published_at", "extra", "Text", ""
  };

  /** A JSON value of any kind, strings hostile. */
  private static Object value(SplittableRandom r, int depth) {
    return switch (r.nextInt(depth > 2 ? 6 : 9)) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2 -> r.nextLong();
      case 3 -> r.nextDouble() * 1e6;
      case 4, 5 -> Gen.string(r, 40);
      case 6 -> Arrays.asList(value(r, depth + 1), value(r, depth + 1));
      case 7 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Gen.string(r, 3), value(r, depth + 1));
        yield m;
      }
      default -> "<html><body><article><p>" + Gen.string(r, 40) + "</p></article></body></html>";
    };
  }

  /** A JSON object line, sometimes damaged (cut, a character inserted, two on one line). */
  static String line(SplittableRandom r) {
    if (r.nextInt(5) == 0) {
      return Gen.string(r, 40);
    }
    Map<String, Object> record = new LinkedHashMap<>();
    for (int i = 0, n = r.nextInt(8); i < n; i++) {
      String f = FIELDS[r.nextInt(FIELDS.length)];
      record.put(f, f.equals("text") && r.nextBoolean() ? Gen.string(r, 60) : value(r, 0));
    }
    String json;
    try {
      json = JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return switch (r.nextInt(8)) {
      case 0 -> json.substring(0, r.nextInt(json.length() + 1));
      case 1 -> {
        int at = r.nextInt(json.length() + 1);
        yield json.substring(0, at) + Gen.string(r, 2) + json.substring(at);
      }
      case 2 -> json + " " + json;
      case 3 -> "\ufeff" + json;
      default -> json;
    };
  }

  @Test
  void neverThrowsAndGivesExactlyOneOutcome() {
    PropertyCheck.forAllStrings(
        "parseJsonLine: one outcome, no exception",
        SEED,
        TRIES,
        ArticleParserPropertiesTest::line,
        s -> {
          Parsed p = ArticleParser.parseJsonLine(s, AT);
          assertTrue((p.article() == null) != (p.rejection() == null), String.valueOf(p));
        });
  }

  @Test
  void isDeterministic() {
    PropertyCheck.forAllStrings(
        "parseJsonLine is deterministic",
        SEED + 1,
        TRIES,
        ArticleParserPropertiesTest::line,
        s ->
            assertEquals(
                ArticleParser.parseJsonLine(s, AT),
                ArticleParser.parseJsonLine(new String(s), AT)));
  }

  @Test
  void articlesAreUsableAndRejectionsKeepTheLine() {
    PropertyCheck.forAllStrings(
        "parseJsonLine output is usable",
        SEED + 2,
        TRIES,
        ArticleParserPropertiesTest::line,
        s -> {
          Parsed p = ArticleParser.parseJsonLine(s, AT);
          if (p.rejection() != null) {
            Rejection r = p.rejection();
            assertEquals(AT, r.origin());
            assertEquals(Rejection.truncate(s), r.raw(), "raw is the line, cut to 4 KB");
            assertFalse(r.reason().isBlank() || r.message().isBlank());
            return;
          }
          Article a = p.article();
          assertEquals(AT, a.origin());
          assertFalse(TextNormalizer.isBlank(a.id()), "blank id");
          assertFalse(TextNormalizer.isBlank(a.body()), "blank body");
          for (String field : new String[] {a.id(), a.url(), a.source(), a.title(), a.body()}) {
            assertTrue(wellFormed(field), "unpaired surrogate");
          }
        });
  }

  @Test
  void textAndHtmlFilesNeverThrow() {
    PropertyCheck.forAllStrings(
        "parseText/parseHtml: one outcome",
        SEED + 3,
        TRIES / 2,
        r -> Gen.string(r, 60),
        s -> {
          List<Parsed> all = new ArrayList<>();
          all.add(ArticleParser.parseText(s, "a.txt", Origin.ofFile("a.txt")));
          all.add(ArticleParser.parseHtml(s, "a.html", "", Origin.ofFile("a.html")));
          for (Parsed p : all) {
            assertTrue((p.article() == null) != (p.rejection() == null), String.valueOf(p));
            if (p.article() != null) {
              assertFalse(TextNormalizer.isBlank(p.article().body()));
              assertTrue(wellFormed(p.article().title()));
            }
          }
        });
  }

  /** No unpaired surrogate (checked here independently of {@link RawText}). */
  static boolean wellFormed(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
