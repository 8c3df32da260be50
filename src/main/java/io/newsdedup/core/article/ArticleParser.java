package io.newsdedup.core.article;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdedup.core.article.Rejection.Reasons;
import io.newsdedup.core.clean.HtmlExtractor;
import io.newsdedup.core.clean.HtmlPage;
import java.time.Instant;

/**
 * Turns one input record (a JSON line, a .txt file, an .html file) into an {@link Article} or a
 * {@link Rejection}. Never throws.
 *
 * <p>JSON fields: {@code id}, {@code url}, {@code source}, {@code title}, {@code text}, {@code
 * html}, {@code published_at}; unknown fields are ignored, {@code null} is the same as absent.
 * Numbers and booleans in string fields are taken as their text; an object or array where a string
 * belongs rejects the record ({@code invalid_field}). {@code text} wins over {@code html} when both
 * are non-blank; from {@code html} the main text, and any missing title, source, url and
 * published_at, are taken from the page. A record with neither rejects as {@code no_text}.
 */
public final class ArticleParser {
  private ArticleParser() {}

  private static final ObjectMapper JSON = createMapper();

  private static ObjectMapper createMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(256 * 1024 * 1024)
                    .maxNestingDepth(200)
                    .build())
            .build();
    return new ObjectMapper(factory);
  }

  /** The outcome of parsing one record: exactly one of the two is non-null. */
  public record Parsed(Article article, Rejection rejection) {
    static Parsed ok(Article a) {
      return new Parsed(a, null);
    }

    static Parsed rejected(Origin origin, String reason, String message, String raw) {
      return new Parsed(null, Rejection.of(origin, reason, message, raw));
    }
  }

  public static Parsed parseJsonLine(String line, Origin origin) {
    String raw = stripBom(line);
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      return Parsed.rejected(origin, Reasons.MALFORMED_JSON, shortMessage(e), line);
    } catch (RuntimeException e) {
      return Parsed.rejected(origin, Reasons.MALFORMED_JSON, String.valueOf(e.getMessage()), line);
    }
    if (node == null || !node.isObject()) {
      String kind = node == null ? "nothing" : node.getNodeType().toString().toLowerCase();
      return Parsed.rejected(origin, Reasons.NOT_AN_OBJECT, "expected a JSON object, got " + kind, line);
    }
    try {
      String id = field(node, "id");
      String url = field(node, "url");
      String source = field(node, "source");
      String title = field(node, "title");
      String text = field(node, "text");
      String html = field(node, "html");
      String published = field(node, "published_at");
      String body = text;
      if (isBlank(text) && !isBlank(html)) {
        HtmlPage page = HtmlExtractor.extract(html, url);
        body = page.text();
        title = firstNonBlank(title, page.title());
        source = firstNonBlank(source, page.siteName());
        url = firstNonBlank(url, page.canonicalUrl());
        published = firstNonBlank(published, page.publishedTime());
      }
      if (isBlank(body)) {
        String why =
            isBlank(text) && isBlank(html)
                ? "neither \"text\" nor \"html\" has any content"
                : "\"html\" has no article text";
        return Parsed.rejected(origin, Reasons.NO_TEXT, why, line);
      }
      return Parsed.ok(build(id, url, source, title, body, published, origin));
    } catch (InvalidField e) {
      return Parsed.rejected(origin, Reasons.INVALID_FIELD, e.getMessage(), line);
    }
  }

  /** A .txt file: the first non-blank line is the title, the rest the body. */
  public static Parsed parseText(String content, String id, Origin origin) {
    String s = stripBom(content).replace("\r\n", "\n").replace('\r', '\n');
    int start = 0;
    while (start < s.length()) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        end = s.length();
      }
      String line = s.substring(start, end).trim();
      if (!line.isEmpty()) {
        String body = end < s.length() ? s.substring(end + 1).strip() : "";
        if (body.isEmpty()) {
          return Parsed.rejected(origin, Reasons.NO_TEXT, "only a title line, no body", content);
        }
        return Parsed.ok(build(id, null, null, line, body, null, origin));
      }
      start = end + 1;
    }
    return Parsed.rejected(origin, Reasons.NO_TEXT, "empty file", content);
  }

  /** An .html page: title, text, og:site_name, canonical URL and published time from the page. */
  public static Parsed parseHtml(String content, String id, String baseUri, Origin origin) {
    HtmlPage page = HtmlExtractor.extract(stripBom(content), baseUri);
    if (isBlank(page.text())) {
      return Parsed.rejected(origin, Reasons.NO_TEXT, "the page has no article text", content);
    }
    return Parsed.ok(
        build(id, page.canonicalUrl(), page.siteName(), page.title(), page.text(),
            page.publishedTime(), origin));
  }

  private static Article build(
      String id, String url, String source, String title, String body, String published,
      Origin origin) {
    String finalId = isBlank(id) ? ArticleIds.derive(url, title, body) : id.trim();
    Instant at = Timestamps.parse(published);
    return new Article(
        finalId, blankToNull(url), blankToNull(source), blankToNull(title), body, at, origin);
  }

  private static final class InvalidField extends Exception {
    InvalidField(String message) {
      super(message, null, false, false);
    }
  }

  private static String field(JsonNode node, String name) throws InvalidField {
    JsonNode v = node.get(name);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isContainerNode()) {
      throw new InvalidField(
          "\"" + name + "\" must be a string, got " + v.getNodeType().toString().toLowerCase());
    }
    return v.asText();
  }

  private static String shortMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (e.getLocation() != null) {
      m += " at column " + e.getLocation().getColumnNr();
    }
    return m;
  }

  static String stripBom(String s) {
    return s != null && !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s.trim();
  }

  private static String firstNonBlank(String a, String b) {
    return isBlank(a) ? b : a;
  }
}
