package io.newsdedup.report;

import io.newsdedup.report.WordDiff.Op;
import io.newsdedup.report.WordDiff.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WordDiff} as HTML: one {@code <p>} per paragraph, removed words in {@code <del>}, added
 * words in {@code <ins>}; paragraphs made only of removed (added) words get the class {@code
 * removed} ({@code added}). Unchanged paragraphs more than one paragraph away from a change are
 * folded into a {@code <details>} element, so a long article shows its changes, not its text.
 */
final class DiffHtml {
  private DiffHtml() {}

  private static final class Para {
    final StringBuilder html = new StringBuilder();
    boolean deleted;
    boolean inserted;
    boolean equal;
    int words;
    Op open;

    void word(Op op, String w) {
      if (open != op) {
        close();
        if (html.length() > 0) {
          html.append(' ');
        }
        if (op == Op.DELETE) {
          html.append("<del>");
        } else if (op == Op.INSERT) {
          html.append("<ins>");
        }
        open = op;
      } else {
        html.append(' ');
      }
      html.append(Html.text(w));
      words++;
      deleted |= op == Op.DELETE;
      inserted |= op == Op.INSERT;
      equal |= op == Op.EQUAL;
    }

    void close() {
      if (open == Op.DELETE) {
        html.append("</del>");
      } else if (open == Op.INSERT) {
        html.append("</ins>");
      }
      open = null;
    }

    boolean changed() {
      return deleted || inserted;
    }

    String cssClass() {
      if (deleted && !inserted && !equal) {
        return " class=\"removed\"";
      }
      if (inserted && !deleted && !equal) {
        return " class=\"added\"";
      }
      return "";
    }
  }

  /** The diff's paragraphs as HTML (a {@code <div class="diff">}). */
  static String render(WordDiff.Result result) {
    List<Para> paras = paragraphs(result.runs());
    StringBuilder sb = new StringBuilder("<div class=\"diff\">");
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
        para(sb, paras.get(i++));
        continue;
      }
      int j = i;
      int words = 0;
      while (j < n && !near[j]) {
        words += paras.get(j++).words;
      }
      if (j - i == 1) {
        para(sb, paras.get(i));
      } else {
        sb.append("<details class=\"same\"><summary>")
            .append(j - i).append(" unchanged paragraphs (").append(words)
            .append(" words)</summary>");
        for (int k = i; k < j; k++) {
          para(sb, paras.get(k));
        }
        sb.append("</details>");
      }
      i = j;
    }
    return sb.append("</div>").toString();
  }

  /** The text itself, one {@code <p>} per paragraph, at most {@link WordDiff#MAX_WORDS} words. */
  static String plain(String text) {
    List<String> tokens = WordDiff.tokens(text);
    if (tokens.size() > WordDiff.MAX_WORDS) {
      tokens = tokens.subList(0, WordDiff.MAX_WORDS);
    }
    StringBuilder sb = new StringBuilder("<div class=\"text\">");
    for (Para p : paragraphs(List.of(new Run(Op.EQUAL, tokens)))) {
      para(sb, p);
    }
    return sb.append("</div>").toString();
  }

  private static void para(StringBuilder sb, Para p) {
    sb.append("<p dir=\"auto\"").append(p.cssClass()).append('>').append(p.html).append("</p>");
  }

  private static List<Para> paragraphs(List<Run> runs) {
    List<Para> out = new ArrayList<>();
    Para current = new Para();
    Run previous = null;
    for (Run run : runs) {
      if (previous != null && previous.op() == Op.DELETE && run.op() == Op.INSERT
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
