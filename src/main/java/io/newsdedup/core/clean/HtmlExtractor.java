package io.newsdedup.core.clean;

import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
 *       {@link PageChrome#CHROME_WORDS}). An element marked only by its class/id, or a {@code
 *       form}, is kept when it holds at least half of the text around it: it is then a wrapper,
 *       like {@code <div class="article-header-wrapper">} around the story.
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
 *
 * <p>This class runs the steps in order; the work is done by {@link PageMetadata} (fields), {@link
 * PageChrome} (what is chrome), {@link TextWeights} (text per element), {@link ContentScoring} (the
 * main container) and {@link TextRendering} (the text).
 */
public final class HtmlExtractor {
  private HtmlExtractor() {}

  private static final HtmlPage EMPTY = new HtmlPage(null, "", null, null, null);

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
    PageMetadata metadata = PageMetadata.read(doc);
    // Metadata is read defensively, one field at a time, so that a surprise in one costs only it.
    // Canonical URL and site name come from link/meta tags and scripts: read them before the junk
    // goes.
    String canonical = orNull(metadata::canonicalUrl);
    String siteName = orNull(metadata::siteName);

    PageChrome.removeJunk(doc);
    Element body = doc.body();
    TextWeights weights = TextWeights.of(body);
    Element main = ContentScoring.chooseMain(body, weights);

    String text = TextRendering.render(weights, main);
    if (text.isEmpty() && metadata.articleBody() != null) {
      text = TextRendering.collapseParagraphs(metadata.articleBody());
    }
    String title = orNull(() -> metadata.title(main, siteName));
    String published = orNull(() -> metadata.publishedTime(main));
    return new HtmlPage(title, text, siteName, canonical, published);
  }

  private static String orNull(Supplier<String> field) {
    try {
      return field.get();
    } catch (RuntimeException e) {
      return null;
    }
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
    return HtmlStrings.collapse(out.toString());
  }
}
