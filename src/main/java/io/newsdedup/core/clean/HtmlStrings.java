package io.newsdedup.core.clean;

import java.util.Set;

/**
 * Small string helpers shared by the parts of {@link HtmlExtractor}: word sets for tag and class
 * lists, whitespace collapsing, and counting the non-blank characters of a text.
 */
final class HtmlStrings {
  private HtmlStrings() {}

  /** The space-separated words of {@code s} as a set. */
  static Set<String> words(String s) {
    return Set.of(s.strip().split("\\s+"));
  }

  /** Collapses whitespace (no-break spaces included) to single spaces and trims. */
  static String collapse(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Characters of {@code s} that are neither whitespace nor no-break spaces. */
  static int nonBlankLength(String s) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00a0') {
        n++;
      }
    }
    return n;
  }
}
