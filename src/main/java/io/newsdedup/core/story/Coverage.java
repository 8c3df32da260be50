package io.newsdedup.core.story;

import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.shingle.Mix64;
import java.util.Arrays;

/**
 * Where a body carries its headline. A sentence <em>carries</em> the headline when it holds at
 * least two of the headline's terms ({@link Headline}); a sentence that repeats the headline word
 * for word (with at most eight more words: "Watch:", "We could not find ...") is an <em>echo</em> —
 * pages print their headline in players, error messages and share boxes — and the first two echoes
 * count for nothing.
 *
 * <p>A news story's body carries its headline: the lede says what the headline says, and the
 * story's names and subjects recur. A page whose body is a template — a consent or paywall wall, a
 * bot check, an error page, a registration form, a video player — does not: its text is the same
 * whatever the story. So a body under an informative headline is <em>template-only</em> when none
 * of the headline's terms occurs in it (echoes aside). That needs no list of templates, in any
 * language the {@link Terms} read. Not judged: a body of more than {@link #MAX_TEMPLATE_WORDS}
 * words (templates are short; a long text that avoids its headline is more often a roundup or a
 * story under a broken title), a body of 20 words or more 30% of whose words are figures (a table
 * of results), a page without an informative headline. It misses a template that happens to hold
 * one of the headline's words ("continue", "access"); those are told apart from stories pairwise
 * ({@link StoryEvidence#sameStory}) and, in batch, by the learned boilerplate. It takes for a
 * template a short story none of whose words its headline uses.
 */
public final class Coverage {
  /** Carrying sentences kept as the story's sample (the first ones). */
  public static final int SAMPLE_SIZE = 16;

  /**
   * Longer bodies are not judged (in words; a character of a script written without spaces counts
   * half): a template is short, and a long body that avoids its headline is more often a story
   * under a wrong headline (a roundup, a broken title) than a wall.
   */
  public static final int MAX_TEMPLATE_WORDS = 150;

  /** At most this many echoes of the headline are discounted; more are the text's own. */
  static final int MAX_ECHOES = 2;

  private static final Coverage NOTHING = new Coverage(false, new long[0], new long[0], 0);

  private final boolean templateOnly;
  private final long[] sample;
  private final long[] carryingParagraphs;
  private final int matchedTerms;

  private Coverage(
      boolean templateOnly, long[] sample, long[] carryingParagraphs, int matchedTerms) {
    this.templateOnly = templateOnly;
    this.sample = sample;
    this.carryingParagraphs = carryingParagraphs;
    this.matchedTerms = matchedTerms;
  }

  /** The body does not carry its informative headline: it is a template, not the story. */
  public boolean templateOnly() {
    return templateOnly;
  }

  /**
   * The fingerprints ({@link Sentences}) of the first {@link #SAMPLE_SIZE} carrying sentences that
   * have one, in text order: what of this text says the headline's story, to be looked for in
   * another text's sentences.
   */
  public long[] sample() {
    return sample.clone();
  }

  /**
   * {@link LearnedBoilerplate#key} of each paragraph with a carrying sentence, sorted, distinct.
   */
  public long[] carryingParagraphs() {
    return carryingParagraphs.clone();
  }

  /** How many of the headline's terms the body holds (echoes aside). */
  public int matchedTerms() {
    return matchedTerms;
  }

  /** A text read against its headline: its {@link Coverage} and its {@link Sentences}. */
  public record Read(Coverage coverage, Sentences sentences) {}

  /** Reads {@code cleanedText} (case-folded, paragraphs separated by '\n') against the headline. */
  public static Coverage of(Headline headline, String cleanedText) {
    if (!headline.informative() || cleanedText.isEmpty()) {
      return NOTHING;
    }
    return read(headline, cleanedText).coverage();
  }

  /**
   * Only {@link #carryingParagraphs}, without the sentences' fingerprints: what the learned
   * boilerplate needs ({@code LearnedBoilerplate#context}).
   */
  public static long[] carryingParagraphs(Headline headline, String cleanedText) {
    if (!headline.informative() || cleanedText.isEmpty()) {
      return new long[0];
    }
    Reader r = new Reader(headline, cleanedText, false);
    Terms.scan(cleanedText, r);
    return sortedDistinct(r.paragraphs, r.paragraphCount, Integer.MAX_VALUE);
  }

  /** The first {@code n} values of {@code a}, sorted, distinct, at most {@code limit} of them. */
  private static long[] sortedDistinct(long[] a, int n, int limit) {
    if (n == 0) {
      return new long[0];
    }
    long[] s = Arrays.copyOf(a, n);
    Arrays.sort(s);
    int d = 1;
    for (int i = 1; i < n && d < limit; i++) {
      if (s[i] != s[d - 1]) {
        s[d++] = s[i];
      }
    }
    return d == n ? s : Arrays.copyOf(s, d);
  }

