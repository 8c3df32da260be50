package io.newsdedup.eval.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Renders an article as a whole news web page: cookie banner, header with navigation and search,
 * leaderboard ad, the {@code <article>} (kicker, headline, byline, figure with caption and credit,
 * paragraphs with "ADVERTISEMENT" slots and read-more links between them, share tools), a "Related
 * stories" list, a newsletter box, a footer, scripts and JSON-LD; meta tags og:title, og:site_name,
 * og:url, canonical and article:published_time. Text is escaped with a page-specific mix of named
 * and numeric entities and non-breaking spaces.
 */
final class HtmlPages {
  private HtmlPages() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How characters are escaped on one page. */
  private enum Entities {
    RAW,
    NAMED,
    NUMERIC
  }

  private record Layout(String bodyClass, String articleClass, String textClass, String adClass) {}

  private static final List<Layout> LAYOUTS =
      List.of(
          new Layout("single-post", "post-article", "entry-content", "ad-slot"),
          new Layout("article-page", "story", "story-body", "advert"),
          new Layout("node-type-article", "article-main", "article__body", "dfp-ad"));

  private static final List<String> SECTIONS =
      List.of(
          "News",
          "World",
          "Business &amp; Economy",
          "Politics",
          "Sport",
          "Science &amp; Tech",
          "Health",
          "Culture",
          "Opinion");

