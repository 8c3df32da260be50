package io.newsdedup.core.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Takes the article out of a whole HTML page (jsoup). Never throws on any input string.
 *
 * <p>Fields:
 *
 * <ul>
 *   <li>title: {@code og:title}, else the first {@code h1} of the main content, else {@code
 *       <title>}; a trailing " | Site" (or " - Site", " – Site", " — Site", " · Site", " :: Site")
 *       is cut when "Site" is the site name.
 *   <li>siteName: {@code og:site_name}, else the JSON-LD publisher's name.
 *   <li>canonicalUrl: {@code <link rel=canonical>}, else {@code og:url}, resolved against the
 *       page's base (a {@code <base href>} in the page wins over {@code baseUri}, as in browsers);
 *       as written when it cannot be resolved.
 *   <li>publishedTime, as written: {@code article:published_time}, else {@code
 *       itemprop=datePublished}, else JSON-LD {@code datePublished}, else a common meta equivalent
 *       ({@code pubdate}, {@code publish-date}, {@code date}, Dublin Core...), else the {@code
 *       datetime} of a {@code <time>} in the main content.
 * </ul>
 *
 * <p>Text:
 *
 * <ol>
 *   <li>Scripts, styles, embeds and form controls go first. Chrome is recognised by tag ({@code
 *       nav}, {@code aside}, {@code footer}, {@code figure}, {@code figcaption}, {@code header}
 *       outside an {@code article}, ...), ARIA role (navigation, banner, contentinfo,
 *       complementary, search, ...), hiding ({@code hidden}, {@code aria-hidden=true}, inline
 *       {@code display:none}) and class/id words (cookie, consent, newsletter, subscribe, share,
 *       social, related, recommended, comments, ad, promo, breadcrumb, menu, byline, ...; see
 *       {@link #CHROME_WORDS}). An element marked only by its class/id, or a {@code form}, is kept
 *       when it holds at least half of the text around it: it is then a wrapper, like {@code <div
 *       class="article-header-wrapper">} around the story.
 *   <li>The main container: the {@code article} with the most text, else {@code
 *       [itemprop=articleBody]}, else {@code main}/{@code [role=main]} (each only when it holds
 *       1000 characters or a sixth of the page's text, so that teaser cards do not win), else the
 *       element that collects most paragraph score (readability-style: each paragraph scores by
 *       length and commas, credited to its parent and half to its grandparent, scaled down by link
 *       density), else the body.
 *   <li>Inside it, chrome is skipped, as are {@code h1} (the title), lone {@code <time>} elements
 *       and link lists (ul, ol, dl, div, section, table whose link text outweighs their other
 *       text). Block elements (p, h2-h6, li, blockquote, pre, div, ...) become paragraphs separated
 *       by a blank line; inline elements join without extra spaces; {@code <br>} is a line break.
 *   <li>When that gives nothing, a JSON-LD {@code articleBody} is used.
 * </ol>
 */
public final class HtmlExtractor {
  private HtmlExtractor() {}

  private static final HtmlPage EMPTY = new HtmlPage(null, "", null, null, null);

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

  /**
   * @param html a whole page or a fragment
   * @param baseUri used to make canonical/og:url absolute; may be null or empty
   */
  public static HtmlPage extract(String html, String baseUri) {
    if (html == null || html.isBlank()) {
      return EMPTY;
    }
    try {
      return extractUnchecked(html, baseUri == null ? "" : baseUri.strip());
    } catch (RuntimeException | StackOverflowError e) {
      // jsoup and this class are built not to get here; if they do, a crude text still beats none.
      return new HtmlPage(null, stripTags(html), null, null, null);
    }
  }

  /** {@link #extract} without its safety net; package-private for the property tests. */
  static HtmlPage extractUnchecked(String html, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri);
    Map<String, String> meta = metaTags(doc);
    List<String> jsonBlocks = new ArrayList<>();
    for (Element s : doc.select("script[type]")) {
      if (s.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
        jsonBlocks.add(s.data());
      }
    }
    JsonLd jsonLd = new JsonLd(jsonBlocks);
    // Metadata is read defensively, one field at a time, so that a surprise in one costs only it.
    String canonical = orNull(() -> canonicalUrl(doc, meta));
    String siteName = orNull(() -> firstNonBlank(meta.get("og:site_name"), jsonLd.publisherName()));

    doc.select(JUNK).remove();
    Element body = doc.body();
    Weights weights = Weights.of(body);
    Element main = chooseMain(body, weights);

    String text = new TextWriter(weights, main).write(main);
    if (text.isEmpty() && jsonLd.articleBody() != null) {
      text = TextWriter.collapseParagraphs(jsonLd.articleBody());
    }
    String title = orNull(() -> title(doc, meta, main, siteName));
    String published = orNull(() -> publishedTime(doc, meta, jsonLd, main));
    return new HtmlPage(title, text, siteName, canonical, published);
  }

  private static String orNull(Supplier<String> field) {
    try {
      return field.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String title(
      Document doc, Map<String, String> meta, Element main, String siteName) {
    String title = blankToNull(collapse(meta.get("og:title")));
    if (title == null) {
      Element h1 = main.selectFirst("h1");
      title = h1 == null ? null : blankToNull(collapse(h1.text()));
    }
    if (title == null) {
      title = blankToNull(collapse(doc.title()));
    }
    return stripSiteSuffix(title, siteName);
  }

  private static String publishedTime(
      Document doc, Map<String, String> meta, JsonLd jsonLd, Element main) {
    String[] metaNames = {"article:published_time", "og:article:published_time", "datepublished"};
    String[] commonMetaNames = {
      "pubdate",
      "publishdate",
      "publish-date",
      "publication_date",
      "date",
      "dc.date.issued",
      "dcterms.issued",
      "dc.date",
      "parsely-pub-date",
      "sailthru.date"
    };
    for (String name : metaNames) {
      if (meta.containsKey(name)) {
        return meta.get(name);
      }
    }
    String v = firstNonBlank(itemPropDate(doc), jsonLd.datePublished());
    if (v != null) {
      return v;
    }
    for (String name : commonMetaNames) {
      if (meta.containsKey(name)) {
        return meta.get(name);
      }
    }
    return timeInMain(main);
  }

  // ---------------------------------------------------------------------------------------------
  // Metadata

  /** Meta tags by lower-cased property/name/itemprop; the first non-blank content wins. */
  private static Map<String, String> metaTags(Document doc) {
    Map<String, String> meta = new HashMap<>();
    for (Element m : doc.select("meta[content]")) {
      String content = blankToNull(m.attr("content"));
      if (content == null) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop"}) {
        String key = m.attr(attr).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          meta.putIfAbsent(key, content);
        }
      }
    }
    return meta;
  }

  private static String canonicalUrl(Document doc, Map<String, String> meta) {
    for (Element link : doc.select("link[rel][href]")) {
      for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
        if (rel.equals("canonical") && !link.attr("href").isBlank()) {
          return absolute(link, "href");
        }
      }
    }
    if (meta.containsKey("og:url")) {
      for (Element m : doc.select("meta[content]")) {
        String key = firstNonBlank(m.attr("property"), m.attr("name"));
        if ("og:url".equalsIgnoreCase(key) && !m.attr("content").isBlank()) {
          return absolute(m, "content");
        }
      }
    }
    return null;
  }

  private static String absolute(Element e, String attr) {
    String abs = e.absUrl(attr);
    return abs.isEmpty() ? e.attr(attr).strip() : abs;
  }

  private static String itemPropDate(Document doc) {
    for (Element e : doc.select("[itemprop=datePublished]")) {
      String v = firstNonBlank(e.attr("content"), e.attr("datetime"), collapse(e.text()));
      if (v != null) {
        return v.strip();
      }
    }
    return null;
  }

  private static String timeInMain(Element main) {
    for (Element t : main.select("time[datetime]")) {
      String v = blankToNull(t.attr("datetime"));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static final String[] TITLE_SEPARATORS = {"|", "-", "–", "—", "·", "::", "•", "»"};

  /** "Headline | Site" becomes "Headline" when "Site" is the site name (any case). */
  static String stripSiteSuffix(String title, String siteName) {
    if (title == null || siteName == null) {
      return title;
    }
    String site = collapse(siteName);
    for (String sep : TITLE_SEPARATORS) {
      String suffix = " " + sep + " " + site;
      int start = title.length() - suffix.length();
      if (start > 0 && title.regionMatches(true, start, suffix, 0, suffix.length())) {
        return title.substring(0, start).strip();
      }
    }
    return title;
  }

  // ---------------------------------------------------------------------------------------------
  // Chrome

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

  // ---------------------------------------------------------------------------------------------
  // Choosing the main container

  private static Element chooseMain(Element body, Weights w) {
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

  private static boolean insideArticle(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.normalName().equals("article")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Per-element amounts of text (non-blank characters outside links) and link text, hard chrome
   * left out; computed for every element in one pass over the page.
   */
  static final class Weights {
    private final Map<Element, long[]> byElement = new IdentityHashMap<>();

    static Weights of(Element root) {
      Weights w = new Weights();
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

  static int nonBlankLength(String s) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00a0') {
        n++;
      }
    }
    return n;
  }

  /** Readability-style scoring of paragraph containers. */
  private static final class Scorer {
    private final Weights w;
    private final int page;
    // Insertion order (jsoup nodes compare by identity) keeps ties deterministic.
    private final Map<Element, Double> scores = new LinkedHashMap<>();

    Scorer(Weights w, int page) {
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

  // ---------------------------------------------------------------------------------------------
  // Writing the text

  /** Emits the text of the main container as paragraphs. */
  static final class TextWriter {
    private final Weights w;
    private final int mainText;
    private final boolean mainInsideArticle;
    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private boolean pendingSpace;
    private int preDepth;
    private int textBlockDepth;
    private int articleDepth;

    TextWriter(Weights w, Element main) {
      this.w = w;
      this.mainText = w.text(main);
      this.mainInsideArticle = insideArticle(main);
    }

    String write(Element main) {
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
          if (pendingSpace
              && current.length() > 0
              && current.charAt(current.length() - 1) != '\n') {
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

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  private static Set<String> words(String s) {
    return Set.of(s.strip().split("\\s+"));
  }

  /** Collapses whitespace (no-break spaces included) to single spaces and trims. */
  static String collapse(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Last resort when parsing failed: text between tags, whitespace collapsed. */
  static String stripTags(String html) {
    StringBuilder out = new StringBuilder();
    boolean inTag = false;
    for (int i = 0, n = html.length(); i < n; i++) {
      char c = html.charAt(i);
      if (c == '<') {
        inTag = true;
        out.append(' ');
      } else if (c == '>') {
        inTag = false;
      } else if (!inTag) {
        out.append(c);
      }
    }
    return collapse(out.toString());
  }
}
