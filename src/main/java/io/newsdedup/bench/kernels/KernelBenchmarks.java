package io.newsdedup.bench.kernels;

import io.newsdedup.bench.corpus.SyntheticCorpus;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.shingle.Shingler;
import io.newsdedup.core.verify.Similarity;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the per-article kernels on a 600-word article of the synthetic corpus:
 * cleaning, shingling, MinHash-128, LSH band keys, anchors, and the exact and estimated similarity
 * of a pair. Run with {@code java -jar target/news-dedup.jar bench kernels}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {
  private TextCleaner cleaner;
  private Shingler shingler;
  private MinHasher minHasher;
  private LshParams lsh;
  private Anchors anchors;
  private String text;
  private String cleaned;
  private long[] shingles;
  private long[] other;
  private long[] signature;
  private long[] otherSignature;

  @Setup
  public void setup() {
    text = SyntheticCorpus.article(new SyntheticCorpus(40_000), new SplittableRandom(3), 600);
    cleaner = TextCleaner.withDefaults();
    shingler = new Shingler(Shingler.DEFAULT_K);
    minHasher = new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);
    lsh = LshParams.optimal(0.3, 128, 0.5, 0.5);
    anchors = Anchors.defaults();
    cleaned = cleaner.clean(text).text();
    shingles = shingler.shingles(cleaned);
    String edited = cleaned.substring(0, cleaned.length() * 3 / 4);
    other = shingler.shingles(edited);
    signature = minHasher.signature(shingles);
    otherSignature = minHasher.signature(other);
  }

  @Benchmark
  public Object clean() {
    return cleaner.clean(text);
  }

  @Benchmark
  public long[] shingle() {
    return shingler.shingles(cleaned);
  }

  @Benchmark
  public long[] minHash128() {
    return minHasher.signature(shingles);
  }

  @Benchmark
  public long[] shingleAndMinHash() {
    return minHasher.signature(shingler.shingles(cleaned));
  }

  @Benchmark
  public long[] bandKeys() {
    return lsh.bandKeys(signature);
  }

  @Benchmark
  public long[] anchors() {
    return anchors.of(shingles);
  }

  @Benchmark
  public Similarity exactSimilarity() {
    return Similarity.exact(shingles, other);
  }

  @Benchmark
  public double estimatedJaccard() {
    return MinHasher.estimateJaccard(signature, otherSignature);
  }
}
