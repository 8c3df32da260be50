package io.newsdedup.core.story;

import io.newsdedup.core.clean.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a headline says: its informative terms ({@link Terms}), as sorted, distinct 64-bit keys.
 * Function words ("with", "über", "przez", "على", "我们"; {@code function-words.txt}), words found
 * in the source's name (a site's name is in its own templates too: "Port strike enters third day |
 * Harbour Times" from harbourtimes.com loses "Harbour" and "Times") and numbers are not terms. A headline with fewer than {@link #MIN_TERMS} terms says too little to be judged
 * by.
 */
public final class Headline {
  /** Fewer terms than this, and the headline is no evidence. */
  public static final int MIN_TERMS = 2;
  /** At most this many terms are kept (the smallest keys, so two headlines keep alike). */
  public static final int MAX_TERMS = 16;

  public static final Headline NONE = new Headline(new long[0], 0, "");

  private static final Set<String> FUNCTION_WORDS = load("function-words.txt");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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
    String site = source == null ? ""
        : NON_WORD.matcher(TextNormalizer.normalize(source).toLowerCase(Locale.ROOT))
            .replaceAll("");
    return collect(t, site);
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
    return " " + NON_WORD.matcher(s).replaceAll(" ").trim() + " ";
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
   * "Kenya's central bank holds rates as inflation eases" do; two headlines of different stories
   * on one site do not).
   */
  public static boolean agree(long[] a, long[] b) {
    if (a.length < MIN_TERMS || b.length < MIN_TERMS) {
      return false;
    }
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
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
    return 2 * common >= Math.min(a.length, b.length);
  }

  /** The terms of {@code text}, without function words and words inside {@code site}. */
  private static Headline collect(String text, String site) {
    long[] keys = new long[64];
    int[] n = {0, 0};
    Terms.scan(text, new Terms.Visitor() {
      @Override
      public void word(long shortKey, long longKey, String word) {
        long k = shortKey;
        if (k == 0 || FUNCTION_WORDS.contains(word) || site.contains(word)) {
          return;
        }
        add(k);
      }

      @Override
      public void run(long key, String chars) {
        if (!FUNCTION_WORDS.contains(chars) && !site.contains(chars)) {
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
    long[] sorted = Arrays.stream(keys, 0, n[0]).sorted().distinct().limit(MAX_TERMS).toArray();
    return new Headline(sorted, n[1], phrase(text));
  }

  private static Set<String> load(String name) {
    Set<String> words = new HashSet<>();
    try (InputStream in = Headline.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        int hash = line.indexOf('#');
        String content = hash >= 0 ? line.substring(0, hash) : line;
        for (String w : content.trim().split("\\s+")) {
          if (!w.isEmpty()) {
            words.addAll(asTermWords(TextNormalizer.normalize(w).toLowerCase(Locale.ROOT)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }

  /** The words (or character runs) of a listed word as {@link Terms} gives them. */
  private static Set<String> asTermWords(String w) {
    Set<String> out = new HashSet<>();
    Terms.scan(w, new Terms.Visitor() {
      @Override
      public void word(long shortKey, long longKey, String word) {
        if (word != null) {
          out.add(word);
        }
      }

      @Override
      public void run(long key, String chars) {
        out.add(chars);
      }

      @Override
      public boolean wantWord() {
        return true;
      }
    });
    return out;
  }
}
