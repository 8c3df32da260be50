package io.newsdedup.core.fingerprint;

import java.io.Serializable;

/**
 * Word k-shingles hashed to 64 bits, without a String per shingle. Deterministic on every JVM.
 */
public final class Shingler implements Serializable {
  public static final int DEFAULT_K = 5;

  public Shingler(int k) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Sorted, distinct 64-bit hashes of the word k-shingles of {@code text}. Tokens are maximal runs
   * of Unicode letters/digits (and marks); each Han/Hiragana/Katakana/Thai/... character of a script
   * written without spaces is a token of its own. A text with 1..k-1 tokens gives one shingle of all
   * of them; a text with no token gives an empty array.
   */
  public long[] shingles(String text) {
    throw new UnsupportedOperationException("TODO");
  }
}
