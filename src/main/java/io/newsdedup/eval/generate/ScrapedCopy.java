package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link CopyKind#SCRAPED}: the whole story on a web page of another site (rendered later by {@link
 * HtmlPages} with navigation, ads, related links and a lead photo); published 30 minutes to 30
 * hours after the original.
 */
final class ScrapedCopy {
  private ScrapedCopy() {}

  static Draft make(Story story, Draft original, Outlets.Outlet site, SplittableRandom rng) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(Photos.photo(story, original.publishedAt, rng));
    List<String> paras = original.storyParagraphs();
    for (String p : paras) {
      blocks.add(new Block.Para(p));
    }
    if (story.isWire() && Texts.chance(rng, 0.2)) {
      blocks.set(1, new Block.Para(story.paragraphs().get(0)));
    }
    Instant t =
        original.publishedAt == null
            ? null
            : original.publishedAt.plus(Duration.ofSeconds(1800 + rng.nextLong(29 * 3600)));
    return new Draft(story, CopyKind.SCRAPED, site, story.title(), blocks, t, rng.split());
  }
}
