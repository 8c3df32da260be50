package io.newsdedup.core.cluster;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.story.StoryEvidence;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.core.verify.Similarity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one connected component of verified candidate edges into clusters, so that a chain of weak
 * edges never glues different stories together:
 *
 * <ol>
 *   <li>order the members by the {@link CanonicalPolicy}; the best is the canonical;
 *   <li>every other member that the {@link MatchRule} accepts against the canonical (exact
 *       similarity of the shingle sets, or a reworded reprint's sentences) joins its cluster,
 *       unless their headlines disagree and neither's story sentences are in the other ({@link
 *       StoryEvidence#sameStory}: what they share is a template);
 *   <li>a low-content member (a paywall page, a bare headline) joins only on strong evidence: the
 *       same informative title and its few shingles inside the canonical (see {@link #joins});
 *   <li>a member that fails that check still joins when it is a near-identical copy (Jaccard ≥
 *       {@code chainJaccard}) of a member that already joined (the most similar one is recorded as
 *       {@code matchedVia}), so a chain of near-duplicates stays one cluster while a weak bridge
 *       does not;
 *   <li>the members left over form clusters of their own, by the same steps.
 * </ol>
 *
 * The work is linear in the component size when it is one story; chain checks are bounded by {@code
 * maxChainChecks} comparisons per component.
 */
public final class ClusterBuilder implements Serializable {
  public static final double DEFAULT_CHAIN_JACCARD = 0.8;
  public static final long DEFAULT_MAX_CHAIN_CHECKS = 2_000_000;

  private final CanonicalPolicy policy;
  private final MatchRule rule;
  private final double chainJaccard;
  private final long maxChainChecks;

  public ClusterBuilder(
      CanonicalPolicy policy, MatchRule rule, double chainJaccard, long maxChainChecks) {
    this.policy = policy;
    this.rule = rule;
    this.chainJaccard = chainJaccard;
    this.maxChainChecks = maxChainChecks;
  }

  public ClusterBuilder(CanonicalPolicy policy, MatchRule rule) {
    this(policy, rule, DEFAULT_CHAIN_JACCARD, DEFAULT_MAX_CHAIN_CHECKS);
  }

  public List<Cluster> build(List<Member> component) {
    List<Member> remaining = new ArrayList<>(component);
    policy.sort(remaining, Member::facts);
    List<Cluster> out = new ArrayList<>();
    long[] chainBudget = {maxChainChecks};
    while (!remaining.isEmpty()) {
      Member canonical = remaining.get(0);
      List<Member> joined = new ArrayList<>();
      List<ClusterMember> members = new ArrayList<>();
      members.add(new ClusterMember(canonical.facts(), true, Similarity.IDENTICAL, null));
      joined.add(canonical);
      List<Member> pending = new ArrayList<>();
      for (Member m : remaining.subList(1, remaining.size())) {
        Similarity s = Similarity.exact(canonical.shingles(), m.shingles());
        if (joins(canonical, m, s)) {
          members.add(new ClusterMember(m.facts(), false, s, canonical.facts().id()));
          joined.add(m);
        } else {
          pending.add(m);
        }
      }
      pending = chainNearDuplicates(canonical, joined, members, pending, chainBudget);
      policy.sort(members.subList(1, members.size()), ClusterMember::facts);
      String reason =
          members.size() == 1
              ? CanonicalPolicy.SINGLETON
              : policy.reason(canonical.facts(), members.get(1).facts());
      out.add(
          new Cluster(
              ArticleIds.clusterId(canonical.facts().id()),
              canonical.facts(),
              reason,
              List.copyOf(members)));
      remaining = pending;
    }
    return out;
  }

  /**
   * Whether {@code m} belongs with {@code canonical}. Normal articles: the match rule on the exact
   * similarity, and {@link StoryEvidence#sameStory}: texts that match under headlines that disagree
   * must share the sentences that tell one headline's story, not just a template. A low-content
   * article (a paywall page, a bare headline, a template-only page) only on strong evidence: the
   * same informative title, and its few shingles (if any) inside the canonical's text — a
   * template-only page's text is the template, so it does not count; two low-content articles only
   * with the same title and the same text (template-only pages: the same title).
   */
  boolean joins(Member canonical, Member m, Similarity s) {
    var c = canonical.facts();
    var f = m.facts();
    if (!c.lowContent() && !f.lowContent()) {
      return (rule.accepts(s, canonical.shingles().length, m.shingles().length)
              || reworded(canonical, m, s))
          && sameStory(canonical, m);
    }
    if (f.titleKey() == 0 || f.titleKey() != c.titleKey()) {
      return false;
    }
    if (c.lowContent() && f.lowContent()) {
      return templateOnly(c)
          || templateOnly(f)
          || Arrays.equals(canonical.shingles(), m.shingles());
    }
    return templateOnly(f)
        || m.shingles().length == 0
        || s.containment() >= rule.containmentThreshold();
  }

  /** Whether {@code m} is a reworded reprint of {@code canonical} ({@link MatchRule#reworded}). */
  private boolean reworded(Member canonical, Member m, Similarity s) {
    return rule.acceptsReworded(
        s, canonical.shingles().length, m.shingles().length, canonical.sentences(), m.sentences());
  }

  private static boolean templateOnly(ArticleFacts f) {
    return f.lowContentReason() == LowContent.TEMPLATE_ONLY;
  }

  private static boolean sameStory(Member a, Member b) {
    return StoryEvidence.sameStory(
        a.facts().story(), a.sentences(), b.facts().story(), b.sentences());
  }

  /** Admits pending members that are near-identical to a joined one; returns the rest. */
  private List<Member> chainNearDuplicates(
      Member canonical,
      List<Member> joined,
      List<ClusterMember> members,
      List<Member> pending,
      long[] budget) {
    boolean grew = true;
    while (grew && !pending.isEmpty()) {
      grew = false;
      List<Member> still = new ArrayList<>();
      for (Member m : pending) {
        if (m.facts().lowContent()) {
          still.add(m);
          continue;
        }
        Member via = null;
        double best = chainJaccard;
        for (int i = 1; i < joined.size() && budget[0] > 0; i++) {
          budget[0]--;
          Member j = joined.get(i);
          if (j.facts().lowContent()) {
            continue;
          }
          double jaccard = Similarity.exact(j.shingles(), m.shingles()).jaccard();
          if (jaccard >= best && sameStory(j, m)) {
            via = j;
            best = jaccard;
          }
        }
        if (via == null) {
          still.add(m);
        } else {
          Similarity s = Similarity.exact(canonical.shingles(), m.shingles());
          members.add(new ClusterMember(m.facts(), false, s, via.facts().id()));
          joined.add(m);
          grew = true;
        }
      }
      pending = still;
    }
    return pending;
  }
}
