package io.newsdedup.core.clean;

import static io.newsdedup.core.clean.HtmlStrings.nonBlankLength;
import static io.newsdedup.core.clean.PageChrome.isHardChrome;
import static io.newsdedup.core.clean.PageChrome.isSoftChrome;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Chooses the element of a page that holds the article, for {@link HtmlExtractor}: the {@code
 * article} with the most text, else {@code [itemprop=articleBody]}, else {@code main}/{@code
 * [role=main]} (each only when it holds 1000 characters or a sixth of the page's text, so that
 * teaser cards do not win), else the element that collects most paragraph score (readability-style,
 * scaled down by link density), else the body.
 */
final class ContentScoring {
  private ContentScoring() {}

  /** The main container under {@code body}; {@code body} itself when nothing better is found. */
  static Element chooseMain(Element body, TextWeights w) {
    int page = w.text(body);
    for (String query : new String[] {"article", "[itemprop=articleBody]", "main, [role=main]"}) {
      Element best = null;
      int bestWeight = 0;
      int seen = 0;
      for (Element c : body.select(query)) {
        if (++seen > 500) {
          break;
        }
        int cw = w.text(c); // 0 under hard chrome
        if (cw > bestWeight) {
          best = c;
          bestWeight = cw;
        }
      }
      // Teaser cards are <article>s too: take a candidate only if it holds a fair share of the
      // page's text (a sixth) or is long in its own right.
      if (best != null && (bestWeight >= 1000 || 6 * bestWeight >= page)) {
        return best;
      }
    }
    Element scored = new Scorer(w, page).best(body);
    return scored != null ? scored : body;
  }

  /**
   * Readability-style scoring of paragraph containers: each paragraph scores by length and commas,
   * credited to its parent and half to its grandparent.
   */
  private static final class Scorer {
    private final TextWeights w;
    private final int page;
    // Insertion order (jsoup nodes compare by identity) keeps ties deterministic.
    private final Map<Element, Double> scores = new LinkedHashMap<>();

    Scorer(TextWeights w, int page) {
      this.w = w;
      this.page = page;
    }

    Element best(Element body) {
      int[] articleDepth = {0};
      NodeTraversor.filter(
          new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
              if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
              }
              if (e != body
                  && (isHardChrome(e, articleDepth[0] > 0)
                      || (isSoftChrome(e) && 2 * w.text(e) < page))) {
                return FilterResult.SKIP_ENTIRELY;
              }
              if (e.normalName().equals("article")) {
                articleDepth[0]++;
              }
              score(e, body);
              return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
              if (node instanceof Element e && e.normalName().equals("article")) {
                articleDepth[0]--;
              }
              return FilterResult.CONTINUE;
            }
          },
          body);
      Element best = null;
      double bestScore = 0;
      for (Map.Entry<Element, Double> entry : scores.entrySet()) {
        Element c = entry.getKey();
        int text = w.text(c);
        int links = w.links(c);
        double s = entry.getValue() * (1 - (double) links / Math.max(1, text + links));
        if (s > bestScore) {
          best = c;
          bestScore = s;
        }
      }
      // Paragraphs split over sibling containers: take their common parent when it scores nearly
      // as well.
      while (best != null && best.parent() != null && best != body) {
        Double parentScore = scores.get(best.parent());
        if (parentScore == null || parentScore < 0.75 * scores.get(best)) {
          break;
        }
        best = best.parent();
      }
      return best;
    }

    private void score(Element e, Element body) {
      String tag = e.normalName();
      boolean paragraph = tag.equals("p") || tag.equals("pre") || tag.equals("blockquote");
      boolean bareText =
          !paragraph
              && (tag.equals("div")
                  || tag.equals("section")
                  || tag.equals("td")
                  || tag.equals("article"));
      if (!paragraph && !bareText) {
        return;
      }
      String own = paragraph ? e.text() : e.ownText();
      int len = nonBlankLength(own);
      if (len < 25) {
        return;
      }
      int commas = 0;
      for (int i = 0; i < own.length(); i++) {
        char c = own.charAt(i);
        if (c == ',' || c == '，' || c == '،' || c == '、') {
          commas++;
        }
      }
      double s = 1 + commas + Math.min(3, len / 100.0);
      Element parent = e.parent();
      if (parent != null) {
        scores.merge(parent, s, Double::sum);
        if (parent != body && parent.parent() != null) {
          scores.merge(parent.parent(), s / 2, Double::sum);
        }
      }
    }
  }
}
