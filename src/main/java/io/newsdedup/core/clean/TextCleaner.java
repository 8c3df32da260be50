package io.newsdedup.core.clean;

import io.newsdedup.core.clean.BoilerplateRules.Kind;
import io.newsdedup.core.clean.CompiledRules.Group;
import io.newsdedup.core.clean.CompiledRules.Probe;
import io.newsdedup.core.clean.CompiledRules.Scratch;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Turns an article body into the text that is fingerprinted. Thread-safe; never throws.
 *
 * <p>{@link #clean} normalises the body ({@link TextNormalizer}), splits it into lines (after
 * normalisation a line is a paragraph), and applies the rules to each line in order:
 *
 * <ol>
 *   <li>{@code strip} rules, each at most once per line, in file order; the first {@code agency}
 *       group captured in the text becomes {@link CleanedText#wireAgency()}, in canonical form. A
 *       line left empty is dropped.
 *   <li>{@code tail} rules: the line and all after it are dropped (one marker) when the cut is the
 *       end part of the text: some line before it is kept, and either the line lies in the second
 *       half of the lines or what is cut holds at most half of the characters. Otherwise the line
 *       is treated like any other.
 *   <li>{@code pointer}, {@code line} and {@code credit} rules drop the line; they are tried only
 *       on lines of at most {@value #MAX_RULE_LINE_CHARS} characters, since boilerplate lines are
 *       short and real paragraphs that merely mention a phrase must survive.
 *   <li>Captions: when a {@code credit} line is dropped, the closest kept line before it is dropped
 *       too if it looks like a caption (see {@link #looksLikeCaption}) and at most two dropped
 *       lines lie between them (such as a wire slug line).
 * </ol>
 *
 * <p>The kept lines are case-folded ({@code toLowerCase(Locale.ROOT)}), spaces collapsed, and
 * joined with '\n'. {@link CleanedText#boilerplateMarkers()} counts stripped spans, dropped lines
 * and captions, and a tail once.
 */
public final class TextCleaner implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Lines longer than this are never dropped by line, pointer or credit rules. */
  public static final int MAX_RULE_LINE_CHARS = 400;

  /** A caption is at most this long. */
  static final int MAX_CAPTION_CHARS = 350;

  private static final CleanedText EMPTY = new CleanedText("", 0, null, false);

  private final BoilerplateRules rules;

  public TextCleaner(BoilerplateRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
    rules.compiled(); // compile eagerly so that a bad rule set fails here, not per article
  }

  /** A cleaner with {@link BoilerplateRules#defaults()}. */
  public static TextCleaner withDefaults() {
    return new TextCleaner(BoilerplateRules.defaults());
  }

  /**
   * @param body plain text (HTML already extracted), paragraphs separated by line breaks; null is
   *     treated as empty
   */
  public CleanedText clean(String body) {
    try {
      return cleanUnchecked(body);
    } catch (RuntimeException | StackOverflowError e) {
      // A pathological regex/input pair: fall back to the normalised text without rules rather
      // than lose the article.
      String text = TextNormalizer.normalize(body).toLowerCase(Locale.ROOT);
      return new CleanedText(text, 0, null, false);
    }
  }

  /** {@link #clean} without its safety net; package-private for the property tests. */
  CleanedText cleanUnchecked(String body) {
    String norm = TextNormalizer.normalize(body);
    if (norm.isEmpty()) {
      return EMPTY;
    }
    String[] lines = norm.split("\n");
    int n = lines.length;
    CompiledRules c = rules.compiled();
    Scratch scratch = c.newScratch();
    Group tail = c.group(Kind.TAIL);
    Group disclaimer = c.group(Kind.DISCLAIMER);
    Group pointer = c.group(Kind.POINTER);
    Group lineRules = c.group(Kind.LINE);
    Group credit = c.group(Kind.CREDIT);

    // charsFrom[i]: characters in lines i..n-1, for the tail guard.
    int[] charsFrom = new int[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      charsFrom[i] = charsFrom[i + 1] + lines[i].length() + 1;
    }

    boolean[] kept = new boolean[n];
    int lastKept = -1;
    int markers = 0;
    String agency = null;
    boolean pointsToOriginal = false;

    for (int i = 0; i < n; i++) {
      String s = lines[i];
      for (Probe strip : c.strips()) {
        Matcher m = strip.match(s, scratch);
        if (m == null || m.end() == m.start()) {
          continue;
        }
        if (agency == null && strip.agencyGroup()) {
          String captured = m.group("agency");
          if (captured != null && !captured.isBlank()) {
            agency = c.canonicalAgency(captured);
          }
        }
        s = join(s.substring(0, m.start()), s.substring(m.end()));
        markers++;
        if (s.isEmpty()) {
          break;
        }
      }
      lines[i] = s;
      if (s.isEmpty()) {
        continue;
      }
      if (lastKept >= 0 && (2 * i >= n || 2 * charsFrom[i] <= charsFrom[0])) {
        if (disclaimer.matches(s, scratch)) {
          pointsToOriginal = true;
          markers++;
          break;
        }
        if (tail.matches(s, scratch)) {
          markers++;
          break;
        }
      }
      if (s.length() <= MAX_RULE_LINE_CHARS) {
        if (pointer.matches(s, scratch)) {
          pointsToOriginal = true;
          markers++;
          continue;
        }
        if (lineRules.matches(s, scratch)) {
          markers++;
          continue;
        }
        if (credit.matches(s, scratch)) {
          markers++;
          if (lastKept >= 0 && i - lastKept <= 3 && looksLikeCaption(lines[lastKept])) {
            kept[lastKept] = false;
            markers++;
            lastKept = -1; // one caption per credit; earlier lines are not reconsidered
            for (int j = i - 1; j >= 0; j--) {
              if (kept[j]) {
                lastKept = j;
                break;
              }
            }
          }
          continue;
        }
      }
      kept[i] = true;
      lastKept = i;
    }

    StringBuilder out = new StringBuilder(norm.length());
    for (int i = 0; i < n; i++) {
      if (kept[i]) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(lines[i]);
      }
    }
    String text = out.toString().toLowerCase(Locale.ROOT);
    return new CleanedText(text, markers, agency, pointsToOriginal);
  }

  /** Joins what is left around a stripped span: trimmed, one space at the seam. */
  private static String join(String before, String after) {
    before = before.strip();
    after = after.strip();
    if (before.isEmpty()) {
      return after;
    }
    if (after.isEmpty()) {
      return before;
    }
    return before + ' ' + after;
  }

  /**
   * A caption is short (at most {@value #MAX_CAPTION_CHARS} characters), has at most two sentences,
   * has no quotation marks (a quote is more likely a paragraph of the story), has a letter, and
   * does not end with ':' (a lead-in to what follows).
   */
  static boolean looksLikeCaption(String s) {
    int n = s.length();
    if (n == 0 || n > MAX_CAPTION_CHARS || s.charAt(n - 1) == ':') {
      return false;
    }
    int sentences = 0;
    boolean letter = false;
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"', '\u300c', '\u300e', '\u201c', '\u201d', '\u00ab', '\u00bb' -> {
          return false;
        }
        case '.', '!', '?', '\u3002', '\uff01', '\uff1f' -> {
          boolean atEnd = i + 1 == n || s.charAt(i + 1) == ' ' || ch >= 0x3000;
          if (atEnd && !(ch == '.' && isAbbreviation(s, i))) {
            sentences++;
          }
        }
        default -> letter |= Character.isLetter(ch);
      }
    }
    return letter && sentences <= 2;
  }

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
          "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "prof", "rev", "ft", "mt", "jan",
          "feb", "aug", "sept", "oct", "nov", "dec");

  /** Whether the '.' at {@code dot} ends an initial ("U.S.", "J.") or a common abbreviation. */
  private static boolean isAbbreviation(String s, int dot) {
    int start = dot;
    while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
      start--;
    }
    if (start == dot) {
      return false; // "2023." or ")." ends a sentence
    }
    if (dot - start == 1 && Character.isUpperCase(s.charAt(start))) {
      return true;
    }
    return ABBREVIATIONS.contains(s.substring(start, dot).toLowerCase(Locale.ROOT));
  }
}
