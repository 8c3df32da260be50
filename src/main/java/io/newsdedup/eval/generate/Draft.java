package io.newsdedup.eval.generate;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** An article while it is being generated: content decided, names and rendering still to come. */
final class Draft {
  final Story story;
  final CopyKind kind;
  final Outlets.Outlet outlet;
  final String title;
  final List<Block> blocks;
  final Instant publishedAt;

  /** Random source for rendering choices, split off the story's generator. */
  final SplittableRandom rng;

  OutputFormat format;

  /** True when the JSONL line carries its page as {@code html}. */
  boolean htmlContent;

  String url;
  String jsonlFile;
  String jsonId;
  boolean idInFile = true;

  /** Headlines of other stories, for related links and "Also read" lines. */
  List<String> related = List.of();

  /** For a {@link CopyKind#TEMPLATE_PAGE}: the site whose template it shows. */
  TemplateCatalogue.Site site;

  Draft(
      Story story,
      CopyKind kind,
      Outlets.Outlet outlet,
      String title,
      List<Block> blocks,
      Instant publishedAt,
      SplittableRandom rng) {
    this.story = story;
    this.kind = kind;
    this.outlet = outlet;
    this.title = title;
    this.blocks = List.copyOf(blocks);
    this.publishedAt = publishedAt;
    this.rng = rng;
  }

  /** The story-derived paragraphs, in order. */
  List<String> storyParagraphs() {
    return blocks.stream()
        .filter(b -> b instanceof Block.Para)
        .map(b -> ((Block.Para) b).text())
        .toList();
  }
}
