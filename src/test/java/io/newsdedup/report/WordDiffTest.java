package io.newsdedup.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.report.WordDiff.Op;
import io.newsdedup.report.WordDiff.Result;
import io.newsdedup.report.WordDiff.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordDiffTest {
  private static final String P = WordDiff.PARAGRAPH;

  /** The tokens of one side: EQUAL plus DELETE (original) or EQUAL plus INSERT (copy). */
  static List<String> side(Result r, Op other) {
    List<String> out = new ArrayList<>();
    for (Run run : r.runs()) {
      if (run.op() == Op.EQUAL || run.op() == other) {
        out.addAll(run.tokens());
      }
    }
    return out;
  }

  static void assertValid(String a, String b, Result r) {
    assertEquals(WordDiff.tokens(a), side(r, Op.DELETE));
    assertEquals(WordDiff.tokens(b), side(r, Op.INSERT));
  }

  @Test
  void tokensAreWordsAndParagraphBreaks() {
    assertEquals(
        List.of("One", "two.", P, "Three\u200Bfour", P, "five"),
        WordDiff.tokens("  One  two.\r\n\n\nThree\u200Bfour\u00A0\n five\n"));
    assertEquals(List.of(), WordDiff.tokens(null));
    assertEquals(List.of(), WordDiff.tokens(" \n \n"));
  }

  @Test
  void identicalTexts() {
    String t = "A story.\nWith two paragraphs.";
    Result r = WordDiff.diff(t, t);
    assertTrue(r.stats().identical());
    assertEquals(5, r.stats().same());
    assertValid(t, t, r);
  }

  @Test
  void truncationIsRemovedAtTheEnd() {
    String original = "First paragraph here.\nSecond paragraph here.\nThird paragraph cut.";
    String copy = "First paragraph here.\nSecond paragraph here.";
    Result r = WordDiff.diff(original, copy);
    assertValid(original, copy, r);
    assertEquals(3, r.stats().removed());
    assertEquals(3, r.stats().removedAtEnd());
    assertEquals(0, r.stats().added());
  }

  @Test
  void boilerplateIsAddedAroundTheText() {
    String original = "The council voted on Tuesday.\nThe vote was close.";
    String copy =
        "Home | News\nThe council voted on Tuesday.\nThe vote was close.\n"
            + "Read original article here";
    Result r = WordDiff.diff(original, copy);
    assertValid(original, copy, r);
    assertEquals(3, r.stats().addedAtStart());
    assertEquals(4, r.stats().addedAtEnd());
    assertEquals(0, r.stats().removed());
  }

  @Test
  void shortEqualRunsBetweenChangesAreFolded() {
    String original = "alpha beta gamma delta epsilon zeta eta theta";
    String copy = "alpha beta GAMMA delta EPSILON zeta eta theta";
    Result r = WordDiff.diff(original, copy);
    assertValid(original, copy, r);
    long changes = r.runs().stream().filter(x -> x.op() != Op.EQUAL).count();
    // one deletion and one insertion, both "gamma delta epsilon"
    assertEquals(2, changes, r.runs().toString());
    assertEquals(3, r.stats().removed());
  }

  @Test
  void randomEditsAlwaysGiveAValidDiff() {
    SplittableRandom rnd = new SplittableRandom(7);
    String[] vocab = {"the", "a", "of", "council", "vote", "said", "on", "Tuesday", "x", "y", P};
    for (int iter = 0; iter < 300; iter++) {
      StringBuilder a = new StringBuilder();
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(60);
      for (int i = 0; i < n; i++) {
        String w = vocab[rnd.nextInt(vocab.length)];
        int edit = rnd.nextInt(10);
        if (edit != 0) {
          a.append(w).append(' ');
        }
        if (edit != 1) {
          b.append(edit == 2 ? vocab[rnd.nextInt(vocab.length)] : w).append(' ');
        }
      }
      String sa = a.toString().replace(P + " ", "\n");
      String sb = b.toString().replace(P + " ", "\n");
      assertValid(sa, sb, WordDiff.diff(sa, sb));
    }
  }

  @Test
  void costIsBoundedForUnrelatedLongTexts() {
    SplittableRandom rnd = new SplittableRandom(1);
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 25_000; i++) {
      a.append("w").append(rnd.nextInt(40)).append(i % 80 == 79 ? "\n" : " ");
      b.append("w").append(rnd.nextInt(40)).append(i % 80 == 79 ? "\n" : " ");
    }
    Result r = WordDiff.diff(a.toString(), b.toString());
    assertTrue(r.clipped());
    List<String> ta = WordDiff.tokens(a.toString());
    List<String> left = side(r, Op.DELETE);
    assertEquals(ta.subList(0, left.size()), left);
    assertEquals(WordDiff.MAX_WORDS, left.stream().filter(t -> !t.equals(P)).count());
  }

  @Test
  void aLongInsertionInTheMiddleAligns() {
    StringBuilder original = new StringBuilder();
    for (int i = 0; i < 800; i++) {
      original.append("word").append(i).append(i % 40 == 39 ? "\n" : " ");
    }
    StringBuilder ads = new StringBuilder("\n");
    for (int i = 0; i < 3000; i++) {
      ads.append("ad").append(i % 7).append(' ');
    }
    String o = original.toString();
    String copy = o.substring(0, o.length() / 2) + ads + "\n" + o.substring(o.length() / 2);
    Result r = WordDiff.diff(o, copy);
    assertValid(o, copy, r);
    assertTrue(r.aligned());
    assertEquals(3000, r.stats().added());
    assertEquals(0, r.stats().removed());
  }

  @Test
  void htmlEscapesWordsAndFoldsUnchangedParagraphs() {
    StringBuilder original = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      original.append("Paragraph ").append(i).append(" text.\n");
    }
    String copy = original + "<script>alert(1)</script> Read original article here";
    String html = DiffHtml.render(WordDiff.diff(original.toString(), copy)).html();
    assertTrue(
        html.contains(
            "<ins>&lt;script&gt;alert(1)&lt;/script&gt; Read original article" + " here</ins>"),
        html);
    assertFalse(html.contains("<script>"));
    assertTrue(
        html.contains("<details class=\"same\"><summary>9 unchanged paragraphs (27 words)"), html);
    assertTrue(html.contains("<p dir=\"auto\" class=\"added\">"), html);
  }

  @Test
  void removedParagraphsAndAnAddedOneAreSeparateParagraphs() {
    String original = "Kept paragraph.\nCut one.\nCut two.";
    String copy = "Kept paragraph.\nSigned off.";
    String html = DiffHtml.render(WordDiff.diff(original, copy)).html();
    assertTrue(
        html.contains(
            "<p dir=\"auto\" class=\"removed\"><del>Cut two.</del></p>"
                + "<p dir=\"auto\" class=\"added\"><ins>Signed off.</ins></p>"),
        html);
  }
}
