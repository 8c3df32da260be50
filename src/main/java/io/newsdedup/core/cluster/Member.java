package io.newsdedup.core.cluster;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.story.Sentences;
import java.io.Serializable;

/**
 * An article as the clustering sees it: its facts, its sorted, distinct shingle hashes and its
 * sentences and numbers ({@link Sentences}).
 */
public record Member(ArticleFacts facts, long[] shingles, Sentences sentences)
    implements Serializable {

  public Member {
    sentences = sentences == null ? Sentences.NONE : sentences;
  }

  /** A member without sentences. */
  public Member(ArticleFacts facts, long[] shingles) {
    this(facts, shingles, Sentences.NONE);
  }
}
