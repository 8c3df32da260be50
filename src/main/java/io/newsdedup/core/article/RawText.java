package io.newsdedup.core.article;

import java.util.Locale;

/**
 * Checks on text as it comes in, before it becomes an {@link Article}: well-formed UTF-16 and
 * whether it is text at all.
 */
final class RawText {
  private RawText() {}

  /**
   * A record whose characters (whitespace not counted) are more than this share invalid UTF-8 or
   * control characters is binary content, not text.
   */
  static final double MAX_BINARY_SHARE = 0.25;

  /**
   * {@code s} with every unpaired surrogate replaced by U+FFFD, as invalid UTF-8 is when a file is
   * decoded. JSON escapes ({@code "\ud800"}) can carry them; left in, they become '?' when a string
   * is encoded to UTF-8 between pipeline stages, so that two different ids could turn into the same
   * one on the way. Returns {@code s} itself when it is well-formed (or null).
   */
  static String wellFormed(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && !unpaired(s, i)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n).append(s, 0, i);
    for (; i < n; i++) {
      out.append(unpaired(s, i) ? '\uFFFD' : s.charAt(i));
    }
    return out.toString();
  }

  private static boolean unpaired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  /**
   * The share of the non-whitespace characters of {@code s} that are U+FFFD (what invalid UTF-8
   * decodes to) or control characters other than tab, line feed, vertical tab, form feed and
   * carriage return; 0 for a string with no such characters at all.
   */
  static double binaryShare(String s) {
    int n = s.length();
    int first = 0;
    while (first < n && !isBad(s.charAt(first))) {
      first++; // the common case: text without a single such character, one test per character
    }
    if (first == n) {
      return 0;
    }
    long visible = 0;
    long bad = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        continue;
      }
      visible++;
      if (isBad(c)) {
        bad++;
      }
    }
    return (double) bad / visible;
  }

  /** U+FFFD or a control character other than tab, LF, VT, FF and CR. */
  private static boolean isBad(char c) {
    return c < ' ' ? c < '\t' || c > '\r' : c >= 0x7f && (c <= 0x9f || c == '\uFFFD');
  }

  /** Whether {@code s} looks like binary data (or text in another encoding) rather than text. */
  static boolean looksBinary(String s) {
    return s != null && binaryShare(s) > MAX_BINARY_SHARE;
  }

  static String binaryMessage(String what, String s) {
    return String.format(
        Locale.ROOT,
        "%s is not text: %.0f%% of its characters are invalid UTF-8 or control characters",
        what,
        100 * binaryShare(s));
  }
}
