package io.newsdedup.core.shingle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.fingerprint.FingerprintTiming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ShinglerTest {
  private static final String FOX = "the quick brown fox jumps over the lazy dog";

  private static final Shingler K1 = new Shingler(1);
  private static final Shingler K2 = new Shingler(2);
  private static final Shingler K5 = new Shingler(5);

  @Test
  void rejectsKBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new Shingler(0));
    assertThrows(IllegalArgumentException.class, () -> new Shingler(-3));
    assertEquals(7, new Shingler(7).k());
  }

  @Test
  void rejectsNullText() {
    assertThrows(NullPointerException.class, () -> K5.shingles(null));
  }

  @Test
  void countsDistinctShingles() {
    // 9 tokens, "the" twice: 5 windows of 5, 8 distinct bigrams, 8 distinct words.
    assertEquals(5, K5.shingles(FOX).length);
    assertEquals(8, K2.shingles(FOX).length);
    assertEquals(8, K1.shingles(FOX).length);
    assertEquals(1, new Shingler(9).shingles(FOX).length);
    // Repeats collapse: "a b a b a b a b" has only the bigrams "a b" and "b a".
    assertEquals(2, K2.shingles("a b a b a b a b").length);
    assertEquals(1, K5.shingles("ha ha ha ha ha ha ha ha ha ha ha ha").length);
  }

  @Test
  void resultIsSortedAndDistinct() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 50; i++) {
      long[] shingles = K5.shingles(FingerprintTiming.article(random.nextLong(), 50 + 20 * i));
      for (int j = 1; j < shingles.length; j++) {
        assertTrue(shingles[j - 1] < shingles[j], "not strictly increasing at " + j);
      }
    }
  }

  @Test
  void ignoresPunctuationCaseAndSpacing() {
    long[] plain = K5.shingles(FOX);
    assertArrayEquals(plain, K5.shingles("The Quick, Brown FOX -- jumps over THE lazy dog!!"));
    assertArrayEquals(
        plain, K5.shingles("  the\tquick\n\nbrown   fox\u00a0jumps...over(the)lazy dog. "));
    assertArrayEquals(plain, K5.shingles("\"the quick brown fox\" jumps; over: the lazy-dog?"));
    assertArrayEquals(plain, K5.shingles("the quick brown fox 😀 jumps over the lazy dog ❤️"));
  }

  @Test
  void differentWordsGiveDifferentShingles() {
    long[] plain = K5.shingles(FOX);
    assertFalse(Arrays.equals(plain, K5.shingles("the quick brown cat jumps over the lazy dog")));
    assertFalse(Arrays.equals(plain, K5.shingles("the quick brownfox jumps over the lazy dog")));
    assertFalse(Arrays.equals(K1.shingles("abc"), K1.shingles("abcd")));
    assertFalse(Arrays.equals(K1.shingles("abcd"), K1.shingles("abcde")));
    assertFalse(Arrays.equals(K1.shingles("ab"), K1.shingles("ba")));
  }

  @Test
  void wordOrderMatters() {
    assertNotEquals(K5.shingles("a b c d e")[0], K5.shingles("e d c b a")[0]);
    assertNotEquals(K2.shingles("hello world")[0], K2.shingles("world hello")[0]);
    // Single words ignore order.
    assertArrayEquals(K1.shingles("a b c d e"), K1.shingles("e d c b a"));
  }

  @Test
  void kOneIsTheSetOfWords() {
    long[] words = K1.shingles(FOX);
    TreeSet<Long> single = new TreeSet<>();
    for (String w : FOX.split(" ")) {
      single.add(K1.shingles(w)[0]);
    }
    assertArrayEquals(single.stream().mapToLong(Long::longValue).toArray(), words);
    // A 5-shingle is not any of its words.
    for (long shingle : K5.shingles(FOX)) {
      assertTrue(Arrays.binarySearch(words, shingle) < 0);
    }
  }

  @Test
  void shortTextGivesOneShingleOfAllTokens() {
    assertEquals(1, K5.shingles("breaking").length);
    assertArrayEquals(K1.shingles("breaking"), K5.shingles("breaking"));
    assertEquals(1, K5.shingles("breaking news today").length);
    assertArrayEquals(
        new Shingler(3).shingles("breaking news today"), K5.shingles("breaking news today"));
    assertNotEquals(K5.shingles("breaking news today")[0], K5.shingles("breaking news")[0]);
  }

  @Test
  void noTokenGivesEmptyArray() {
    assertEquals(0, K5.shingles("").length);
    assertEquals(0, K5.shingles("   \n\t ").length);
    assertEquals(0, K5.shingles("!!! ... --- ,;: () [] {} _ @#$%^&*").length);
    assertEquals(0, K5.shingles("😀😀 👍🏽 ❤️ ★").length);
    assertEquals(0, K1.shingles("\u0301\u0301 \uFE0F").length); // marks with nothing to extend
  }

  @Test
  void hanKanaAndThaiCharactersAreTokensOfTheirOwn() {
    assertEquals(6, K1.shingles("中文新闻报道").length);
    assertArrayEquals(K1.shingles("中 文 新 闻 报 道"), K1.shingles("中文新闻报道"));
    assertArrayEquals(K5.shingles("中 文 新 闻 报 道"), K5.shingles("中文新闻报道"));
    assertEquals(2, K5.shingles("中文新闻报道").length);
    // Katakana letters split; the prolonged sound mark (script Common) stands alone.
    assertArrayEquals(K1.shingles("東 京 タ ワ ー"), K1.shingles("東京タワー"));
    // A Latin word next to Han characters is one token.
    assertArrayEquals(K1.shingles("iphone 手 机"), K1.shingles("iPhone手机"));
    // Thai combining vowels and tone marks stay with their consonant: ที่ + นี่.
    assertEquals(2, K1.shingles("ที่นี่").length);
    assertArrayEquals(K1.shingles("ที่ นี่"), K1.shingles("ที่นี่"));
    assertFalse(Arrays.equals(K1.shingles("ท"), K1.shingles("ที่")));
  }

  @Test
  void wordsOfScriptsWithSpacesSurvive() {
    assertEquals(3, K1.shingles("Москва — столица России").length);
    assertArrayEquals(
        K5.shingles("москва столица россии"), K5.shingles("МОСКВА — Столица, России!"));
    assertEquals(2, K1.shingles("مرحبا بالعالم").length);
    assertEquals(2, K1.shingles("नमस्ते दुनिया").length); // virama and vowel signs are marks
    assertEquals(2, K1.shingles("שלום עולם").length);
    assertEquals(2, K1.shingles("안녕하세요 세계").length);
    assertArrayEquals(K1.shingles("αθήνα"), K1.shingles("ΑΘΉΝΑ"));
    assertEquals(1, K1.shingles("covid19").length);
  }

  @Test
  void handlesSurrogatePairsAndLoneSurrogates() {
    assertArrayEquals(K5.shingles("hello world"), K5.shingles("hello 😀 world"));
    assertArrayEquals(K5.shingles("hello world"), K5.shingles("hello👨‍👩‍👧world"));
    // Mathematical bold letters are supplementary letters: one token.
    assertEquals(1, K1.shingles("𝐀𝐁𝐂").length);
    assertFalse(Arrays.equals(K1.shingles("𝐀𝐁𝐂"), K1.shingles("abc")));
    // Deseret capital and small letters: supplementary code points that lower-case.
    assertArrayEquals(K1.shingles("\uD801\uDC28"), K1.shingles("\uD801\uDC00"));
    // CJK Extension B characters are tokens of their own.
    assertEquals(2, K1.shingles("\uD840\uDC00\uD840\uDC01").length);
    // Unpaired surrogates separate tokens and never crash.
    assertArrayEquals(K1.shingles("a b"), K1.shingles("a\uD800b"));
    assertArrayEquals(K1.shingles("a b"), K1.shingles("a\uDC00b"));
    assertEquals(0, K1.shingles("\uD83D").length);
    assertEquals(1, K1.shingles("x\uD83D").length);
  }

  @Test
  void ignoresVariationSelectors() {
    assertArrayEquals(K1.shingles("葛"), K1.shingles("葛\uDB40\uDD00"));
    assertArrayEquals(K1.shingles("ab"), K1.shingles("a\uFE0Fb"));
  }

  @Test
  void goldenHashes() {
    // Hard-coded on purpose: a change here changes every stored fingerprint.
    String text =
        "Breaking news: the central bank raised interest rates by 0.25 percent on Monday.";
    long[] k5 = K5.shingles(text);
    assertEquals(10, k5.length);
    assertArrayEquals(
        new long[] {-7800175138198613805L, -7137720937687312555L, -7012547567003167587L},
        Arrays.copyOf(k5, 3));
    long[] k1 = K1.shingles(text);
    assertEquals(14, k1.length);
    assertArrayEquals(
        new long[] {-6142996740602277558L, -5954922688410226941L, -5803696104206832235L},
        Arrays.copyOf(k1, 3));
  }

  @Test
  void matchesStraightforwardReferenceOnRandomText() {
    SplittableRandom random = new SplittableRandom(2024);
    for (int round = 0; round < 300; round++) {
      String text = randomText(random, random.nextInt(round < 250 ? 400 : 20_000));
      for (int k : new int[] {1, 2, 5}) {
        assertArrayEquals(
            Reference.shingles(text, k), new Shingler(k).shingles(text), "k=" + k + ": " + text);
      }
    }
  }

  @Test
  void handlesTextsLongerThanTheRetainedScratch() {
    String text = randomText(new SplittableRandom(31), 60_000); // about 250,000 chars
    assertTrue(text.length() > (1 << 17));
    assertArrayEquals(Reference.shingles(text, 5), K5.shingles(text));
    assertArrayEquals(K5.shingles(FOX), K5.shingles(FOX)); // and the small scratch still works
  }

  @Test
  void spacelessFastPathsAgreeWithUnicodeScripts() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (Character.isLetterOrDigit(cp)) {
        assertEquals(Reference.isSpaceless(cp), Shingler.isSpacelessScript(cp), "U+" + cp);
      }
    }
  }

  @Test
  void sortDistinctSortsEveryShape() {
    SplittableRandom random = new SplittableRandom(5);
    List<long[]> inputs = new ArrayList<>();
    inputs.add(new long[] {5});
    inputs.add(new long[] {3, -1, 3, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1});
    for (int n : new int[] {127, 128, 129, 600, 5000}) {
      inputs.add(random.longs(n).toArray()); // uniform: distribution sort
      long[] skewed = random.longs(n).map(x -> x >>> 20).toArray(); // one bucket: fallback
      inputs.add(skewed);
      long[] repeats = new long[n];
      for (int i = 0; i < n; i++) {
        repeats[i] = (random.nextInt(n / 4 + 1) - n / 8) * 0x0123456789ABCDEFL;
      }
      inputs.add(repeats);
    }
    for (long[] input : inputs) {
      long[] expected = Arrays.stream(input).distinct().sorted().toArray();
      long[] a = input.clone();
      long[] tmp = new long[a.length];
      int[] counts = new int[(1 << 16) + 1];
      int distinct = Shingler.sortDistinct(a, a.length, tmp, counts);
      assertArrayEquals(expected, Arrays.copyOf(a, distinct));
    }
  }

  @Test
  void isThreadSafe() throws Exception {
    SplittableRandom random = new SplittableRandom(8);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add(randomText(random, 50 + random.nextInt(i % 10 == 0 ? 20_000 : 3000)));
    }
    List<long[]> expected = new ArrayList<>();
    for (String t : texts) {
      expected.add(K5.shingles(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int worker = 0; worker < 4; worker++) {
        int offset = worker;
        results.add(
            pool.submit(
                () -> {
                  for (int rep = 0; rep < 5; rep++) {
                    for (int i = 0; i < texts.size(); i++) {
                      int j = (i * 7 + offset * 13) % texts.size();
                      if (!Arrays.equals(expected.get(j), K5.shingles(texts.get(j)))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void survivesSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(K5);
    }
    Shingler copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Shingler) in.readObject();
    }
    assertEquals(5, copy.k());
    assertArrayEquals(K5.shingles(FOX), copy.shingles(FOX));
  }

  private static final String[] PIECES = {
    "the",
    "The",
    "NEWS",
    "report",
    "a",
    "b",
    "0",
    "2024",
    "covid19",
    "x",
    "über",
    "ÉCOLE",
    "straße",
    "москва",
    "Россия",
    "αθήνα",
    "ΟΔΟΣ",
    "مرحبا",
    "नमस्ते",
    "שלום",
    "안녕",
    "中",
    "文",
    "東京",
    "タワー",
    "ひらがな",
    "ที่นี่",
    "ພາສາ",
    "ខ្មែរ",
    "မြန်မာ",
    "བོད",
    "😀",
    "👍🏽",
    "❤️",
    "𝐀𝐁",
    "\uD801\uDC00",
    "\uD840\uDC00",
    "\uD800",
    "\uDC00",
    "\u0301",
    "e\u0301",
    "\uFE0F",
    "\u034F",
    "İ",
    "ǅ",
    "_",
    "—",
    "'",
    "\"",
    ".",
    ",",
    "-",
    "\n",
    "\t",
    "\u00a0",
    "\u3000",
    "々",
    "ー",
    "①",
    "²",
    "Ⅻ",
    "٣",
    "१"
  };

  /** Text of random pieces joined by random separators (or nothing). */
  static String randomText(SplittableRandom random, int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      int r = random.nextInt(10);
      if (r < 3) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      } else if (r < 8) {
        sb.append(PIECES[random.nextInt(6)]); // frequent ASCII words
      } else {
        sb.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1)); // anything at all
      }
      int sep = random.nextInt(8);
      sb.append(sep < 5 ? " " : sep < 6 ? ", " : sep < 7 ? "" : "\n");
    }
    return sb.toString();
  }

  /**
   * A slow, obvious implementation of the documented semantics: a String per token, a code-point
   * loop with the JDK's script lookup, the token hash over the token's chars, Horner per shingle.
   */
  static final class Reference {
    static long[] shingles(String text, int k) {
      List<String> tokens = tokens(text);
      TreeSet<Long> set = new TreeSet<>();
      int window = Math.min(k, tokens.size());
      for (int s = 0; s + window <= tokens.size() && window > 0; s++) {
        long h = 0x9E3779B97F4A7C15L;
        for (int t = s; t < s + window; t++) {
          h = (h + tokenHash(tokens.get(t))) * 0xFF51AFD7ED558CCDL;
        }
        set.add(Mix64.fmix64(h));
      }
      return set.stream().mapToLong(Long::longValue).toArray();
    }

    static List<String> tokens(String text) {
      List<String> tokens = new ArrayList<>();
      StringBuilder current = null;
      boolean currentSpaceless = false;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        int type = Character.getType(cp);
        boolean ignored =
            (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F;
        boolean mark =
            type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
        boolean letterOrDigit = Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER;
        if (ignored || (mark && current == null)) {
          continue;
        }
        if (mark) {
          current.appendCodePoint(Character.toLowerCase(cp));
        } else if (letterOrDigit) {
          boolean spaceless = isSpaceless(cp);
          if (current != null && (spaceless || currentSpaceless)) {
            tokens.add(current.toString());
            current = null;
          }
          if (current == null) {
            current = new StringBuilder();
            currentSpaceless = spaceless;
          }
          current.appendCodePoint(Character.toLowerCase(cp));
        } else if (current != null) {
          tokens.add(current.toString());
          current = null;
        }
      }
      if (current != null) {
        tokens.add(current.toString());
      }
      return tokens;
    }

    static boolean isSpaceless(int cp) {
      switch (Character.UnicodeScript.of(cp)) {
        case HAN:
        case HIRAGANA:
        case KATAKANA:
        case BOPOMOFO:
        case YI:
        case THAI:
        case LAO:
        case KHMER:
        case MYANMAR:
        case TIBETAN:
        case TAI_LE:
        case NEW_TAI_LUE:
        case TAI_THAM:
        case TAI_VIET:
        case BALINESE:
        case JAVANESE:
          return true;
        default:
          return false;
      }
    }

    /** xxHash64-style rounds over 4 chars per block (zero-padded), then fmix64(h ^ length). */
    static long tokenHash(String token) {
      long h = 0x27D4EB2F165667C5L;
      for (int i = 0; i < token.length(); i += 4) {
        long block = 0;
        for (int j = 0; j < 4 && i + j < token.length(); j++) {
          block |= (long) token.charAt(i + j) << (16 * j);
        }
        long k = Long.rotateLeft(block * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B185EBCA87L;
        h = Long.rotateLeft(h ^ k, 27) * 0x9E3779B185EBCA87L + 0x85EBCA77C2B2AE63L;
      }
      return Mix64.fmix64(h ^ token.length());
    }
  }
}
