package io.newsdedup.report;

import static io.newsdedup.report.html.Html.el;
import static io.newsdedup.report.html.Html.text;

import io.newsdedup.report.WordDiff.Op;
import io.newsdedup.report.WordDiff.Run;
import io.newsdedup.report.html.Node;
import io.newsdedup.report.html.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WordDiff} as HTML elements: one {@code <p>} per paragraph, removed words in {@code
 * <del>}, added words in {@code <ins>}; paragraphs made only of removed (added) words get the class
 * {@code removed} ({@code added}). Unchanged paragraphs more than one paragraph away from a change
 * are folded into a {@code <details>} element, so a long article shows its changes, not its text.
 */
final class DiffHtml {
  private DiffHtml() {}

  private static final class Para {
    final List<Node> nodes = new ArrayList<>();
    final StringBuilder run = new StringBuilder();
    boolean deleted;
    boolean inserted;
    boolean equal;
    int words;
    Op open;

    void word(Op op, String w) {
      if (open != op) {
        close();
        if (!nodes.isEmpty()) {
          nodes.add(SPACE);
        }
        open = op;
      } else {
        run.append(' ');
      }
      run.append(w);
      words++;
      deleted |= op == Op.DELETE;
      inserted |= op == Op.INSERT;
      equal |= op == Op.EQUAL;
    }

    /** Ends the run of words with the same operation. */
    void close() {
      if (run.length() > 0) {
        String s = run.toString();
        nodes.add(
            open == Op.DELETE
                ? el("del").text(s)
                : open == Op.INSERT ? el("ins").text(s) : text(s));
        run.setLength(0);
      }
      open = null;
    }

    boolean changed() {
      return deleted || inserted;
    }

    Tag tag() {
      String cls = null;
      if (deleted && !inserted && !equal) {
        cls = "removed";
      } else if (inserted && !deleted && !equal) {
        cls = "added";
      }
      return el("p").attr("dir", "auto").cls(cls).add(nodes);
    }
  }

  private static final Node SPACE = text(" ");

  /** The diff's paragraphs (a {@code <div class="diff">}). */
  static Tag render(WordDiff.Result result) {
    List<Para> paras = paragraphs(result.runs());
    Tag div = el("div").cls("diff");
    int n = paras.size();
    boolean[] near = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (paras.get(i).changed()) {
        for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
          near[j] = true;
        }
      }
    }
    int i = 0;
    while (i < n) {
      if (near[i]) {
        div.add(paras.get(i++).tag());
        continue;
      }
      int j = i;
      int words = 0;
      while (j < n && !near[j]) {
        words += paras.get(j++).words;
      }
      if (j - i == 1) {
        div.add(paras.get(i).tag());
      } else {
        Tag folded =
            el("details")
                .cls("same")
                .add(el("summary").text((j - i) + " unchanged paragraphs (" + words + " words)"));
        for (int k = i; k < j; k++) {
          folded.add(paras.get(k).tag());
        }
        div.add(folded);
      }
      i = j;
    }
    return div;
  }

  /** The text itself, one {@code <p>} per paragraph, at most {@link WordDiff#MAX_WORDS} words. */
  static Tag plain(String text) {
    List<String> tokens = WordDiff.tokens(text);
    if (tokens.size() > WordDiff.MAX_WORDS) {
      tokens = tokens.subList(0, WordDiff.MAX_WORDS);
    }
    Tag div = el("div").cls("text");
    for (Para p : paragraphs(List.of(new Run(Op.EQUAL, tokens)))) {
      div.add(p.tag());
    }
    return div;
  }

  private static List<Para> paragraphs(List<Run> runs) {
    List<Para> out = new ArrayList<>();
    Para current = new Para();
    Run previous = null;
    for (Run run : runs) {
      if (previous != null
          && previous.op() == Op.DELETE
          && run.op() == Op.INSERT
          && current.words > 0
          && (previous.tokens().contains(WordDiff.PARAGRAPH)
              || run.tokens().contains(WordDiff.PARAGRAPH))) {
        // Removed paragraphs and added ones: the addition starts a paragraph of its own.
        current.close();
        out.add(current);
        current = new Para();
      }
      previous = run;
      for (String t : run.tokens()) {
        if (t.equals(WordDiff.PARAGRAPH)) {
          current.close();
          if (current.words > 0) {
            out.add(current);
          }
          current = new Para();
        } else {
          current.word(run.op(), t);
        }
      }
    }
    current.close();
    if (current.words > 0) {
      out.add(current);
    }
    return out;
  }
}
