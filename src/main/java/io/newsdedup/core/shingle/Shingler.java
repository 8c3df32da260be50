package io.newsdedup.core.shingle;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Word k-shingles hashed to 64 bits, without a String per token or per shingle. Deterministic on
 * every JVM of the same Unicode version (token classification and lower-casing use the JDK's
 * Unicode tables; everything else is fixed integer arithmetic).
 *
 * <p><b>Tokens.</b> A token is a maximal run of Unicode letters (categories L*), decimal digits
 * (Nd) and combining marks (Mn, Mc, Me) that starts with a letter or digit; a mark with no token to
 * extend (say after an emoji) is dropped. A letter or digit of a script written without spaces
 * (Han, Hiragana, Katakana, Bopomofo, Yi, Thai, Lao, Khmer, Myanmar, Tibetan and the Tai, Balinese
 * and Javanese scripts) is a token of its own, together with the marks that follow it. Variation
 * selectors and U+034F COMBINING GRAPHEME JOINER are ignored. Everything else (spaces, punctuation,
 * symbols, emoji, unpaired surrogates) separates tokens. Code points are lower-cased one by one
 * with {@link Character#toLowerCase(int)}.
 *
 * <p><b>Hashes.</b> A token hash is an xxHash64-style hash of the UTF-16 units of the lower-cased
 * token (four units per 64-bit block, the first unit in the low bits, the last block zero-padded),
 * finalised with {@code fmix64(h ^ units)}. A shingle of tokens t<sub>1</sub>..t<sub>n</sub> hashes
 * to {@code fmix64(H)} with {@code H = (...((S + t1) * M + t2) * M ... + tn) * M} mod
 * 2<sup>64</sup> (fixed seed S, odd multiplier M), which depends on token order.
 *
 * <p>Instances are immutable and thread-safe; the per-call scratch buffers are thread-local.
 */
public final class Shingler implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_K = 5;

  private static final long[] NO_SHINGLES = new long[0];

  // xxHash64 primes.
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private static final long TOKEN_SEED = P5;
  private static final long SHINGLE_SEED = 0x9E3779B97F4A7C15L;
  private static final long SHINGLE_MULTIPLIER = 0xFF51AFD7ED558CCDL;

  /** Lower-cased ASCII letters and digits by char; 0 for separators. */
  private static final char[] ASCII_WORD = new char[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII_WORD[c] = c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_WORD[c] = c;
      ASCII_WORD[c - 'a' + 'A'] = c;
    }
  }

  // Code point kinds; SEPARATOR, WORD and SPACELESS double as the tokenizer's states.
  private static final int SEPARATOR = 0;
  private static final int WORD = 1;
  private static final int SPACELESS = 2;
  private static final int MARK = 3;
  private static final int IGNORED = 4;

  private static final boolean[] SPACELESS_SCRIPTS =
      new boolean[Character.UnicodeScript.values().length];

  static {
    for (Character.UnicodeScript s :
        new Character.UnicodeScript[] {
          Character.UnicodeScript.HAN,
          Character.UnicodeScript.HIRAGANA,
          Character.UnicodeScript.KATAKANA,
          Character.UnicodeScript.BOPOMOFO,
          Character.UnicodeScript.YI,
          Character.UnicodeScript.THAI,
          Character.UnicodeScript.LAO,
          Character.UnicodeScript.KHMER,
          Character.UnicodeScript.MYANMAR,
          Character.UnicodeScript.TIBETAN,
          Character.UnicodeScript.TAI_LE,
          Character.UnicodeScript.NEW_TAI_LUE,
          Character.UnicodeScript.TAI_THAM,
          Character.UnicodeScript.TAI_VIET,
          Character.UnicodeScript.BALINESE,
          Character.UnicodeScript.JAVANESE
        }) {
      SPACELESS_SCRIPTS[s.ordinal()] = true;
    }
  }

  /**
   * Scratch buffers for texts longer than this many chars (about 2.5 MB of buffers) are not kept
   * between calls.
   */
  private static final int MAX_RETAINED = 1 << 17;

  private static final ThreadLocal<Scratch> SCRATCH =
      ThreadLocal.withInitial(() -> new Scratch(4096));

  /** Per-thread buffers for texts of up to {@code chars.length} chars (and as many tokens). */
  private static final class Scratch {
    final char[] chars;
    final long[] hashes;
    final long[] sorted;
    final int[] counts;

    Scratch(int capacity) {
      chars = new char[capacity];
      hashes = new long[capacity];
      sorted = new long[capacity];
      counts = new int[Math.min(Integer.highestOneBit(capacity), 1 << MAX_SORT_BITS) + 1];
    }

    static Scratch forLength(int n) {
      Scratch scratch = SCRATCH.get();
      if (scratch.chars.length >= n) {
        return scratch;
      }
      if (n > MAX_RETAINED) {
        return new Scratch(n);
      }
      scratch = new Scratch(Math.min(Math.max(n, 2 * scratch.chars.length), MAX_RETAINED));
      SCRATCH.set(scratch);
      return scratch;
    }
  }

  private final int k;

  /** Shingles of {@code k} consecutive tokens; {@code k >= 1}. */
  public Shingler(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
  }

  public int k() {
    return k;
  }

  /**
   * Sorted (signed order), distinct 64-bit hashes of the word k-shingles of {@code text}. A text
   * with 1..k-1 tokens gives one shingle of all of them; a text with no token gives an empty array.
   */
  public long[] shingles(String text) {
    Objects.requireNonNull(text, "text");
    int n = text.length();
    Scratch scratch = Scratch.forLength(n);
    text.getChars(0, n, scratch.chars, 0);
    int tokens = tokenHashes(scratch.chars, n, scratch.hashes);
    if (tokens == 0) {
      return NO_SHINGLES;
    }
    int shingles = combine(scratch.hashes, tokens, k);
    int distinct = sortDistinct(scratch.hashes, shingles, scratch.sorted, scratch.counts);
    return Arrays.copyOf(scratch.hashes, distinct);
  }

  /** Writes the hash of every token of {@code chars[0, n)} to {@code out}; returns the count. */
  static int tokenHashes(char[] chars, int n, long[] out) {
    int tokens = 0;
    int state = SEPARATOR; // outside a token, in a WORD or in a SPACELESS character
    long h = TOKEN_SEED; // hash state of the current token
    long block = 0; // its pending UTF-16 units, the first in the low bits
    int units = 0; // its length in UTF-16 units; a long shift by (units << 4) uses units % 4
    int i = 0;
    while (i < n) {
      char c = chars[i++];
      int kind;
      int lower;
      if (c < 128) {
        lower = ASCII_WORD[c];
        kind = lower == 0 ? SEPARATOR : WORD;
      } else {
        int cp = c;
        if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(chars[i])) {
          cp = Character.toCodePoint(c, chars[i++]);
        }
        kind = classify(cp);
        if (kind == IGNORED || (kind == MARK && state == SEPARATOR)) {
          continue;
        }
        lower = Character.toLowerCase(cp);
      }

      if (state != SEPARATOR
          && (kind == SEPARATOR || kind == SPACELESS || (kind == WORD && state == SPACELESS))) {
        out[tokens++] = finish(h, block, units);
        h = TOKEN_SEED;
        block = 0;
        units = 0;
      }
      if (kind != MARK) {
        state = kind;
      }
      if (kind == SEPARATOR) {
        continue;
      }

      if (lower >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        block |= (long) Character.highSurrogate(lower) << (units << 4);
        if ((++units & 3) == 0) {
          h = round(h, block);
          block = 0;
        }
        lower = Character.lowSurrogate(lower);
      }
      block |= (long) lower << (units << 4);
      if ((++units & 3) == 0) {
        h = round(h, block);
        block = 0;
      }

      // Fast path: the rest of a run of ASCII letters and digits in a word.
      if (kind == WORD) {
        while (i < n && (c = chars[i]) < 128 && (lower = ASCII_WORD[c]) != 0) {
          i++;
          block |= (long) lower << (units << 4);
          if ((++units & 3) == 0) {
            h = round(h, block);
            block = 0;
          }
        }
      }
    }
    if (state != SEPARATOR) {
      out[tokens++] = finish(h, block, units);
    }
    return tokens;
  }

  /**
   * Replaces {@code hashes[0, tokens)} by the hashes of the windows of {@code k} consecutive tokens
   * (or one window of all tokens if there are fewer than k); returns the number of windows.
   *
   * <p>The Horner form {@code H = (...((S + t1) * M + t2) * M ... + tw) * M} equals {@code S * M^w
   * + sum t_i * M^(w - i + 1)}, so the next window is {@code (H - (S + t1) * M^w) * M + S * M^w +
   * t_(w + 1) * M}, all mod 2^64. In place: window s reads token s + w before its hash replaces
   * token s.
   */
  static int combine(long[] hashes, int tokens, int k) {
    int window = Math.min(k, tokens);
    int count = tokens - window + 1;
    long h = SHINGLE_SEED;
    long mw = 1; // M^window
    for (int t = 0; t < window; t++) {
      h = (h + hashes[t]) * SHINGLE_MULTIPLIER;
      mw *= SHINGLE_MULTIPLIER;
    }
    long seedTerm = SHINGLE_SEED * mw;
    for (int s = 0; ; s++) {
      long shingle = Mix64.fmix64(h);
      if (s + 1 == count) {
        hashes[s] = shingle;
        return count;
      }
      h =
          (h - seedTerm - hashes[s] * mw) * SHINGLE_MULTIPLIER
              + seedTerm
              + hashes[s + window] * SHINGLE_MULTIPLIER;
      hashes[s] = shingle;
    }
  }

  /** Inputs up to this size are sorted with {@link Arrays#sort(long[], int, int)}. */
  private static final int MIN_DISTRIBUTION_SORT = 128;

  /** Largest bucket a distribution sort accepts before falling back to Arrays.sort. */
  private static final int MAX_BUCKET = 64;

  private static final int MAX_SORT_BITS = 16;

  /**
   * Sorts {@code a[0, n)} in signed order and removes duplicates, leaving the distinct values in
   * {@code a[0, returned count)}. Shingle hashes are uniform, so larger inputs are distributed by
   * their top bits into about n/2..n buckets through {@code tmp} (length >= n) and {@code counts}
   * (length >= 2^bits + 1), then finished by an insertion sort that only moves values within their
   * bucket. A skewed input (a bucket over {@value #MAX_BUCKET}) falls back to Arrays.sort.
   */
  static int sortDistinct(long[] a, int n, long[] tmp, int[] counts) {
    if (n == 0) {
      return 0;
    }
    long[] sorted = a;
    int bits = Math.min(31 - Integer.numberOfLeadingZeros(n), MAX_SORT_BITS);
    int buckets = 1 << bits;
    if (n <= MIN_DISTRIBUTION_SORT || counts.length <= buckets) {
      Arrays.sort(a, 0, n);
    } else {
      int shift = 64 - bits;
      Arrays.fill(counts, 0, buckets + 1, 0);
      for (int i = 0; i < n; i++) {
        counts[(int) ((a[i] ^ Long.MIN_VALUE) >>> shift) + 1]++; // sign flip: signed order
      }
      int largest = 0;
      for (int b = 1; b <= buckets; b++) {
        largest = Math.max(largest, counts[b]);
        counts[b] += counts[b - 1]; // counts[b] = start of bucket b
      }
      if (largest > MAX_BUCKET) {
        Arrays.sort(a, 0, n);
      } else {
        for (int i = 0; i < n; i++) {
          long x = a[i];
          tmp[counts[(int) ((x ^ Long.MIN_VALUE) >>> shift)]++] = x;
        }
        for (int i = 1; i < n; i++) {
          long x = tmp[i];
          int j = i - 1;
          if (tmp[j] > x) {
            do {
              tmp[j + 1] = tmp[j];
            } while (--j >= 0 && tmp[j] > x);
            tmp[j + 1] = x;
          }
        }
        sorted = tmp;
      }
    }
    a[0] = sorted[0];
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      long x = sorted[i];
      if (x != a[distinct - 1]) {
        a[distinct++] = x;
      }
    }
    return distinct;
  }

  private static int classify(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
        return isSpacelessScript(cp) ? SPACELESS : WORD;
      case Character.NON_SPACING_MARK:
        // Variation selectors and the grapheme joiner pick a glyph, not a different character.
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F) {
          return IGNORED;
        }
        return MARK;
      case Character.COMBINING_SPACING_MARK:
      case Character.ENCLOSING_MARK:
        return MARK;
      default:
        return SEPARATOR;
    }
  }

  /** Whether a letter or digit belongs to a script written without spaces between words. */
  public static boolean isSpacelessScript(int cp) {
    if (cp < 0x0E00) {
      return false; // Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts up to Sinhala
    }
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      return true; // CJK Unified Ideographs: every letter in the block is Han
    }
    if (cp >= 0xAC00 && cp <= 0xD7AF) {
      return false; // Hangul syllables
    }
    return SPACELESS_SCRIPTS[Character.UnicodeScript.of(cp).ordinal()];
  }

  private static long round(long h, long block) {
    long k = Long.rotateLeft(block * P2, 31) * P1;
    return Long.rotateLeft(h ^ k, 27) * P1 + P4;
  }

  private static long finish(long h, long block, int units) {
    if ((units & 3) != 0) {
      h = round(h, block);
    }
    return Mix64.fmix64(h ^ units);
  }
}
