package io.newsdedup.core.clean;

import static io.newsdedup.core.clean.HtmlStrings.collapse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's metadata, for {@link HtmlExtractor}: title, site name, canonical URL and publication
 * time from meta tags, {@code <link rel=canonical>}, microdata, JSON-LD and, for title and time,
 * the main container. Also hands on the JSON-LD {@code articleBody}, the text of last resort.
 *
 * <p>{@link #read} must run before the page's junk (scripts, links, meta tags) is removed, and so
 * must {@link #canonicalUrl} and {@link #siteName}; {@link #title} and {@link #publishedTime} look
 * at the page as it is when they are called.
 */
final class PageMetadata {
  private static final String[] TITLE_SEPARATORS = {"|", "-", "–", "—", "·", "::", "•", "»"};

  private final Document doc;
  private final Map<String, String> meta;
  private final JsonLd jsonLd;

  private PageMetadata(Document doc, Map<String, String> meta, JsonLd jsonLd) {
    this.doc = doc;
    this.meta = meta;
    this.jsonLd = jsonLd;
  }

  /** Reads the meta tags and JSON-LD blocks of {@code doc}. */
  static PageMetadata read(Document doc) {
    Map<String, String> meta = metaTags(doc);
    List<String> jsonBlocks = new ArrayList<>();
    for (Element s : doc.select("script[type]")) {
      if (s.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
        jsonBlocks.add(s.data());
      }
    }
    return new PageMetadata(doc, meta, new JsonLd(jsonBlocks));
  }

  /** {@code og:site_name}, else the JSON-LD publisher's name; null when neither. */
  String siteName() {
    return firstNonBlank(meta.get("og:site_name"), jsonLd.publisherName());
  }

  /** The JSON-LD {@code articleBody}, or null. */
  String articleBody() {
    return jsonLd.articleBody();
  }

  /** {@code og:title}, else the first {@code h1} of {@code main}, else {@code <title>}. */
  String title(Element main, String siteName) {
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

  /** The publication time as written, from meta tags, microdata, JSON-LD or {@code main}. */
  String publishedTime(Element main) {
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

  /** {@code <link rel=canonical>}, else {@code og:url}, absolute when it can be resolved. */
  String canonicalUrl() {
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
}
