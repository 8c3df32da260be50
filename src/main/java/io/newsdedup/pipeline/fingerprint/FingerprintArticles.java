package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.clean.CleanedText;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.fingerprint.Shingler;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Cleans each article (boilerplate, datelines, captions removed; normalised; case-folded), shingles
 * the cleaned text into 64-bit hashes and computes its MinHash signature, in one pass per article.
 */
public final class FingerprintArticles
    extends PTransform<PCollection<Article>, PCollection<Fingerprint>> {

  public static final String NAMESPACE = "fingerprint";

  private final BoilerplateRules rules;
  private final int shingleSize;
  private final int numHashes;
  private final long seed;

  private FingerprintArticles(BoilerplateRules rules, int shingleSize, int numHashes, long seed) {
    this.rules = rules;
    this.shingleSize = shingleSize;
    this.numHashes = numHashes;
    this.seed = seed;
  }

  public static FingerprintArticles create() {
    return new FingerprintArticles(
        BoilerplateRules.defaults(), Shingler.DEFAULT_K, MinHasher.DEFAULT_NUM_HASHES,
        MinHasher.DEFAULT_SEED);
  }

  public FingerprintArticles withRules(BoilerplateRules rules) {
    return new FingerprintArticles(rules, shingleSize, numHashes, seed);
  }

  public FingerprintArticles withShingleSize(int k) {
    return new FingerprintArticles(rules, k, numHashes, seed);
  }

  public FingerprintArticles withNumHashes(int n) {
    return new FingerprintArticles(rules, shingleSize, n, seed);
  }

  @Override
  public PCollection<Fingerprint> expand(PCollection<Article> articles) {
    // Fail at construction, not on the workers, when a parameter is invalid.
    new Shingler(shingleSize);
    new MinHasher(numHashes, seed);
    return articles
        .apply("CleanShingleMinHash", ParDo.of(new FingerprintFn(rules, shingleSize, numHashes, seed)))
        .setCoder(Fingerprint.FingerprintCoder.of());
  }

  static final class FingerprintFn extends DoFn<Article, Fingerprint> {
    private final BoilerplateRules rules;
    private final int shingleSize;
    private final int numHashes;
    private final long seed;
    private transient TextCleaner cleaner;
    private transient Shingler shingler;
    private transient MinHasher minHasher;
    private final Counter empty = Metrics.counter(NAMESPACE, "empty_after_cleaning");
    private final Counter withBoilerplate = Metrics.counter(NAMESPACE, "articles_with_boilerplate");
    private final Distribution shingles = Metrics.distribution(NAMESPACE, "shingles_per_article");

    FingerprintFn(BoilerplateRules rules, int shingleSize, int numHashes, long seed) {
      this.rules = rules;
      this.shingleSize = shingleSize;
      this.numHashes = numHashes;
      this.seed = seed;
    }

    @Setup
    public void setup() {
      cleaner = new TextCleaner(rules);
      shingler = new Shingler(shingleSize);
      minHasher = new MinHasher(numHashes, seed);
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<Fingerprint> out) {
      CleanedText clean = cleaner.clean(a.body());
      long[] hashes = shingler.shingles(clean.text());
      long[] signature = hashes.length == 0 ? new long[0] : minHasher.signature(hashes);
      if (hashes.length == 0) {
        empty.inc();
      }
      if (clean.boilerplateMarkers() > 0) {
        withBoilerplate.inc();
      }
      shingles.update(hashes.length);
      ArticleFacts facts =
          new ArticleFacts(
              a.id(), a.url(), a.source(), a.title(), a.publishedAt(), a.origin(), hashes.length,
              clean.boilerplateMarkers(), clean.wireAgency(), clean.pointsToOriginal());
      out.output(new Fingerprint(facts, hashes, signature));
    }
  }
}
