package io.newsdedup.core.story;

import io.newsdedup.core.clean.SortedKeys;
import io.newsdedup.core.clean.TextNormalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a headline says: its informative terms ({@link Terms}), as sorted, distinct 64-bit keys.
 * Function words ("with", "über", "przez", "على", "我们"; {@code function-words.txt}), words found in
 * the source's name (a site's name is in its own templates too: "Port strike enters third day |
 * Harbour Times" from harbourtimes.com loses "Harbour" and "Times") and numbers are not terms. A
 * headline with fewer than {@link #MIN_TERMS} terms says too little to be judged by.
 */
public final class Headline {
  /** Fewer terms than this, and the headline is no evidence. */
  public static final int MIN_TERMS = 2;

  /** At most this many terms are kept (the smallest keys, so two headlines keep alike). */
  public static final int MAX_TERMS = 16;

  public static final Headline NONE = new Headline(new long[0], 0, "");

  private final long[] terms;
  private final int words;
  private final String phrase;

  private Headline(long[] terms, int words, String phrase) {
    this.terms = terms;
    this.words = words;
    this.phrase = phrase;
  }

  /** The headline of {@code title}, without the terms of {@code source} (either may be null). */
  public static Headline of(String title, String source) {
    if (title == null || title.isBlank()) {
      return NONE;
    }
    String t = TextNormalizer.normalize(title).toLowerCase(Locale.ROOT);
    return collect(t, site(source));
  }

  /** The terms, sorted. */
  public long[] terms() {
    return terms.clone();
  }

  int size() {
    return terms.length;
  }

  /** Tokens of the headline (words, and characters of spaceless scripts). */
  int words() {
    return words;
  }

  /** Whether the headline has enough terms to be evidence. */
  public boolean informative() {
    return terms.length >= MIN_TERMS;
  }

  /**
   * The headline as a phrase: letters and digits, each other run of characters one space (a text
   * cased and normalised as the headline is, read with {@link #phrase(String)}, holds it when it
   * repeats the headline word for word).
   */
  String phrase() {
    return phrase;
  }

  /** {@code s} as a phrase: each run of characters other than letters and digits one space. */
  static String phrase(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append(' ');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        sb.appendCodePoint(cp);
      } else if (sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
    }
    if (sb.charAt(sb.length() - 1) != ' ') {
      sb.append(' ');
    }
    return sb.toString();
  }

  /** Index of the term with this key, or -1. */
  int indexOf(long key) {
    if (key == 0) {
      return -1;
    }
    int i = Arrays.binarySearch(terms, key);
    return i < 0 ? -1 : i;
  }

  /**
   * Whether two sets of headline terms tell the same story: both informative, and at least half of
   * the smaller set's terms are in the other ("What to know: Kenya's central bank holds rates" and
   * "Kenya's central bank holds rates as inflation eases" do; two headlines of different stories on
   * one site do not).
   */
  public static boolean agree(long[] a, long[] b) {
    return a.length >= MIN_TERMS
        && b.length >= MIN_TERMS
        && SortedKeys.halfShared(a, 0, a.length, b, 0, b.length);
  }

  /** The source's words as {@link Terms} spells them, run together ("" for none). */
  private static String site(String source) {
    if (source == null || source.isBlank()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    Terms.scan(
        TextNormalizer.normalize(source).toLowerCase(Locale.ROOT),
        new Terms.Visitor() {
          @Override
          public void word(long shortKey, long longKey, String word, int letters) {
            sb.append(word);
          }

          @Override
          public void run(long key, String chars) {
            sb.append(chars);
          }

          @Override
          public boolean wantWord() {
            return true;
          }
        });
    return sb.toString();
  }

  /** The terms of {@code text}, without function words and words inside {@code site}. */
  private static Headline collect(String text, String site) {
    long[] keys = new long[64];
    int[] n = {0, 0};
    Terms.scan(
        text,
        new Terms.Visitor() {
          @Override
          public void word(long shortKey, long longKey, String word, int letters) {
            if (shortKey != 0 && !FunctionWords.contains(word) && !site.contains(word)) {
              add(shortKey);
            }
          }

          @Override
          public void run(long key, String chars) {
            if (!FunctionWords.contains(chars) && !site.contains(chars)) {
              add(key);
            }
          }

          @Override
          public void token() {
            n[1]++;
          }

          @Override
          public boolean wantWord() {
            return true;
          }

          private void add(long k) {
            if (n[0] < keys.length) {
              keys[n[0]++] = k;
            }
          }
        });
    long[] sorted = Arrays.copyOf(keys, n[0]);
    Arrays.sort(sorted);
    int d = 0;
    for (int i = 0; i < sorted.length && d < MAX_TERMS; i++) {
      if (d == 0 || sorted[i] != sorted[d - 1]) {
        sorted[d++] = sorted[i];
      }
    }
    return new Headline(Arrays.copyOf(sorted, d), n[1], phrase(text));
  }
}
