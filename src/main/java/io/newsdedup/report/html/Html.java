package io.newsdedup.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds report pages out of {@link Node}s, so that untrusted text (titles, bodies, URLs, sources,
 * raw payloads) is escaped by construction, wherever it goes.
 *
 * <ul>
 *   <li>{@link #el} and {@link #text}: elements and text; text and attribute values are escaped
 *       when written: {@code & < > " '} and U+2028/U+2029 become references; C0 controls other than
 *       tab and line breaks, and lone surrogates, become U+FFFD.
 *   <li>{@link #bdi}: text in a {@code <bdi>} so that right-to-left text and stray bidi controls
 *       cannot reorder the surrounding page.
 *   <li>{@link #link}: only an {@code http(s)://} URL becomes a link ({@code rel="noopener
 *       noreferrer nofollow"}); anything else ({@code javascript:}, {@code data:}, relative) is
 *       shown as text.
 *   <li>{@link #visible}: raw payloads: as {@link #text}, and invisible characters (controls,
 *       zero-width, bidi controls, BOM) shown as {@code U+XXXX} marks.
 *   <li>{@link #jsonScript}: JSON in {@code <script type="application/json">}: {@code < > &} and
 *       U+2028/U+2029 as {@code \}{@code uXXXX} escapes, so no {@code </script>} or {@code <!--}
 *       can end or alter the block; still valid JSON.
 * </ul>
 */
public final class Html {
  private Html() {}

  private static final Pattern WEB_URL =
      Pattern.compile(
          "https?://[^\\s\\p{Cntrl}\\p{Cf}\\u2028\\u2029\"'<>`]+", Pattern.CASE_INSENSITIVE);

  /** Nothing. */
  public static final Node EMPTY = new Group(List.of());

  /** A new element {@code <name>}. */
  public static Tag el(String name) {
    return new Tag(name);
  }

  /** Text; null is empty. */
  public static Node text(String s) {
    return new Text(s);
  }

  /** The nodes one after the other; nulls are skipped. */
  public static Node group(Node... nodes) {
    return group(Arrays.asList(nodes));
  }

  /** The nodes one after the other; nulls are skipped. */
  public static Node group(List<? extends Node> nodes) {
    List<Node> l = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      if (n != null) {
        l.add(n);
      }
    }
    return new Group(l);
  }

  /** Text inside {@code <bdi>}: its direction is isolated from the page. */
  public static Tag bdi(String s) {
    return el("bdi").text(s);
  }

  /** Text, at most {@code max} characters (then "…"), inside {@code <bdi>}. */
  public static Tag bdi(String s, int max) {
    return bdi(clip(s, max));
  }

  /** At most {@code max} characters, "…" appended when cut; never splits a surrogate pair. */
  public static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }

  /** Whether {@code url} may be a link: http or https, and nothing a browser would reinterpret. */
  public static boolean isWebUrl(String url) {
    return url != null && url.length() <= 4096 && WEB_URL.matcher(url).matches();
  }

  /**
   * A link to {@code url} labelled {@code label} (the URL itself, clipped, when null) when it is a
   * web URL; otherwise the label, or the URL, as plain text in {@code <span class="nolink">}.
   */
  public static Node link(String url, String label) {
    String shown = label == null ? clip(url, 120) : label;
    if (!isWebUrl(url)) {
      return url == null && label == null ? EMPTY : el("span").cls("nolink").add(bdi(shown));
    }
    return el("a")
        .attr("href", url)
        .attr("rel", "noopener noreferrer nofollow")
        .attr("target", "_blank")
        .add(bdi(shown));
  }

  /**
   * Text with invisible and control characters made visible as {@code <span
   * class="cc">U+XXXX</span>} (line breaks and tabs are kept).
   */
  public static Node visible(String s) {
    if (s == null) {
      return EMPTY;
    }
    List<Node> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (isInvisible(cp) || (Character.isSurrogate(s.charAt(i)) && n == 1)) {
        if (from < i) {
          out.add(text(s.substring(from, i)));
        }
        out.add(el("span").cls("cc").text(String.format(Locale.ROOT, "U+%04X", cp)));
        from = i + n;
      }
      i += n;
    }
    if (from < s.length()) {
      out.add(text(s.substring(from)));
    }
    return new Group(out);
  }

  private static boolean isInvisible(int cp) {
    if (cp == '\n' || cp == '\t') {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || cp == 0xFFFE
        || cp == 0xFFFF;
  }

  /** {@code <script type="application/json" id="ID">} holding {@code json}, made inert. */
  public static Tag jsonScript(String id, String json) {
    return el("script").attr("type", "application/json").id(id).code(scriptJson(json));
  }

  /** Escaped for HTML text or a double-quoted attribute; null is "". */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = replacement(s, i, c);
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static String replacement(String s, int i, char c) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      case '"':
        return "&quot;";
      case '\'':
        return "&#39;";
      default:
        break;
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      return "\uFFFD";
    }
    if (c == '\u2028' || c == '\u2029') {
      return c == '\u2028' ? "&#x2028;" : "&#x2029;";
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null : "\uFFFD";
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) ? null : "\uFFFD";
    }
    return null;
  }

  /** JSON text made safe to embed in {@code <script type="application/json">}. */
  static String scriptJson(String json) {
    StringBuilder sb = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> sb.append("\\u003c");
        case '>' -> sb.append("\\u003e");
        case '&' -> sb.append("\\u0026");
        case '\u2028' -> sb.append("\\u2028");
        case '\u2029' -> sb.append("\\u2029");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
