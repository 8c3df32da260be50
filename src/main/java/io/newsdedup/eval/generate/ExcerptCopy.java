package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link CopyKind#EXCERPT}: the first two or three paragraphs plus "Read the full story at
 * {source}", under the story's headline or (half the time) a reworded one; usually well under 60%
 * of the story, so it is off by default.
 */
final class ExcerptCopy {
  private ExcerptCopy() {}

  private static final List<String> TEASERS =
      List.of("In brief: ", "What we know: ", "Explainer: ", "Quick read: ");

  static Draft make(Story story, Draft original, Outlets.Outlet outlet, SplittableRandom rng) {
    List<String> paras = original.storyParagraphs();
    int keep = Math.min(paras.size(), 2 + rng.nextInt(2));
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < keep; i++) {
      blocks.add(new Block.Para(paras.get(i)));
    }
    String source = story.source() != null ? story.source() : "the original publisher";
    blocks.add(new Block.Boiler("Read the full story at " + source));
    Instant t =
        original.publishedAt == null
            ? null
            : original.publishedAt.plus(Duration.ofSeconds(1800 + rng.nextLong(7 * 3600)));
    String title = story.title();
    if (Texts.chance(rng, 0.5)) {
      String reworded = Headlines.synonyms(title, rng);
      title = reworded.equals(title) ? Texts.pick(rng, TEASERS) + title : reworded;
    }
    return new Draft(story, CopyKind.EXCERPT, outlet, title, blocks, t, rng.split());
  }
}