  /** {@link #of} and {@link Sentences#of} in one pass over the text. */
  public static Read read(Headline headline, String cleanedText) {
    if (cleanedText.isEmpty()) {
      return new Read(NOTHING, Sentences.NONE);
    }
    Reader r = new Reader(headline, cleanedText, true);
    Terms.scan(cleanedText, r);
    Coverage coverage = NOTHING;
    if (headline.informative()) {
      int matched = Integer.bitCount(r.bodyMask);
      boolean figures = r.bodyTokens >= 20 && 10 * r.numbers >= 3 * r.bodyTokens;
      boolean templateOnly =
          r.bodyTokens > 0 && matched == 0 && !figures && r.bodyHalfWords <= 2 * MAX_TEMPLATE_WORDS;
      coverage =
          new Coverage(
              templateOnly,
              Arrays.copyOf(r.sample, r.sampleCount),
              sortedDistinct(r.paragraphs, r.paragraphCount, Integer.MAX_VALUE),
              matched);
    }
    long[] numbers = sortedDistinct(r.numberKeys, r.numberCount, Sentences.MAX_NUMBERS);
    Sentences sentences =
        r.fingerprintCount == 0 && numbers.length == 0
            ? Sentences.NONE
            : new Sentences(Arrays.copyOf(r.fingerprints, r.fingerprintCount), numbers);
    return new Read(coverage, sentences);
  }

  /** One pass: headline terms per sentence, and each sentence's SimHash ({@link Sentences}). */
  private static final class Reader implements Terms.Visitor {
    private final Headline headline;
    private final boolean judge;
    private final boolean simHash;
    private final String text;
    // the current sentence
    int sentenceStart;
    int tokens;
    int mask;
    int sentenceNumbers;
    int halfWords;
    final SimHash hash = new SimHash();
    int features;
    // the current paragraph
    int paragraphStart;
    boolean paragraphCarries;
    // the body
    int bodyMask;
    int bodyTokens;
    int bodyHalfWords;
    int numbers;
    int echoes;
    long[] paragraphs = new long[8];
    int paragraphCount;
    long[] sample = new long[SAMPLE_SIZE];
    int sampleCount;
    long[] fingerprints = new long[16];
    int fingerprintCount;
    long[] numberKeys = new long[16];
    int numberCount;

    Reader(Headline headline, String text, boolean simHash) {
      this.headline = headline;
      this.judge = headline.informative();
      this.simHash = simHash;
      this.text = text;
    }

    @Override
    public void word(long shortKey, long longKey, String word, int letters) {
      if (shortKey == 0) {
        return;
      }
      if (judge) {
        int i = headline.indexOf(shortKey);
        if (i >= 0) {
          mask |= 1 << i;
        }
      }
      if (simHash
          && (letters > FunctionWords.MAX_LETTERS
              || !FunctionWords.isFunction(FunctionWords.feature(shortKey, longKey)))) {
        add(shortKey, 1);
      }
    }

    @Override
    public void run(long key, String chars) {
      halfWords--; // a character of a spaceless script: half a word (token() counted two)
      if (judge) {
        int i = headline.indexOf(key);
        if (i >= 0) {
          mask |= 1 << i;
        }
      }
      if (simHash && !FunctionWords.isFunction(key)) {
        add(key, 1);
      }
    }

    @Override
    public void token() {
      tokens++;
      halfWords += 2;
    }

    @Override
    public void number(long key, int groups) {
      sentenceNumbers += groups;
      if (key != 0 && simHash) {
        add(key, Sentences.NUMBER_WEIGHT);
        numberKeys = append(numberKeys, numberCount++, key);
      }
    }

    /** {@code a} with {@code v} at {@code n} (grown when full). */
    private static long[] append(long[] a, int n, long v) {
      long[] out = n < a.length ? a : Arrays.copyOf(a, 2 * a.length);
      out[n] = v;
      return out;
    }

    private void add(long feature, int weight) {
      hash.add(Mix64.fmix64(feature), weight);
      features++;
    }

    @Override
    public void sentenceEnd(int at, boolean paragraph) {
      long fingerprint = 0;
      boolean hasFingerprint =
          features >= Sentences.MIN_WORDS && fingerprintCount < Sentences.MAX_SENTENCES;
      if (hasFingerprint) {
        fingerprint = hash.bits();
        fingerprints = append(fingerprints, fingerprintCount++, fingerprint);
      }
      if (features > 0) {
        hash.clear();
        features = 0;
      }
      if (judge) {
        judgeSentence(at, hasFingerprint, fingerprint);
      }
      mask = 0;
      tokens = 0;
      halfWords = 0;
      sentenceNumbers = 0;
      sentenceStart = Math.min(at + 1, text.length());
      if (paragraph) {
        if (paragraphCarries && at > paragraphStart) {
          paragraphs =
              append(
                  paragraphs,
                  paragraphCount++,
                  LearnedBoilerplate.key(text.substring(paragraphStart, at)));
        }
        paragraphCarries = false;
        paragraphStart = sentenceStart;
      }
    }

    private void judgeSentence(int at, boolean hasFingerprint, long fingerprint) {
      int matched = Integer.bitCount(mask);
      boolean echo =
          echoes < MAX_ECHOES
              && 5 * matched >= 3 * headline.size()
              && tokens <= headline.words() + 8
              && Headline.phrase(text.substring(sentenceStart, at)).contains(headline.phrase());
      if (echo) {
        echoes++;
        return;
      }
      if (tokens == 0) {
        return;
      }
      bodyMask |= mask;
      bodyTokens += tokens;
      bodyHalfWords += halfWords;
      numbers += sentenceNumbers;
      if (matched >= 2) {
        paragraphCarries = true;
        if (hasFingerprint && sampleCount < SAMPLE_SIZE) {
          sample[sampleCount++] = fingerprint;
        }
      }
    }
  }
}
