package io.newsdedup.core.cluster;

import io.newsdedup.core.article.ArticleFacts;
import java.io.Serializable;
import java.util.List;

/**
 * A set of copies of one story.
 *
 * @param id a deterministic function of the canonical's id ({@link
 *     io.newsdedup.core.article.ArticleIds#clusterId})
 * @param canonicalReason the canonical-policy rule that put the canonical ahead of the runner-up
 * @param members the canonical first, then the others in canonical-policy order
 */
public record Cluster(
    String id, ArticleFacts canonical, String canonicalReason, List<ClusterMember> members)
    implements Serializable {}
