package io.newsdedup.core.fingerprint;

import java.io.Serializable;

/** MinHash signatures of 64-bit shingle hashes; identical on every machine and runner. */
public final class MinHasher implements Serializable {
  public static final int DEFAULT_NUM_HASHES = 128;
  public static final long DEFAULT_SEED = 0x6e657773_64656475L;

  public MinHasher(int numHashes, long seed) {
    throw new UnsupportedOperationException("TODO");
  }

  public int numHashes() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Signature of a shingle set (any order, duplicates allowed); an empty set gives all -1. */
  public long[] signature(long[] shingles) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Share of equal positions: the Jaccard estimate. */
  public static double estimateJaccard(long[] a, long[] b) {
    throw new UnsupportedOperationException("TODO");
  }
}
