package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link CopyKind#PAYWALL}: the story's page as a scraper got it behind a paywall or a cookie wall:
 * the headline, sometimes the first sentence as a teaser, and the wall's text. Labelled with its
 * story, although almost nothing of the story is on it: a dedup system may only put it with the
 * story on strong evidence (the same headline), and must never put two such pages of different
 * stories together because their walls are alike.
 */
final class PaywallCopy {
  private PaywallCopy() {}

  static final List<String> WALLS =
      List.of(
          "Subscribe to continue reading. This article is available to subscribers only. Already a"
              + " subscriber? Log in to read the full story. Get unlimited digital access from $1 a"
              + " week, cancel anytime.",
          "You have reached your limit of free articles this month. Create a free account to keep"
              + " reading, or subscribe now for unlimited access to award-winning local"
              + " journalism.",
          "We use cookies and similar technologies to improve your experience, personalise content"
              + " and advertising, and analyse our traffic. By selecting Accept all you agree to"
              + " the storing of cookies on your device. Manage preferences | Accept all | Reject"
              + " all",
          "This story is for members only. Please sign in or become a member to read the rest of"
              + " this report and thousands more from our newsroom, with no ads and full archive"
              + " access.",
          "Exclusive to premium readers: unlock this article and our complete coverage with a"
              + " premium plan. Your support keeps independent reporting alive in the region.");

  static Draft make(Story story, Draft original, Outlets.Outlet outlet, SplittableRandom rng) {
    List<Block> blocks = new ArrayList<>();
    List<String> paras = original.storyParagraphs();
    if (!paras.isEmpty() && Texts.chance(rng, 0.5)) {
      List<String> sentences = Texts.sentences(paras.get(0));
      if (!sentences.isEmpty()) {
        blocks.add(new Block.Para(sentences.get(0)));
      }
    }
    blocks.add(new Block.Boiler(Texts.pick(rng, WALLS)));
    Instant t =
        original.publishedAt == null
            ? null
            : original.publishedAt.plus(Duration.ofSeconds(1800 + rng.nextLong(12 * 3600)));
    return new Draft(story, CopyKind.PAYWALL, outlet, story.title(), blocks, t, rng.split());
  }
}
