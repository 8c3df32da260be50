package io.newsdedup.report.html;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTML (or inline SVG) element under construction: {@code Html.el("td").cls("n").text(s)}.
 * Attribute values and text are escaped when written; names are checked: no event handler ({@code
 * on*}), no {@code style}, and {@code href}/{@code src} only to an {@code http(s)} URL or a
 * relative one without a scheme. {@code <script>} and {@code <style>} hold no text or children,
 * only {@link #code} or {@link Html#jsonScript}, which cannot end the element early.
 */
public final class Tag implements Node {
  private static final Pattern TAG_NAME = Pattern.compile("[a-z][a-z0-9]*");
  private static final Pattern ATTR_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");
  private static final String URL_CHAR = "[^\\s\\p{Cntrl}\\p{Cf}\\u2028\\u2029\\\\\"'<>`";
  private static final Pattern RELATIVE_URL =
      Pattern.compile("(?!//)" + URL_CHAR + ":/?#]*([/?#]" + URL_CHAR + "]*)?");
  private static final Set<String> VOID =
      Set.of(
          "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
          "track", "wbr");
  private static final Set<String> RAW_TEXT = Set.of("script", "style");
  private static final Set<String> URL_ATTRS = Set.of("href", "src", "action", "formaction");

  private final String name;
  private final List<String> attrs = new ArrayList<>(4);
  private List<Node> children;
  private String code;

  Tag(String name) {
    if (!TAG_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an element name: " + name);
    }
    this.name = name;
  }

  /** The element's name. */
  public String name() {
    return name;
  }

  /** Sets attribute {@code name} to {@code value} (escaped); a null value adds nothing. */
  public Tag attr(String name, String value) {
    checkAttr(name, value);
    if (value != null) {
      attrs.add(name);
      attrs.add(value);
    }
    return this;
  }

  /** Sets attribute {@code name} to a number. */
  public Tag attr(String name, long value) {
    return attr(name, Long.toString(value));
  }

  /** Sets the {@code class} attribute; null adds nothing. */
  public Tag cls(String classes) {
    return attr("class", classes);
  }

  /** Sets the {@code id} attribute; null adds nothing. */
  public Tag id(String id) {
    return attr("id", id);
  }

  /** Appends text (escaped when written); null appends nothing. */
  public Tag text(String text) {
    return text == null || text.isEmpty() ? this : add(new Text(text));
  }

  /** Appends the nodes; null ones are skipped. */
  public Tag add(Node... nodes) {
    for (Node n : nodes) {
      if (n != null) {
        children().add(n);
      }
    }
    return this;
  }

  /** Appends the nodes; null ones are skipped. */
  public Tag add(Iterable<? extends Node> nodes) {
    for (Node n : nodes) {
      add(n);
    }
    return this;
  }

  /**
   * The content of a {@code <script>} or {@code <style>} element: code shipped with the program
   * (never data). It is refused if it could end the element or open a comment in it.
   */
  public Tag code(String code) {
    if (!RAW_TEXT.contains(name) || this.code != null) {
      throw new IllegalStateException(
          "code only goes once into <script> or <style>, not <" + name + ">");
    }
    if (contains(code, "</" + name) || contains(code, "<!--")) {
      throw new IllegalArgumentException("the <" + name + "> code could end its element early");
    }
    this.code = code;
    return this;
  }

  /** Whether {@code s} contains {@code part}, ignoring case (without copying {@code s}). */
  private static boolean contains(String s, String part) {
    for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
      if (s.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  private List<Node> children() {
    if (VOID.contains(name) || RAW_TEXT.contains(name)) {
      throw new IllegalStateException("<" + name + "> holds no text or elements");
    }
    if (children == null) {
      children = new ArrayList<>();
    }
    return children;
  }

  private static void checkAttr(String name, String value) {
    if (!ATTR_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an attribute name: " + name);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("on") || lower.equals("style") || lower.equals("srcdoc")) {
      throw new IllegalArgumentException("attribute not allowed: " + name);
    }
    if (value != null
        && URL_ATTRS.contains(lower)
        && !Html.isWebUrl(value)
        && !RELATIVE_URL.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " is neither a web URL nor a relative one");
    }
  }

  @Override
  public void writeTo(Appendable out) throws IOException {
    writeStart(out);
    writeEnd(out);
  }

  /** The start tag and the content so far; {@link #writeEnd} closes it. */
  void writeStart(Appendable out) throws IOException {
    out.append('<').append(name);
    for (int i = 0; i < attrs.size(); i += 2) {
      out.append(' ')
          .append(attrs.get(i))
          .append("=\"")
          .append(Html.escape(attrs.get(i + 1)))
          .append('"');
    }
    out.append('>');
    if (code != null) {
      out.append(code);
    }
    if (children != null) {
      for (Node n : children) {
        n.writeTo(out);
      }
    }
  }

  void writeEnd(Appendable out) throws IOException {
    if (!VOID.contains(name)) {
      out.append("</").append(name).append('>');
    }
  }

  boolean canHoldChildren() {
    return !VOID.contains(name) && !RAW_TEXT.contains(name);
  }

  @Override
  public String toString() {
    return html();
  }
}
