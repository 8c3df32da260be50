package io.newsdedup.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Escaping of untrusted text (titles, bodies, URLs, sources, raw payloads) for each place it goes.
 *
 * <ul>
 *   <li>{@link #text}: HTML text and double-quoted attribute values (also SVG text): {@code & < >
 *       " '} become entities; C0 controls other than tab and line breaks, and lone surrogates,
 *       become U+FFFD.
 *   <li>{@link #bdi}: text in a {@code <bdi>} so that right-to-left text and stray bidi controls
 *       cannot reorder the surrounding page.
 *   <li>{@link #link}: only an {@code http(s)://} URL becomes a link ({@code rel="noopener
 *       noreferrer nofollow"}); anything else ({@code javascript:}, {@code data:}, relative) is
 *       shown as text.
 *   <li>{@link #visible}: raw payloads: as {@link #text}, and invisible characters (controls,
 *       zero-width, bidi controls, BOM) shown as {@code U+XXXX} marks.
 *   <li>{@link #scriptJson}: JSON placed in {@code <script type="application/json">}: {@code < > &}
 *       and U+2028/U+2029 as {@code \}{@code uXXXX} escapes, so no {@code </script>} or {@code
 *       <!--} can end or alter the block; still valid JSON.
 * </ul>
 */
final class Html {
  private Html() {}

  private static final Pattern WEB_URL = Pattern.compile(
      "https?://[^\\s\\p{Cntrl}\\p{Cf}\\u2028\\u2029\"'<>`]+", Pattern.CASE_INSENSITIVE);

  /** Escaped for HTML text or a double-quoted attribute; null is "". */
  static String text(String s) {
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
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null : "\uFFFD";
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) ? null : "\uFFFD";
    }
    return null;
  }

  /** Escaped text inside {@code <bdi>}: its direction is isolated from the page. */
  static String bdi(String s) {
    return "<bdi>" + text(s) + "</bdi>";
  }

  /** Escaped text, at most {@code max} characters (then "…"), inside {@code <bdi>}. */
  static String bdi(String s, int max) {
    return bdi(clip(s, max));
  }

  /** At most {@code max} characters, "…" appended when cut; never splits a surrogate pair. */
  static String clip(String s, int max) {
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
  static boolean isWebUrl(String url) {
    return url != null && url.length() <= 4096 && WEB_URL.matcher(url).matches();
  }

  /**
   * A link to {@code url} labelled {@code label} (the URL itself when null) when it is a web URL;
   * otherwise the label, or the URL, as plain text.
   */
  static String link(String url, String label) {
    String shown = label == null ? clip(url, 120) : label;
    if (!isWebUrl(url)) {
      return url == null && label == null ? "" : "<span class=\"nolink\">" + bdi(shown) + "</span>";
    }
    return "<a href=\"" + text(url) + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
        + bdi(shown) + "</a>";
  }

  /**
   * Escaped like {@link #text}, with invisible and control characters made visible as {@code
   * <span class="cc">U+XXXX</span>} (line breaks and tabs are kept).
   */
  static String visible(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 32);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (isInvisible(cp) || (Character.isSurrogate(s.charAt(i)) && n == 1)) {
        sb.append("<span class=\"cc\">U+")
            .append(String.format(Locale.ROOT, "%04X", cp))
            .append("</span>");
      } else {
        sb.append(text(s.substring(i, i + n)));
      }
      i += n;
    }
    return sb.toString();
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
