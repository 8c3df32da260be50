package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link CopyKind#AGGREGATOR}: the full text reposted by an aggregator inside its boilerplate,
 * sometimes with a photo caption and credit inserted; published from 2 hours before to 6 hours
 * after the original, or (one time in five) with no time at all.
 */
final class AggregatorCopy {
  private AggregatorCopy() {}

  static Draft make(
      Story story,
      Draft original,
      Outlets.Outlet aggregator,
      List<String> otherTitles,
      SplittableRandom rng) {
    Instant t = null;
    if (original.publishedAt != null && !Texts.chance(rng, 0.2)) {
      t = original.publishedAt.plus(Duration.ofSeconds(-7200 + rng.nextLong(8 * 3600)));
    }
    AggregatorBoilerplate.Wrap wrap =
        AggregatorBoilerplate.wrap(aggregator, story, t, otherTitles, rng);
    List<String> paras = original.storyParagraphs();
    List<Block> body = new ArrayList<>();
    for (String p : paras) {
      body.add(new Block.Para(p));
    }
    if (paras.size() > 2 && Texts.chance(rng, 0.4)) {
      int at = 1 + rng.nextInt(Math.min(4, paras.size() - 1));
      body.add(at, Photos.photo(story, original.publishedAt, rng));
    }
    if (wrap.middle() != null) {
      body.add(body.size() / 2, wrap.middle());
    }
    List<Block> blocks = new ArrayList<>(wrap.header());
    blocks.addAll(body);
    blocks.addAll(wrap.footer());
    String title = story.title();
    if (story.source() != null && Texts.chance(rng, 0.25)) {
      title = title + " - " + story.source();
    }
    return new Draft(story, CopyKind.AGGREGATOR, aggregator, title, blocks, t, rng.split());
  }
}
