package io.newsdedup.core.clean;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.translate.EntityArrays;

/** Unicode and whitespace normalisation shared by every input kind. Never throws. */
public final class TextNormalizer {
  private TextNormalizer() {}

  /**
   * Decodes HTML entities, applies NFKC, maps curly quotes to straight ones, dashes to '-', removes
   * zero-width and control characters, turns non-breaking and other spaces into ' ', collapses runs
   * of spaces, trims each line, and keeps paragraph structure: one '\n' between non-blank lines,
   * blank lines collapsed. Case is kept.
   *
   * <p>In detail, in this order:
   *
   * <ol>
   *   <li>HTML entities, named and numeric ({@code &amp;amp;}, {@code &#8217;}, {@code &#x2014;}),
   *       are decoded once: the entities of Commons Text {@code unescapeHtml4}, plus {@code &apos;}
   *       (see {@link #decodeEntities}).
   *   <li>NFKC: compatibility forms fold to their plain equivalents (full-width letters and digits,
   *       ligatures, Arabic presentation forms, "…" to "...").
   *   <li>Single quotes and apostrophes (‘ ’ ‚ ‛ ′ ‹ ›) become {@code '}; double quotes (“ ” „ ‟)
   *       and guillemets («&nbsp;») become {@code "}. CJK corner brackets are left alone.
   *   <li>Hyphens and dashes (U+2010–U+2015, minus sign, two- and three-em dashes, small and
   *       full-width forms) become {@code -}.
   *   <li>Tab and every Unicode space separator (no-break, thin, hair, ideographic, ...) become
   *       {@code ' '}; U+2028, U+2029, NEL, VT and FF become line breaks; CRLF and CR become '\n'.
   *   <li>Zero-width characters (ZWSP, ZWNJ, ZWJ, BOM, word joiner, invisible operators, soft
   *       hyphen, Mongolian vowel separator), the Arabic tatweel (kashida, U+0640: a stroke that
   *       stretches a word for justification or emphasis, as a soft hyphen splits one), bidi
   *       controls (LRM, RLM, ALM, embeddings, overrides, isolates), other C0/C1 control characters
   *       and unpaired surrogates are removed. Other format characters, such as emoji variation
   *       selectors and tag characters, are kept.
   *   <li>Each line is trimmed, runs of spaces become one space, and blank lines are dropped, so
   *       the result is the non-blank lines joined by exactly one '\n' (a paragraph break and a
   *       line break are not distinguished), with no leading or trailing '\n'.
   *   <li>When removing characters has brought together characters that NFKC composes (an "e", a
   *       zero-width joiner, a combining acute), NFKC and the steps after it run once more, so that
   *       such a text and its clean twin normalise alike.
   * </ol>
   *
   * <p>Idempotent, except that entities are decoded once: {@code normalize("&amp;amp;")} is {@code
   * "&amp;"}, whose normalisation is {@code "&"}.
   *
   * @param s any string; null gives ""
   */
  public static String normalize(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    try {
      return normalizeUnchecked(s);
    } catch (RuntimeException e) {
      // Not expected; keep the promise never to throw and degrade to the raw string's layout.
      return collapse(s);
    }
  }