  /**
   * The page of {@code d} on its outlet's site.
   *
   * @param related headlines of other stories for the related list and read-more links
   * @param time the published time as written in the meta tags, or null
   */
  static String render(Draft d, String url, String time, List<String> related) {
    SplittableRandom rng = d.rng;
    Entities ent = Entities.values()[rng.nextInt(3)];
    if (d.kind == CopyKind.SCRAPED && ent == Entities.RAW) {
      ent = Entities.NUMERIC;
    }
    Layout lay = Texts.pick(rng, LAYOUTS);
    String site = d.outlet.name();
    int slash = url.indexOf('/', url.indexOf("//") + 2);
    String host = slash < 0 ? url : url.substring(0, slash);
    String section = Texts.pick(rng, SECTIONS);
    String lang = "any".equals(d.outlet.language()) ? d.story.language() : d.outlet.language();
    String firstText = d.storyParagraphs().isEmpty() ? d.title : d.storyParagraphs().get(0);
    String description = Texts.sentences(firstText).get(0);
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang)
        .append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(d.title, ent))
        .append(" | ")
        .append(esc(site, ent))
        .append("</title>\n")
        .append("<meta name=\"description\" content=\"")
        .append(attr(description))
        .append("\">\n")
        .append("<meta property=\"og:type\" content=\"article\">\n")
        .append("<meta property=\"og:title\" content=\"")
        .append(attr(d.title))
        .append("\">\n")
        .append("<meta property=\"og:site_name\" content=\"")
        .append(attr(site))
        .append("\">\n")
        .append("<meta property=\"og:url\" content=\"")
        .append(attr(url))
        .append("\">\n");
    if (time != null) {
      h.append("<meta property=\"article:published_time\" content=\"").append(time).append("\">\n");
    }
    h.append("<link rel=\"canonical\" href=\"")
        .append(attr(url))
        .append("\">\n")
        .append("<link rel=\"stylesheet\" href=\"/assets/css/main.")
        .append(Texts.hex(rng, 8))
        .append(".css\">\n")
        .append("<script type=\"application/ld+json\">")
        .append(jsonLd(d, url, time, site))
        .append("</script>\n")
        .append("<script async src=\"https://ads.")
        .append(d.outlet.domain())
        .append("/tag/js/gpt.js\"></script>\n")
        .append("<script>window.dataLayer = window.dataLayer || [];")
        .append(" function gtag(){dataLayer.push(arguments);} gtag('js', new Date());")
        .append(" gtag('config', 'G-")
        .append(Texts.hex(rng, 10).toUpperCase(Locale.ROOT))
        .append("');</script>\n")
        .append("<style>.cookie-banner{position:fixed;bottom:0;left:0;right:0;z-index:99}")
        .append(" .")
        .append(lay.adClass())
        .append("{min-height:250px;text-align:center}</style>\n")
        .append("</head>\n<body class=\"")
        .append(lay.bodyClass())
        .append("\">\n");
    h.append("<div id=\"cookie-banner\" class=\"cookie-banner\" role=\"dialog\">")
        .append("<p>We use cookies to personalise content and ads, to provide social media")
        .append(" features and to analyse our traffic. <a href=\"/privacy\">Read our privacy")
        .append(" policy</a>.</p><button type=\"button\">Accept all</button>")
        .append("<button type=\"button\">Manage settings</button></div>\n");
    h.append("<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">")
        .append(esc(site, ent))
        .append("</a>\n<nav class=\"main-nav\"><ul>");
    for (String s :
        List.of(
            "Home",
            "News",
            "World",
            "Business &amp; Economy",
            "Politics",
            "Sport",
            "Culture",
            "Opinion",
            "Weather")) {
      h.append("<li><a href=\"/")
          .append(Texts.slug(s.replace("&amp;", ""), 3))
          .append("/\">")
          .append(s)
          .append("</a></li>");
    }
    h.append("</ul></nav>\n<form class=\"search\" action=\"/search\"><input type=\"search\"")
        .append(" name=\"q\" placeholder=\"Search\"><button>Search</button></form>\n</header>\n");
    h.append("<div class=\"")
        .append(lay.adClass())
        .append(" leaderboard\"><span>ADVERTISEMENT")
        .append("</span></div>\n");
    h.append("<main id=\"content\">\n<article class=\"")
        .append(lay.articleClass())
        .append("\">\n")
        .append("<header>\n<p class=\"kicker\"><a href=\"/section/\">")
        .append(section)
        .append("</a></p>\n<h1 class=\"headline\">")
        .append(esc(d.title, ent))
        .append("</h1>\n")
        .append("<p class=\"byline\">By")
        .append(nbsp(ent))
        .append(esc(byline(d, rng), ent));
    if (time != null) {
      h.append(" &middot; <time datetime=\"")
          .append(time)
          .append("\">")
          .append(esc(humanDate(time), ent))
          .append("</time>");
    }
    h.append("</p>\n</header>\n");
    List<Block> blocks = new ArrayList<>(d.blocks);
    int start = 0;
    if (!blocks.isEmpty() && blocks.get(0) instanceof Block.Photo p) {
      h.append(figure(p, d, rng, ent, "lead-image"));
      start = 1;
    }
    h.append("<div class=\"").append(lay.textClass()).append("\">\n");
    int sinceAd = 0;
    int adNo = 0;
    boolean readMoreDone = related.isEmpty() || !Texts.chance(rng, 0.4);
    for (int i = start; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b instanceof Block.Photo p) {
        h.append(figure(p, d, rng, ent, "inline-image"));
      } else if (b instanceof Block.Boiler bo) {
        h.append("<p class=\"source-note\">").append(esc(bo.text().strip(), ent)).append("</p>\n");
      } else {
        String text = b instanceof Block.Para pa ? pa.text() : ((Block.Added) b).text();
        h.append("<p>").append(esc(text, ent)).append("</p>\n");
        sinceAd++;
      }
      boolean last = i == blocks.size() - 1;
      if (!last && sinceAd >= 2 + rng.nextInt(3)) {
        h.append("<div class=\"")
            .append(lay.adClass())
            .append(" inline\" aria-hidden=\"true\">")
            .append("<span>ADVERTISEMENT</span><div id=\"div-gpt-ad-")
            .append(++adNo)
            .append("\"></div></div>\n");
        sinceAd = 0;
        if (!readMoreDone) {
          String t = Texts.pick(rng, related);
          h.append("<p class=\"read-more\"><strong>READ MORE:</strong> <a href=\"")
              .append(host)
              .append("/news/")
              .append(Texts.slug(t, 8))
              .append("/\">")
              .append(esc(t, ent))
              .append("</a></p>\n");
          readMoreDone = true;
        }
      }
    }
    h.append("</div>\n<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a>")
        .append(" <a href=\"#\">Share on X</a> <a href=\"#\">Email</a>")
        .append(" <a href=\"#\">Print</a></div>\n</article>\n");
    if (!related.isEmpty()) {
      h.append("<aside class=\"related\">\n<h2>Related stories</h2>\n<ul>\n");
      List<String> pool = new ArrayList<>(related);
      int n = Math.min(pool.size(), 3 + rng.nextInt(3));
      for (int i = 0; i < n; i++) {
        String t = pool.remove(rng.nextInt(pool.size()));
        h.append("<li><a href=\"")
            .append(host)
            .append("/news/")
            .append(Texts.slug(t, 8))
            .append("/\">")
            .append(esc(t, ent))
            .append("</a></li>\n");
      }
      h.append("</ul>\n</aside>\n");
    }
    h.append("<section class=\"newsletter-signup\">\n<h2>Get the morning briefing</h2>\n")
        .append("<p>The day")
        .append(ent == Entities.RAW ? "’" : "&#8217;")
        .append("s top stories from ")
        .append(esc(site, ent))
        .append(", delivered to your inbox every morning. Free, and you can unsubscribe at")
        .append(
            " any time.</p>\n<form action=\"/newsletter\" method=\"post\"><input type=\"email\"")
        .append(" name=\"email\" placeholder=\"Your email address\"><button>Sign up</button>")
        .append("</form>\n</section>\n</main>\n");
    h.append("<footer class=\"site-footer\">\n<nav><a href=\"/about\">About us</a> | ")
        .append("<a href=\"/contact\">Contact</a> | <a href=\"/privacy\">Privacy policy</a> | ")
        .append("<a href=\"/terms\">Terms &amp; conditions</a> | <a href=\"/advertise\">")
        .append("Advertise</a></nav>\n<p>&copy;")
        .append(nbsp(ent))
        .append("2025 ")
        .append(esc(site, ent))
        .append(". All rights reserved.</p>\n</footer>\n")
        .append("<script src=\"/assets/js/app.")
        .append(Texts.hex(rng, 8))
        .append(".js\" defer></script>\n")
        .append("<script>(function(){var s=document.createElement('script');s.async=true;")
        .append("s.src='https://stats.")
        .append(d.outlet.domain())
        .append("/t.js?id=")
        .append(Texts.hex(rng, 6))
        .append("';document.head.appendChild(s);})();</script>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static String figure(
      Block.Photo p, Draft d, SplittableRandom rng, Entities ent, String cls) {
    return "<figure class=\""
        + cls
        + "\">\n<img src=\"https://cdn."
        + d.outlet.domain()
        + "/images/"
        + Texts.hex(rng, 12)
        + ".jpg\" alt=\""
        + attr(p.caption())
        + "\" width=\"1200\" height=\"800\" loading=\"lazy\">\n<figcaption>"
        + esc(p.caption(), ent)
        + " <span class=\"credit\">"
        + esc(p.credit(), ent)
        + "</span></figcaption>\n</figure>\n";
  }

  private static String byline(Draft d, SplittableRandom rng) {
    String who = Texts.pick(rng, Outlets.REPORTERS);
    Outlets.Outlet agency = Outlets.agency(d.story.source());
    if (agency != null && d.kind != CopyKind.ORIGINAL) {
      return who + ", " + (agency.name().equals("AP") ? "The Associated Press" : agency.name());
    }
    return d.outlet.type() == Outlets.Type.SCRAPER || d.outlet.type() == Outlets.Type.AGGREGATOR
        ? d.outlet.name() + " Staff"
        : who;
  }

  private static String jsonLd(Draft d, String url, String time, String site) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@context", "https://schema.org");
    n.put("@type", "NewsArticle");
    n.put("headline", d.title);
    if (time != null) {
      n.put("datePublished", time);
    }
    n.put("mainEntityOfPage", url);
    ObjectNode pub = n.putObject("publisher");
    pub.put("@type", "Organization");
    pub.put("name", site);
    pub.putObject("logo")
        .put("@type", "ImageObject")
        .put("url", "https://www." + d.outlet.domain() + "/assets/logo.png");
    try {
      return JSON.writeValueAsString(n).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String humanDate(String time) {
    OffsetDateTime t = OffsetDateTime.parse(time);
    int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    return Datelines.MONTHS_EN.get(t.getMonthValue() - 1)
        + " "
        + t.getDayOfMonth()
        + ", "
        + t.getYear()
        + " "
        + hour
        + ":"
        + String.format(Locale.ROOT, "%02d", t.getMinute())
        + (t.getHour() < 12 ? " a.m." : " p.m.");
  }

  private static String nbsp(Entities ent) {
    return ent == Entities.RAW ? "\u00A0" : "&nbsp;";
  }

  /** Escapes text for element content in the page's entity style. */
  private static String esc(String s, Entities ent) {
    StringBuilder sb = new StringBuilder(s.length() + 32);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String named = null;
      switch (c) {
        case '&' -> named = "&amp;";
        case '<' -> named = "&lt;";
        case '>' -> named = "&gt;";
        default -> {
          if (ent == Entities.NAMED) {
            named =
                switch (c) {
                  case '’' -> "&rsquo;";
                  case '‘' -> "&lsquo;";
                  case '“' -> "&ldquo;";
                  case '”' -> "&rdquo;";
                  case '—' -> "&mdash;";
                  case '–' -> "&ndash;";
                  case 'é' -> "&eacute;";
                  case '©' -> "&copy;";
                  default -> null;
                };
          } else if (ent == Entities.NUMERIC
              && (c == '’' || c == '‘' || c == '“' || c == '”' || c == '—' || c == '–'
                  || c == '…')) {
            named = "&#" + (int) c + ";";
          }
        }
      }
      if (named == null && c == ' ' && ent != Entities.RAW && nbspAt(s, i)) {
        named = "&nbsp;";
      }
      if (named != null) {
        sb.append(named);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A non-breaking space goes before a dash and after a title abbreviation. */
  private static boolean nbspAt(String s, int i) {
    if (i + 1 < s.length() && (s.charAt(i + 1) == '—' || s.charAt(i + 1) == '–')) {
      return true;
    }
    for (String abbr : List.of("Mr.", "Ms.", "Mrs.", "Dr.", "St.")) {
      if (i >= abbr.length() && s.startsWith(abbr, i - abbr.length())) {
        return true;
      }
    }
    return false;
  }

  /** Escapes an attribute value (always plain UTF-8 with the five XML escapes). */
  static String attr(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
