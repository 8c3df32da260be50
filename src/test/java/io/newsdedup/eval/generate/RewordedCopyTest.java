package io.newsdedup.eval.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.clean.HtmlExtractor;
import io.newsdedup.core.shingle.Shingler;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RewordedCopyTest {

  private static final Shingler SHINGLER = new Shingler(5);

  private static GeneratorConfig config(long seed) {
    return GeneratorConfig.defaults()
        .withSeed(seed)
        .withCopyShare(1.0)
        .withCopies(1, 2)
        .withKinds(EnumSet.of(CopyKind.ORIGINAL, CopyKind.REWORDED));
  }

  /** The text the pipeline would fingerprint the article by (before cleaning), lower-cased. */
  private static String text(GeneratedArticle a) {
    String t = a.text() != null ? a.text() : HtmlExtractor.extract(a.html(), a.url()).text();
    return t.toLowerCase(Locale.ROOT);
  }

  private static Set<Long> shingles(String text) {
    Set<Long> out = new HashSet<>();
    for (long h : SHINGLER.shingles(text)) {
      out.add(h);
    }
    return out;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static Map<String, GeneratedArticle> originals(List<GeneratedArticle> arts) {
    Map<String, GeneratedArticle> out = new HashMap<>();
    arts.stream().filter(GeneratedArticle::isOriginal).forEach(a -> out.put(a.storyId(), a));
    return out;
  }

  @Test
  void medianSimilarityToTheOriginalIsInTheTargetRanges() {
    List<Story> stories = StoryReader.read("testdata/stories");
    List<Double> jaccard = new ArrayList<>();
    List<Double> containment = new ArrayList<>();
    for (long seed : new long[] {1, 2}) {
      List<GeneratedArticle> arts = new CorpusGenerator(config(seed)).generate(stories);
      Map<String, GeneratedArticle> originals = originals(arts);
      for (GeneratedArticle a : arts) {
        if (a.kind() != CopyKind.REWORDED) {
          continue;
        }
        Set<Long> x = shingles(text(originals.get(a.storyId())));
        Set<Long> y = shingles(text(a));
        Set<Long> both = new HashSet<>(x);
        both.retainAll(y);
        jaccard.add((double) both.size() / (x.size() + y.size() - both.size()));
        containment.add((double) both.size() / Math.min(x.size(), y.size()));
      }
    }
    assertTrue(jaccard.size() >= 100, "reworded copies: " + jaccard.size());
    double j = median(jaccard);
    double c = median(containment);
    assertTrue(j >= 0.2 && j <= 0.4, "median Jaccard " + j);
    assertTrue(c >= 0.5 && c <= 0.7, "median containment " + c);
    // Every copy is still recognisably the story, none is a near-duplicate.
    double min = Collections.min(containment);
    assertTrue(min > 0.3, "min containment " + min);
    assertTrue(jaccard.stream().filter(v -> v > 0.6).count() < 0.15 * jaccard.size());
  }

  @Test
  void sameParagraphsInTheSameOrderWithMostSentencesChanged() {
    List<Story> stories = StoryReader.read("testdata/stories");
    Map<String, Story> byId = stories.stream().collect(Collectors.toMap(Story::id, s -> s));
    List<GeneratedArticle> arts = new CorpusGenerator(config(3)).generate(stories);
    Map<String, GeneratedArticle> originals = originals(arts);
    int sentences = 0;
    int unchanged = 0;
    int copies = 0;
    int paragraphs = 0;
    int inPlace = 0;
    for (GeneratedArticle a : arts) {
      if (a.kind() != CopyKind.REWORDED) {
        continue;
      }
      copies++;
      Story st = byId.get(a.storyId());
      List<String> paras = paragraphs(a);
      List<String> story = st.paragraphs();
      assertTrue(
          paras.size() == story.size() || paras.size() == story.size() + 1,
          a.id() + ": " + paras.size() + " paragraphs for " + story.size());
      for (int i = 0; i < story.size(); i++) {
        // Paragraph i is closest to the story's paragraph i (Jaccard of their word sets).
        Set<String> words = new HashSet<>(TestSupport.words(paras.get(i)));
        double best = -1;
        int bestAt = -1;
        for (int k = 0; k < story.size(); k++) {
          Set<String> w = new HashSet<>(TestSupport.words(story.get(k)));
          long both = w.stream().filter(words::contains).count();
          double jaccard = both / (double) (w.size() + words.size() - both);
          if (jaccard > best) {
            best = jaccard;
            bestAt = k;
          }
        }
        paragraphs++;
        inPlace += bestAt == i ? 1 : 0;
        for (String s : Texts.sentences(story.get(i))) {
          sentences++;
          if (TestSupport.norm(paras.get(i)).contains(TestSupport.norm(s))) {
            unchanged++;
          }
        }
      }
      assertNotEquals(st.title(), a.title());
      GeneratedArticle o = originals.get(a.storyId());
      assertNotEquals(o.source(), a.source());
      assertTrue(Outlets.PAPERS.stream().anyMatch(p -> p.name().equals(a.source())), a.source());
      assertFalse(a.isOriginal());
      assertTrue(CorpusWriter.labelLine(a).contains("\"kind\":\"reworded\""));
      if (a.publishedAt() != null) {
        long min =
            Duration.between(
                    OffsetDateTime.parse(o.publishedAt()).toInstant(),
                    OffsetDateTime.parse(a.publishedAt()).toInstant())
                .toMinutes();
        assertTrue(min >= 60 && min <= 600, a.id() + ": " + min);
      }
    }
    assertTrue(copies >= 50, "copies: " + copies);
    assertTrue(inPlace >= 0.97 * paragraphs, inPlace + " of " + paragraphs + " in place");
    assertTrue(unchanged < 0.3 * sentences, unchanged + " of " + sentences + " unchanged");
  }

  /**
   * Body paragraphs; for a page the extractor's, without the page's section kicker ("World") and
   * "READ MORE:" links.
   */
  private static List<String> paragraphs(GeneratedArticle a) {
    if (a.text() != null) {
      return List.of(a.text().split("\n\n"));
    }
    String t = HtmlExtractor.extract(a.html(), a.url()).text();
    return List.of(t.split("\n\n")).stream()
        .filter(p -> !p.startsWith("READ MORE:") && !p.matches("[\\p{L}& ]{1,30}"))
        .toList();
  }

  @Test
  void wordEditsFollowTheTableAndKeepGrammarBits() {
    RewordedCopy.Vocabulary v =
        RewordedCopy.Vocabulary.of(
            List.of(
                "The port will reopen on Monday, officials said. Analysts expect prices to rise."));
    SplittableRandom rng = new SplittableRandom(1);
    assertEquals(
        "Officials said that the port will reopen on Monday.",
        RewordedCopy.clause("The port will reopen on Monday, officials said.", v, rng));
    assertEquals(
        "Because demand was strong, prices rose sharply last month.",
        RewordedCopy.clause("Prices rose sharply last month because demand was strong.", v, rng));
    assertEquals(
        "She said: “We will rebuild.”",
        RewordedCopy.clause("“We will rebuild,” she said.", v, rng));
    assertNull(
        RewordedCopy.clause("Unknownword fell sharply after the storm hit.", v, rng),
        "a clause is not moved before a word that may be a name");
    assertEquals(
        "The neighbours organised a programme at the centre.",
        RewordedCopy.spelling("The neighbors organized a program at the center.", true));
    assertEquals(
        "The neighbors organized a program at the Centre Court.",
        RewordedCopy.spelling("The neighbours organised a programme at the Centre Court.", false));
    // Many sentences: each edited one differs from its source, and none comes out broken.
    List<String> changed = new ArrayList<>();
    for (Story s : StoryReader.read("testdata/stories")) {
      RewordedCopy.Vocabulary vs = RewordedCopy.Vocabulary.of(s.paragraphs());
      for (String p : s.paragraphs()) {
        for (String sentence : Texts.sentences(p)) {
          String r = RewordedCopy.rewordSentence(sentence, s.language(), true, vs, rng);
          assertFalse(r.isBlank());
          assertFalse(r.contains("  "), r);
          assertFalse(
              r.matches(
                  "(?s).*\\b(?:an (?:hurt|big|major|key|firm)|a (?:area|issue|"
                      + "extra|expenditure|agreement))\\b.*"),
              r);
          assertTrue(
              Character.isUpperCase(r.codePointAt(0))
                  || !Character.isLetter(r.charAt(0))
                  || Character.isLowerCase(sentence.charAt(0)),
              r);
          if (!r.equals(sentence)) {
            changed.add(r);
          }
        }
      }
    }
    assertTrue(changed.size() > 500, "changed sentences: " + changed.size());
  }

  @Test
  void offByDefaultParsedAndDeterministic() {
    assertEquals(CopyKind.REWORDED, CopyKind.parse("Reworded"));
    assertFalse(GeneratorConfig.defaults().kinds().contains(CopyKind.REWORDED));
    List<Story> s = StoryReader.read("testdata/stories");
    assertTrue(
        new CorpusGenerator(GeneratorConfig.defaults().withCopyShare(1.0).withCopies(3, 5))
            .generate(s).stream().noneMatch(a -> a.kind() == CopyKind.REWORDED));
    List<String> a =
        new CorpusGenerator(config(4)).generate(s).stream().map(CorpusWriter::jsonLine).toList();
    List<Story> reversed = new ArrayList<>(s);
    Collections.reverse(reversed);
    assertEquals(
        a,
        new CorpusGenerator(config(4))
            .generate(reversed).stream().map(CorpusWriter::jsonLine).toList());
  }
}
