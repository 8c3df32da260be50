package io.newsdedup.core.story;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A text as its sentences' fingerprints and its figures, to tell a reworded reprint from another
 * story: a reprint whose sentences were reworded here and there keeps few 5-word shingles, but each
 * sentence keeps most of its words, and the text keeps its figures.
 *
 * <p>Each sentence ({@link Terms}) with at least {@link #MIN_WORDS} content words and numbers (not
 * function words; words compared by their first letters, as headline terms are: "funds" and "fund"
 * are one word, "rose" and "rises" two) gets a 64-bit SimHash of them (Charikar 2002), a number
 * ("2.1", "16,390") weighing {@link #NUMBER_WEIGHT} words. Two sentences with a share {@code c}
 * (cosine) of their words in common differ in about {@code 64·acos(c)/π} bits — about 14 for a
 * sentence that keeps four words in five, 32 for unrelated sentences (standard deviation 4); they
 * <em>align</em> when they differ in at most {@link #MAX_DISTANCE} bits. At most {@link
 * #MAX_SENTENCES} sentences are kept (the first), and the {@link #MAX_NUMBERS} smallest keys of the
 * text's distinct numbers.
 *
 * @param fingerprints the sentences' SimHashes, in text order
 * @param numbers the keys of the text's numbers, sorted
 */
public record Sentences(long[] fingerprints, long[] numbers) implements Serializable {
  public static final int MIN_WORDS = 5;
  public static final int MAX_SENTENCES = 64;
  public static final int MAX_NUMBERS = 64;
  public static final int MAX_DISTANCE = 18;

  /** A number weighs as much as this many words: this week's figures in last week's wording. */
  public static final int NUMBER_WEIGHT = 3;

  public static final Sentences NONE = new Sentences(new long[0], new long[0]);

  public Sentences {
    fingerprints = fingerprints == null ? new long[0] : fingerprints;
    numbers = numbers == null ? new long[0] : numbers;
  }

  /** The sentences and numbers of a cleaned text ({@link Coverage#read} reads both at once). */
  public static Sentences of(String cleanedText) {
    return Coverage.read(Headline.NONE, cleanedText).sentences();
  }

  /** Whether two fingerprints align (differ in at most {@link #MAX_DISTANCE} bits). */
  public static boolean align(long a, long b) {
    return Long.bitCount(a ^ b) <= MAX_DISTANCE;
  }

  /** How many sentences of the shorter text have a sentence of the other that aligns with them. */
  public int aligned(Sentences other) {
    long[] a = fingerprints;
    long[] b = other.fingerprints;
    return a.length <= b.length ? aligned(a, b) : aligned(b, a);
  }

  /** How many of the fingerprints {@code from} align with one of {@code in}. */
  public static int aligned(long[] from, long[] in) {
    int aligned = 0;
    for (long x : from) {
      for (long y : in) {
        if (align(x, y)) {
          aligned++;
          break;
        }
      }
    }
    return aligned;
  }

  /** Sentences of the shorter text. */
  public int shorter(Sentences other) {
    return Math.min(fingerprints.length, other.fingerprints.length);
  }

  /**
   * The share of the smaller set of numbers that is in the other (1 when it has fewer than three:
   * too few to tell).
   */
  public double numbersKept(Sentences other) {
    long[] a = numbers.length <= other.numbers.length ? numbers : other.numbers;
    long[] b = a == numbers ? other.numbers : numbers;
    if (a.length < 3) {
      return 1;
    }
    int in = 0;
    for (long x : a) {
      if (Arrays.binarySearch(b, x) >= 0) {
        in++;
      }
    }
    return (double) in / a.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sentences s
        && Arrays.equals(fingerprints, s.fingerprints)
        && Arrays.equals(numbers, s.numbers);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(fingerprints) + Arrays.hashCode(numbers);
  }

  @Override
  public String toString() {
    return "Sentences[" + fingerprints.length + " sentences, " + numbers.length + " numbers]";
  }
}
