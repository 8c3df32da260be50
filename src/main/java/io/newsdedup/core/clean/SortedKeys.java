package io.newsdedup.core.clean;

/** Sorted ranges of 64-bit keys (paragraph keys, headline terms) and what two of them share. */
public final class SortedKeys {
  private SortedKeys() {}

  /** How many values {@code a[i, aEnd)} and {@code b[j, bEnd)}, both sorted, have in common. */
  public static int common(long[] a, int i, int aEnd, long[] b, int j, int bEnd) {
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

  /** Whether at least half of the smaller of the two sorted ranges is in the other. */
  public static boolean halfShared(long[] a, int i, int aEnd, long[] b, int j, int bEnd) {
    return 2 * common(a, i, aEnd, b, j, bEnd) >= Math.min(aEnd - i, bEnd - j);
  }
}
