package io.newsdedup.bench.kernels;

import io.newsdedup.bench.SyntheticCorpus;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.fingerprint.Shingler;
import io.newsdedup.core.verify.Similarity;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** {@code bench kernels} (JMH) and {@code bench accuracy} (MinHash estimate error). */
public final class KernelBench {
  private KernelBench() {}

  /** Runs {@link KernelBenchmarks} and prints one line per kernel. */
  public static int kernels(PrintStream out) throws RunnerException {
    var results = new Runner(new OptionsBuilder()
        .include(KernelBenchmarks.class.getName() + ".*")
        .shouldFailOnError(true)
        .build()).run();
    out.println("kernel                 µs/op (600-word article; mean ± 99.9% error)");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      out.printf(Locale.ROOT, "%-22s %9.3f ± %.3f%n", name, r.getPrimaryResult().getScore(),
          r.getPrimaryResult().getScoreError());
    }
    return 0;
  }

  /**
   * MinHash-128 estimates against exact Jaccard: pairs of synthetic articles with a known share
   * of edited words, in bins of exact Jaccard; prints bias, RMSE and the theoretical standard
   * deviation sqrt(J(1-J)/k) of each bin.
   */
  public static int accuracy(PrintStream out, int pairs) {
    SyntheticCorpus corpus = new SyntheticCorpus(40_000);
    SplittableRandom r = new SplittableRandom(11);
    TextCleaner cleaner = TextCleaner.withDefaults();
    Shingler shingler = new Shingler(Shingler.DEFAULT_K);
    MinHasher minHasher = new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);
    int bins = 10;
    double[] sum = new double[bins];
    double[] sumSq = new double[bins];
    double[] theory = new double[bins];
    int[] n = new int[bins];
    for (int i = 0; i < pairs; i++) {
      String a = cleaner.clean(SyntheticCorpus.article(corpus, r, 300 + r.nextInt(500))).text();
      String[] words = a.split(" ");
      double edit = r.nextDouble() * 0.3;
      List<String> b = new ArrayList<>(Arrays.asList(words));
      for (int w = 0; w < b.size(); w++) {
        if (r.nextDouble() < edit) {
          b.set(w, "x" + r.nextInt(1_000_000));
        }
      }
      long[] sa = shingler.shingles(a);
      long[] sb = shingler.shingles(String.join(" ", b));
      double exact = Similarity.exact(sa, sb).jaccard();
      double est = MinHasher.estimateJaccard(minHasher.signature(sa), minHasher.signature(sb));
      int bin = Math.min(bins - 1, (int) (exact * bins));
      sum[bin] += est - exact;
      sumSq[bin] += (est - exact) * (est - exact);
      theory[bin] += Math.sqrt(exact * (1 - exact) / minHasher.numHashes());
      n[bin]++;
    }
    out.println("exact J    pairs   bias      RMSE     theory sd");
    for (int b = 0; b < bins; b++) {
      if (n[b] > 0) {
        out.printf(Locale.ROOT, "%.1f-%.1f %7d %+8.4f %8.4f %8.4f%n", b / 10.0, (b + 1) / 10.0, n[b],
            sum[b] / n[b], Math.sqrt(sumSq[b] / n[b]), theory[b] / n[b]);
      }
    }
    return 0;
  }
}
