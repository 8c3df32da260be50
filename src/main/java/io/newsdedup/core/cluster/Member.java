package io.newsdedup.core.cluster;

import io.newsdedup.core.article.ArticleFacts;
import java.io.Serializable;

/** An article as the clustering sees it: its facts and its sorted, distinct shingle hashes. */
public record Member(ArticleFacts facts, long[] shingles) implements Serializable {}
