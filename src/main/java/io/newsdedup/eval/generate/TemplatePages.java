package io.newsdedup.eval.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders a {@link CopyKind#TEMPLATE_PAGE} as the HTML page a crawler gets: for a site's own
 * template (paywall, registration, 404, video player, ...) a page with the site's header,
 * navigation and footer and the template as the main content; for a bare template (bot check,
 * access denied, script notice, regional block) a minimal page with little more than the template.
 *
 * <p>The template is the page's main text, not chrome: it sits in {@code <main>} (or {@code
 * role=main}) in neutral containers, as {@code <h2>} and {@code <p>} elements, so that an HTML
 * extractor that drops navigation, footers, forms, buttons and cookie boxes still returns it. The
 * title is the story's headline ({@code og:title} on site pages, {@code <title>} on bare pages).
 */
final class TemplatePages {
  private TemplatePages() {}

  private static final List<String> NAV_EN =
      List.of("News", "Local", "Business", "Sport", "Opinion", "Weather");
  private static final List<String> NAV_DE =
      List.of("Nachrichten", "Region", "Wirtschaft", "Sport", "Meinung");
  private static final List<String> NAV_PL =
      List.of("Wiadomości", "Region", "Biznes", "Sport", "Opinie");
  private static final List<String> NAV_ZH = List.of("新闻", "财经", "体育", "评论");
  private static final List<String> NAV_AR = List.of("أخبار", "اقتصاد", "رياضة", "رأي");

  /** Class names of the content container; none holds a word extractors treat as chrome. */
  private static final List<String> CONTAINERS =
      List.of("content-area", "page-body", "main-column", "message-panel");

  /**
   * The page of {@code d}.
   *
   * @param time the published time as written in the meta tags, or null
   */
  static String render(Draft d, String url, String time) {
    TemplateCatalogue.Site site = d.site;
    SplittableRandom rng = d.rng;
    String lang = site.language();
    String dir = "ar".equals(lang) ? " dir=\"rtl\"" : "";
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang)
        .append('"')
        .append(dir)
        .append(">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    String headline = d.story.title();
    if (site.shape().bare()) {
      h.append("<title>")
          .append(esc(d.title))
          .append("</title>\n")
          .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
      if (time != null) {
        h.append("<meta name=\"date\" content=\"").append(time).append("\">\n");
      }
      h.append("<style>body{font-family:system-ui,sans-serif;margin:0}.main-wrapper{max-width:")
          .append(560 + 20 * rng.nextInt(6))
          .append("px;margin:8em auto}</style>\n")
          .append("<script src=\"/cdn-gate/challenge/v1/")
          .append(Texts.hex(rng, 12))
          .append(".js\" async></script>\n</head>\n<body>\n")
          .append("<div class=\"main-wrapper\" role=\"main\">\n<div class=\"main-content\">\n");
      body(h, d, site);
      h.append("</div>\n</div>\n</body>\n</html>\n");
      return h.toString();
    }
    String title = d.title.equals(headline) ? headline + " | " + site.name() : d.title;
    h.append("<title>")
        .append(esc(title))
        .append("</title>\n")
        .append("<meta property=\"og:title\" content=\"")
        .append(HtmlPages.attr(headline))
        .append("\">\n<meta property=\"og:site_name\" content=\"")
        .append(HtmlPages.attr(site.name()))
        .append("\">\n")
        .append("<meta property=\"og:url\" content=\"")
        .append(HtmlPages.attr(url))
        .append("\">\n");
    if (time != null) {
      h.append("<meta property=\"article:published_time\" content=\"").append(time).append("\">\n");
    }
    h.append("<link rel=\"canonical\" href=\"")
        .append(HtmlPages.attr(url))
        .append("\">\n")
        .append("<link rel=\"stylesheet\" href=\"/static/css/site.")
        .append(Texts.hex(rng, 8))
        .append(".css\">\n<script src=\"/static/js/app.")
        .append(Texts.hex(rng, 8))
        .append(".js\" defer></script>\n</head>\n<body class=\"")
        .append(site.shape().id().replace('_', '-'))
        .append("\">\n");
    h.append("<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">")
        .append(esc(site.name()))
        .append("</a>\n<nav class=\"main-nav\"><ul>");
    for (String s : nav(lang)) {
      h.append("<li><a href=\"/")
          .append(Texts.slug(s, 2))
          .append("/\">")
          .append(esc(s))
          .append("</a></li>");
    }
    h.append("</ul></nav>\n</header>\n<main id=\"main\">\n<div class=\"")
        .append(Texts.pick(rng, CONTAINERS))
        .append("\">\n");
    if (site.shape().showsHeadline()) {
      h.append("<h1>").append(esc(headline)).append("</h1>\n");
    }
    body(h, d, site);
    h.append("</div>\n</main>\n<footer class=\"site-footer\">\n<p><a href=\"/\">")
        .append(esc(site.name()))
        .append("</a></p>\n</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The teaser and the template: the first line a heading, every other line a paragraph. */
  private static void body(StringBuilder h, Draft d, TemplateCatalogue.Site site) {
    boolean first = true;
    for (Block b : d.blocks) {
      if (b instanceof Block.Para p) {
        h.append("<p class=\"standfirst\">").append(esc(p.text())).append("</p>\n");
        continue;
      }
      String text = ((Block.Boiler) b).text();
      String[] lines = text.split("\n");
      if (lines.length > 1) {
        h.append("<div class=\"group\">\n");
      }
      for (String line : lines) {
        if (first) {
          h.append("<h2>").append(esc(line)).append("</h2>\n");
          first = false;
        } else {
          h.append("<p>").append(esc(line)).append("</p>\n");
        }
      }
      if (lines.length > 1) {
        h.append("</div>\n");
      }
    }
  }

  private static List<String> nav(String lang) {
    return switch (lang) {
      case "de" -> NAV_DE;
      case "pl" -> NAV_PL;
      case "zh" -> NAV_ZH;
      case "ar" -> NAV_AR;
      default -> NAV_EN;
    };
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
