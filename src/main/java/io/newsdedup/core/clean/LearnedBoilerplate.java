package io.newsdedup.core.clean;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Boilerplate learned from the corpus: paragraphs that recur in many articles whose other content
 * differs. A site's template (menu line, slogan, app prompt, paywall notice, disclaimer) recurs
 * around different stories; a syndicated story's paragraph recurs too, but around the same story.
 *
 * <p>Each occurrence of a paragraph carries a <em>context</em>: its article's headline terms, which
 * of its paragraphs carry the headline, and the {@link #CONTEXT_SIZE} smallest keys of its other
 * paragraphs ({@link #context}). Two occurrences are <em>the same story</em> ({@link #sameStory})
 * when their headlines agree or they share a paragraph that tells one headline's story; without
 * headlines, when at least half of the smaller set of other paragraphs is in both (a truncated
 * reprint, an excerpt, a copy wrapped in another site's template all overlap their original). Pages
 * whose headlines disagree and whose shared paragraphs tell neither headline's story are different
 * stories however much else they share: what they share is a template. A paragraph is boilerplate
 * when it occurs in at least {@code minRepeats} articles and the groups number at least {@code
 * minDistinctShare} of its occurrences (counted on a deterministic sample of {@link #SAMPLE}
 * occurrences, so a template line on a million pages costs the same as on a hundred), or in two
 * such pages of different stories by their headlines. Nothing depends on the source, so it works
 * with one article per site as well as with a thousand; copies of a one-paragraph text without a
 * headline are copies, not a template.
 *
 * <p>Paragraphs are the lines of a {@link CleanedText} (already case-folded); their key ignores
 * digits, so "Updated 3 hours ago" and "Updated 15 hours ago" are one paragraph.
 */
public record LearnedBoilerplate(int minRepeats, double minDistinctShare) implements Serializable {
  public static final int DEFAULT_MIN_REPEATS = 3;
  public static final double DEFAULT_MIN_DISTINCT_SHARE = 0.7;
  public static final int CONTEXT_SIZE = 8;
  public static final int SAMPLE = 64;

  public LearnedBoilerplate {
    if (minRepeats < 2) {
      throw new IllegalArgumentException("minRepeats must be >= 2: " + minRepeats);
    }
    if (!(minDistinctShare > 0 && minDistinctShare <= 1)) {
      throw new IllegalArgumentException("minDistinctShare must be in (0, 1]: " + minDistinctShare);
    }
  }

  public static LearnedBoilerplate defaults() {
    return new LearnedBoilerplate(DEFAULT_MIN_REPEATS, DEFAULT_MIN_DISTINCT_SHARE);
  }

  /** The paragraphs (lines) of a cleaned text. */
  public static String[] paragraphs(String cleanedText) {
    return cleanedText.isEmpty() ? new String[0] : cleanedText.split("\n");
  }

  /** A paragraph's key: 64-bit FNV-1a over its characters, each run of digits read as one '0'. */
  public static long key(String paragraph) {
    return hash(paragraph, true);
  }

  /** 64-bit FNV-1a, finalised with a mixer; with {@code foldDigits}, a run of digits is one '0'. */
  public static long hash(String s, boolean foldDigits) {
    long h = 0xcbf29ce484222325L;
    boolean inDigits = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (foldDigits && Character.isDigit(c)) {
        if (inDigits) {
          continue;
        }
        inDigits = true;
        c = '0';
      } else {
        inDigits = false;
      }
      h ^= c;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /** The distinct keys of a text's paragraphs, sorted. */
  public static long[] keys(String cleanedText) {
    String[] paragraphs = paragraphs(cleanedText);
    long[] k = new long[paragraphs.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = key(paragraphs[i]);
    }
    return Arrays.stream(k).sorted().distinct().toArray();
  }

  /** At most this many headline terms go into a context (the smallest, so that two keep alike). */
  public static final int TITLE_TERMS = 8;

  private static final int SAME = 0;
  private static final int DIFFERENT = 1;
  private static final int DIFFERENT_HEADLINES = 2;

  /**
   * The context of paragraph {@code key} in an article: a header, the article's headline terms (the
   * {@link #TITLE_TERMS} smallest of {@code titleTerms}, sorted: see {@code core.story.Headline}),
   * the {@link #CONTEXT_SIZE} smallest keys of its other paragraphs that carry the headline ({@code
   * carrying}: see {@code core.story.Coverage}), then the {@link #CONTEXT_SIZE} smallest of its
   * other paragraph keys. The header holds the three lengths and whether the paragraph itself
   * carries the headline.
   *
   * @param sortedKeys the article's distinct paragraph keys, sorted ({@link #keys})
   * @param titleTerms its headline's terms, sorted (empty: no informative headline)
   * @param carrying keys of its paragraphs that carry the headline, sorted (may include {@code
   *     key})
   */
  public static long[] context(long[] sortedKeys, long key, long[] titleTerms, long[] carrying) {
    int t = Math.min(TITLE_TERMS, titleTerms.length);
    long[] c =
        new long
            [1
                + t
                + Math.min(CONTEXT_SIZE, carrying.length)
                + Math.min(CONTEXT_SIZE, sortedKeys.length)];
    int n = 1;
    System.arraycopy(titleTerms, 0, c, n, t);
    n += t;
    int carryStart = n;
    for (int i = 0; i < carrying.length && n - carryStart < CONTEXT_SIZE; i++) {
      if (carrying[i] != key) {
        c[n++] = carrying[i];
      }
    }
    int carry = n - carryStart;
    int otherStart = n;
    for (int i = 0; i < sortedKeys.length && n - otherStart < CONTEXT_SIZE; i++) {
      if (sortedKeys[i] != key) {
        c[n++] = sortedKeys[i];
      }
    }
    boolean carries = Arrays.binarySearch(carrying, key) >= 0;
    c[0] = t | ((long) carry << 8) | ((long) (n - otherStart) << 16) | (carries ? 1L << 24 : 0);
    return Arrays.copyOf(c, n);
  }

  private static int titleCount(long[] c) {
    return (int) (c[0] & 0xFF);
  }

  private static int carryCount(long[] c) {
    return (int) ((c[0] >>> 8) & 0xFF);
  }

  private static int otherCount(long[] c) {
    return (int) ((c[0] >>> 16) & 0xFF);
  }

  private static boolean carries(long[] c) {
    return (c[0] & (1L << 24)) != 0;
  }

  /**
   * Whether an occurrence says anything about its story: an informative headline, or other
   * paragraphs. Copies of a one-paragraph text without a headline say nothing, so they are copies,
   * not evidence of a template.
   */
  static boolean informative(long[] c) {
    return titleCount(c) >= 2 || otherCount(c) > 0;
  }

  /**
   * Whether a paragraph with these contexts (one per article it occurs in) is boilerplate: among
   * the occurrences that are {@link #informative}, at least {@code minRepeats} of which the groups
   * of the same story number at least {@code minDistinctShare} (counted on a deterministic sample
   * of {@link #SAMPLE}); or, with fewer than {@code minRepeats}, at least two occurrences of which
   * every two are of different stories by their headlines (two pages are enough for a template
   * shared by pages whose headlines disagree and whose story paragraphs are not shared).
   */
  public boolean isBoilerplate(List<long[]> contexts) {
    List<long[]> sample = new ArrayList<>(contexts.size());
    for (long[] c : contexts) {
      if (informative(c)) {
        sample.add(c);
      }
    }
    int n = sample.size();
    if (n < 2) {
      return false;
    }
    if (n > SAMPLE) {
      sample.sort(Comparator.comparingInt((long[] c) -> c.length).thenComparing(Arrays::compare));
      sample = sample.subList(0, SAMPLE);
    }
    if (n >= minRepeats) {
      return groups(sample) >= minDistinctShare * sample.size();
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (relation(sample.get(i), sample.get(j)) != DIFFERENT_HEADLINES) {
          return false;
        }
      }
    }
    return true;
  }

  /** How many groups of "same story" contexts ({@link #sameStory}). */
  static int groups(List<long[]> contexts) {
    int n = contexts.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    int groups = n;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (sameStory(contexts.get(i), contexts.get(j))) {
          int a = find(parent, i);
          int b = find(parent, j);
          if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
            groups--;
          }
        }
      }
    }
    return groups;
  }

  /**
   * Whether two occurrences of a paragraph are of the same story.
   *
   * <p>With informative headlines on both: when the headlines agree (at least half of the smaller
   * set of terms in both: a reworded headline of the same story), or when they share a paragraph
   * that tells one of the headlines' stories (the paragraph itself, or another paragraph that
   * carries a headline: a syndicated copy under a new headline keeps its lede). Otherwise they are
   * different stories, however many other paragraphs they share: those are a template (a wall with
   * the story's teaser before it shares all but the teaser).
   *
   * <p>Without: when at least half of the smaller set of other paragraphs is in both (an excerpt's
   * one other paragraph is in its original; two different stories under one long template share
   * only the template, less than their own paragraphs), or when neither has other paragraphs
   * (copies of a one-paragraph text).
   */
  static boolean sameStory(long[] a, long[] b) {
    return relation(a, b) == SAME;
  }

  private static int relation(long[] a, long[] b) {
    int ta = titleCount(a);
    int tb = titleCount(b);
    int aCarry = 1 + ta;
    int bCarry = 1 + tb;
    int aOther = aCarry + carryCount(a);
    int bOther = bCarry + carryCount(b);
    if (ta >= 2 && tb >= 2) {
      if (SortedKeys.halfShared(a, 1, aCarry, b, 1, bCarry)) {
        return SAME;
      }
      if (carries(a)
          || carries(b)
          || SortedKeys.common(a, aCarry, aOther, b, bCarry, bOther) > 0
          || SortedKeys.common(a, aCarry, aOther, b, bOther, b.length) > 0
          || SortedKeys.common(b, bCarry, bOther, a, aOther, a.length) > 0) {
        return SAME;
      }
      return DIFFERENT_HEADLINES;
    }
    int pa = a.length - aOther;
    int pb = b.length - bOther;
    if (pa == 0 && pb == 0) {
      return SAME;
    }
    return pa > 0 && pb > 0 && SortedKeys.halfShared(a, aOther, a.length, b, bOther, b.length)
        ? SAME
        : DIFFERENT;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** What {@link #remove} left. */
  public record Removal(String text, int removed) {}

  /** The text without its boilerplate paragraphs. */
  public static Removal remove(String cleanedText, Set<Long> boilerplate) {
    if (boilerplate.isEmpty() || cleanedText.isEmpty()) {
      return new Removal(cleanedText, 0);
    }
    StringBuilder sb = new StringBuilder(cleanedText.length());
    int removed = 0;
    for (String p : paragraphs(cleanedText)) {
      if (boilerplate.contains(key(p))) {
        removed++;
      } else {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(p);
      }
    }
    return removed == 0 ? new Removal(cleanedText, 0) : new Removal(sb.toString(), removed);
  }
}
