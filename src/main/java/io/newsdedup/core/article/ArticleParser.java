package io.newsdedup.core.article;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdedup.core.article.Rejection.Reasons;
import io.newsdedup.core.clean.HtmlExtractor;
import io.newsdedup.core.clean.HtmlPage;
import io.newsdedup.core.clean.TextNormalizer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

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
 *
 * <p>A line is malformed ({@code malformed_json}) unless it is exactly one JSON value: anything
 * after the value (a second object, garbage) and a field name used twice in one object reject it,
 * as does nesting deeper than {@value #MAX_NESTING_DEPTH}. "Blank" means no visible content ({@link
 * TextNormalizer#isBlank}: no-break spaces, zero-width and control characters are blank). Unpaired
 * surrogates (from JSON escapes) become U+FFFD in every field. A body that is mostly invalid UTF-8
 * or control characters is rejected as {@code binary_content}.
 */
public final class ArticleParser {
  private ArticleParser() {}

  static final int MAX_NESTING_DEPTH = 200;

  private static final ObjectMapper JSON = createMapper();

  private static ObjectMapper createMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(256 * 1024 * 1024)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            // {"text": "a", "text": "b"} is ambiguous: reject it rather than keep the last value.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    // "{...} {...}" on one line: without this the second object would be dropped silently.
    return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * The outcome of parsing one record: exactly one of {@code article} and {@code rejection} is
   * non-null. {@code unparseableTimestamp}: the article had a {@code published_at} (or a page time)
   * that could not be parsed, so it has no timestamp.
   */
  public record Parsed(Article article, Rejection rejection, boolean unparseableTimestamp) {
    public Parsed(Article article, Rejection rejection) {
      this(article, rejection, false);
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
      String kind =
          node == null || node.isMissingNode()
              ? "nothing"
              : node.getNodeType().toString().toLowerCase(Locale.ROOT);
      return Parsed.rejected(
          origin, Reasons.NOT_AN_OBJECT, "expected a JSON object, got " + kind, line);
    }
    try {
      String id = field(node, "id", raw);
      String url = field(node, "url", raw);
      String source = field(node, "source", raw);
      String title = field(node, "title", raw);
      String text = field(node, "text", raw);
      String html = field(node, "html", raw);
      String published = field(node, "published_at", raw);
      String body = text;
      boolean fromHtml = isBlank(text) && !isBlank(html);
      if (fromHtml) {
        if (RawText.looksBinary(html)) {
          return Parsed.rejected(
              origin, Reasons.BINARY_CONTENT, RawText.binaryMessage("\"html\"", html), line);
        }
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
                ? "neither \"text\" nor \"html\" has any content" + fieldsNote(node)
                : "\"html\" has no article text";
        return Parsed.rejected(origin, Reasons.NO_TEXT, why, line);
      }
      if (!fromHtml && RawText.looksBinary(body)) {
        return Parsed.rejected(
            origin, Reasons.BINARY_CONTENT, RawText.binaryMessage("\"text\"", body), line);
      }
      return build(id, url, source, title, body, published, origin);
    } catch (InvalidField e) {
      return Parsed.rejected(origin, Reasons.INVALID_FIELD, e.getMessage(), line);
    }
  }

  /**
   * A .txt file: the first non-blank line is the title, the rest the body. A file that is mostly
   * invalid UTF-8 or control characters is {@code binary_content}.
   */
  public static Parsed parseText(String content, String id, Origin origin) {
    if (RawText.looksBinary(content)) {
      return Parsed.rejected(
          origin, Reasons.BINARY_CONTENT, RawText.binaryMessage("the file", content), content);
    }
    String s = stripBom(content).replace("\r\n", "\n").replace('\r', '\n');
    int start = 0;
    while (start < s.length()) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        end = s.length();
      }
      String line = s.substring(start, end);
      if (!isBlank(line)) {
        String body = end < s.length() ? s.substring(end + 1).strip() : "";
        if (isBlank(body)) {
          return Parsed.rejected(origin, Reasons.NO_TEXT, "only a title line, no body", content);
        }
        return build(id, null, null, line, body, null, origin);
      }
      start = end + 1;
    }
    return Parsed.rejected(origin, Reasons.NO_TEXT, "empty file", content);
  }

  /**
   * An .html page: title, text, og:site_name, canonical URL and published time from the page. A
   * file that is mostly invalid UTF-8 or control characters is {@code binary_content}.
   */
  public static Parsed parseHtml(String content, String id, String baseUri, Origin origin) {
    if (RawText.looksBinary(content)) {
      return Parsed.rejected(
          origin, Reasons.BINARY_CONTENT, RawText.binaryMessage("the file", content), content);
    }
    HtmlPage page = HtmlExtractor.extract(stripBom(content), baseUri);
    if (isBlank(page.text())) {
      return Parsed.rejected(origin, Reasons.NO_TEXT, "the page has no article text", content);
    }
    return build(
        id,
        page.canonicalUrl(),
        page.siteName(),
        page.title(),
        page.text(),
        page.publishedTime(),
        origin);
  }

  /**
   * A page a crawler captured (a WARC {@code response} or {@code resource} record): read as an
   * .html file is, with {@code target} (its {@code WARC-Target-URI}) as base URI. The URL is the
   * page's canonical one, else {@code target}; the id is that URL; the time is the page's, else
   * none (the crawl time is kept apart, in the {@link Capture}, never taken for it).
   */
  public static Parsed parseCapture(String html, String target, Capture capture, Origin origin) {
    if (RawText.looksBinary(html)) {
      return Parsed.rejected(
          origin, Reasons.BINARY_CONTENT, RawText.binaryMessage("the payload", html), html);
    }
    HtmlPage page = HtmlExtractor.extract(stripBom(html), target);
    if (isBlank(page.text())) {
      return Parsed.rejected(origin, Reasons.NO_TEXT, "the page has no article text", html);
    }
    String url = firstNonBlank(page.canonicalUrl(), target);
    return build(
        url.strip(),
        url,
        page.siteName(),
        page.title(),
        page.text(),
        page.publishedTime(),
        capture,
        origin);
  }

  private static Parsed build(
      String id,
      String url,
      String source,
      String title,
      String body,
      String published,
      Origin origin) {
    return build(id, url, source, title, body, published, null, origin);
  }

  /** Every field well-formed UTF-16 (unpaired surrogates to U+FFFD), blanks to null. */
  private static Parsed build(
      String id,
      String url,
      String source,
      String title,
      String body,
      String published,
      Capture capture,
      Origin origin) {
    url = RawText.wellFormed(url);
    title = RawText.wellFormed(title);
    body = RawText.wellFormed(body);
    String finalId =
        isBlank(id)
            ? ArticleIds.derive(isBlank(url) ? null : url, title, body)
            : RawText.wellFormed(id).trim();
    Instant at = Timestamps.parse(published);
    Article a =
        new Article(
            finalId,
            blankToNull(url),
            blankToNull(RawText.wellFormed(source)),
            blankToNull(title),
            body,
            at,
            capture,
            origin);
    return new Parsed(a, null, at == null && !isBlank(published));
  }

  /**
   * " (the record's fields: A, B, ...)" when it has neither a "text" nor an "html" field, to spot a
   * misnamed one ("Text", "body").
   */
  private static String fieldsNote(JsonNode node) {
    if (node.has("text") || node.has("html")) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext() && names.size() < 10; ) {
      names.add(it.next());
    }
    if (names.isEmpty()) {
      return "";
    }
    return " (the record's fields: "
        + String.join(", ", names)
        + (node.size() > names.size() ? ", ..." : "")
        + ")";
  }

  private static final class InvalidField extends Exception {
    InvalidField(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A scalar field as text; a number exactly as the line writes it ({@code 1e400}, {@code -0},
   * {@code 12345678901234567.5}: the tree model would turn them into doubles, and two ids into
   * one).
   */
  private static String field(JsonNode node, String name, String raw) throws InvalidField {
    JsonNode v = node.get(name);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isContainerNode()) {
      throw new InvalidField(
          "\""
              + name
              + "\" must be a string, got "
              + v.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return v.isNumber() ? numberAsWritten(raw, name) : v.asText();
  }

  /** The text of the top-level number field {@code name} of a JSON object already parsed once. */
  private static String numberAsWritten(String raw, String name) {
    try (JsonParser p = JSON.getFactory().createParser(raw)) {
      p.nextToken(); // {
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        boolean wanted = name.equals(p.currentName());
        p.nextToken();
        if (wanted) {
          return p.getText();
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      throw new IllegalStateException("a line that parsed once no longer parses", e);
    }
    throw new IllegalStateException("field " + name + " not found again");
  }

  private static String shortMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (e.getLocation() != null) {
      m += " at column " + e.getLocation().getColumnNr();
    }
    return m;
  }

  /** {@code s} without a leading byte-order mark. */
  public static String stripBom(String s) {
    return s != null && !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  private static boolean isBlank(String s) {
    return TextNormalizer.isBlank(s);
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s.trim();
  }

  private static String firstNonBlank(String a, String b) {
    return isBlank(a) ? b : a;
  }
}
