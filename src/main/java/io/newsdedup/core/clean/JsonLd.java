package io.newsdedup.core.clean;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The few facts {@link HtmlExtractor} wants from a page's JSON-LD blocks: publisher name, date
 * published and article body. Tolerant: comments, trailing commas, raw control characters, HTML
 * comment or CDATA wrappers, several values in one block, arrays and {@code @graph} are all fine,
 * and a block that cannot be read is skipped.
 */
final class JsonLd {
  private static final ObjectReader READER =
      JsonMapper.builder()
          .enable(
              JsonReadFeature.ALLOW_JAVA_COMMENTS,
              JsonReadFeature.ALLOW_TRAILING_COMMA,
              JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
              JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
              JsonReadFeature.ALLOW_SINGLE_QUOTES,
              JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
              JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
          .build()
          .readerFor(JsonNode.class);

  /** At most this many JSON objects are looked at per page. */
  private static final int MAX_OBJECTS = 5_000;

  private final List<JsonNode> objects = new ArrayList<>();
  private final List<JsonNode> articles = new ArrayList<>();
  private final Map<String, JsonNode> byId = new HashMap<>();

  /**
   * @param blocks the text of each {@code application/ld+json} script
   */
  JsonLd(List<String> blocks) {
    for (String block : blocks) {
      read(unwrap(block));
    }
    for (JsonNode o : objects) {
      JsonNode id = o.get("@id");
      if (id != null && id.isTextual()) {
        byId.putIfAbsent(id.asText(), o);
      }
      if (isArticle(o.get("@type"))) {
        articles.add(o);
      }
    }
  }

  private static String unwrap(String s) {
    String t = s.strip();
    for (String prefix : new String[] {"<!--", "//<![CDATA[", "<![CDATA["}) {
      if (t.startsWith(prefix)) {
        t = t.substring(prefix.length()).strip();
      }
    }
    for (String suffix : new String[] {"-->", "//]]>", "]]>"}) {
      if (t.endsWith(suffix)) {
        t = t.substring(0, t.length() - suffix.length()).strip();
      }
    }
    return t;
  }

  private void read(String json) {
    if (json.isEmpty()) {
      return;
    }
    try (MappingIterator<JsonNode> values = READER.readValues(json)) {
      while (values.hasNextValue()) {
        collect(values.nextValue());
      }
    } catch (Exception e) {
      // Garbage or a truncated block: keep whatever was read before it.
    }
  }

  /** Adds every object in the tree (iteratively: nesting depth is attacker-controlled). */
  private void collect(JsonNode root) {
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty() && objects.size() < MAX_OBJECTS) {
      JsonNode n = todo.pop();
      if (n.isObject()) {
        objects.add(n);
      }
      if (n.isContainerNode()) {
        List<JsonNode> children = new ArrayList<>();
        n.elements().forEachRemaining(children::add);
        for (int i = children.size() - 1; i >= 0; i--) {
          if (children.get(i).isContainerNode()) {
            todo.push(children.get(i));
          }
        }
      }
    }
  }

  private static boolean isArticle(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText("");
    t = t.substring(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1);
    return t.endsWith("Article") || t.endsWith("Posting") || t.equals("Report");
  }

  /** The publisher's name: from an article object first, then from any object. */
  String publisherName() {
    for (List<JsonNode> pool : List.of(articles, objects)) {
      for (JsonNode o : pool) {
        String name = nameOf(o.get("publisher"), 0);
        if (name != null) {
          return name;
        }
      }
    }
    return null;
  }

  private String nameOf(JsonNode n, int depth) {
    if (n == null || depth > 3) {
      return null;
    }
    if (n.isTextual()) {
      return blankToNull(n.asText());
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        String name = nameOf(e, depth + 1);
        if (name != null) {
          return name;
        }
      }
      return null;
    }
    if (n.isObject()) {
      JsonNode name = n.get("name");
      if (name != null && name.isValueNode()) {
        String s = blankToNull(name.asText());
        if (s != null) {
          return s;
        }
      }
      JsonNode id = n.get("@id");
      if (id != null && id.isTextual()) {
        JsonNode target = byId.get(id.asText());
        if (target != null && target != n) {
          return nameOf(target, depth + 1);
        }
      }
    }
    return null;
  }

  /** datePublished as written: from an article object first, then from any object. */
  String datePublished() {
    return firstText("datePublished");
  }

  /** articleBody of an article object, if any. */
  String articleBody() {
    for (JsonNode o : articles) {
      String s = text(o.get("articleBody"));
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private String firstText(String field) {
    for (List<JsonNode> pool : List.of(articles, objects)) {
      for (JsonNode o : pool) {
        String s = text(o.get(field));
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isArray()) {
      Iterator<JsonNode> it = n.elements();
      return it.hasNext() ? text(it.next()) : null;
    }
    if (n.isObject()) {
      JsonNode v = n.get("@value");
      return v != null && v.isValueNode() ? blankToNull(v.asText()) : null;
    }
    return n.isValueNode() ? blankToNull(n.asText()) : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
