package io.newsdedup.core.fingerprint;

import io.newsdedup.core.shingle.Shingler;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Throwaway timing of shingling and MinHash-128 on a synthetic 600-word English article (not a unit
 * test; run its main by hand). Reports the median of several timed rounds after warm-up.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes io.newsdedup.core.fingerprint.FingerprintTiming
 * </pre>
 */
public final class FingerprintTiming {
  private FingerprintTiming() {}

  private static final String VOCABULARY =
      "the of and to in a is that for it as was with be by on not he i this are or his from at"
          + " which but have an they you were her she there been one all we their has would when"
          + " government minister said president officials police city year percent market shares"
          + " company million billion report week state federal court election party vote people"
          + " country news health water energy prices oil bank rates economy workers union strike"
          + " school students children family hospital doctors virus vaccine climate storm flood"
          + " fire border army troops attack peace talks agreement deal trade tariffs exports"
          + " imports growth inflation budget tax spending debt bond investors stock index fell"
          + " rose quarter profit revenue sales chief executive board spokesman statement monday"
          + " tuesday wednesday thursday friday saturday sunday morning evening night early later"
          + " according told reporters added expected could should might will may new old first"
          + " last next";

  public static String article(long seed, int words) {
    String[] vocab = VOCABULARY.split(" ");
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(words * 7);
    for (int i = 0; i < words; i++) {
      String w = vocab[random.nextInt(vocab.length)];
      if (i % 12 == 0) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      sb.append(w).append(i % 12 == 11 ? ". " : random.nextInt(10) == 0 ? ", " : " ");
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    String text = article(42, 600);
    Shingler shingler = new Shingler(Shingler.DEFAULT_K);
    MinHasher hasher = new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);
    long[] shingles = shingler.shingles(text);
    System.out.printf("chars=%d shingles=%d%n", text.length(), shingles.length);

    int iterations = 200_000;
    long sink = 0;
    for (int round = 0; round < 7; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        sink += shingler.shingles(text).length;
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        sink += hasher.signature(shingles)[i & 127];
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        sink += hasher.signature(shingler.shingles(text))[i & 127];
      }
      long t3 = System.nanoTime();
      System.out.printf(
          "round %d: shingles %.0f ns, minhash-128 %.0f ns, both %.0f ns per article%n",
          round,
          (t1 - t0) / (double) iterations,
          (t2 - t1) / (double) iterations,
          (t3 - t2) / (double) iterations);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long b0 = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 10_000; i++) {
      sink += shingler.shingles(text).length;
    }
    long b1 = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 10_000; i++) {
      sink += hasher.signature(shingles).length;
    }
    long b2 = threads.getThreadAllocatedBytes(id);
    System.out.printf(
        "allocated per call: shingles %d bytes (result %d), signature %d bytes (result %d)%n",
        (b1 - b0) / 10_000, 16 + 8 * shingles.length, (b2 - b1) / 10_000, 16 + 8 * 128);
    System.out.println("(ignore) " + sink);
  }
}
