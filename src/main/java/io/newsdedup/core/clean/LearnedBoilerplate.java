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
 * <p>Each occurrence of a paragraph carries a <em>context</em>: the words of the article's title
 * and the {@link #CONTEXT_SIZE} smallest keys of its other paragraphs. Two occurrences are <em>the
 * same story</em> when their titles share at least half of the shorter one's words, or when at
 * least half of the smaller set of other paragraphs is in both (a truncated reprint, an excerpt, a
 * copy wrapped in another site's template all overlap their original; a one-paragraph brief
 * reprinted under reworded headlines shares its title's words); occurrences are grouped by that
 * relation. A paragraph is boilerplate when it occurs in at least {@code
 * minRepeats} articles and the groups number at least {@code minDistinctShare} of its occurrences
 * (counted on a deterministic sample of {@link #SAMPLE} occurrences, so a template line on a million
 * pages costs the same as on a hundred). Nothing depends on the source, so it works with one
 * article per site as well as with a thousand.
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

  private static final java.util.Set<String> TITLE_STOPWORDS = java.util.Set.of(
      "the", "and", "for", "with", "from", "that", "this", "after", "over", "into", "its", "are",
      "was", "has", "have", "will", "not", "but", "new", "says", "said", "you", "your");

  /**
   * The words of a title that say what it is about: normalised, at least three characters, not a
   * stop word; as sorted, distinct 64-bit hashes (at most {@link #CONTEXT_SIZE} of them).
   */
  public static long[] titleWords(String title) {
    if (title == null || title.isBlank()) {
      return new long[0];
    }
    String n = TextNormalizer.normalize(title).toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(n.split("[^\\p{L}\\p{N}]+"))
        .filter(w -> w.length() >= 3 && !TITLE_STOPWORDS.contains(w))
        .mapToLong(w -> hash(w, false))
        .sorted()
        .distinct()
        .limit(CONTEXT_SIZE)
        .toArray();
  }

  /**
   * The context of paragraph {@code key} in an article: the number of title words, the title's
   * words ({@link #titleWords}), then the {@link #CONTEXT_SIZE} smallest of the article's other
   * paragraph keys, each part sorted.
   */
  public static long[] context(long[] sortedKeys, long key, long[] titleWords) {
    long[] c = new long[1 + titleWords.length + Math.min(CONTEXT_SIZE, sortedKeys.length)];
    c[0] = titleWords.length;
    System.arraycopy(titleWords, 0, c, 1, titleWords.length);
    int n = 1 + titleWords.length;
    for (int i = 0; i < sortedKeys.length && n < c.length; i++) {
      if (sortedKeys[i] != key) {
        c[n++] = sortedKeys[i];
      }
    }
    return Arrays.copyOf(c, n);
  }

  /** Whether a paragraph with these contexts (one per article it occurs in) is boilerplate. */
  public boolean isBoilerplate(List<long[]> contexts) {
    int n = contexts.size();
    if (n < minRepeats) {
      return false;
    }
    List<long[]> sample = new ArrayList<>(contexts);
    if (n > SAMPLE) {
      sample.sort(Comparator.comparingInt((long[] c) -> c.length)
          .thenComparing(Arrays::compare));
      sample = sample.subList(0, SAMPLE);
    }
    return groups(sample) >= minDistinctShare * sample.size();
  }

  /** How many groups of "same story" contexts (overlap of more than half the smaller one). */
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
   * Two occurrences are the same story when their titles share at least half of the shorter
   * title's words (a reworded headline of the same story does; the headlines of two different
   * stories under one paywall do not), or when at least half of the smaller set of other
   * paragraphs is in both (an excerpt's one other paragraph is in its original; two different
   * stories under one long template share only the template, less than their own paragraphs).
   */
  static boolean sameStory(long[] a, long[] b) {
    int ta = (int) a[0];
    int tb = (int) b[0];
    if (Math.min(ta, tb) >= 2 && 2 * common(a, 1, 1 + ta, b, 1, 1 + tb) >= Math.min(ta, tb)) {
      return true;
    }
    int pa = a.length - 1 - ta;
    int pb = b.length - 1 - tb;
    int smaller = Math.min(pa, pb);
    return smaller > 0 && 2 * common(a, 1 + ta, a.length, b, 1 + tb, b.length) >= smaller;
  }

  /** Common values of two sorted ranges. */
  private static int common(long[] a, int i, int aEnd, long[] b, int j, int bEnd) {
    int common = 0;
    while (i < aEnd && j < bEnd) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
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
