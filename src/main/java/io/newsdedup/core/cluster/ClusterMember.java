package io.newsdedup.core.cluster;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.verify.Similarity;
import java.io.Serializable;

/**
 * One article of a cluster.
 *
 * @param toCanonical exact similarity to the cluster's canonical (1, 1 for the canonical itself)
 * @param matchedVia the member this one was verified against: the canonical's id, or for a member
 *     admitted through a chain of near-identical copies the id of that copy; null for the canonical
 */
public record ClusterMember(
    ArticleFacts facts, boolean canonical, Similarity toCanonical, String matchedVia)
    implements Serializable {}
