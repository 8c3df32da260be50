package io.newsdedup.core.clean;

import io.newsdedup.core.clean.BoilerplateRules.Agency;
import io.newsdedup.core.clean.BoilerplateRules.Kind;
import io.newsdedup.core.clean.BoilerplateRules.Rule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled, immutable (so thread-safe) form of {@link BoilerplateRules}.
 *
 * <p>Made for speed, since every rule meets every line of every article:
 *
 * <ul>
 *   <li>Rules anchored at the start ({@code ^...}) are tried with {@code lookingAt()}, so a line
 *       costs a few comparisons per rule instead of a scan.
 *   <li>The anchored rules of one kind are merged into one alternation per possible first character
 *       of the line: for each ASCII character, only the rules that could match a line starting with
 *       it are kept (found by trying each rule on that one character and asking the matcher whether
 *       it failed without needing more input). A typical line meets a handful of rules.
 *   <li>Other rules (floating ones, strip rules, rules with named groups or back-references, which
 *       cannot be merged) are tried one by one, each behind cheap {@code contains()} checks for the
 *       literal texts it cannot match without ({@link #requiredTexts}).
 * </ul>
 */
final class CompiledRules {
  static final int FLAGS = Pattern.CASE_INSENSITIVE;
  static final String AGENCIES_MACRO = "{AGENCIES}";

  /** Named groups, back-references, quoting and comments mode do not survive merging. */
  private static final Pattern NOT_MERGEABLE =
      Pattern.compile("\\(\\?<[a-zA-Z]|\\\\k<|\\\\[1-9]|\\\\Q|\\(\\?[a-zA-Z-]*x");

  private static final String[][] NO_CLAUSES = new String[0][];

  private final Map<Kind, Group> groups = new EnumMap<>(Kind.class);
  private final List<Probe> strips = new ArrayList<>();
  private final Map<String, String> agencyByAlias = new HashMap<>();
  private int slotCount;

  CompiledRules(List<Rule> rules, List<Agency> agencies) {
    String alternation = BoilerplateRules.agencyAlternation(agencies);
    for (Agency a : agencies) {
      for (String alias : a.aliases()) {
        agencyByAlias.put(aliasKey(alias), a.canonical());
      }
    }
    for (Kind kind : Kind.values()) {
      List<String> mergeable = new ArrayList<>();
      List<Probe> probes = new ArrayList<>();
      for (Rule rule : rules) {
        if (rule.kind() != kind) {
          continue;
        }
        String regex = expand(rule.regex(), alternation);
        boolean anchored = RegexShape.isAnchored(regex);
        if (anchored && kind != Kind.STRIP && !NOT_MERGEABLE.matcher(rule.regex()).find()) {
          mergeable.add(regex);
          continue;
        }
        Pattern p = Pattern.compile(regex, FLAGS);
        Slot slot = new Slot(slotCount++, p);
        Slot[] byFirst = null;
        if (anchored) {
          byFirst = new Slot[128];
          for (char c = 0; c < 128; c++) {
            byFirst[c] = mayStartWith(p, c) ? slot : null;
          }
        }
        probes.add(
            new Probe(
                slot,
                byFirst,
                anchored,
                regex.contains("(?<agency>"),
                RegexShape.requiredTexts(rule.regex())));
      }
      if (!mergeable.isEmpty()) {
        probes.add(0, mergedProbe(mergeable));
      }
      if (kind == Kind.STRIP) {
        strips.addAll(probes);
      } else {
        groups.put(kind, new Group(probes.toArray(new Probe[0])));
      }
    }
  }

  /** One probe for many anchored rules, dispatching on the line's first character. */
  private Probe mergedProbe(List<String> regexes) {
    List<Pattern> each = new ArrayList<>();
    for (String r : regexes) {
      each.add(Pattern.compile(r, FLAGS));
    }
    Slot any = merge(regexes, each);
    Slot[] byFirst = new Slot[128];
    Map<String, Slot> bySubset = new HashMap<>();
    for (char c = 0; c < 128; c++) {
      List<String> subset = new ArrayList<>();
      List<Pattern> subsetPatterns = new ArrayList<>();
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < regexes.size(); i++) {
        if (mayStartWith(each.get(i), c)) {
          subset.add(regexes.get(i));
          subsetPatterns.add(each.get(i));
          key.append(i).append(',');
        }
      }
      if (!subset.isEmpty()) {
        byFirst[c] =
            subset.size() == regexes.size()
                ? any
                : bySubset.computeIfAbsent(key.toString(), k -> merge(subset, subsetPatterns));
      }
    }
    return new Probe(any, byFirst, true, false, NO_CLAUSES);
  }

  private Slot merge(List<String> regexes, List<Pattern> compiled) {
    if (regexes.size() == 1) {
      return new Slot(slotCount++, compiled.get(0));
    }
    StringBuilder sb = new StringBuilder();
    for (String r : regexes) {
      sb.append(sb.length() == 0 ? "" : "|").append("(?:").append(r).append(')');
    }
    return new Slot(slotCount++, Pattern.compile(sb.toString(), FLAGS));
  }

  /**
   * Whether an anchored pattern might match a line starting with {@code c}: it matches "c" alone,
   * or it failed only because it ran out of input.
   */
  static boolean mayStartWith(Pattern p, char c) {
    Matcher m = p.matcher(String.valueOf(c));
    return m.lookingAt() || m.hitEnd();
  }

  /**
   * The regex as compiled: {@code {AGENCIES}} replaced, and Unicode case folding switched on
   * ({@code (?u)}) when the regex holds non-ASCII characters. ASCII-only rules fold ASCII case
   * only, which is cheaper and, after NFKC, loses nothing that matters.
   */
  static String expand(String regex, String agencyAlternation) {
    String r =
        regex.contains(AGENCIES_MACRO) ? regex.replace(AGENCIES_MACRO, agencyAlternation) : regex;
    for (int i = 0; i < r.length(); i++) {
      if (r.charAt(i) >= 0x80) {
        return "(?u)" + r;
      }
    }
    return r;
  }

  static String aliasKey(String alias) {
    return alias.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The canonical name of an agency as captured, or the capture itself when it is unknown. */
  String canonicalAgency(String captured) {
    String name = agencyByAlias.get(aliasKey(captured));
    return name != null ? name : captured.strip();
  }

  Group group(Kind kind) {
    return groups.get(kind);
  }

  List<Probe> strips() {
    return strips;
  }

  /** Matchers for one thread's use, one per pattern, made on first use. */
  Scratch newScratch() {
    return new Scratch(slotCount);
  }

  /** A compiled pattern and the index of its matcher in a {@link Scratch}. */
  record Slot(int index, Pattern pattern) {}

  /**
   * One pattern (or a merged family, picked by the line's first character) and how to apply it.
   *
   * @param any the pattern for lines whose first character is not ASCII
   * @param byFirst for anchored probes, the pattern per ASCII first character, null where nothing
   *     can match; null when there is no dispatch
   * @param anchored try with {@code lookingAt()} rather than {@code find()}
   * @param agencyGroup the pattern has a group named {@code agency}
   * @param required what a matching line must contain ({@link #requiredTexts})
   */
  record Probe(
      Slot any, Slot[] byFirst, boolean anchored, boolean agencyGroup, String[][] required) {
    /** Tries this probe on a non-empty line; the matcher on success, else null. */
    Matcher match(String line, Scratch scratch) {
      Slot slot = any;
      if (byFirst != null) {
        char first = line.isEmpty() ? 0 : line.charAt(0);
        if (first < 128) {
          slot = byFirst[first];
          if (slot == null) {
            return null;
          }
        }
      }
      if (required.length > 0) {
        String lower = scratch.lower(line);
        for (String[] clause : required) {
          if (!containsAny(lower, clause)) {
            return null;
          }
        }
      }
      Matcher m = scratch.matchers[slot.index()];
      if (m == null) {
        m = slot.pattern().matcher(line);
        scratch.matchers[slot.index()] = m;
      } else {
        m.reset(line);
      }
      return (anchored ? m.lookingAt() : m.find()) ? m : null;
    }
  }

  private static boolean containsAny(String line, String[] texts) {
    for (String t : texts) {
      if (line.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** All probes of one kind; a line matches the kind when any probe matches. */
  record Group(Probe[] probes) {
    boolean matches(String line, Scratch scratch) {
      for (Probe p : probes) {
        if (p.match(line, scratch) != null) {
          return true;
        }
      }
      return false;
    }
  }

  /** Per-call matchers (a {@link Matcher} is not thread-safe; a {@link Pattern} is). */
  static final class Scratch {
    final Matcher[] matchers;
    private String line;
    private String lower;

    Scratch(int n) {
      matchers = new Matcher[n];
    }

    /** {@code s} lower-cased, remembered for the line last asked about. */
    String lower(String s) {
      if (s != line) {
        line = s;
        lower = s.toLowerCase(Locale.ROOT);
      }
      return lower;
    }
  }
}
