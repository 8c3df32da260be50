package io.newsdedup.core.fingerprint;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.cluster.Member;
import io.newsdedup.core.story.Sentences;

/**
 * A fingerprinted article: its facts, sorted distinct shingle hashes, MinHash signature (empty when
 * the cleaned text has no token) and its sentences and numbers ({@link Sentences}).
 */
public record Fingerprint(
    ArticleFacts facts, long[] shingles, long[] signature, Sentences sentences) {

  public Fingerprint {
    sentences = sentences == null ? Sentences.NONE : sentences;
  }

  /** A fingerprint without sentences. */
  public Fingerprint(ArticleFacts facts, long[] shingles, long[] signature) {
    this(facts, shingles, signature, Sentences.NONE);
  }

  public String id() {
    return facts.id();
  }

  public boolean isEmpty() {
    return shingles.length == 0;
  }

  public Member member() {
    return new Member(facts, shingles, sentences);
  }
}
