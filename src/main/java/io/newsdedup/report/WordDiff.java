package io.newsdedup.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-level, paragraph-aware diff of a copy against its original.
 *
 * <p>Texts are split into words at white space; a paragraph break (a line break in the text) is a
 * token of its own, so paragraphs align as words do. The diff is patience-anchored Myers, as in
 * {@code git diff --patience}: common prefix and suffix are taken off, words that occur exactly
 * once in each side anchor the alignment (their longest increasing subsequence), and what lies
 * between anchors is diffed with Myers' O(ND) algorithm. Cost is bounded: at most {@link
 * #MAX_WORDS} words of each text, at most {@link #MAX_EDITS} edits per Myers call and {@link
 * #MAX_WORK} steps per diff; a stretch beyond a bound is shown as removed plus added (the result
 * then says it is not {@link Result#aligned() aligned}). Equal runs of one or two words between
 * changes are folded into the change so that edited sentences read as a whole.
 */
final class WordDiff {
  /** The token standing for a paragraph break. */
  static final String PARAGRAPH = "\n";

  static final int MAX_WORDS = 20_000;
  static final int MAX_EDITS = 1_000;
  static final long MAX_WORK = 20_000_000L;
  private static final int MAX_DEPTH = 64;

  enum Op {
    EQUAL,
    DELETE,
    INSERT
  }

  /**
   * Consecutive tokens with the same operation (paragraph breaks included as {@link #PARAGRAPH}).
   */
  record Run(Op op, List<String> tokens) {
    int words() {
      int n = 0;
      for (String t : tokens) {
        if (!t.equals(PARAGRAPH)) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Word counts: kept, added by the copy, removed from the original; "at start"/"at end" count the
   * changes before the first and after the last kept word (0 when no word is kept).
   */
  record Stats(
      int same,
      int added,
      int removed,
      int addedAtStart,
      int addedAtEnd,
      int removedAtStart,
      int removedAtEnd) {
    boolean identical() {
      return added == 0 && removed == 0;
    }
  }

  /**
   * @param aligned false when a cost bound turned part of the diff into "removed + added"
   * @param clipped true when a text was longer than {@link #MAX_WORDS} words and only its start was
   *     compared
   */
  record Result(List<Run> runs, Stats stats, boolean aligned, boolean clipped) {}

  private final String[] words;
  private final int[] a;
  private final int[] b;
  private final byte[] script;
  private int scriptLength;
  private long work;
  private boolean aligned = true;

  private static final byte EQ = 0;
  private static final byte DEL = 1;
  private static final byte INS = 2;

  private WordDiff(String[] words, int[] a, int[] b) {
    this.words = words;
    this.a = a;
    this.b = b;
    this.script = new byte[a.length + b.length];
  }

  /** The diff turning {@code original} into {@code copy}. Null texts are empty. */
  static Result diff(String original, String copy) {
    List<String> ta = tokens(original);
    List<String> tb = tokens(copy);
    boolean clipped = clip(ta) | clip(tb);
    Map<String, Integer> ids = new HashMap<>();
    List<String> words = new ArrayList<>();
    int[] a = intern(ta, ids, words);
    int[] b = intern(tb, ids, words);
    WordDiff d = new WordDiff(words.toArray(String[]::new), a, b);
    d.range(0, a.length, 0, b.length, 0);
    List<Run> runs = cleanup(d.runs());
    return new Result(runs, stats(runs), d.aligned, clipped);
  }

  /** Words and {@link #PARAGRAPH} tokens: non-blank lines are paragraphs. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int i = 0;
    int n = text.length();
    boolean lineHasWords = false;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lineHasWords = false;
        i++;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
      } else {
        int start = i;
        while (i < n
            && !Character.isWhitespace(text.charAt(i))
            && !Character.isSpaceChar(text.charAt(i))) {
          i++;
        }
        if (!lineHasWords && !out.isEmpty()) {
          out.add(PARAGRAPH);
        }
        lineHasWords = true;
        out.add(text.substring(start, i));
      }
    }
    return out;
  }

  private static boolean clip(List<String> tokens) {
    int words = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).equals(PARAGRAPH) && ++words > MAX_WORDS) {
        tokens.subList(i, tokens.size()).clear();
        return true;
      }
    }
    return false;
  }

  private static int[] intern(List<String> tokens, Map<String, Integer> ids, List<String> words) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      String t = tokens.get(i);
      Integer id = ids.get(t);
      if (id == null) {
        id = words.size();
        ids.put(t, id);
        words.add(t);
      }
      out[i] = id;
    }
    return out;
  }

  private void emit(byte op, int count) {
    for (int i = 0; i < count; i++) {
      script[scriptLength++] = op;
    }
  }

  /** Diffs a[a0..a1) against b[b0..b1), emitting the script in order. */
  private void range(int a0, int a1, int b0, int b1, int depth) {
    int prefix = 0;
    while (a0 + prefix < a1 && b0 + prefix < b1 && a[a0 + prefix] == b[b0 + prefix]) {
      prefix++;
    }
    emit(EQ, prefix);
    a0 += prefix;
    b0 += prefix;
    int suffix = 0;
    while (a1 - suffix > a0 && b1 - suffix > b0 && a[a1 - 1 - suffix] == b[b1 - 1 - suffix]) {
      suffix++;
    }
    middle(a0, a1 - suffix, b0, b1 - suffix, depth);
    emit(EQ, suffix);
  }

  private void middle(int a0, int a1, int b0, int b1, int depth) {
    if (a0 == a1 || b0 == b1) {
      emit(DEL, a1 - a0);
      emit(INS, b1 - b0);
      return;
    }
    if (depth < MAX_DEPTH) {
      int[][] anchors = anchors(a0, a1, b0, b1);
      if (anchors.length > 0) {
        int pa = a0;
        int pb = b0;
        for (int[] anchor : anchors) {
          range(pa, anchor[0], pb, anchor[1], depth + 1);
          emit(EQ, 1);
          pa = anchor[0] + 1;
          pb = anchor[1] + 1;
        }
        range(pa, a1, pb, b1, depth + 1);
        return;
      }
    }
    myers(a0, a1, b0, b1);
  }

  /**
   * Tokens occurring exactly once in a[a0..a1) and once in b[b0..b1), as (posA, posB) pairs: the
   * longest subsequence increasing in both (patience sorting).
   */
  private int[][] anchors(int a0, int a1, int b0, int b1) {
    work += (a1 - a0) + (b1 - b0);
    Map<Integer, int[]> seen = new HashMap<>();
    for (int i = a0; i < a1; i++) {
      int[] s = seen.computeIfAbsent(a[i], k -> new int[] {0, -1, 0, -1});
      s[0]++;
      s[1] = i;
    }
    for (int j = b0; j < b1; j++) {
      int[] s = seen.get(b[j]);
      if (s != null) {
        s[2]++;
        s[3] = j;
      }
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = a0; i < a1; i++) {
      int[] s = seen.get(a[i]);
      if (s[0] == 1 && s[2] == 1) {
        pairs.add(new int[] {i, s[3]});
      }
    }
    if (pairs.isEmpty()) {
      return new int[0][];
    }
    int[] tails = new int[pairs.size()];
    int[] prev = new int[pairs.size()];
    int length = 0;
    for (int p = 0; p < pairs.size(); p++) {
      int bj = pairs.get(p)[1];
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (pairs.get(tails[mid])[1] < bj) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      prev[p] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = p;
      if (lo == length) {
        length++;
      }
    }
    int[][] out = new int[length][];
    for (int p = tails[length - 1], k = length - 1; p >= 0; p = prev[p], k--) {
      out[k] = pairs.get(p);
    }
    return out;
  }

  /** Myers' greedy O(ND) diff of a[a0..a1) and b[b0..b1), within the cost bounds. */
  private void myers(int a0, int a1, int b0, int b1) {
    int n = a1 - a0;
    int m = b1 - b0;
    int max = Math.min(n + m, MAX_EDITS);
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    outer:
    for (int d = 0; d <= max; d++) {
      for (int k = -d; k <= d; k += 2) {
        int x =
            k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                ? v[offset + k + 1]
                : v[offset + k - 1] + 1;
        int y = x - k;
        int snakeStart = x;
        while (x < n && y < m && a[a0 + x] == b[b0 + y]) {
          x++;
          y++;
        }
        work += 1 + x - snakeStart;
        v[offset + k] = x;
        if (x >= n && y >= m) {
          trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
          found = d;
          break outer;
        }
      }
      trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
      if (work > MAX_WORK) {
        break;
      }
    }
    if (found < 0) {
      aligned = false;
      emit(DEL, n);
      emit(INS, m);
      return;
    }
    byte[] reversed = new byte[n + m];
    int r = 0;
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] vp = trace.get(d - 1); // index k + (d - 1)
      int k = x - y;
      boolean down = k == -d || (k != d && vp[k - 1 + d - 1] < vp[k + 1 + d - 1]);
      int prevK = down ? k + 1 : k - 1;
      int prevX = vp[prevK + d - 1];
      int prevY = prevX - prevK;
      int startX = down ? prevX : prevX + 1;
      while (x > startX) {
        reversed[r++] = EQ;
        x--;
        y--;
      }
      reversed[r++] = down ? INS : DEL;
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      reversed[r++] = EQ;
      x--;
      y--;
    }
    for (int i = r - 1; i >= 0; i--) {
      script[scriptLength++] = reversed[i];
    }
  }

  /** The script as runs of tokens. */
  private List<Run> runs() {
    List<Run> out = new ArrayList<>();
    int i = 0;
    int ia = 0;
    int ib = 0;
    while (i < scriptLength) {
      byte op = script[i];
      List<String> tokens = new ArrayList<>();
      while (i < scriptLength && script[i] == op) {
        tokens.add(op == INS ? words[b[ib]] : words[a[ia]]);
        if (op != INS) {
          ia++;
        }
        if (op != DEL) {
          ib++;
        }
        i++;
      }
      out.add(new Run(op == EQ ? Op.EQUAL : op == DEL ? Op.DELETE : Op.INSERT, tokens));
    }
    return out;
  }

  /**
   * Folds equal runs of at most two words (no paragraph break) lying between changes into the
   * changes, then writes each stretch of changes as one deletion followed by one insertion.
   */
  static List<Run> cleanup(List<Run> runs) {
    List<Run> out = new ArrayList<>();
    List<String> del = new ArrayList<>();
    List<String> ins = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      boolean fold =
          run.op() == Op.EQUAL
              && run.tokens().size() <= 2
              && !run.tokens().contains(PARAGRAPH)
              && (!del.isEmpty() || !ins.isEmpty())
              && i + 1 < runs.size();
      if (run.op() == Op.EQUAL && !fold) {
        flush(out, del, ins);
        out.add(run);
      } else if (run.op() == Op.EQUAL) {
        del.addAll(run.tokens());
        ins.addAll(run.tokens());
      } else if (run.op() == Op.DELETE) {
        del.addAll(run.tokens());
      } else {
        ins.addAll(run.tokens());
      }
    }
    flush(out, del, ins);
    return out;
  }

  private static void flush(List<Run> out, List<String> del, List<String> ins) {
    if (!del.isEmpty()) {
      out.add(new Run(Op.DELETE, new ArrayList<>(del)));
      del.clear();
    }
    if (!ins.isEmpty()) {
      out.add(new Run(Op.INSERT, new ArrayList<>(ins)));
      ins.clear();
    }
  }

  private static Stats stats(List<Run> runs) {
    int same = 0;
    int added = 0;
    int removed = 0;
    int firstEqual = -1;
    int lastEqual = -1;
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      int w = r.words();
      switch (r.op()) {
        case EQUAL -> {
          same += w;
          if (w > 0) {
            lastEqual = i;
            if (firstEqual < 0) {
              firstEqual = i;
            }
          }
        }
        case DELETE -> removed += w;
        case INSERT -> added += w;
      }
    }
    int[] start = new int[2];
    int[] end = new int[2];
    if (firstEqual >= 0) {
      for (int i = 0; i < firstEqual; i++) {
        count(runs.get(i), start);
      }
      for (int i = lastEqual + 1; i < runs.size(); i++) {
        count(runs.get(i), end);
      }
    }
    return new Stats(same, added, removed, start[1], end[1], start[0], end[0]);
  }

  private static void count(Run r, int[] removedAdded) {
    if (r.op() == Op.DELETE) {
      removedAdded[0] += r.words();
    } else if (r.op() == Op.INSERT) {
      removedAdded[1] += r.words();
    }
  }
}
