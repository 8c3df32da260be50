package io.newsdedup.eval.generate;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Small text helpers shared by the generator: paragraphs, words, sentences, slugs, hashing. */
final class Texts {
  private Texts() {}

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "gov.", "sen.", "rep.", "lt.", "col.", "sgt.",
          "u.s.", "u.k.", "u.n.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "no.",
          "inc.", "corp.", "ltd.", "co.", "vs.", "prof.", "approx.", "a.m.", "p.m.", "etc.", "sr.",
          "jr.", "mt.", "ft.", "e.g.", "i.e.", "г.", "см.", "т.е.", "sra.", "dra.");

  private static final Map<Character, String> CYRILLIC =
      Map.ofEntries(
          Map.entry('а', "a"),
          Map.entry('б', "b"),
          Map.entry('в', "v"),
          Map.entry('г', "g"),
          Map.entry('д', "d"),
          Map.entry('е', "e"),
          Map.entry('ё', "e"),
          Map.entry('ж', "zh"),
          Map.entry('з', "z"),
          Map.entry('и', "i"),
          Map.entry('й', "y"),
          Map.entry('к', "k"),
          Map.entry('л', "l"),
          Map.entry('м', "m"),
          Map.entry('н', "n"),
          Map.entry('о', "o"),
          Map.entry('п', "p"),
          Map.entry('р', "r"),
          Map.entry('с', "s"),
          Map.entry('т', "t"),
          Map.entry('у', "u"),
          Map.entry('ф', "f"),
          Map.entry('х', "kh"),
          Map.entry('ц', "ts"),
          Map.entry('ч', "ch"),
          Map.entry('ш', "sh"),
          Map.entry('щ', "shch"),
          Map.entry('ъ', ""),
          Map.entry('ы', "y"),
          Map.entry('ь', ""),
          Map.entry('э', "e"),
          Map.entry('ю', "yu"),
          Map.entry('я', "ya"),
          Map.entry('і', "i"),
          Map.entry('қ', "k"),
          Map.entry('ә', "a"),
          Map.entry('ғ', "g"),
          Map.entry('ң', "n"),
          Map.entry('ө', "o"),
          Map.entry('ұ', "u"),
          Map.entry('ү', "u"),
          Map.entry('һ', "h"));

  /**
   * Splits a body into paragraphs: on blank lines when the text has any, otherwise on single line
   * breaks. Lines inside a blank-line-separated paragraph are joined with a space; paragraphs are
   * stripped and blank ones dropped.
   */
  static List<String> splitParagraphs(String body) {
    String text = body.replace("\r\n", "\n").replace('\r', '\n');
    boolean blankLines = text.strip().matches("(?s).*\\n[ \\t\\u00A0]*\\n.*");
    List<String> out = new ArrayList<>();
    if (blankLines) {
      for (String block : text.split("\\n[ \\t\\u00A0]*\\n")) {
        String joined = String.join(" ", block.strip().split("\\s*\\n\\s*")).strip();
        if (!joined.isEmpty()) {
          out.add(joined);
        }
      }
    } else {
      for (String line : text.split("\\n")) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }

  /** Whitespace-separated word count of one text. */
  static int wordCount(String text) {
    String s = text.strip();
    return s.isEmpty() ? 0 : s.split("\\s+").length;
  }

  /** Whitespace-separated word count over several paragraphs. */
  static int wordCount(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += wordCount(p);
    }
    return n;
  }

  /**
   * Splits a paragraph into sentences at '.', '!' or '?' (optionally followed by a closing quote)
   * and whitespace, before an upper-case letter or an opening quote, except after common
   * abbreviations and inside quotations. Joining the result with single spaces gives back the
   * paragraph modulo spacing.
   */
  static List<String> sentences(String paragraph) {
    String[] tokens = paragraph.strip().split("\\s+");
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    boolean straight = false;
    for (int i = 0; i < tokens.length; i++) {
      if (cur.length() > 0) {
        cur.append(' ');
      }
      cur.append(tokens[i]);
      String t = tokens[i];
      for (char c : t.toCharArray()) {
        if (c == '“' || c == '«') {
          depth++;
        } else if ((c == '”' || c == '»') && depth > 0) {
          depth--;
        } else if (c == '"') {
          straight = !straight;
        }
      }
      if (depth > 0 || straight) {
        continue;
      }
      boolean ends = t.matches(".*[.!?][\"”’»)]*$");
      boolean abbreviation =
          ABBREVIATIONS.contains(t.toLowerCase(Locale.ROOT)) || t.matches("(?i)([a-zа-я]\\.)+");
      boolean nextStarts =
          i + 1 < tokens.length && tokens[i + 1].matches("^[\"“‘«(¿¡]*[\\p{Lu}0-9].*");
      if (ends && !abbreviation && nextStarts) {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /**
   * URL/file-name slug: ASCII-folded (Cyrillic transliterated), lower case, runs of other
   * characters turned into '-', at most {@code maxWords} words; "item" when nothing is left.
   */
  static String slug(String text, int maxWords) {
    StringBuilder translit = new StringBuilder();
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      String t = CYRILLIC.get(c);
      translit.append(t != null ? t : String.valueOf(c));
    }
    String folded = Normalizer.normalize(translit, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    folded = folded.replace("'", "").replace("’", "");
    String[] words = folded.replaceAll("[^a-z0-9]+", " ").strip().split(" ");
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (String w : words) {
      if (w.isEmpty() || n == maxWords) {
        continue;
      }
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(w);
      n++;
    }
    return out.length() == 0 ? "item" : out.toString();
  }

  /** 64-bit FNV-1a of the UTF-8 bytes of {@code s}: a hash that is the same on every JVM. */
  static long fnv64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** A random generator determined by the corpus seed and a key (a story id). */
  static SplittableRandom random(long seed, String key) {
    long z = seed * 0x9E3779B97F4A7C15L + fnv64(key);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  /** Uniform pick from a non-empty list. */
  static <T> T pick(SplittableRandom rng, List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }

  /** {@code count} random lower-case hex digits. */
  static String hex(SplittableRandom rng, int count) {
    StringBuilder sb = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      sb.append(Character.forDigit(rng.nextInt(16), 16));
    }
    return sb.toString();
  }

  /** True with probability {@code p}. */
  static boolean chance(SplittableRandom rng, double p) {
    return rng.nextDouble() < p;
  }
}
