package io.newsdedup.core.clean;

import static io.newsdedup.core.clean.HtmlStrings.collapse;
import static io.newsdedup.core.clean.HtmlStrings.words;
import static io.newsdedup.core.clean.PageChrome.insideArticle;
import static io.newsdedup.core.clean.PageChrome.isHardChrome;
import static io.newsdedup.core.clean.PageChrome.isSoftChrome;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Writes the text of the main container as paragraphs, for {@link HtmlExtractor}. Chrome is
 * skipped, as are {@code h1} (the title), lone {@code <time>} elements and link lists (ul, ol, dl,
 * div, section, table whose link text outweighs their other text). Block elements become paragraphs
 * separated by a blank line; inline elements join without extra spaces; {@code <br>} is a line
 * break; {@code pre} keeps its lines. Also turns plain text (a JSON-LD articleBody) into the same
 * paragraph form.
 */
final class TextRendering {
  /** Elements that start and end a paragraph. */
  private static final Set<String> BLOCKS =
      words(
          "p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 ul ol li "
              + "dl dt dd blockquote pre table thead tbody tfoot tr td th caption hr address "
              + "details summary figure figcaption form fieldset legend center hgroup body html "
              + "dialog menu noscript iframe video audio picture");

  /** Elements inside which a {@code <time>} is part of a sentence. */
  private static final Set<String> TEXT_BLOCKS =
      words("p li blockquote pre td th dd dt h2 h3 h4 h5 h6");

  private static final Set<String> LINK_LIST_TAGS = words("ul ol dl div section table");

  private final TextWeights w;
  private final int mainText;
  private final boolean mainInsideArticle;
  private final List<String> paragraphs = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private boolean pendingSpace;
  private int preDepth;
  private int textBlockDepth;
  private int articleDepth;

  private TextRendering(TextWeights w, Element main) {
    this.w = w;
    this.mainText = w.text(main);
    this.mainInsideArticle = insideArticle(main);
  }

  /** The text of {@code main}: paragraphs separated by a blank line; empty when none. */
  static String render(TextWeights w, Element main) {
    return new TextRendering(w, main).write(main);
  }

  private String write(Element main) {
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              text(t.getWholeText());
              return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (e != main && skip(e)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            open(e);
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
              close(e);
            }
            return FilterResult.CONTINUE;
          }
        },
        main);
    breakParagraph();
    return String.join("\n\n", paragraphs);
  }

  private boolean skip(Element e) {
    String tag = e.normalName();
    if (tag.equals("h1")) {
      return true;
    }
    if (tag.equals("time") && textBlockDepth == 0) {
      return true;
    }
    if (isHardChrome(e, mainInsideArticle || articleDepth > 0)) {
      return true;
    }
    int text = w.text(e);
    if (isSoftChrome(e) && 2 * text < mainText) {
      return true;
    }
    // Link lists ("Related", "More stories") without a class to give them away.
    return LINK_LIST_TAGS.contains(tag) && w.links(e) > text && 2 * text < mainText;
  }

  private void open(Element e) {
    String tag = e.normalName();
    if (tag.equals("br")) {
      current.append('\n');
      pendingSpace = false;
      return;
    }
    if (BLOCKS.contains(tag)) {
      breakParagraph();
    }
    if (tag.equals("pre")) {
      preDepth++;
    }
    if (TEXT_BLOCKS.contains(tag)) {
      textBlockDepth++;
    }
    if (tag.equals("article")) {
      articleDepth++;
    }
  }

  private void close(Element e) {
    String tag = e.normalName();
    if (tag.equals("pre")) {
      preDepth--;
    }
    if (TEXT_BLOCKS.contains(tag)) {
      textBlockDepth--;
    }
    if (tag.equals("article")) {
      articleDepth--;
    }
    if (BLOCKS.contains(tag)) {
      breakParagraph();
    }
  }

  private void text(String s) {
    if (preDepth > 0) {
      current.append(s.replace("\r\n", "\n").replace('\r', '\n'));
      return;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        pendingSpace = true;
      } else {
        if (pendingSpace && current.length() > 0 && current.charAt(current.length() - 1) != '\n') {
          current.append(' ');
        }
        pendingSpace = false;
        current.append(c);
      }
    }
  }

  private void breakParagraph() {
    pendingSpace = false;
    if (current.length() == 0) {
      return;
    }
    String p = collapseLines(current.toString());
    current.setLength(0);
    if (!p.isEmpty()) {
      paragraphs.add(p);
    }
  }

  /** Trims each line, drops blank ones; the lines of one paragraph stay joined by '\n'. */
  static String collapseLines(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(t);
      }
    }
    return out.toString();
  }

  /** Plain text (e.g. JSON-LD articleBody): paragraphs separated by one blank line. */
  static String collapseParagraphs(String s) {
    List<String> out = new ArrayList<>();
    for (String para : s.split("\\R[\\s&&[^\\n\\r]]*\\R")) {
      StringBuilder p = new StringBuilder();
      for (String line : para.split("\\R")) {
        String t = collapse(line);
        if (!t.isEmpty()) {
          p.append(p.length() > 0 ? "\n" : "").append(t);
        }
      }
      if (p.length() > 0) {
        out.add(p.toString());
      }
    }
    return String.join("\n\n", out);
  }
}
