package io.newsdedup.eval.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Titles;
import io.newsdedup.core.clean.CleanedText;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.clean.TextNormalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplatePageCopyTest {

  private static final TextCleaner CLEANER = TextCleaner.withDefaults();

  private static GeneratorConfig config(long seed) {
    return GeneratorConfig.defaults()
        .withSeed(seed)
        .withCopyShare(1.0)
        .withCopies(1, 3)
        .withKinds(
            EnumSet.of(
                CopyKind.ORIGINAL, CopyKind.REPRINT, CopyKind.PAYWALL, CopyKind.TEMPLATE_PAGE));
  }

  /** Stories with short, distinct bodies and headlines. */
  private static List<Story> stories(int n) {
    List<Story> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TestSupport.wireStory(String.format(Locale.ROOT, "t%04d", i), 4 + i % 4));
    }
    return out;
  }

  private static List<GeneratedArticle> pages(List<GeneratedArticle> arts) {
    return arts.stream().filter(a -> a.kind() == CopyKind.TEMPLATE_PAGE).toList();
  }

  /** Every catalogue site and, for each, two more sites of its shape under other names. */
  private static List<TemplateCatalogue.Site> allSites() {
    List<TemplateCatalogue.Site> out = new ArrayList<>(TemplateCatalogue.SITES);
    Set<String> names = new HashSet<>();
    TemplateCatalogue.SITES.forEach(s -> names.add(s.name()));
    SplittableRandom rng = new SplittableRandom(5);
    for (TemplateCatalogue.Site s : TemplateCatalogue.SITES) {
      out.add(TemplateCatalogue.another(s, names, rng));
      out.add(TemplateCatalogue.another(s, names, rng));
    }
    return out;
  }

  private static String filled(TemplateCatalogue.Site s, long seed) {
    return s.fill(new SplittableRandom(seed), null);
  }

  // ---------------------------------------------------------------------------------------------
  // The catalogue

  @Test
  void catalogueHasTwelvePlusShapesOfTwoPlusSitesInSeveralLanguages() {
    Map<TemplateCatalogue.Shape, List<TemplateCatalogue.Site>> byShape =
        TemplateCatalogue.SITES.stream()
            .collect(Collectors.groupingBy(TemplateCatalogue.Site::shape));
    assertTrue(byShape.size() >= 12, "shapes: " + byShape.size());
    assertTrue(TemplateCatalogue.SITES.size() >= 24);
    byShape.forEach(
        (shape, sites) -> {
          assertTrue(sites.size() >= 2, shape.id());
          assertEquals(
              1,
              sites.stream().map(TemplateCatalogue.Site::language).distinct().count(),
              shape.id());
          assertEquals(
              sites.size(),
              sites.stream().map(TemplateCatalogue.Site::text).distinct().count(),
              "each site of " + shape.id() + " has its own wording");
        });
    Set<String> languages =
        byShape.values().stream().map(l -> l.get(0).language()).collect(Collectors.toSet());
    assertTrue(languages.containsAll(Set.of("en", "de", "pl")), languages.toString());
    assertTrue(languages.contains("ar") || languages.contains("zh"), languages.toString());
    assertEquals(
        TemplateCatalogue.SITES.size(),
        TemplateCatalogue.SITES.stream().map(TemplateCatalogue.Site::name).distinct().count());
    assertEquals(
        TemplateCatalogue.SITES.size(),
        TemplateCatalogue.SITES.stream().map(TemplateCatalogue.Site::domain).distinct().count());
    Set<String> outlets = new HashSet<>();
    for (List<Outlets.Outlet> l :
        List.of(Outlets.AGENCIES, Outlets.PAPERS, Outlets.AGGREGATORS, Outlets.SCRAPERS)) {
      l.forEach(o -> outlets.add(o.name()));
    }
    for (TemplateCatalogue.Site s : TemplateCatalogue.SITES) {
      assertFalse(outlets.contains(s.name()), s.name() + " is an outlet of the other kinds");
    }
  }

  /** Words, counting two characters of a script written without spaces as one word. */
  private static int words(String text) {
    int han = 0;
    StringBuilder rest = new StringBuilder();
    for (int cp : text.codePoints().toArray()) {
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        han++;
        rest.append(' ');
      } else {
        rest.appendCodePoint(cp);
      }
    }
    return Texts.wordCount(rest.toString().replaceAll("[^\\p{L}\\p{N}\\s]+", " ")) + han / 2;
  }

  @Test
  void templatesAreFortyToHundredFiftyWordsOnSeveralLines() {
    for (TemplateCatalogue.Site s : TemplateCatalogue.SITES) {
      String t = filled(s, 1);
      int w = words(t);
      assertTrue(w >= 40 && w <= 150, s.name() + ": " + w + " words");
      assertTrue(t.split("\n\n").length >= 3, s.name() + " has several paragraphs");
      assertTrue(t.split("\n").length >= 5, s.name() + " has several lines");
      assertFalse(t.matches("(?s).*\\{[a-z]+}.*"), s.name() + " has an unfilled placeholder");
      assertEquals(t.strip(), t);
      assertFalse(t.contains("\n\n\n"));
    }
  }

  @Test
  void pagePlaceholdersDifferFromPageToPageButTheRestIsTheSite() {
    TemplateCatalogue.Site bot =
        TemplateCatalogue.SITES.stream()
            .filter(s -> s.text().contains("{ray}"))
            .findFirst()
            .orElseThrow();
    String a = filled(bot, 1);
    String b = filled(bot, 2);
    assertNotEquals(a, b);
    String[] la = a.split("\n");
    String[] lb = b.split("\n");
    assertEquals(la.length, lb.length);
    int same = 0;
    for (int i = 0; i < la.length; i++) {
      same += la[i].equals(lb[i]) ? 1 : 0;
    }
    assertTrue(same >= la.length - 3, same + " of " + la.length + " lines the same");
  }

  // ---------------------------------------------------------------------------------------------
  // Kept apart from the project's rules

  /** Lines of a text as the cleaner sees them. */
  private static List<String> lines(String text) {
    String n = TextNormalizer.normalize(text);
    return n.isEmpty() ? List.of() : List.of(n.split("\n"));
  }

  @Test
  void noBundledRuleMatchesAnyLineOfAnyTemplate() {
    for (TemplateCatalogue.Site s : allSites()) {
      for (long seed = 1; seed <= 3; seed++) {
        String t = filled(s, seed);
        List<String> expected = lines(t);
        CleanedText whole = CLEANER.clean(t);
        assertEquals(0, whole.boilerplateMarkers(), s.name() + ": a rule matched in\n" + t);
        assertEquals(
            expected.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList(),
            List.of(whole.text().split("\n")),
            s.name() + " lost a line");
        assertNull(whole.wireAgency(), s.name());
        assertFalse(whole.pointsToOriginal(), s.name());
        // Each line alone, after an ordinary line so that tail rules apply too.
        for (String line : expected) {
          CleanedText one = CLEANER.clean("The council met on Tuesday evening.\n" + line);
          assertEquals(0, one.boilerplateMarkers(), s.name() + ": a rule matched: " + line);
          assertEquals(2, one.text().split("\n").length, s.name() + ": " + line);
        }
      }
    }
  }

  @Test
  void noSiteMakesTheHeadlineGeneric() {
    List<String> headlines =
        StoryReader.read("testdata/stories").stream()
            .map(Story::title)
            .filter(h -> Titles.key(h) != 0)
            .toList();
    assertTrue(headlines.size() > 40);
    for (TemplateCatalogue.Site s : allSites()) {
      for (String h : headlines) {
        String title = s.title(h);
        assertTrue(title.startsWith(h), title);
        assertNotEquals(0, Titles.key(title), title);
      }
      assertFalse(Titles.normalise(s.name()).isEmpty());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // In a generated corpus

  @Test
  void pagesAreLabelledWithTheirStoryAndCarryHeadlineTeaserAndTemplate() {
    List<Story> s = StoryReader.read("testdata/stories");
    Map<String, Story> byId = s.stream().collect(Collectors.toMap(Story::id, x -> x));
    List<GeneratedArticle> arts = new CorpusGenerator(config(3)).generate(s);
    Map<String, GeneratedArticle> originals = new HashMap<>();
    arts.stream().filter(GeneratedArticle::isOriginal).forEach(a -> originals.put(a.storyId(), a));
    Map<String, TemplateCatalogue.Site> sites = new HashMap<>();
    TemplateCatalogue.SITES.forEach(x -> sites.put(x.name(), x));
    List<GeneratedArticle> pages = pages(arts);
    assertTrue(pages.size() >= 15, "pages: " + pages.size());
    for (GeneratedArticle a : pages) {
      Story st = byId.get(a.storyId());
      assertFalse(a.isOriginal());
      assertTrue(CorpusWriter.labelLine(a).contains("\"kind\":\"template_page\""));
      assertTrue(CorpusWriter.labelLine(a).contains("\"cluster\":\"" + st.id() + "\""));
      TemplateCatalogue.Site site = sites.get(a.source());
      assertNotNull(site, a.source());
      assertEquals(site.title(st.title()), a.title());
      GeneratedArticle o = originals.get(a.storyId());
      assertNotEquals(o.source(), a.source());
      if (a.publishedAt() != null) {
        long min =
            Duration.between(
                    OffsetDateTime.parse(o.publishedAt()).toInstant(),
                    OffsetDateTime.parse(a.publishedAt()).toInstant())
                .toMinutes();
        assertTrue(min >= 30 && min <= 12 * 60 + 30, a.id() + ": " + min);
      }
      String text = TestSupport.norm(bodyText(a));
      String template =
          TestSupport.norm(
              site.text().replace("{site}", site.name()).replace("{domain}", site.domain()));
      // Everything of the template but the per-page placeholders' lines is on the page.
      for (String line : template.split("(?<=[.:?!])\\s+")) {
        if (!line.contains("{")) {
          assertTrue(text.contains(line), a.id() + " lacks: " + line);
        }
      }
      String lead = TestSupport.norm(Texts.sentences(firstParagraph(o)).get(0));
      assertTrue(text.startsWith(lead) || !text.contains(lead), "a teaser comes first: " + a.id());
      assertTrue(
          TestSupport.containment(String.join("\n\n", st.paragraphs()), text) < 0.5,
          "at most a teaser of the story on " + a.id());
    }
  }

  private static String firstParagraph(GeneratedArticle o) {
    String t =
        o.text() != null
            ? o.text()
            : ArticleParser.parseHtml(o.html(), o.id(), o.url(), Origin.ofFile(o.id()))
                .article()
                .body();
    return t.split("\n\n")[0];
  }

  /** The article's body as the pipeline reads it (the extractor's text for a page). */
  private static String bodyText(GeneratedArticle a) {
    Article art = parse(a);
    return art.body();
  }

  private static Article parse(GeneratedArticle a) {
    ArticleParser.Parsed p =
        a.format() == OutputFormat.HTML
            ? ArticleParser.parseHtml(a.html(), a.id(), a.url(), Origin.ofFile(a.id()))
            : a.format() == OutputFormat.JSONL
                ? ArticleParser.parseJsonLine(CorpusWriter.jsonLine(a), Origin.ofLine(a.file(), 1))
                : ArticleParser.parseText(
                    a.title() + "\n\n" + a.text(), a.id(), Origin.ofFile(a.id()));
    assertNotNull(p.article(), a.id() + ": " + p.rejection());
    return p.article();
  }

  @Test
  void eachSiteCarriesTwoToSixPagesOfDifferentStories() {
    for (long seed : new long[] {1, 2, 3}) {
      List<GeneratedArticle> pages =
          pages(new CorpusGenerator(config(seed).withCopies(1, 4)).generate(stories(160)));
      Map<String, List<GeneratedArticle>> bySite =
          pages.stream().collect(Collectors.groupingBy(GeneratedArticle::source));
      assertTrue(pages.size() >= 40, "pages: " + pages.size());
      bySite.forEach(
          (site, list) -> {
            assertTrue(list.size() >= 2 && list.size() <= 6, site + ": " + list.size());
            assertEquals(
                list.size(),
                list.stream().map(GeneratedArticle::storyId).distinct().count(),
                site + " has two pages of one story");
          });
      assertTrue(bySite.values().stream().anyMatch(l -> l.size() == 2));
      assertTrue(bySite.values().stream().anyMatch(l -> l.size() >= 5));
    }
  }

  @Test
  void moreGroupsThanCatalogueSitesGetMoreSitesOfTheSameShapes() {
    GeneratorConfig c =
        config(4).withKinds(EnumSet.of(CopyKind.ORIGINAL, CopyKind.TEMPLATE_PAGE)).withCopies(1, 1);
    List<GeneratedArticle> pages = pages(new CorpusGenerator(c).generate(stories(400)));
    assertEquals(400, pages.size());
    Map<String, List<GeneratedArticle>> bySite =
        pages.stream().collect(Collectors.groupingBy(GeneratedArticle::source));
    assertTrue(bySite.size() > TemplateCatalogue.SITES.size(), "sites: " + bySite.size());
    bySite.forEach(
        (site, list) -> {
          assertTrue(list.size() >= 2 && list.size() <= 6, site + ": " + list.size());
          assertEquals(
              list.size(), list.stream().map(GeneratedArticle::storyId).distinct().count());
        });
    Set<String> catalogue =
        TemplateCatalogue.SITES.stream()
            .map(TemplateCatalogue.Site::name)
            .collect(Collectors.toSet());
    assertTrue(catalogue.stream().allMatch(bySite::containsKey), "every catalogue site is used");
  }

  @Test
  void aThirdOfThePagesHaveATeaser() {
    List<GeneratedArticle> arts =
        new CorpusGenerator(config(5).withCopies(1, 4)).generate(stories(300));
    Map<String, GeneratedArticle> originals = new HashMap<>();
    arts.stream().filter(GeneratedArticle::isOriginal).forEach(a -> originals.put(a.storyId(), a));
    int teasers = 0;
    List<GeneratedArticle> pages = pages(arts);
    for (GeneratedArticle a : pages) {
      String lead =
          TestSupport.norm(Texts.sentences(firstParagraph(originals.get(a.storyId()))).get(0));
      String text = TestSupport.norm(bodyText(a));
      if (text.startsWith(lead)) {
        teasers++;
        assertEquals(1, text.split(Pattern.quote(lead), -1).length - 1);
      }
    }
    double share = (double) teasers / pages.size();
    assertTrue(pages.size() >= 100);
    assertTrue(share > 0.22 && share < 0.45, "teasers: " + teasers + "/" + pages.size());
  }

  @Test
  void htmlPagesExtractToTheTemplateAndTheHeadline() {
    List<Story> s = stories(200);
    Map<String, Story> byId = s.stream().collect(Collectors.toMap(Story::id, x -> x));
    List<GeneratedArticle> html =
        pages(new CorpusGenerator(config(6).withCopies(1, 4)).generate(s)).stream()
            .filter(a -> a.html() != null)
            .toList();
    assertTrue(html.size() >= 20, "html pages: " + html.size());
    Map<String, TemplateCatalogue.Site> sites = new HashMap<>();
    TemplateCatalogue.SITES.forEach(x -> sites.put(x.name(), x));
    Set<String> shapes = new HashSet<>();
    for (GeneratedArticle a : html) {
      Article art = parse(a);
      TemplateCatalogue.Site site = sites.get(a.source());
      if (site == null) {
        continue; // a site added beyond the catalogue: checked through the catalogue's
      }
      shapes.add(site.shape().id());
      List<String> body = lines(art.body());
      String text = TestSupport.norm(art.body());
      for (String line :
          lines(site.text().replace("{site}", site.name()).replace("{domain}", site.domain()))) {
        if (!line.contains("{")) {
          assertTrue(body.contains(line) || text.contains(line), a.id() + " lost: " + line);
        }
      }
      assertFalse(text.contains("Sport Opinion"), "navigation is not text: " + a.id());
      String headline = byId.get(a.storyId()).title();
      assertTrue(art.title().equals(headline) || art.title().equals(a.title()), art.title());
      assertNotEquals(0, Titles.key(art.title()));
    }
    assertTrue(shapes.size() >= 6, "shapes seen as html: " + shapes);
  }

  @Test
  void jsonlOnlyPutsHtmlPagesInTheHtmlField() {
    GeneratorConfig c = config(7).withFormats(EnumSet.of(OutputFormat.JSONL));
    List<GeneratedArticle> pages = pages(new CorpusGenerator(c).generate(stories(120)));
    assertTrue(pages.stream().allMatch(a -> a.format() == OutputFormat.JSONL));
    assertTrue(pages.stream().anyMatch(a -> a.html() != null));
    for (GeneratedArticle a : pages) {
      assertEquals(a.html() != null ? "scraped.jsonl.gz" : "papers.jsonl", a.file());
      assertFalse(parse(a).body().isBlank());
    }
  }

  @Test
  void sameSeedSameCorpusWhateverTheStoryOrder() {
    List<Story> s = stories(150);
    List<String> a = lines(new CorpusGenerator(config(8)).generate(s));
    List<Story> reversed = new ArrayList<>(s);
    Collections.reverse(reversed);
    assertEquals(a, lines(new CorpusGenerator(config(8)).generate(reversed)));
    assertNotEquals(a, lines(new CorpusGenerator(config(9)).generate(s)));
  }

  private static List<String> lines(List<GeneratedArticle> arts) {
    List<String> out = new ArrayList<>();
    for (GeneratedArticle a : arts) {
      out.add(CorpusWriter.labelLine(a) + "\t" + a.file() + "\t" + CorpusWriter.jsonLine(a));
    }
    return out;
  }

  @Test
  void offByDefaultAndParsedWithADash() {
    assertEquals(CopyKind.TEMPLATE_PAGE, CopyKind.parse("template-page"));
    assertEquals(CopyKind.TEMPLATE_PAGE, CopyKind.parse(" Template_Page "));
    assertEquals("template_page", CopyKind.TEMPLATE_PAGE.label());
    assertFalse(GeneratorConfig.defaults().kinds().contains(CopyKind.TEMPLATE_PAGE));
    GeneratorConfig on = GeneratorConfig.defaults().withCopyShare(1.0).withCopies(3, 5);
    assertTrue(pages(new CorpusGenerator(on).generate(stories(60))).isEmpty());
  }

  @Test
  void groupsNeverPutTwoPagesOfOneStoryTogether() {
    // Many pages of few stories: groups must still be of different stories.
    List<TemplatePageCopy.Pending> pending = new ArrayList<>();
    List<Story> st = stories(7);
    for (int i = 0; i < 30; i++) {
      pending.add(new TemplatePageCopy.Pending(st.get(i % 7), null, new SplittableRandom(i)));
    }
    List<List<Integer>> groups = TemplatePageCopy.groups(pending, new SplittableRandom(3));
    Map<Integer, Integer> sizes = new TreeMap<>();
    int total = 0;
    for (List<Integer> g : groups) {
      total += g.size();
      sizes.merge(g.size(), 1, Integer::sum);
      assertEquals(g.size(), g.stream().map(i -> pending.get(i).story.id()).distinct().count());
      assertTrue(g.size() >= 2 && g.size() <= 6, sizes.toString());
    }
    assertEquals(30, total);
  }

  @Test
  void templateTextHasNoWordsOfTheRulesAndKnownTemplateTitles() {
    // Sanity for the test above: the rules do know the usual phrasing.
    assertTrue(
        CLEANER
                .clean("Story text here.\nWe use cookies to improve your experience.")
                .boilerplateMarkers()
            > 0);
    assertTrue(
        CLEANER
                .clean("Story text here.\n© 2025 Site Name. All rights reserved.")
                .boilerplateMarkers()
            > 0);
    Matcher m =
        Pattern.compile("(?i)all rights reserved|we use cookies|enable javascript")
            .matcher(
                TemplateCatalogue.SITES.stream()
                    .map(TemplateCatalogue.Site::text)
                    .collect(Collectors.joining("\n")));
    assertFalse(m.find());
  }
}
