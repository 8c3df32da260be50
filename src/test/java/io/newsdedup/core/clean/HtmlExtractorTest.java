package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = HtmlExtractorTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void realisticNewsPage() throws IOException {
    HtmlPage page =
        HtmlExtractor.extract(resource("news-page.html"), "https://dailyplanet.example/news/x");
    assertEquals("Council expands bus network to eastern suburbs", page.title());
    assertEquals("The Daily Planet", page.siteName());
    assertEquals("https://dailyplanet.example/news/2024/03/05/bus-network", page.canonicalUrl());
    assertEquals("2024-03-05T09:30:00+01:00", page.publishedTime());
    assertEquals(
        String.join(
            "\n\n",
            "The city council voted on Tuesday to expand the bus network to three new districts, a"
                + " move residents have demanded for years.",
            "Officials said the first routes would open next spring, pending approval of the"
                + " budget. The plan costs €4.2 million and adds twelve new lines.",
            "Years of complaints",
            "Residents have long complained about the lack of transport in the eastern suburbs.\n"
                + "Many walk more than two kilometres to the nearest stop.",
            "“We have waited long enough,” said Maria López, who leads the residents' association.",
            "Line 40 will run every ten minutes.",
            "Line 41 will serve the hospital.",
            "The council will publish the timetable in an online consultation next month."),
        page.text());
  }

  @Test
  void metadataFallbacks() {
    String html =
        "<html><head><title>Storm hits coast - Coastal Herald</title>"
            + "<script type='application/ld+json'>[{\"@type\":\"WebSite\",\"name\":\"x\"},"
            + "{\"@type\":[\"NewsArticle\"],\"datePublished\":\"2024-01-02\","
            + "\"publisher\":[{\"@type\":\"Organization\",\"name\":\"Coastal Herald\"}]}]</script>"
            + "</head><body><div><p>"
            + "A storm hit the coast overnight, cutting power to thousands of homes and closing"
            + " roads across the region, officials said on Wednesday morning.</p><p>Crews are"
            + " working to restore electricity, but some areas may wait until the weekend.</p>"
            + "</div></body></html>";
    HtmlPage page = HtmlExtractor.extract(html, null);
    assertEquals("Storm hits coast", page.title());
    assertEquals("Coastal Herald", page.siteName());
    assertNull(page.canonicalUrl());
    assertEquals("2024-01-02", page.publishedTime());
    assertTrue(page.text().startsWith("A storm hit the coast overnight"), page.text());
  }

  @Test
  void titleFromH1AndItempropDateAndOgUrl() {
    String html =
        "<html><head><title>Home</title><meta property='og:url' content='/a/b?c=1'>"
            + "<base href='https://base.example/dir/'></head><body>"
            + "<article><h1> Quake  shakes city </h1><span itemprop='datePublished'"
            + " content='2023-09-09T10:00Z'>9 Sept</span>"
            + "<p>A strong earthquake shook the city on Saturday, damaging old buildings.</p>"
            + "</article></body></html>";
    HtmlPage page = HtmlExtractor.extract(html, "https://ignored.example/");
    assertEquals("Quake shakes city", page.title());
    assertEquals("https://base.example/a/b?c=1", page.canonicalUrl());
    assertEquals("2023-09-09T10:00Z", page.publishedTime());
    assertEquals(
        "9 Sept\n\nA strong earthquake shook the city on Saturday, damaging old buildings.",
        page.text());
  }

  @Test
  void timeInsideTheArticleIsTheLastResortForTheDate() {
    String html =
        "<article><p>Text of the story, long enough to count as the main content of the page.</p>"
            + "<p>Posted <time datetime='2022-12-24'>Christmas Eve</time>.</p></article>";
    HtmlPage page = HtmlExtractor.extract(html, "");
    assertEquals("2022-12-24", page.publishedTime());
    assertTrue(page.text().endsWith("Posted Christmas Eve."), page.text());
  }

  @Test
  void relativeCanonicalWithoutBaseStaysAsWritten() {
    HtmlPage page = HtmlExtractor.extract("<link rel='Canonical' href='/x/y'><p>Hello</p>", null);
    assertEquals("/x/y", page.canonicalUrl());
    assertEquals("Hello", page.text());
  }

  @Test
  void pageWithoutArticleUsesParagraphScoring() {
    StringBuilder html = new StringBuilder("<html><body>");
    html.append("<div id='top'><ul>");
    for (int i = 0; i < 30; i++) {
      html.append("<li><a href='/s")
          .append(i)
          .append("'>Section number ")
          .append(i)
          .append("</a></li>");
    }
    html.append("</ul></div><div class='layout'><div class='col-left'>");
    html.append("<p>Sidebar blurb about the weekly podcast.</p></div><div class='col-main'>");
    html.append("<div class='text'>");
    for (int i = 0; i < 6; i++) {
      html.append("<p>Paragraph ")
          .append(i)
          .append(" of the story, with enough words, commas,")
          .append(" and detail to look like real article text to the scorer.</p>");
    }
    html.append("</div></div></div><div class='legal'><p>Company registered in England,")
        .append(" number 123456, at 1 Long Street, London.</p></div></body></html>");
    HtmlPage page = HtmlExtractor.extract(html.toString(), null);
    String text = page.text();
    assertTrue(text.startsWith("Paragraph 0 of the story"), text);
    assertTrue(
        text.endsWith(
            "Paragraph 5 of the story, with enough words, commas, and detail to"
                + " look like real article text to the scorer."),
        text);
    assertFalse(text.contains("Section number"), text);
    assertFalse(text.contains("Sidebar"), text);
    assertFalse(text.contains("registered"), text);
    assertEquals(6, text.split("\n\n").length);
  }

  @Test
  void navAndFooterAreNeverTheArticle() {
    String longNav =
        "<nav><p>" + "Menu entry with a lot of words, commas, and more. ".repeat(40) + "</p></nav>";
    String longFooter =
        "<footer><p>" + "Footer legal text, long, very long, indeed. ".repeat(40) + "</p></footer>";
    HtmlPage page =
        HtmlExtractor.extract(
            longNav + "<div><p>The only real sentence of this page is here.</p></div>" + longFooter,
            null);
    assertEquals("The only real sentence of this page is here.", page.text());
    HtmlPage onlyChrome = HtmlExtractor.extract(longNav + longFooter, null);
    assertEquals("", onlyChrome.text());
  }

  @Test
  void teaserArticlesDoNotWinOverTheRealStory() {
    StringBuilder html = new StringBuilder("<body>");
    for (int i = 0; i < 5; i++) {
      html.append("<article class='card'><h3>Teaser ")
          .append(i)
          .append("</h3><p>Short teaser text ")
          .append(i)
          .append(".</p></article>");
    }
    html.append("<div class='story-body'>");
    for (int i = 0; i < 8; i++) {
      html.append("<p>Real story paragraph ")
          .append(i)
          .append(
              ", which is long enough, has commas, and carries the actual news of the day.</p>");
    }
    html.append("</div></body>");
    String text = HtmlExtractor.extract(html.toString(), null).text();
    assertTrue(text.startsWith("Real story paragraph 0"), text);
    assertFalse(text.contains("Teaser"), text);
  }

  @Test
  void chromeLookingWrapperAroundTheStoryIsKept() {
    String story =
        "<p>First paragraph of the story, with commas, names, and a long enough"
            + " sentence.</p><p>Second paragraph of the story, also long enough, with more commas,"
            + " and facts.</p>";
    String html =
        "<body><div class='nav-links'><a href='/'>Home</a> <a href='/news'>News</a></div>"
            + "<div class='article-header-wrapper'><div class='content'>"
            + story
            + "<div class='share-buttons'><p>Share this story with your friends today</p></div>"
            + "</div></div><div class='promo'><p>Win a holiday for two in the sun, enter now.</p>"
            + "</div></body>";
    assertEquals(
        "First paragraph of the story, with commas, names, and a long enough sentence.\n\n"
            + "Second paragraph of the story, also long enough, with more commas, and facts.",
        HtmlExtractor.extract(html, null).text());
    // The same inside an <article> whose own class says "comments".
    String article = "<article class='post has-comments'>" + story + "</article>";
    assertTrue(HtmlExtractor.extract(article, null).text().startsWith("First paragraph"));
  }

  @Test
  void fragment() {
    HtmlPage page =
        HtmlExtractor.extract(
            "Breaking: <b>markets</b> fall<br>as <i>rates</i> rise &amp; more <p>Second para</p>",
            null);
    assertEquals("Breaking: markets fall\nas rates rise & more\n\nSecond para", page.text());
    assertNull(page.title());
    assertNull(page.siteName());
    assertNull(page.canonicalUrl());
    assertNull(page.publishedTime());
  }

  @Test
  void inlineElementsJoinWithoutSpuriousBreaks() {
    HtmlPage page =
        HtmlExtractor.extract(
            "<p>Pre<span>fix</span> and <a href='#'>link</a>,"
                + " <em>em</em>!</p><p>Next<br><br>line</p>",
            null);
    assertEquals("Prefix and link, em!\n\nNext\nline", page.text());
  }

  @Test
  void nonLatinPage() {
    String html =
        "<html lang='zh'><head><meta property='og:title' content='中国外交部长会见布林肯'>"
            + "<meta property='og:site_name' content='新华网'></head><body>"
            + "<nav><a href='/'>首页</a><a href='/world'>国际</a></nav>"
            + "<article><h1>中国外交部长会见布林肯</h1>"
            + "<p>中国外交部长王毅周一在北京会见了美国国务卿布林肯，双方进行了坦诚的交流。</p>"
            + "<p>双方同意继续保持沟通，避免误解和误判。</p></article>"
            + "<footer>版权所有</footer></body></html>";
    HtmlPage page = HtmlExtractor.extract(html, null);
    assertEquals("中国外交部长会见布林肯", page.title());
    assertEquals("新华网", page.siteName());
    assertEquals("中国外交部长王毅周一在北京会见了美国国务卿布林肯，双方进行了坦诚的交流。\n\n双方同意继续保持沟通，避免误解和误判。", page.text());

    String ar =
        "<html dir='rtl'><body><article><p>قال وزير الخارجية الصيني إن بكين لا مجال"
            + " للتنازل.</p><p>Москва — столица России.</p><p>नई दिल्ली में बारिश"
            + " हुई।</p></article></body></html>";
    assertEquals(
        "قال وزير الخارجية الصيني إن بكين لا مجال للتنازل.\n\nМосква — столица России.\n\n"
            + "नई दिल्ली में बारिश हुई।",
        HtmlExtractor.extract(ar, null).text());
  }

  @Test
  void jsonLdGarbageIsTolerated() {
    String html =
        "<script type='application/ld+json'>{not json at all</script>"
            + "<script type='application/ld+json'><!-- {\"@type\":\"NewsArticle\","
            + " \"publisher\": {\"name\": \"Wrapped Times\"}, // comment\n"
            + " \"datePublished\": \"2021-05-05\",} --></script>"
            + "<script type='application/ld+json'>"
            + "[".repeat(5000)
            + "</script>"
            + "<p>Body text.</p>";
    HtmlPage page = HtmlExtractor.extract(html, null);
    assertEquals("Wrapped Times", page.siteName());
    assertEquals("2021-05-05", page.publishedTime());
    assertEquals("Body text.", page.text());
  }

  @Test
  void jsonLdArticleBodyWhenThePageHasNoText() {
    String html =
        "<div id='app'></div><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
            + "\"articleBody\":\"First paragraph.\\n\\nSecond   paragraph.\"}</script>";
    assertEquals("First paragraph.\n\nSecond paragraph.", HtmlExtractor.extract(html, null).text());
  }

  @Test
  void garbageNeverThrows() {
    assertEquals("", HtmlExtractor.extract(null, null).text());
    assertEquals("", HtmlExtractor.extract("", "::not a uri::").text());
    assertEquals("", HtmlExtractor.extract("   ", null).text());
    assertNotNull(HtmlExtractor.extract("<<<>>><!--<![CDATA[<p <a href=>></x>&&#;&#xZZ;", null));
    assertNotNull(
        HtmlExtractor.extract(
            "<base href='javascript:alert(1)'><base href='::'><link rel=canonical href='\u0000'>"
                + "<p>x</p>",
            "http://[bad"));
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder();
      String[] bits = {
        "<",
        ">",
        "p",
        "div",
        "/",
        "=",
        "'",
        "\"",
        "&",
        "#",
        ";",
        " ",
        "article",
        "script",
        "\u0000",
        "é",
        "中",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "nav",
        "br"
      };
      for (int j = 0; j < random.nextInt(400); j++) {
        sb.append(bits[random.nextInt(bits.length)]);
      }
      HtmlPage page = HtmlExtractor.extract(sb.toString(), "https://x.example/");
      assertNotNull(page.text());
    }
  }

  @Test
  void deeplyNestedMarkup() {
    int depth = 100_000;
    String html =
        "<nav>menu</nav>"
            + "<div>".repeat(depth)
            + "<p>Deep text that must survive the nesting.</p><p>And a second paragraph.</p>"
            + "</div>".repeat(depth);
    assertEquals(
        "Deep text that must survive the nesting.\n\nAnd a second paragraph.",
        HtmlExtractor.extract(html, null).text());
    String unclosed = "<nav>menu</nav>" + "<span><b><i>".repeat(30_000) + "text<p>more";
    assertEquals("text\n\nmore", HtmlExtractor.extract(unclosed, null).text());
  }

  @Test
  void twentyMegabytePage() {
    StringBuilder html =
        new StringBuilder(21_000_000).append("<html><body><nav>menu</nav><article>");
    String para = "<p>A paragraph of a very long page, with commas, words and more words.</p>\n";
    while (html.length() < 20_000_000) {
      html.append(para);
    }
    html.append("</article></body></html>");
    HtmlPage page = HtmlExtractor.extract(html.toString(), null);
    assertTrue(page.text().startsWith("A paragraph of a very long page"));
    assertFalse(page.text().contains("menu"));
  }

  @Test
  void stripSiteSuffix() {
    assertEquals("Headline", PageMetadata.stripSiteSuffix("Headline | The Site", "The  site"));
    assertEquals("Headline", PageMetadata.stripSiteSuffix("Headline — The Site", "The Site"));
    assertEquals("Headline - Other", PageMetadata.stripSiteSuffix("Headline - Other", "Site"));
    assertEquals("| Site", PageMetadata.stripSiteSuffix("| Site", "Site"));
    assertEquals("Headline | Site", PageMetadata.stripSiteSuffix("Headline | Site", null));
  }

  @Test
  void chromeWords() {
    assertTrue(PageChrome.hasChromeWord("cookie-banner"));
    assertTrue(PageChrome.hasChromeWord("c-shareBar"));
    assertTrue(PageChrome.hasChromeWord("foo newsletter_box"));
    assertTrue(PageChrome.hasChromeWord("article-header-wrapper"));
    assertFalse(PageChrome.hasChromeWord("story__body"));
    assertFalse(PageChrome.hasChromeWord("shadow loaded headline"));
    assertFalse(PageChrome.hasChromeWord(""));
  }

  @Test
  void extractedTextCleansLikeThePlainCopy() throws IOException {
    // The HTML original and a plain-text copy with aggregator junk clean to the same text.
    HtmlPage page = HtmlExtractor.extract(resource("news-page.html"), null);
    String copy =
        page.text()
            + "\n\nFor the latest news and updates, follow us on Google News\n\n"
            + "Read original article here";
    TextCleaner cleaner = TextCleaner.withDefaults();
    assertEquals(cleaner.clean(page.text()).text(), cleaner.clean(copy).text());
    assertTrue(cleaner.clean(copy).pointsToOriginal());
  }
}
