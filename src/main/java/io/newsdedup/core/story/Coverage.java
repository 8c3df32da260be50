package io.newsdedup.core.story;

import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.fingerprint.Shingler;
import java.util.Arrays;

/**
 * Where a body carries its headline. A sentence <em>carries</em> the headline when it holds at
 * least two of the headline's terms ({@link Headline}); a sentence that repeats the headline word
 * for word (with at most eight more words: "Watch:", "We could not find ...") is an <em>echo</em> —
 * pages print their headline in players, error messages and share boxes — and the first two echoes
 * count for nothing.
 *
 * <p>A news story's body carries its headline: the lede says what the headline says, and the
 * story's names and subjects recur. A page whose body is a template — a consent or paywall wall,
 * a bot check, an error page, a registration form, a video player — does not: its text is the same
 * whatever the story. So a body under an informative headline is <em>template-only</em> when none
 * of the headline's terms occurs in it (echoes aside). That needs no list of templates, in any
 * language the {@link Terms} read. Not judged: a body of more than {@link #MAX_TEMPLATE_WORDS}
 * words (templates are short; a long text that avoids its headline is more often a roundup or a
 * story under a broken title), a body 30% of whose words are figures (a table of results), a page
 * without an informative headline. It misses a template that happens to hold one of the
 * headline's words ("continue", "access"); those are told apart from stories pairwise ({@link
 * StoryEvidence#sameStory}) and, in batch, by the learned boilerplate. It takes for a template a
 * short story none of whose words its headline uses.
 */
public final class Coverage {
  /** Shingles of the carrying sentences kept as the story's sample. */
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

  private Coverage(boolean templateOnly, long[] sample, long[] carryingParagraphs,
      int matchedTerms) {
    this.templateOnly = templateOnly;
    this.sample = sample;
    this.carryingParagraphs = carryingParagraphs;
    this.matchedTerms = matchedTerms;
  }

  /** How many of the headline's terms the body holds (echoes aside). */
  public int matchedTerms() {
    return matchedTerms;
  }

  /** The body does not carry its informative headline: it is a template, not the story. */
  public boolean templateOnly() {
    return templateOnly;
  }

  /**
   * The {@link #SAMPLE_SIZE} smallest shingle hashes of the carrying sentences (each shingled on
   * its own, so that only windows inside a sentence count), sorted: what of this text says the
   * headline's story, to be looked for in another text.
   */
  public long[] sample() {
    return sample.clone();
  }

  /** {@link LearnedBoilerplate#key} of each paragraph with a carrying sentence, sorted, distinct. */
  public long[] carryingParagraphs() {
    return carryingParagraphs.clone();
  }

  /**
   * Reads {@code cleanedText} (case-folded, paragraphs separated by '\n') against {@code headline};
   * {@code shingler} makes the sample (null: no sample).
   */
  public static Coverage of(Headline headline, String cleanedText, Shingler shingler) {
    if (!headline.informative() || cleanedText.isEmpty()) {
      return NOTHING;
    }
    Reader r = new Reader(headline, cleanedText, shingler);
    Terms.scan(cleanedText, r);
    int matched = Integer.bitCount(r.bodyMask);
    boolean figures = 10 * r.numbers >= 3 * r.bodyTokens;
    boolean templateOnly = r.bodyTokens > 0 && matched == 0 && !figures
        && r.bodyHalfWords <= 2 * MAX_TEMPLATE_WORDS;
    long[] sample = Arrays.stream(r.shingles, 0, r.shingleCount).sorted().distinct()
        .limit(SAMPLE_SIZE).toArray();
    long[] paragraphs = Arrays.stream(r.paragraphs, 0, r.paragraphCount).sorted().distinct()
        .toArray();
    return new Coverage(templateOnly, sample, paragraphs, matched);
  }

  private static final class Reader implements Terms.Visitor {
    private final Headline headline;
    private final String text;
    private final Shingler shingler;
    int sentenceStart;
    int paragraphStart;
    int tokens;
    int mask;
    boolean paragraphCarries;
    int bodyMask;
    int bodyTokens;
    int carrying;
    int echoes;
    int numbers;
    int sentenceNumbers;
    int halfWords;
    int bodyHalfWords;
    long[] shingles = new long[64];
    int shingleCount;
    long[] paragraphs = new long[8];
    int paragraphCount;

    Reader(Headline headline, String text, Shingler shingler) {
      this.headline = headline;
      this.text = text;
      this.shingler = shingler;
    }

    @Override
    public void word(long shortKey, long longKey, String word) {
      int i = headline.indexOf(shortKey);
      if (i >= 0) {
        mask |= 1 << i;
      }
    }

    @Override
    public void run(long key, String chars) {
      halfWords--; // a character of a spaceless script: half a word (token() counted two)
      int i = headline.indexOf(key);
      if (i >= 0) {
        mask |= 1 << i;
      }
    }

    @Override
    public void token() {
      tokens++;
      halfWords += 2;
    }

    @Override
    public void number() {
      sentenceNumbers++;
    }

    @Override
    public void sentenceEnd(int at, boolean paragraph) {
      int matched = Integer.bitCount(mask);
      boolean echo = echoes < MAX_ECHOES && 5 * matched >= 3 * headline.size()
          && tokens <= headline.words() + 8
          && Headline.phrase(text.substring(sentenceStart, at)).contains(headline.phrase());
      if (echo) {
        echoes++;
      }
      if (!echo && tokens > 0) {
        bodyMask |= mask;
        bodyTokens += tokens;
        bodyHalfWords += halfWords;
        numbers += sentenceNumbers;
        if (matched >= 2) {
          carrying++;
          paragraphCarries = true;
          if (shingler != null && tokens >= shingler.k()) {
            addShingles(shingler.shingles(text.substring(sentenceStart, at)));
          }
        }
      }
      mask = 0;
      tokens = 0;
      halfWords = 0;
      sentenceNumbers = 0;
      sentenceStart = Math.min(at + 1, text.length());
      if (paragraph) {
        if (paragraphCarries && at > paragraphStart) {
          if (paragraphCount == paragraphs.length) {
            paragraphs = Arrays.copyOf(paragraphs, 2 * paragraphCount);
          }
          paragraphs[paragraphCount++] =
              LearnedBoilerplate.key(text.substring(paragraphStart, at));
        }
        paragraphCarries = false;
        paragraphStart = sentenceStart;
      }
    }

    private void addShingles(long[] s) {
      if (shingleCount + s.length > shingles.length) {
        shingles = Arrays.copyOf(shingles, Math.max(2 * shingles.length, shingleCount + s.length));
      }
      System.arraycopy(s, 0, shingles, shingleCount, s.length);
      shingleCount += s.length;
    }
  }
}
