package io.newsdedup.bench.kernels;

import io.newsdedup.bench.corpus.SyntheticCorpus;
import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.shingle.Shingler;
import io.newsdedup.core.story.Coverage;
import io.newsdedup.core.story.Headline;
import io.newsdedup.core.verify.Similarity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code bench kernels} (JMH), {@code bench corpus-kernels} (the same kernels over a corpus's own
 * texts) and {@code bench accuracy} (MinHash estimate error).
 */
public final class KernelBench {
  private KernelBench() {}

  /** Runs {@link KernelBenchmarks} and prints one line per kernel. */
  public static int kernels(PrintStream out) throws RunnerException {
    var results =
        new Runner(
                new OptionsBuilder()
                    .include(KernelBenchmarks.class.getName() + ".*")
                    .shouldFailOnError(true)
                    .build())
            .run();
    out.println("kernel                 µs/op (600-word article; mean ± 99.9% error)");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      out.printf(
          Locale.ROOT,
          "%-22s %9.3f ± %.3f%n",
          name,
          r.getPrimaryResult().getScore(),
          r.getPrimaryResult().getScoreError());
    }
    return 0;
  }

  /**
   * The per-article kernels over the texts of a JSONL corpus, on one thread (clean, shingle,
   * MinHash-128, and "story": the headline's terms and one pass of {@link Coverage#read}, what
   * fingerprinting adds to tell templates and reworded reprints): every text once per pass, each
   * kernel timed over all of them (so caches see a stream of different articles, as in a run, not
   * one article again and again as in {@link #kernels}). Records that do not parse are skipped.
   * Prints each pass and the median pass, in µs per article.
   */
  public static int corpusKernels(PrintStream out, Path corpus, int limit, int passes)
      throws IOException {
    List<String> bodies = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    long line = 0;
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String s = r.readLine(); s != null && bodies.size() < limit; s = r.readLine()) {
        line++;
        ArticleParser.Parsed p =
            ArticleParser.parseJsonLine(s, Origin.ofLine(corpus.toString(), line));
        if (p.article() != null) {
          bodies.add(p.article().body());
          titles.add(p.article().title());
          sources.add(p.article().source());
        }
      }
    }
    if (bodies.isEmpty()) {
      out.println("no article in " + corpus);
      return 1;
    }
    int n = bodies.size();
    TextCleaner cleaner = TextCleaner.withDefaults();
    Shingler shingler = new Shingler(Shingler.DEFAULT_K);
    MinHasher minHasher = new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);
    String[] cleaned = new String[n];
    long[][] shingles = new long[n][];
    double[][] perArticle = new double[4][passes];
    long check = 0;
    long shingleCount = 0;
    out.printf(Locale.ROOT, "%d articles of %s, one thread, µs per article%n", n, corpus);
    for (int pass = 0; pass < passes; pass++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        cleaned[i] = cleaner.clean(bodies.get(i)).text();
      }
      long t1 = System.nanoTime();
      shingleCount = 0;
      for (int i = 0; i < n; i++) {
        shingles[i] = shingler.shingles(cleaned[i]);
        shingleCount += shingles[i].length;
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        check += minHasher.signature(shingles[i])[0];
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Coverage.Read read = Coverage.read(Headline.of(titles.get(i), sources.get(i)), cleaned[i]);
        check += read.sentences().fingerprints().length + read.coverage().sample().length;
      }
      long t4 = System.nanoTime();
      perArticle[0][pass] = (t1 - t0) / 1e3 / n;
      perArticle[1][pass] = (t2 - t1) / 1e3 / n;
      perArticle[2][pass] = (t3 - t2) / 1e3 / n;
      perArticle[3][pass] = (t4 - t3) / 1e3 / n;
      out.printf(
          Locale.ROOT,
          "pass %d: clean %.2f, shingle %.2f, minHash128 %.2f, story %.2f%n",
          pass + 1,
          perArticle[0][pass],
          perArticle[1][pass],
          perArticle[2][pass],
          perArticle[3][pass]);
    }
    double[] median = new double[4];
    for (int k = 0; k < 4; k++) {
      double[] sorted = perArticle[k].clone();
      Arrays.sort(sorted);
      median[k] = sorted[passes / 2];
    }
    out.printf(
        Locale.ROOT,
        "RESULT corpus-kernels articles=%d shingles_per_article=%.1f"
            + " clean_us=%.2f shingle_us=%.2f minhash128_us=%.2f shingle_and_minhash_us=%.2f"
            + " story_us=%.2f%n",
        n,
        (double) shingleCount / n,
        median[0],
        median[1],
        median[2],
        median[1] + median[2],
        median[3]);
    out.println("checksum " + check); // a result the JIT cannot drop
    return 0;
  }

  /**
   * MinHash-128 estimates against exact Jaccard: pairs of synthetic articles with a known share of
   * edited words, in bins of exact Jaccard; prints bias, RMSE and the theoretical standard
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
        out.printf(
            Locale.ROOT,
            "%.1f-%.1f %7d %+8.4f %8.4f %8.4f%n",
            b / 10.0,
            (b + 1) / 10.0,
            n[b],
            sum[b] / n[b],
            Math.sqrt(sumSq[b] / n[b]),
            theory[b] / n[b]);
      }
    }
    return 0;
  }
}
