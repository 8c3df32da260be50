package io.newsdedup.pipeline.shard;

import io.newsdedup.core.shingle.Mix64;

/**
 * Stable shard numbers for keys. Every grouping in the pipeline is by shard, not by the key itself
 * (an article id, an LSH bucket, a component): each shard's values are grouped once and joined in
 * memory. This keeps the number of groups small and fixed — the Direct runner pays about a
 * millisecond per group, which made per-key grouping of 100,000 articles take minutes — while
 * distributed runners still get {@code shards}-way parallelism. Results never depend on the number
 * of shards: every decision is made per key.
 */
public final class Shards {
  /** Default number of shards of every grouping. */
  public static final int DEFAULT = 128;

  private Shards() {}

  /** The shard of a string key: its (JLS-specified) hash, mixed, modulo {@code shards}. */
  public static int of(String key, int shards) {
    return of((long) key.hashCode(), shards);
  }

  public static int of(long key, int shards) {
    return (int) Math.floorMod(Mix64.fmix64(key), (long) shards);
  }

  public static void check(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("the number of shards must be >= 1: " + shards);
    }
  }
}
