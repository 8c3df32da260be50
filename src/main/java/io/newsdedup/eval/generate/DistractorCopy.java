package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link CopyKind#DISTRACTOR_BOILERPLATE}: a short story posted by {@link
 * Outlets#BOILERPLATE_AGGREGATOR} inside its identical long header and footer. It is the only
 * article of its story, so it is that cluster's original.
 */
final class DistractorCopy {
  private DistractorCopy() {}

  static Draft make(Story story, Instant storyTime, SplittableRandom rng) {
    List<Block> blocks = new ArrayList<>(AggregatorBoilerplate.HARVEST_HEADER);
    for (String p : story.paragraphs()) {
      blocks.add(new Block.Para(p));
    }
    blocks.addAll(AggregatorBoilerplate.HARVEST_FOOTER);
    Instant t =
        storyTime == null
            ? null
            : storyTime.plus(Duration.ofSeconds(1800 + rng.nextLong(3 * 3600)));
    return new Draft(
        story,
        CopyKind.DISTRACTOR_BOILERPLATE,
        Outlets.BOILERPLATE_AGGREGATOR,
        story.title(),
        blocks,
        t,
        rng.split());
  }
}
