package io.newsdedup.core.fingerprint;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.article.Titles;
import io.newsdedup.core.clean.BoilerplateRules;
import io.newsdedup.core.clean.CleanedText;
import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.clean.TextCleaner;
import io.newsdedup.core.shingle.Shingler;
import io.newsdedup.core.story.Coverage;
import io.newsdedup.core.story.Headline;
import io.newsdedup.core.story.Sentences;
import io.newsdedup.core.story.StoryEvidence;
import java.util.Set;

/**
 * Fingerprinting one article, in two steps with the corpus's learned boilerplate between them:
 * {@link #clean} (rule-based) and {@link #fingerprint} (learned paragraphs removed, headline and
 * sentences read, shingled, MinHashed). Batch ({@code FingerprintArticles}) and the stream ({@code
 * MessageParser}) both call these, so that both judge an article alike; an instance holds the
 * cleaner, shingler and hasher for callers that fingerprint one article at a time without learned
 * boilerplate (the stream, tests and tools).
 */
public final class Fingerprinting {
  /** The longest body fingerprinted whole: a longer one is cut and flagged truncated. */
  public static final int DEFAULT_MAX_CHARS = 1_000_000;

  private final TextCleaner cleaner;
  private final Shingler shingler;
  private final MinHasher minHasher;
  private final int minShingles;
  private final int maxChars;

  /** Both steps with these parameters, no learned boilerplate, bodies cut at {@code maxChars}. */
  public Fingerprinting(
      BoilerplateRules rules, int shingleSize, int numHashes, int minShingles, int maxChars) {
    this.cleaner = new TextCleaner(rules);
    this.shingler = new Shingler(shingleSize);
    this.minHasher = new MinHasher(numHashes, MinHasher.DEFAULT_SEED);
    this.minShingles = minShingles;
    this.maxChars = maxChars;
  }

  /** The article's fingerprint without learned boilerplate. */
  public Fingerprint of(Article a) {
    return of(clean(a, cleaner, maxChars));
  }

  /** The fingerprint of an article cleaned already (an index's), without learned boilerplate. */
  public Fingerprint of(Cleaned c) {
    return fingerprint(c, Set.of(), shingler, minHasher, minShingles);
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

  /**
   * {@link #clean(Article, TextCleaner, int)} with the default size limit ({@link
   * #DEFAULT_MAX_CHARS}).
   */
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
