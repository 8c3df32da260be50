package io.newsdedup.core.story;

import io.newsdedup.core.clean.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The languages' own little words ({@code function-words.txt}: "with", "über", "przez", "على",
 * "我们"), which say nothing about which story a text tells: as words (as {@link Terms} spells them)
 * and as the feature keys {@link #feature} gives them.
 */
final class FunctionWords {
  private FunctionWords() {}

  private static final Set<String> WORDS = new HashSet<>();
  private static final long[] FEATURES;

  /** The most letters a function word has: a longer word is never one. */
  static final int MAX_LETTERS;

  static {
    Set<Long> features = new HashSet<>();
    int[] longest = {0};
    try (InputStream in = FunctionWords.class.getResourceAsStream("function-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource function-words.txt");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        int hash = line.indexOf('#');
        String content = hash >= 0 ? line.substring(0, hash) : line;
        for (String w : content.trim().split("\\s+")) {
          if (!w.isEmpty()) {
            Terms.scan(
                TextNormalizer.normalize(w).toLowerCase(Locale.ROOT),
                new Terms.Visitor() {
                  @Override
                  public void word(long shortKey, long longKey, String word, int letters) {
                    WORDS.add(word);
                    longest[0] = Math.max(longest[0], letters);
                    long f = feature(shortKey, longKey);
                    if (f != 0) {
                      features.add(f);
                    }
                  }

                  @Override
                  public void run(long key, String chars) {
                    WORDS.add(chars);
                    features.add(key);
                  }

                  @Override
                  public boolean wantWord() {
                    return true;
                  }
                });
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MAX_LETTERS = longest[0];
    int size = Integer.highestOneBit(Math.max(16, features.size() * 4)) * 2;
    FEATURES = new long[size];
    for (long f : features) {
      int i = slot(f, size);
      while (FEATURES[i] != 0) {
        i = (i + 1) & (size - 1);
      }
      FEATURES[i] = f;
    }
  }

  private static int slot(long f, int size) {
    return (int) ((f ^ (f >>> 29)) * 0x9E3779B97F4A7C15L >>> 40) & (size - 1);
  }

  /** Whether the word (or character run), as {@link Terms} spells it, is a function word. */
  static boolean contains(String word) {
    return WORDS.contains(word);
  }

  /**
   * The key that tells whether a word is a function word: its key of {@code S} letters when it has
   * that many, else its shorter key (0: none). Finer than a headline term, so that "with" is a
   * function word and "withdraw" is not.
   */
  static long feature(long shortKey, long longKey) {
    return longKey != 0 ? longKey : shortKey;
  }

  /** Whether a feature is a function word's (an open-addressing lookup: features are never 0). */
  static boolean isFunction(long feature) {
    int size = FEATURES.length;
    for (int i = slot(feature, size); ; i = (i + 1) & (size - 1)) {
      long f = FEATURES[i];
      if (f == feature) {
        return true;
      }
      if (f == 0) {
        return false;
      }
    }
  }
}
