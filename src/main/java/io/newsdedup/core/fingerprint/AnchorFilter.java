package io.newsdedup.core.fingerprint;

import io.newsdedup.core.shingle.Mix64;
import java.util.Arrays;

/**
 * The set of anchors that some article queries with ({@link Anchors}), as a one-hash Bloom filter.
 * An anchor that nobody queries can never make a candidate pair, so an article need only index the
 * anchors this filter might contain: for a corpus of mostly distinct stories that is its own few
 * queries plus the anchors it shares with other articles, instead of every eighth shingle. A false
 * positive costs one useless index entry, never a missed pair; the filter is sized from the number
 * of queries (16 bits per query, at most 2^30 bits), so about 6% of the anchors nobody queries pass
 * it.
 */
public final class AnchorFilter {
  static final int MIN_BITS = 10;
  static final int MAX_BITS = 30;

  private final long[] words;
  private final int bits;

  private AnchorFilter(long[] words) {
    if (Long.bitCount(words.length) != 1 || words.length < (1 << (MIN_BITS - 6))) {
      throw new IllegalArgumentException("filter words must be a power of two >= 16");
    }
    this.words = words;
    this.bits = Integer.numberOfTrailingZeros(words.length) + 6;
  }

  /** The filter of these query anchors (the first {@code count} values of the array). */
  public static AnchorFilter of(long[] queries, int count) {
    int bits = MIN_BITS;
    while (bits < MAX_BITS && (1L << bits) < 16L * count) {
      bits++;
    }
    AnchorFilter f = new AnchorFilter(new long[1 << (bits - 6)]);
    for (int i = 0; i < count; i++) {
      int b = f.bit(queries[i]);
      f.words[b >>> 6] |= 1L << b;
    }
    return f;
  }

  /** A filter from its {@link #words()}. */
  public static AnchorFilter fromWords(long[] words) {
    return new AnchorFilter(words);
  }

  /** Whether some article may query this anchor (false: certainly none does). */
  public boolean mightContain(long anchor) {
    int b = bit(anchor);
    return (words[b >>> 6] & (1L << b)) != 0;
  }

  /** The filter's bits, for storage; do not modify. */
  public long[] words() {
    return words;
  }

  public int bits() {
    return bits;
  }

  private int bit(long anchor) {
    // Anchors have their low bits zero by construction: use the high bits of a well-mixed value
    // (MurmurHash3's finaliser), whatever structure the shingle hashes have.
    return (int) (Mix64.fmix64(anchor) >>> (64 - bits));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnchorFilter f && Arrays.equals(words, f.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }
}
