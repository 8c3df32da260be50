package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Titles;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.clean.CleanedText;
import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.fingerprint.Shingler;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.pipeline.shard.Shards;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Cleans each article (boilerplate rules, datelines, captions; normalised; case-folded), learns the
 * corpus's own boilerplate from the cleaned texts ({@link LearnBoilerplate}, unless turned off),
 * removes it, then shingles what is left into 64-bit hashes and computes its MinHash signature. An
 * article with fewer than {@code minShingles} shingles left is flagged low-content.
 */
public final class FingerprintArticles
    extends PTransform<PCollection<Article>, PCollection<Fingerprint>> {

  public static final String NAMESPACE = "fingerprint";

  private final BoilerplateRules rules;
  private final LearnedBoilerplate learning;
  private final int shingleSize;
  private final int numHashes;
  private final long seed;
  private final int minShingles;
  private final int shards;

  private FingerprintArticles(BoilerplateRules rules, LearnedBoilerplate learning, int shingleSize,
      int numHashes, long seed, int minShingles, int shards) {
    this.rules = rules;
    this.learning = learning;
    this.shingleSize = shingleSize;
    this.numHashes = numHashes;
    this.seed = seed;
    this.minShingles = minShingles;
    this.shards = shards;
  }

  public static FingerprintArticles create() {
    return new FingerprintArticles(BoilerplateRules.defaults(), LearnedBoilerplate.defaults(),
        Shingler.DEFAULT_K, MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED,
        MatchRule.DEFAULT_MIN_CONTAINMENT_SHINGLES, Shards.DEFAULT);
  }

  public FingerprintArticles withRules(BoilerplateRules r) {
    return new FingerprintArticles(r, learning, shingleSize, numHashes, seed, minShingles, shards);
  }

  /** How boilerplate is learned from the corpus; null: not at all (rules only). */
  public FingerprintArticles withLearning(LearnedBoilerplate l) {
    return new FingerprintArticles(rules, l, shingleSize, numHashes, seed, minShingles, shards);
  }

  public FingerprintArticles withShingleSize(int k) {
    return new FingerprintArticles(rules, learning, k, numHashes, seed, minShingles, shards);
  }

  public FingerprintArticles withNumHashes(int n) {
    return new FingerprintArticles(rules, learning, shingleSize, n, seed, minShingles, shards);
  }

  /** Articles with fewer shingles left than this are low-content. */
  public FingerprintArticles withMinShingles(int n) {
    return new FingerprintArticles(rules, learning, shingleSize, numHashes, seed, n, shards);
  }

  public FingerprintArticles withShards(int n) {
    return new FingerprintArticles(rules, learning, shingleSize, numHashes, seed, minShingles, n);
  }

  @Override
  public PCollection<Fingerprint> expand(PCollection<Article> articles) {
    // Fail at construction, not on the workers, when a parameter is invalid.
    new Shingler(shingleSize);
    new MinHasher(numHashes, seed);
    PCollection<Cleaned> cleaned = articles
        .apply("Clean", ParDo.of(new CleanFn(rules)))
        .setCoder(Cleaned.CleanedCoder.of());
    PCollectionView<List<Long>> learned = learning == null
        ? null
        : cleaned.apply("LearnBoilerplate", LearnBoilerplate.with(learning).withShards(shards));
    ParDo.SingleOutput<Cleaned, Fingerprint> fingerprint =
        ParDo.of(new FingerprintFn(learned, shingleSize, numHashes, seed, minShingles));
    return cleaned
        .apply("ShingleMinHash", learned == null ? fingerprint : fingerprint.withSideInputs(learned))
        .setCoder(Fingerprint.FingerprintCoder.of());
  }

  static final class CleanFn extends DoFn<Article, Cleaned> {
    private final BoilerplateRules rules;
    private transient TextCleaner cleaner;
    private final Counter withBoilerplate = Metrics.counter(NAMESPACE, "articles_with_boilerplate");

    CleanFn(BoilerplateRules rules) {
      this.rules = rules;
    }

    @Setup
    public void setup() {
      cleaner = new TextCleaner(rules);
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<Cleaned> out) {
      Cleaned c = clean(a, cleaner);
      if (c.markers() > 0) {
        withBoilerplate.inc();
      }
      out.output(c);
    }
  }

  static final class FingerprintFn extends DoFn<Cleaned, Fingerprint> {
    private final PCollectionView<List<Long>> learned;
    private final int shingleSize;
    private final int numHashes;
    private final long seed;
    private final int minShingles;
    private transient Shingler shingler;
    private transient MinHasher minHasher;
    /** The learned set, built once per instance: in batch the side input never changes. */
    private transient Set<Long> boilerplate;
    private final Counter lowContent = Metrics.counter(NAMESPACE, "low_content");
    private final Counter learnedRemoved =
        Metrics.counter(NAMESPACE, "learned_boilerplate_paragraphs_removed");
    private final Distribution shingles = Metrics.distribution(NAMESPACE, "shingles_per_article");

    FingerprintFn(PCollectionView<List<Long>> learned, int shingleSize, int numHashes, long seed,
        int minShingles) {
      this.learned = learned;
      this.shingleSize = shingleSize;
      this.numHashes = numHashes;
      this.seed = seed;
      this.minShingles = minShingles;
    }

    @Setup
    public void setup() {
      shingler = new Shingler(shingleSize);
      minHasher = new MinHasher(numHashes, seed);
    }

    @ProcessElement
    public void process(@Element Cleaned c, OutputReceiver<Fingerprint> out, ProcessContext ctx) {
      if (boilerplate == null) {
        boilerplate = learned == null ? Set.of() : new HashSet<>(ctx.sideInput(learned));
      }
      Fingerprint f = fingerprint(c, boilerplate, shingler, minHasher, minShingles);
      learnedRemoved.inc(f.facts().boilerplateMarkers() - c.markers());
      if (f.facts().lowContent()) {
        lowContent.inc();
      }
      shingles.update(f.shingles().length);
      out.output(f);
    }
  }

  /**
   * The first step for one article: rule-based cleaning of its body (normalised, boilerplate
   * removed, case-folded), with what the cleaner noticed and the title key.
   */
  public static Cleaned clean(Article a, TextCleaner cleaner) {
    CleanedText c = cleaner.clean(a.body());
    return new Cleaned(a.id(), a.url(), a.source(), a.title(), a.publishedAt(), a.origin(),
        c.text(), c.boilerplateMarkers(), c.wireAgency(), c.pointsToOriginal(),
        Titles.key(a.title()));
  }

  /**
   * The second step for one article: removes the paragraphs in {@code learnedBoilerplate} (empty:
   * none), shingles what is left and computes its MinHash signature (empty when no shingle is
   * left); fewer than {@code minShingles} shingles make it low-content. The boilerplate markers of
   * the facts count the rule-based ones plus the learned paragraphs removed.
   */
  public static Fingerprint fingerprint(Cleaned c, Set<Long> learnedBoilerplate, Shingler shingler,
      MinHasher minHasher, int minShingles) {
    LearnedBoilerplate.Removal r = LearnedBoilerplate.remove(c.text(), learnedBoilerplate);
    long[] hashes = shingler.shingles(r.text());
    long[] signature = hashes.length == 0 ? new long[0] : minHasher.signature(hashes);
    boolean low = hashes.length < minShingles;
    ArticleFacts facts = new ArticleFacts(c.id(), c.url(), c.source(), c.title(),
        c.publishedAt(), c.origin(), hashes.length, c.markers() + r.removed(), c.wireAgency(),
        c.pointsToOriginal(), c.titleKey(), low);
    return new Fingerprint(facts, hashes, signature);
  }
}
