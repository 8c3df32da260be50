package io.newsdedup.core.story;

import io.newsdedup.core.shingle.Mix64;
import io.newsdedup.core.shingle.Shingler;

/**
 * Reads a text as the terms that a headline and a body can share, language by language, without a
 * dictionary: words compared by their first few letters (so that "rate", "rates" and "rated", or
 * Polish "ustawa", "ustawy" and "ustawę", are one term), and scripts written without spaces read as
 * runs of characters.
 *
 * <ul>
 *   <li><b>Words</b> are runs of letters and digits (combining marks are skipped, so Arabic
 *       short-vowel marks do not matter). A word's term is its first {@code S} letters, {@code S}
 *       by script: 5 for alphabets (Latin, Cyrillic, Greek, Indic...), 4 for Arabic, Hebrew and the
 *       other abjads (words are written without short vowels), 3 for Hangul (syllable blocks). A
 *       word of exactly {@code S - 1} letters is a term of its own, which the {@code S - 1} first
 *       letters of any longer word also match; in alphabets, a word of three letters is a term that
 *       only the same word matches ("oil", "tax", "war"). Shorter words, and words of digits only,
 *       are no terms. Arabic letters are unified first (alef forms, taa marbuta, alef maqsura) and
 *       a leading article ("al-", "wal-", "bil-", "lil-"...) or conjunction "wa-" is dropped.
 *   <li><b>Scripts without spaces</b>: each pair of neighbouring Han, Kana, Yi or Bopomofo
 *       characters is a term (a two-character word is the commonest length); for Thai, Lao, Khmer,
 *       Myanmar, Tibetan and the other alphabets written without spaces, each triple of letters.
 *   <li><b>Sentences</b> end at '.', '!', '?', '…', the Arabic, Devanagari and Urdu full stops and
 *       question mark when a space or the end follows, at the CJK full stops always, and at a line
 *       break, which also ends a paragraph.
 * </ul>
 *
 * Keys are 64-bit hashes of the letters, tagged with their kind (a prefix of {@code S - 1} letters,
 * of {@code S} letters, a character pair or triple), so only terms of one kind meet.
 */
final class Terms {
  private Terms() {}

  /** What a text is made of, in order. */
  interface Visitor {
    /**
     * A word: the key of its first {@code S - 1} letters ({@code shortKey}, 0 if it is shorter), of
     * its first {@code S} letters ({@code longKey}, 0 if shorter), its letters as a string when
     * {@code wantWord()} (else null), and how many letters it has.
     */
    void word(long shortKey, long longKey, String word, int letters);

    /**
     * A word with a digit (after {@link #word}, unless it is digits only: then instead, with {@code
     * key} the key of its digits, else 0); {@code groups}: its runs of digits ("3,337,000" has
     * three).
     */
    default void number(long key, int groups) {}

    /** A pair or triple of characters of a script written without spaces. */
    void run(long key, String chars);

    /** A token for counting: every word and every character of a spaceless script is one. */
    default void token() {}

    /** The end of a sentence (and of a paragraph when {@code paragraph}); {@code at}: its end. */
    default void sentenceEnd(int at, boolean paragraph) {}

    /** Whether {@link #word} and {@link #run} need the letters as a string. */
    default boolean wantWord() {
      return false;
    }
  }

  private static final int MAX_LETTERS = 12;

  private static final long TAG_SHORT = 0x51AFD7ED558CCD1L;
  private static final long TAG_LONG = 0x2C4CEB9FE1A85EC5L;
  private static final long TAG_RUN = 0x4CF5AD432745937FL;
  private static final long TAG_NUMBER = 0x1B873593CC9E2D51L;

