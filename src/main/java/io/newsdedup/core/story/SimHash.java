package io.newsdedup.core.story;

import java.util.Arrays;

/**
 * A 64-bit SimHash accumulator (Charikar 2002): each added feature hash votes, with its weight, for
 * each of its bits; a bit of the result is set when the votes for it outweigh half of the total
 * weight. The 64 counters are 16-bit lanes of 16 longs, and a hash adds its bits four at a time
 * from a table, so a feature costs 16 additions rather than 64.
 */
final class SimHash {
  /** More weight than this in one sentence is not counted (the lanes must not overflow). */
  static final int MAX_WEIGHT = 30_000;

  /** For each 4-bit value, the long whose four 16-bit lanes hold its bits (1 or 0). */
  private static final long[] SPREAD = new long[16];

  static {
    for (int v = 0; v < 16; v++) {
      long x = 0;
      for (int b = 0; b < 4; b++) {
        if ((v & (1 << b)) != 0) {
          x |= 1L << (16 * b);
        }
      }
      SPREAD[v] = x;
    }
  }

  private final long[] lanes = new long[16];
  private int total;

  /** Adds a feature's 64-bit hash with a weight (1 to 3). */
  void add(long h, int weight) {
    if (total + weight > MAX_WEIGHT) {
      return;
    }
    total += weight;
    for (int k = 0; k < 16; k++) {
      lanes[k] += SPREAD[(int) (h >>> (4 * k)) & 15] * weight;
    }
  }

  /** The fingerprint: bit {@code 4k + b} set when lane b of long k holds more than half. */
  long bits() {
    long out = 0;
    for (int k = 0; k < 16; k++) {
      long x = lanes[k];
      for (int b = 0; b < 4; b++) {
        int votes = (int) ((x >>> (16 * b)) & 0xFFFF);
        if (2 * votes > total) {
          out |= 1L << (4 * k + b);
        }
      }
    }
    return out;
  }

  void clear() {
    Arrays.fill(lanes, 0);
    total = 0;
  }
}
