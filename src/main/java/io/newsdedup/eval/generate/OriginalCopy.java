package io.newsdedup.eval.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** {@link CopyKind#ORIGINAL}: the story as published, wire copy with its agency dateline. */
final class OriginalCopy {
  private OriginalCopy() {}

  /** The story's paragraphs, the first prefixed with the wire dateline when there is one. */
  static List<String> paragraphs(Story story, Instant publishedAt) {
    List<String> out = new ArrayList<>(story.paragraphs());
    out.set(0, Datelines.wirePrefix(story, publishedAt) + out.get(0));
    return out;
  }

  static Draft make(Story story, Outlets.Outlet own, Instant publishedAt, SplittableRandom rng) {
    List<Block> blocks = new ArrayList<>();
    for (String p : paragraphs(story, publishedAt)) {
      blocks.add(new Block.Para(p));
    }
    return new Draft(
        story, CopyKind.ORIGINAL, own, story.title(), blocks, publishedAt, rng.split());
  }
}