  /** Letters and digits of ASCII, lower-cased; 0 for every other character. */
  private static final char[] ASCII = new char[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = c;
      ASCII[c - 'a' + 'A'] = c;
    }
  }

  /** Reads {@code text}, calling the visitor for each word, run, token and sentence end. */
  static void scan(String text, Visitor v) {
    int n = text.length();
    int[] letters = new int[MAX_LETTERS];
    int count = 0; // letters of the current word (all of them, even past MAX_LETTERS)
    boolean digitsOnly = true;
    boolean hasDigit = false;
    int groups = 1; // runs of digits in the current number
    int script = 0; // S of the current word
    int prev1 = -1; // the spaceless characters before this one, in the current run
    int prev2 = -1;
    int runKind = 0; // 2: pairs, 3: triples
    boolean pendingEnd = false; // a sentence-ending mark waits for a space or the end
    int lastWordLength = 0; // letters of the last word ended, to tell "u.s." from a full stop
    int i = 0;
    while (i < n) {
      int cp = text.charAt(i);
      int at = i;
      boolean letterOrDigit;
      boolean digit;
      boolean spaceless;
      int lower;
      if (cp < 128) {
        i++;
        lower = ASCII[cp];
        letterOrDigit = lower != 0;
        digit = cp >= '0' && cp <= '9';
        spaceless = false;
      } else {
        cp = text.codePointAt(at);
        i += Character.charCount(cp);
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK
            || type == Character.COMBINING_SPACING_MARK
            || type == Character.ENCLOSING_MARK) {
          continue; // skipped inside words; between words a mark separates nothing
        }
        letterOrDigit = Character.isLetterOrDigit(cp);
        digit = Character.isDigit(cp);
        spaceless = letterOrDigit && !digit && Shingler.isSpacelessScript(cp);
        lower = letterOrDigit ? unify(Character.toLowerCase(cp)) : 0;
      }
      if (count > 0
          && digitsOnly
          && (cp == '.' || cp == ',')
          && i < n
          && Character.isDigit(text.charAt(i))) {
        // a decimal point or a thousands separator inside a number: "2.1", "16,390"
        if (count < MAX_LETTERS) {
          letters[count] = cp;
        }
        count++;
        groups++;
        continue;
      }
      if (count > 0 && (!letterOrDigit || spaceless)) {
        lastWordLength = count;
        endWord(letters, count, digitsOnly, hasDigit, groups, script, v);
        count = 0;
        digitsOnly = true;
        hasDigit = false;
        groups = 1;
      }
      if (!spaceless) {
        prev1 = -1;
        prev2 = -1;
      }
      if (pendingEnd && !closesQuote(cp)) {
        pendingEnd = false;
        if (cp != '\n' && Character.isWhitespace(cp)) {
          v.sentenceEnd(at, false);
        }
      }
      if (spaceless) {
        v.token();
        int kind = runKind(cp);
        if (prev1 >= 0 && kind == runKind) {
          if (kind == 2) {
            emitRun(v, prev1, cp, -1);
          } else if (prev2 >= 0) {
            emitRun(v, prev2, prev1, cp);
          }
          prev2 = prev1;
        } else {
          prev2 = -1;
        }
        prev1 = cp;
        runKind = kind;
        continue;
      }
      if (letterOrDigit) {
        if (count == 0) {
          script = cp < 128 ? ALPHABET : stemLength(cp);
          v.token();
        }
        if (count < MAX_LETTERS) {
          letters[count] = lower;
        }
        count++;
        digitsOnly &= digit;
        hasDigit |= digit;
        // the rest of a run of ASCII letters and digits, in a tight loop
        while (i < n) {
          char c = text.charAt(i);
          if (c >= 128 || ASCII[c] == 0) {
            break;
          }
          i++;
          if (count < MAX_LETTERS) {
            letters[count] = ASCII[c];
          }
          count++;
          boolean d = c <= '9';
          digitsOnly &= d;
          hasDigit |= d;
        }
        continue;
      }
      if (cp == '\n') {
        v.sentenceEnd(at, true);
      } else if (cp == '。' || cp == '！' || cp == '？' || cp == '｡') {
        v.sentenceEnd(i, false);
      } else if (cp == '.'
          && lastWordLength == 1
          && at > 0
          && Character.isLetter(text.codePointBefore(at))) {
        // an initial or an abbreviation ("u.s.", "j. smith"): not the end of a sentence
      } else if (cp == '.' || cp == '!' || cp == '?' || cp == '…' || cp == '؟' || cp == '।'
          || cp == '۔' || cp == '؛') {
        pendingEnd = true;
      }
    }
    if (count > 0) {
      endWord(letters, count, digitsOnly, hasDigit, groups, script, v);
    }
    v.sentenceEnd(n, true);
  }

  private static void endWord(
      int[] letters,
      int count,
      boolean digitsOnly,
      boolean hasDigit,
      int groups,
      int s,
      Visitor v) {
    if (digitsOnly) {
      v.number(key(letters, 0, Math.min(count, MAX_LETTERS), TAG_NUMBER), groups);
      return;
    }
    if (hasDigit) {
      v.number(0, 1);
    }
    int from = 0;
    int len = Math.min(count, MAX_LETTERS);
    if (s == ABJAD && isArabic(letters[0])) {
      from = arabicProclitic(letters, len, count);
    }
    int letterCount = count - from;
    // one FNV-1a pass over the first S letters gives both keys (as key() would, one by one)
    long h = FNV_OFFSET;
    long hShort = 0;
    long hThree = 0;
    for (int k = 0, upTo = Math.min(letterCount, s); k < upTo; k++) {
      h = (h ^ letters[from + k]) * FNV_PRIME;
      if (k == s - 3) {
        hThree = h;
      } else if (k == s - 2) {
        hShort = h;
      }
    }
    long shortKey =
        letterCount >= s - 1
            ? finish(hShort, TAG_SHORT)
            : s == ALPHABET && letterCount == s - 2 ? finish(hThree, TAG_SHORT) : 0;
    long longKey = letterCount >= s ? finish(h, TAG_LONG) : 0;
    String word = null;
    if (v.wantWord()) {
      word = new String(letters, from, Math.min(len, count) - from);
    }
    v.word(shortKey, longKey, word, letterCount);
  }

  private static void emitRun(Visitor v, int a, int b, int c) {
    long h = 0xcbf29ce484222325L;
    h = (h ^ a) * 0x100000001b3L;
    h = (h ^ b) * 0x100000001b3L;
    if (c >= 0) {
      h = (h ^ c) * 0x100000001b3L;
    }
    String chars = null;
    if (v.wantWord()) {
      chars = c >= 0 ? new String(new int[] {a, b, c}, 0, 3) : new String(new int[] {a, b}, 0, 2);
    }
    v.run(Mix64.fmix64(h ^ TAG_RUN), chars);
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private static long key(int[] letters, int from, int length, long tag) {
    long h = FNV_OFFSET;
    for (int k = from; k < from + length; k++) {
      h = (h ^ letters[k]) * FNV_PRIME;
    }
    return finish(h, tag);
  }

  private static long finish(long h, long tag) {
    long m = Mix64.fmix64(h ^ tag);
    return m == 0 ? 1 : m;
  }

  static final int ALPHABET = 5;
  static final int ABJAD = 4;
  static final int SYLLABLES = 3;

  /** {@code S}, the letters that make a word's term, by the script of its first letter. */
  static int stemLength(int cp) {
    if (cp < 0x0590) {
      return ALPHABET;
    }
    if (cp <= 0x08FF || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF)) {
      return ABJAD; // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, their forms
    }
    if ((cp >= 0xAC00 && cp <= 0xD7AF)
        || (cp >= 0x1100 && cp <= 0x11FF)
        || (cp >= 0x3130 && cp <= 0x318F)) {
      return SYLLABLES;
    }
    return ALPHABET;
  }

  /** 2: Han, Kana, Yi, Bopomofo (pairs); 3: the alphabets written without spaces (triples). */
  private static int runKind(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return switch (s) {
      case HAN, HIRAGANA, KATAKANA, BOPOMOFO, YI -> 2;
      default -> 3;
    };
  }

  /** A closing quote or bracket, which may stand between a full stop and the space after it. */
  private static boolean closesQuote(int cp) {
    return cp == '"'
        || cp == '\''
        || cp == ')'
        || cp == ']'
        || cp == '\u201D'
        || cp == '\u2019'
        || cp == '\u00BB'
        || cp == '\u300D'
        || cp == '\u300F';
  }

  private static boolean isArabic(int cp) {
    return cp >= 0x0600 && cp <= 0x06FF;
  }

  /** Arabic letters that are written several ways for one word: alef forms, taa marbuta, yaa. */
  private static int unify(int cp) {
    return switch (cp) {
      case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
      case 'ة' -> 'ه';
      case 'ى' -> 'ي';
      default -> cp;
    };
  }

  private static final int ALEF = 'ا';
  private static final int LAM = 'ل';
  private static final int WAW = 'و';

  /** How many leading letters are an article or a conjunction ("al-", "wal-", "bil-", "wa-"). */
  private static int arabicProclitic(int[] l, int len, int count) {
    if (len >= 5
        && (l[0] == WAW || l[0] == 'ب' || l[0] == 'ف' || l[0] == 'ك')
        && l[1] == ALEF
        && l[2] == LAM) {
      return 3;
    }
    if (len >= 4 && l[0] == LAM && l[1] == LAM) {
      return 2; // li- + al-
    }
    if (len >= 4 && l[0] == ALEF && l[1] == LAM) {
      return 2;
    }
    if (count >= 5 && l[0] == WAW) {
      return 1;
    }
    return 0;
  }
}
