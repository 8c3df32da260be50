package io.newsdedup.core.story;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What in an article says which story it tells: its headline's terms ({@link Headline}) and the
 * fingerprints of the first sentences that carry them ({@link Coverage#sample}).
 *
 * <p>Two texts that share most of their shingles are copies of one story — unless what they share
 * is a template. {@link #sameStory} tells the two apart with no list of templates: two pages whose
 * informative headlines disagree are one story only when one page's story sentences are in the
 * other page. A syndicated copy under a new headline passes (its body is the story's body, story
 * sentences and all); two paywall pages of one site with different headlines do not, even with a
 * teaser of their own story before the wall (the teasers are not in each other).
 *
 * @param headline the headline's terms, sorted (empty: no informative headline)
 * @param sample the fingerprints ({@link Sentences}) of the body's first sentences that carry the
 *     headline, in text order
 */
public record StoryEvidence(long[] headline, long[] sample) implements Serializable {
  public static final StoryEvidence NONE = new StoryEvidence(new long[0], new long[0]);

  public StoryEvidence {
    headline = headline == null ? new long[0] : headline;
    sample = sample == null ? new long[0] : sample;
  }

  public static StoryEvidence of(Headline h, Coverage c) {
    return h.informative() ? new StoryEvidence(h.terms(), c.sample()) : NONE;
  }

  /** Whether the headline has enough terms to be evidence. */
  public boolean informative() {
    return headline.length >= Headline.MIN_TERMS;
  }

  /**
   * Whether two articles whose texts match may be one story: yes when either has no informative
   * headline (no evidence against) or their headlines agree ({@link Headline#agree}); otherwise
   * only when a quarter or more of one's {@link #sample} aligns with sentences of the other (a
   * reworded copy's story sentences still do).
   *
   * @param aSentences {@code a}'s sentences
   * @param bSentences {@code b}'s sentences
   */
  public static boolean sameStory(
      StoryEvidence a, Sentences aSentences, StoryEvidence b, Sentences bSentences) {
    if (!a.informative() || !b.informative() || Headline.agree(a.headline, b.headline)) {
      return true;
    }
    return found(a.sample, bSentences.fingerprints()) || found(b.sample, aSentences.fingerprints());
  }

  /** Whether at least a quarter (and at least one) of {@code sample} aligns with {@code in}. */
  static boolean found(long[] sample, long[] in) {
    int found = Sentences.aligned(sample, in);
    return found > 0 && 4 * found >= sample.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryEvidence e
        && Arrays.equals(headline, e.headline)
        && Arrays.equals(sample, e.sample);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(headline) + Arrays.hashCode(sample);
  }

  @Override
  public String toString() {
    return "StoryEvidence[headline=" + headline.length + " terms, sample=" + sample.length + "]";
  }
}