  /**
   * Whether {@code s} has no visible content: exactly when {@link #normalize} gives "" (only
   * whitespace of any kind, zero-width, bidi and control characters, unpaired surrogates, or
   * entities of these). Unlike {@link String#isBlank()}, no-break and other Unicode spaces count as
   * blank. Fast for text with content; never throws.
   *
   * @param s any string; null is blank
   */
  public static boolean isBlank(String s) {
    if (s == null || s.isEmpty()) {
      return true;
    }
    if (s.indexOf('&') < 0) {
      // A visible ASCII character, or a letter or digit, survives normalisation (NFKC maps a
      // letter or digit to letters or digits); anything else takes the full pass.
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (c < 0x80
            ? c > ' ' && c < 0x7f
            : !Character.isSurrogate(c) && KINDS[c] == KEEP && Character.isLetterOrDigit(c)) {
          return false;
        }
      }
    }
    return normalize(s).isEmpty();
  }

  /**
   * {@link #isBlank} for raw text, where an entity is what it is written as: whether {@code s} has
   * no visible character (only whitespace of any kind, zero-width, bidi and control characters,
   * unpaired surrogates). A JSONL line is blank, not a record, exactly when this holds; {@code
   * "&nbsp;"} is visible there.
   *
   * @param s any string; null is blank
   */
  public static boolean isBlankLiteral(String s) {
    // '&' is visible and survives normalisation; without one, isBlank decodes no entity.
    return s == null || s.indexOf('&') < 0 && isBlank(s);
  }

  /**
   * {@link #normalize} without its safety net, for a non-null {@code s}; package-private for the
   * property tests.
   */
  static String normalizeUnchecked(String s) {
    if (s.indexOf('&') >= 0) {
      s = decodeEntities(s);
    }
    if (isAscii(s)) {
      return collapse(s);
    }
    String out = collapse(Normalizer.normalize(s, Normalizer.Form.NFKC));
    if (!Normalizer.isNormalized(out, Normalizer.Form.NFKC)) {
      out = collapse(Normalizer.normalize(out, Normalizer.Form.NFKC));
    }
    return out;
  }

  /** Entity names (without '&' and ';') to their text: the tables behind {@code unescapeHtml4}. */
  private static final Map<String, String> ENTITIES = new HashMap<>();

  private static final int MAX_ENTITY_LENGTH = 12; // "&#x10FFFF;" and the longest names fit

  static {
    for (Map<CharSequence, CharSequence> table :
        List.of(
            EntityArrays.BASIC_UNESCAPE,
            EntityArrays.ISO8859_1_UNESCAPE,
            EntityArrays.HTML40_EXTENDED_UNESCAPE,
            EntityArrays.APOS_UNESCAPE)) {
      table.forEach(
          (k, v) -> {
            String name = k.toString();
            ENTITIES.put(name.substring(1, name.length() - 1), v.toString());
          });
    }
  }

  /**
   * Decodes named and numeric entities in one pass. Same entities as Commons Text {@code
   * StringEscapeUtils.unescapeHtml4} (which is much slower on long text) plus {@code &apos;}; names
   * are case-sensitive and need their ';'; a numeric entity beyond U+10FFFF is left as written.
   */
  static String decodeEntities(String s) {
    int n = s.length();
    StringBuilder out = null;
    int copied = 0;
    for (int amp = s.indexOf('&'); amp >= 0 && amp < n - 2; amp = s.indexOf('&', amp + 1)) {
      int semi = -1;
      for (int j = amp + 1, end = Math.min(n, amp + MAX_ENTITY_LENGTH); j < end; j++) {
        char c = s.charAt(j);
        if (c == ';') {
          semi = j;
          break;
        }
        if (c == '&' || c <= ' ') {
          break;
        }
      }
      if (semi < 0) {
        continue;
      }
      String decoded =
          s.charAt(amp + 1) == '#'
              ? numericEntity(s, amp + 2, semi)
              : ENTITIES.get(s.substring(amp + 1, semi));
      if (decoded != null) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(s, copied, amp).append(decoded);
        copied = semi + 1;
        amp = semi;
      }
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  private static String numericEntity(String s, int start, int end) {
    int radix = 10;
    if (start < end && (s.charAt(start) == 'x' || s.charAt(start) == 'X')) {
      radix = 16;
      start++;
    }
    if (start >= end) {
      return null;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      int digit = Character.digit(s.charAt(i), radix);
      if (digit < 0 || s.charAt(i) >= 0x80) {
        return null;
      }
      value = value * radix + digit;
      if (value > Character.MAX_CODE_POINT) {
        return null;
      }
    }
    return new String(Character.toChars(value));
  }

  private static boolean isAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The character mapping and the whitespace/line pass, in one go. */
  private static String collapse(String s) {
    int n = s.length();
    char[] out = new char[n];
    int len = 0;
    boolean pendingSpace = false; // a space seen since the last kept character on this line
    boolean pendingBreak = false; // a line break seen since the last kept character
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      byte kind;
      if (c < 0x80) {
        if (c > ' ' && c < 0x7f) {
          kind = KEEP;
        } else if (c == ' ' || c == '\t') {
          kind = SPACE;
        } else if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c) {
          kind = BREAK; // a CRLF pair gives two breaks, which collapse like any blank line
        } else {
          kind = DROP;
        }
      } else {
        kind = classify(c);
        if (kind == KEEP) {
          if (Character.isSurrogate(c) && !pairedSurrogate(s, i, c)) {
            continue;
          }
          c = mapChar(c);
        }
      }
      if (kind == KEEP) {
        if (len > 0 && (pendingBreak || pendingSpace)) {
          out[len++] = pendingBreak ? '\n' : ' ';
        }
        pendingBreak = false;
        pendingSpace = false;
        out[len++] = c;
      } else if (kind == SPACE) {
        pendingSpace = true;
      } else if (kind == BREAK) {
        pendingBreak = true;
      }
    }
    return new String(out, 0, len);
  }

  private static final byte KEEP = 0;
  private static final byte SPACE = 1;
  private static final byte BREAK = 2;
  private static final byte DROP = 3;

  private static final String SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a";
  private static final String DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb";
  private static final String DASHES =
      "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d";

  /** Zero-width characters, invisible operators, soft hyphen, Arabic tatweel, BOM. */
  private static final String ZERO_WIDTH =
      "\u00ad\u0640\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff";

  /** Bidi marks, embeddings, overrides and isolates. */
  private static final String BIDI =
      "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";

  /** What to do with each BMP character at or above 0x80. */
  private static final byte[] KINDS = new byte[0x10000];

  static {
    for (int c = 0x80; c < 0x10000; c++) {
      if (c <= 0x9f) {
        KINDS[c] = DROP; // C1 controls
      } else if (Character.getType(c) == Character.SPACE_SEPARATOR) {
        KINDS[c] = SPACE;
      }
    }
    KINDS[0x85] = BREAK; // NEL
    KINDS[0x2028] = BREAK;
    KINDS[0x2029] = BREAK;
    for (char c : (ZERO_WIDTH + BIDI).toCharArray()) {
      KINDS[c] = DROP;
    }
  }

  private static byte classify(char c) {
    return KINDS[c];
  }

  private static char mapChar(char c) {
    if (c < 0xab || c > 0xff0d) {
      return c;
    }
    if (DASHES.indexOf(c) >= 0) {
      return '-';
    }
    if (SINGLE_QUOTES.indexOf(c) >= 0) {
      return '\'';
    }
    if (DOUBLE_QUOTES.indexOf(c) >= 0) {
      return '"';
    }
    return c;
  }

  private static boolean pairedSurrogate(String s, int i, char c) {
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
