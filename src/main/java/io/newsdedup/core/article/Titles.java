package io.newsdedup.core.article;

import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.clean.TextNormalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Title keys: a 64-bit key of a title normalised (Unicode, case, punctuation, spacing), or 0 for a
 * title too short or too generic to say which story a page is ("Home", "Just a moment...", "Access
 * denied", "Live updates") — such titles never count as evidence.
 */
public final class Titles {
  private Titles() {}

  public static final int MIN_WORDS = 4;

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> GENERIC =
      Set.of(
          "just a moment",
          "access denied",
          "attention required",
          "page not found",
          "not found",
          "subscribe to read",
          "subscribe to continue reading",
          "sign in",
          "log in",
          "login",
          "are you a robot",
          "are you a human",
          "security check",
          "cookie policy",
          "privacy policy",
          "live updates",
          "latest news",
          "breaking news",
          "top stories",
          "news",
          "home",
          "homepage",
          "error",
          "403 forbidden",
          "404 not found",
          "service unavailable",
          "too many requests",
          "you have been blocked",
          "please enable cookies",
          "we value your privacy",
          "before you continue");

  /** The normalised title: folded, punctuation removed, single spaces. */
  public static String normalise(String title) {
    if (title == null) {
      return "";
    }
    String n = TextNormalizer.normalize(title).toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(n).replaceAll(" ").trim();
  }

  /**
   * A normalised title without a leading or trailing run of words that are all in the source and
   * together spell most (80%) of it: the site's name, not a word of the headline that the name
   * happens to hold.
   */
  static String withoutSite(String normalised, String source) {
    if (source == null || normalised.isEmpty()) {
      return normalised;
    }
    String site = normalise(source).replace(" ", "");
    if (site.isEmpty()) {
      return normalised;
    }
    String[] words = normalised.split(" ");
    int from = 0;
    int letters = 0;
    while (from < words.length && site.contains(words[from])) {
      letters += words[from++].length();
    }
    if (5 * letters < 4 * site.length()) {
      from = 0;
    }
    int to = words.length;
    letters = 0;
    while (to > from && site.contains(words[to - 1])) {
      letters += words[--to].length();
    }
    if (5 * letters < 4 * site.length()) {
      to = words.length;
    }
    return from == 0 && to == words.length
        ? normalised
        : String.join(" ", Arrays.asList(words).subList(from, to));
  }

  /** Words of a normalised title; each character of a script written without spaces is one. */
  static int words(String normalised) {
    int words = 0;
    for (String token : normalised.split(" ")) {
      int spaceless = (int) token.codePoints().filter(Titles::spaceless).count();
      words += spaceless > 0 ? spaceless : 1;
    }
    return words;
  }

  private static boolean spaceless(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.THAI
        || s == Character.UnicodeScript.LAO
        || s == Character.UnicodeScript.KHMER
        || s == Character.UnicodeScript.MYANMAR
        || s == Character.UnicodeScript.TIBETAN;
  }

  /** The title's key, or 0 when it says too little to be evidence. */
  public static long key(String title) {
    return key(title, null);
  }

  /**
   * The title's key without the site's name around it: a leading or trailing run of words that are
   * all in {@code source} ("Port strike enters third day | The Harbour Times" from Harbour Times,
   * or from harbourtimes.com, keys as "Port strike enters third day"); 0 when what is left says too
   * little to be evidence.
   */
  public static long key(String title, String source) {
    String n = withoutSite(normalise(title), source);
    if (n.isEmpty() || GENERIC.contains(n) || words(n) < MIN_WORDS) {
      return 0;
    }
    long k = LearnedBoilerplate.hash(n, false);
    return k == 0 ? 1 : k;
  }
}
