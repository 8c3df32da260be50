package io.newsdedup.eval.generate;

/** One piece of a generated article body, before it is rendered as text or HTML. */
sealed interface Block {

  /** A paragraph of the story, possibly lightly edited or with a dateline prefix. */
  record Para(String text) implements Block {}

  /** A paragraph that is not from the story: a local addition or a reprint sign-off. */
  record Added(String text) implements Block {}

  /** Site or aggregator boilerplate (may carry odd leading/trailing spaces on purpose). */
  record Boiler(String text) implements Block {}

  /**
   * A photo: in text an optional slug line, the caption and the credit on its own line; in HTML a
   * {@code <figure>}.
   */
  record Photo(String slug, String caption, String credit) implements Block {}
}
