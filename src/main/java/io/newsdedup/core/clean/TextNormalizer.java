package io.newsdedup.core.clean;

/** Unicode and whitespace normalisation shared by every input kind. Never throws. */
public final class TextNormalizer {
  private TextNormalizer() {}

  /**
   * Decodes HTML entities, applies NFKC, maps curly quotes to straight ones, dashes to '-', removes
   * zero-width and control characters, turns non-breaking and other spaces into ' ', collapses runs
   * of spaces, trims each line, and keeps paragraph structure: one '\n' between non-blank lines,
   * blank lines collapsed. Case is kept.
   */
  public static String normalize(String s) {
    throw new UnsupportedOperationException("TODO");
  }
}
