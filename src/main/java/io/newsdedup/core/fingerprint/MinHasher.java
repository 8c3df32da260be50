package io.newsdedup.core.fingerprint;

import io.newsdedup.core.shingle.Mix64;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * MinHash signatures of 64-bit shingle hashes by one-permutation hashing with optimal densification
 * (Shrivastava, "Optimal Densification for Fast and Accurate Minwise Hashing", ICML 2017).
 * Identical on every machine and runner: only integer arithmetic on fixed constants.
 *
 * <p>With {@code m = numHashes = 2^p}, every shingle hash x is re-mixed with the seed into h =
 * fmix64(x ^ key(seed)); the top p bits of h pick its bin and the other 64 - p bits are its value.
 * Position j of the signature is the smallest value in bin j. A bin that received no shingle copies
 * the value of bin probe(j, a) for the first attempt a = 1, 2, ... that hits a bin filled by
 * shingles, where probe is a hash of (bin, attempt, seed) that does not depend on the input, so two
 * documents probe alike. Then for two sets of Jaccard similarity J every position matches with
 * probability J (up to collisions of the (64 - p)-bit values), and the variance stays close to that
 * of m independent permutations.
 *
 * <p>Values are in {@code [0, 2^(64 - p))}, so they never equal {@link #EMPTY}, the value of every
 * position of the signature of an empty set.
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_NUM_HASHES = 128;
  public static final long DEFAULT_SEED = 0x6e657773_64656475L;
  public static final int MIN_NUM_HASHES = 8;
  public static final int MAX_NUM_HASHES = 1024;

  /** Every position of the signature of an empty shingle set. */
  public static final long EMPTY = -1L;

  /** Marks a bin without shingle while hashing; larger than every value. */
  private static final long UNSET = Long.MAX_VALUE;

  /**
   * Probing gives up after this many attempts and takes the next non-empty bin instead. With at
   * least one of at most 1024 bins filled, that happens with probability at most (1 - 1/1024) to
   * the power 65536, below 10^-27: the limit only guarantees termination.
   */
  private static final int MAX_PROBES = 1 << 16;

  private final int numHashes;
  private final long seed;
  private final int shift;
  private final long valueMask;
  private final long shingleKey;
  private final long probeKey;

  /**
   * @param numHashes signature length, a power of two in [{@value #MIN_NUM_HASHES}, {@value
   *     #MAX_NUM_HASHES}]
   * @param seed any value; different seeds give independent signatures
   */
  public MinHasher(int numHashes, long seed) {
    if (numHashes < MIN_NUM_HASHES
        || numHashes > MAX_NUM_HASHES
        || Integer.bitCount(numHashes) != 1) {
      throw new IllegalArgumentException(
          "numHashes must be a power of two in ["
              + MIN_NUM_HASHES
              + ", "
              + MAX_NUM_HASHES
              + "], got "
              + numHashes);
    }
    this.numHashes = numHashes;
    this.seed = seed;
    int bits = Integer.numberOfTrailingZeros(numHashes);
    this.shift = 64 - bits;
    this.valueMask = -1L >>> bits;
    this.shingleKey = Mix64.fmix64(seed ^ 0x243F6A8885A308D3L);
    this.probeKey = Mix64.fmix64(seed ^ 0x13198A2E03707344L);
  }

  public int numHashes() {
    return numHashes;
  }

  public long seed() {
    return seed;
  }

  /**
   * Signature of a shingle set given as hashes in any order, duplicates allowed. An empty set gives
   * {@code numHashes} times {@link #EMPTY}. Returns a new array.
   */
  public long[] signature(long[] shingles) {
    Objects.requireNonNull(shingles, "shingles");
    long[] sig = new long[numHashes];
    if (shingles.length == 0) {
      Arrays.fill(sig, EMPTY);
      return sig;
    }
    Arrays.fill(sig, UNSET);
    final int shift = this.shift;
    final long mask = valueMask;
    final long key = shingleKey;
    for (long x : shingles) {
      long h = Mix64.fmix64(x ^ key);
      int bin = (int) (h >>> shift);
      long value = h & mask;
      if (value < sig[bin]) {
        sig[bin] = value;
      }
    }
    densify(sig);
    return sig;
  }

  /** Fills the empty bins of {@code sig}, of which at least one bin is not empty. */
  private void densify(long[] sig) {
    int empty = 0;
    for (long v : sig) {
      if (v == UNSET) {
        empty++;
      }
    }
    if (empty == 0) {
      return;
    }
    int[] emptyBins = new int[empty];
    for (int j = 0, e = 0; j < sig.length; j++) {
      if (sig[j] == UNSET) {
        emptyBins[e++] = j;
      }
    }
    // Borrow only from bins that were filled by shingles: write the copies after all probing.
    long[] borrowed = new long[empty];
    for (int e = 0; e < empty; e++) {
      borrowed[e] = borrow(sig, emptyBins[e]);
    }
    for (int e = 0; e < empty; e++) {
      sig[emptyBins[e]] = borrowed[e];
    }
  }

  private long borrow(long[] sig, int bin) {
    for (int attempt = 1; attempt <= MAX_PROBES; attempt++) {
      long v = sig[probe(bin, attempt)];
      if (v != UNSET) {
        return v;
      }
    }
    for (int j = (bin + 1) & (numHashes - 1); ; j = (j + 1) & (numHashes - 1)) {
      if (sig[j] != UNSET) {
        return sig[j];
      }
    }
  }

  /** The bin that empty bin {@code bin} looks at in its {@code attempt}-th probe. */
  private int probe(int bin, int attempt) {
    return (int) (Mix64.fmix64(probeKey ^ (((long) bin << 32) | attempt)) >>> shift);
  }

  /**
   * Share of equal positions of two signatures of the same hasher: the estimated Jaccard
   * similarity. Two empty-set signatures estimate 1.0, an empty and a non-empty one 0.0.
   */
  public static double estimateJaccard(long[] a, long[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException(
          "signatures must have the same non-zero length, got " + a.length + " and " + b.length);
    }
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return (double) equal / a.length;
  }
}
