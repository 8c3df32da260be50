package io.newsdedup.core.clean;

import java.io.Serializable;

/** Turns an article body into the text that is fingerprinted. Thread-safe; never throws. */
public final class TextCleaner implements Serializable {

  public TextCleaner(BoilerplateRules rules) {
    throw new UnsupportedOperationException("TODO");
  }

  /** @param body plain text (HTML already extracted), paragraphs separated by line breaks */
  public CleanedText clean(String body) {
    throw new UnsupportedOperationException("TODO");
  }
}
