package io.newsdedup.core.clean;

import static io.newsdedup.core.clean.HtmlStrings.words;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The rules that tell page chrome from the article, for {@link HtmlExtractor}: junk elements whose
 * content is never text (scripts, styles, embeds, form controls), hard chrome (dropped whatever its
 * size: navigation, asides, footers, figures, chrome ARIA roles, hidden elements, headers outside
 * an article) and soft chrome (class/id words such as cookie, newsletter, share, related, paywall,
 * or a form: dropped unless it holds the bulk of its context).
 */
final class PageChrome {
  private PageChrome() {}

  /** Elements whose content is never text. */
  private static final String JUNK =
      "script, style, noscript, template, iframe, object, embed, svg, canvas, input, select,"
          + " textarea, button, option, datalist, audio, video, source, track, map, link, meta";

  /** Chrome by tag, wherever it is. */
  private static final Set<String> CHROME_TAGS =
      words("nav aside footer figure figcaption dialog menu button");

  private static final Set<String> CHROME_ROLES =
      words(
          "navigation banner contentinfo complementary search dialog alertdialog menu "
              + "menubar toolbar tablist");

  /** Words in class or id (split at '-', '_', camelCase ...) that mark page chrome. */
  static final Set<String> CHROME_WORDS =
      words(
          "cookie cookies consent gdpr cmp newsletter newsletters subscribe subscription "
              + "signup paywall share sharing sharebar sharetools social socials related "
              + "recommended recommendation recommendations recirc outbrain taboola comment "
              + "comments disqus ad ads advert adverts advertisement advertising adslot adunit "
              + "dfp sponsor sponsored promo promos promotion breadcrumb breadcrumbs menu nav "
              + "navbar navigation sidebar footer header masthead toolbar byline author authors "
              + "tags popup modal banner trending popular mostread donate donation caption "
              + "credit credits meta timestamp date pubdate skip print login signin widget");

  /** Removes the elements whose content is never text (scripts, styles, embeds, controls...). */
  static void removeJunk(Document doc) {
    doc.select(JUNK).remove();
  }

  /** Chrome whatever its size: tags, roles, hidden elements, headers outside an article. */
  static boolean isHardChrome(Element e, boolean insideArticle) {
    String tag = e.normalName();
    if (CHROME_TAGS.contains(tag)) {
      return true;
    }
    if (tag.equals("header") && !insideArticle) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    String role = e.attr("role").strip().toLowerCase(Locale.ROOT);
    if (!role.isEmpty() && CHROME_ROLES.contains(role)) {
      return true;
    }
    if (e.hasAttr("hidden") || e.attr("aria-hidden").equalsIgnoreCase("true")) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty()) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      return s.contains("display:none") || s.contains("visibility:hidden");
    }
    return false;
  }

  /** Chrome by class/id words, or a form: chrome unless it holds the bulk of its context. */
  static boolean isSoftChrome(Element e) {
    if (e.normalName().equals("form")) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    return hasChromeWord(e.attr("class")) || hasChromeWord(e.attr("id"));
  }

  /** Whether a class or id value holds one of {@link #CHROME_WORDS}. */
  static boolean hasChromeWord(String s) {
    int n = s.length();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? s.charAt(i) : ' ';
      boolean alnum = c < 0x80 && Character.isLetterOrDigit(c);
      // A lower-to-upper step starts a new word too ("shareBar").
      boolean camel =
          alnum && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(s.charAt(i - 1));
      if (start >= 0 && (!alnum || camel)) {
        if (CHROME_WORDS.contains(s.substring(start, i).toLowerCase(Locale.ROOT))) {
          return true;
        }
        start = -1;
      }
      if (alnum && start < 0) {
        start = i;
      }
    }
    return false;
  }

  /** Whether an ancestor of {@code e} is an {@code article} (where a header is not chrome). */
  static boolean insideArticle(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.normalName().equals("article")) {
        return true;
      }
    }
    return false;
  }
}
