package io.newsdedup.core.clean;

import static io.newsdedup.core.clean.HtmlStrings.nonBlankLength;
import static io.newsdedup.core.clean.PageChrome.isHardChrome;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Per-element amounts of text (non-blank characters outside links) and link text, hard chrome left
 * out; computed for every element in one pass over the page. {@link ContentScoring} and {@link
 * TextRendering} weigh candidates and chrome against them.
 */
final class TextWeights {
  private final Map<Element, long[]> byElement = new IdentityHashMap<>();

  private TextWeights() {}

  static TextWeights of(Element root) {
    TextWeights w = new TextWeights();
    List<long[]> stack = new ArrayList<>();
    int[] linkDepth = {0};
    int[] articleDepth = {0};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              if (!stack.isEmpty()) {
                int len = nonBlankLength(t.getWholeText());
                stack.get(stack.size() - 1)[linkDepth[0] > 0 ? 1 : 0] += len;
              }
              return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
              return FilterResult.CONTINUE;
            }
            if (e != root && isHardChrome(e, articleDepth[0] > 0)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            stack.add(new long[2]);
            if (e.normalName().equals("a")) {
              linkDepth[0]++;
            }
            if (e.normalName().equals("article")) {
              articleDepth[0]++;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
              return FilterResult.CONTINUE;
            }
            long[] mine = stack.remove(stack.size() - 1);
            if (e.normalName().equals("a")) {
              linkDepth[0]--;
            }
            if (e.normalName().equals("article")) {
              articleDepth[0]--;
            }
            if (mine[0] + mine[1] > 0) {
              w.byElement.put(e, mine);
            }
            if (!stack.isEmpty()) {
              long[] parent = stack.get(stack.size() - 1);
              parent[0] += mine[0];
              parent[1] += mine[1];
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    return w;
  }

  /** Non-link text under {@code e}, without hard chrome. */
  int text(Element e) {
    long[] v = byElement.get(e);
    return v == null ? 0 : (int) Math.min(Integer.MAX_VALUE, v[0]);
  }

  /** Link text under {@code e}, without hard chrome. */
  int links(Element e) {
    long[] v = byElement.get(e);
    return v == null ? 0 : (int) Math.min(Integer.MAX_VALUE, v[1]);
  }
}
