package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.article.Titles;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.clean.CleanedText;
import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.fingerprint.Shingler;
import io.newsdedup.core.story.Coverage;
import io.newsdedup.core.story.Headline;
import io.newsdedup.core.story.Sentences;
import io.newsdedup.core.story.StoryEvidence;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.pipeline.progress.Progress;
import io.newsdedup.pipeline.read.UniqueIds;
import io.newsdedup.pipeline.shard.Shards;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  private final int maxChars;
  private final int shards;

  private FingerprintArticles(
      BoilerplateRules rules,
      LearnedBoilerplate learning,
      int shingleSize,
      int numHashes,
      long seed,
      int minShingles,
      int maxChars,
      int shards) {
    this.rules = rules;
    this.learning = learning;
    this.shingleSize = shingleSize;
    this.numHashes = numHashes;
    this.seed = seed;
    this.minShingles = minShingles;
    this.maxChars = maxChars;
    this.shards = shards;
  }

  public static final int DEFAULT_MAX_CHARS = 1_000_000;

  public static FingerprintArticles create() {
    return new FingerprintArticles(
        BoilerplateRules.defaults(),
        LearnedBoilerplate.defaults(),
        Shingler.DEFAULT_K,
        MinHasher.DEFAULT_NUM_HASHES,
        MinHasher.DEFAULT_SEED,
        MatchRule.DEFAULT_MIN_CONTAINMENT_SHINGLES,
        DEFAULT_MAX_CHARS,
        Shards.DEFAULT);
  }

  public FingerprintArticles withRules(BoilerplateRules r) {
    return new FingerprintArticles(
        r, learning, shingleSize, numHashes, seed, minShingles, maxChars, shards);
  }

  /** How boilerplate is learned from the corpus; null: not at all (rules only). */
  public FingerprintArticles withLearning(LearnedBoilerplate l) {
    return new FingerprintArticles(
        rules, l, shingleSize, numHashes, seed, minShingles, maxChars, shards);
  }

  public FingerprintArticles withShingleSize(int k) {
    return new FingerprintArticles(
        rules, learning, k, numHashes, seed, minShingles, maxChars, shards);
  }

  public FingerprintArticles withNumHashes(int n) {
    return new FingerprintArticles(
        rules, learning, shingleSize, n, seed, minShingles, maxChars, shards);
  }

  /** Articles with fewer shingles left than this are low-content. */
  public FingerprintArticles withMinShingles(int n) {
    return new FingerprintArticles(
        rules, learning, shingleSize, numHashes, seed, n, maxChars, shards);
  }

  /** Longer article bodies are cut to this many characters before cleaning, and flagged. */
  public FingerprintArticles withMaxChars(int n) {
    return new FingerprintArticles(
        rules, learning, shingleSize, numHashes, seed, minShingles, n, shards);
  }

  public FingerprintArticles withShards(int n) {
    return new FingerprintArticles(
        rules, learning, shingleSize, numHashes, seed, minShingles, maxChars, n);
  }

  @Override
  public PCollection<Fingerprint> expand(PCollection<Article> articles) {
    return articles.apply("Clean", cleaning()).apply("Fingerprint", fingerprinting());
  }

  /** The cleaning half: articles to {@link Cleaned} texts (rules only). */
  public PTransform<PCollection<Article>, PCollection<Cleaned>> cleaning() {
    BoilerplateRules r = rules;
    int max = maxChars;
    return new PTransform<>() {
      @Override
      public PCollection<Cleaned> expand(PCollection<Article> articles) {
        return articles
            .apply("CleanByRules", ParDo.of(new CleanFn(r, max)))
            .setCoder(Cleaned.CleanedCoder.of());
      }
    };
  }

  /**
   * The fingerprinting half: learns the boilerplate of the cleaned corpus (unless turned off),
   * removes it, shingles and MinHashes.
   */
  public PTransform<PCollection<Cleaned>, PCollection<Fingerprint>> fingerprinting() {
    return fingerprinting(null);
  }

  /**
   * {@link #fingerprinting()}, dropping first the input records named in {@code dropped} (by {@link
   * io.newsdedup.core.article.Origin#toString()}; null: none), e.g. those that gave up their id
   * ({@link io.newsdedup.pipeline.read.UniqueIds}): their paragraphs do not count for learning and
   * they are not fingerprinted. Records from the index are never dropped.
   */
  public PTransform<PCollection<Cleaned>, PCollection<Fingerprint>> fingerprinting(
      PCollectionView<Map<String, String>> dropped) {
    // Fail at construction, not on the workers, when a parameter is invalid.
    new Shingler(shingleSize);
    new MinHasher(numHashes, seed);
    LearnedBoilerplate l = learning;
    int n = shards;
    FingerprintFn fn = new FingerprintFn(null, dropped, shingleSize, numHashes, seed, minShingles);
    return new PTransform<>() {
      @Override
      public PCollection<Fingerprint> expand(PCollection<Cleaned> cleaned) {
        PCollectionView<List<Long>> learned =
            l == null
                ? null
                : cleaned.apply(
                    "LearnBoilerplate", LearnBoilerplate.with(l).withShards(n).without(dropped));
        List<PCollectionView<?>> sideInputs = new ArrayList<>();
        if (learned != null) {
          sideInputs.add(learned);
        }
        if (dropped != null) {
          sideInputs.add(dropped);
        }
        return cleaned
            .apply("ShingleMinHash", ParDo.of(fn.with(learned)).withSideInputs(sideInputs))
            .setCoder(Fingerprint.FingerprintCoder.of());
      }
    };
  }

  static final class CleanFn extends DoFn<Article, Cleaned> {
    private final BoilerplateRules rules;
    private final int maxChars;
    private transient TextCleaner cleaner;

    CleanFn(BoilerplateRules rules, int maxChars) {
      this.rules = rules;
      this.maxChars = maxChars;
    }

    @Setup
    public void setup() {
      cleaner = new TextCleaner(rules);
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<Cleaned> out) {
      out.output(clean(a, cleaner, maxChars));
      Progress.CLEANED.add(1);
    }
  }

  /**
   * Drops the records to drop, counts what cleaning found in this run's input (here rather than in
   * {@link CleanFn}, so that dropped records do not count), removes the learned boilerplate,
   * shingles and MinHashes.
   */
  static final class FingerprintFn extends DoFn<Cleaned, Fingerprint> {
    private final PCollectionView<List<Long>> learned;
    private final PCollectionView<Map<String, String>> dropped;
    private final int shingleSize;
    private final int numHashes;
    private final long seed;
    private final int minShingles;
    private transient Shingler shingler;
    private transient MinHasher minHasher;

    /** The learned set, built once per instance: in batch the side input never changes. */
    private transient Set<Long> boilerplate;

    private transient Map<String, String> toDrop;
    private final Counter withBoilerplate = Metrics.counter(NAMESPACE, "articles_with_boilerplate");
    private final Counter truncated = Metrics.counter(NAMESPACE, "articles_truncated");
    private final Counter lowContent = Metrics.counter(NAMESPACE, "low_content");
    private final Counter tooShort =
        Metrics.counter(NAMESPACE, "low_content_" + LowContent.TOO_SHORT.label());
    private final Counter templateOnly =
        Metrics.counter(NAMESPACE, "low_content_" + LowContent.TEMPLATE_ONLY.label());
    private final Counter learnedRemoved =
        Metrics.counter(NAMESPACE, "learned_boilerplate_paragraphs_removed");
    private final Distribution shingles = Metrics.distribution(NAMESPACE, "shingles_per_article");

    FingerprintFn(
        PCollectionView<List<Long>> learned,
        PCollectionView<Map<String, String>> dropped,
        int shingleSize,
        int numHashes,
        long seed,
        int minShingles) {
      this.learned = learned;
      this.dropped = dropped;
      this.shingleSize = shingleSize;
      this.numHashes = numHashes;
      this.seed = seed;
      this.minShingles = minShingles;
    }

    FingerprintFn with(PCollectionView<List<Long>> view) {
      return new FingerprintFn(view, dropped, shingleSize, numHashes, seed, minShingles);
    }

    @Setup
    public void setup() {
      shingler = new Shingler(shingleSize);
      minHasher = new MinHasher(numHashes, seed);
    }

    @ProcessElement
    public void process(@Element Cleaned c, OutputReceiver<Fingerprint> out, ProcessContext ctx) {
      if (boilerplate == null) { // batch, global window: the same side inputs for every element
        boilerplate = learned == null ? Set.of() : new HashSet<>(ctx.sideInput(learned));
        toDrop = dropped == null ? Map.of() : ctx.sideInput(dropped);
      }
      if (!c.fromIndex()) {
        if (UniqueIds.isDropped(toDrop, c.origin())) {
          return; // rejected by whoever named it
        }
        if (c.markers() > 0) {
          withBoilerplate.inc();
        }
        if (c.truncated()) {
          truncated.inc();
        }
      }
      Fingerprint f = fingerprint(c, boilerplate, shingler, minHasher, minShingles);
      learnedRemoved.inc(f.facts().boilerplateMarkers() - c.markers());
      if (f.facts().lowContent()) {
        lowContent.inc();
        (f.facts().lowContentReason() == LowContent.TEMPLATE_ONLY ? templateOnly : tooShort).inc();
      }
      shingles.update(f.shingles().length);
      Progress.FINGERPRINTED.add(1);
      out.output(f);
    }
  }

  /**
   * The first step for one article: rule-based cleaning of its body (normalised, boilerplate
   * removed, case-folded), with what the cleaner noticed and the title key; a body longer than
   * {@code maxChars} is cut first (at a whitespace near the limit) and flagged truncated.
   */
  public static Cleaned clean(Article a, TextCleaner cleaner, int maxChars) {
    String body = a.body();
    boolean cut = body.length() > maxChars;
    if (cut) {
      body = cut(body, maxChars);
    }
    CleanedText c = cleaner.clean(body);
    return new Cleaned(
        a.id(),
        a.url(),
        a.source(),
        a.title(),
        a.publishedAt(),
        a.origin(),
        c.text(),
        c.boilerplateMarkers(),
        c.wireAgency(),
        c.pointsToOriginal(),
        Titles.key(a.title(), a.source()),
        cut,
        false,
        null,
        a.crawledAt());
  }

  /** {@link #clean(Article, TextCleaner, int)} with the default size limit. */
  public static Cleaned clean(Article a, TextCleaner cleaner) {
    return clean(a, cleaner, DEFAULT_MAX_CHARS);
  }

  /** The first {@code max} characters, ending at a whitespace when one is near. */
  static String cut(String s, int max) {
    int end = max;
    for (int i = max; i > Math.max(0, max - 1000); i--) {
      if (Character.isWhitespace(s.charAt(i))) {
        end = i;
        break;
      }
    }
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * The second step for one article. Removes the paragraphs in {@code learnedBoilerplate} (empty:
   * none) and reads what is left against its headline and sentence by sentence ({@link
   * Coverage#read}): a text that does not carry its informative headline is a template, low-content
   * ({@link LowContent#TEMPLATE_ONLY}). Otherwise it is shingled and MinHashed (an empty signature
   * when no shingle is left). Fewer than {@code minShingles} shingles make it low-content: {@link
   * LowContent#TEMPLATE_ONLY} when it had enough before the learned boilerplate (a template of the
   * corpus) was removed, else {@link LowContent#TOO_SHORT}. A template-only text is not used: no
   * shingles, no signature, no sentences. The boilerplate markers of the facts count the rule-based
   * ones plus the learned paragraphs removed.
   */
  public static Fingerprint fingerprint(
      Cleaned c,
      Set<Long> learnedBoilerplate,
      Shingler shingler,
      MinHasher minHasher,
      int minShingles) {
    LearnedBoilerplate.Removal r = LearnedBoilerplate.remove(c.text(), learnedBoilerplate);
    Headline headline = Headline.of(c.title(), c.source());
    Coverage.Read read = Coverage.read(headline, r.text());
    Coverage coverage = read.coverage();
    LowContent low = coverage.templateOnly() ? LowContent.TEMPLATE_ONLY : null;
    long[] hashes = low == null ? shingler.shingles(r.text()) : new long[0];
    if (low == null && hashes.length < minShingles) {
      if (r.removed() > 0 && shingler.shingles(c.text()).length >= minShingles) {
        low = LowContent.TEMPLATE_ONLY; // what made it short is the corpus's template
        hashes = new long[0];
      } else {
        low = LowContent.TOO_SHORT;
      }
    }
    long[] signature = hashes.length == 0 ? new long[0] : minHasher.signature(hashes);
    ArticleFacts facts =
        new ArticleFacts(
            c.id(),
            c.url(),
            c.source(),
            c.title(),
            c.publishedAt(),
            c.origin(),
            hashes.length,
            c.markers() + r.removed(),
            c.wireAgency(),
            c.pointsToOriginal(),
            c.titleKey(),
            low,
            c.truncated(),
            c.fromIndex(),
            c.previousClusterId(),
            StoryEvidence.of(headline, coverage),
            c.crawledAt());
    Sentences sentences = low == LowContent.TEMPLATE_ONLY ? Sentences.NONE : read.sentences();
    return new Fingerprint(facts, hashes, signature, sentences);
  }
}
