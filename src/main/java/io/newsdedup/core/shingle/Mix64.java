package io.newsdedup.core.shingle;

/** 64-bit mixing shared by the fingerprint classes. */
public final class Mix64 {
  private Mix64() {}

  /** MurmurHash3's 64-bit finaliser: a bijection with full avalanche. */
  public static long fmix64(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
