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

  private static final String[] NO_TEXTS = new String[0];
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
        boolean anchored = isAnchored(regex);
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
                requiredTexts(rule.regex())));
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
   * What every match of the regex must contain, as clauses: a matching line contains, for each
   * clause, at least one of its lower-cased ASCII texts. Texts are the runs of plain characters of
   * a sequence (outside classes and quantified atoms); a required group adds its own clauses, and
   * an alternation (top level or in a required group) adds one clause of one text per branch.
   * Conservative: no clauses (no check) whenever the regex is not simple enough to tell, such as
   * comments mode, escapes with arguments, or a branch without a plain run.
   */
  static String[][] requiredTexts(String regex) {
    if (regex.contains("(?x")) {
      return NO_CLAUSES;
    }
    List<String> branches = topLevelBranches(regex);
    if (branches.size() == 1) {
      return sequenceTexts(regex);
    }
    List<String> any = new ArrayList<>();
    for (String branch : branches) {
      String longest = null;
      for (String[] clause : sequenceTexts(branch)) {
        if (clause.length == 1 && (longest == null || clause[0].length() > longest.length())) {
          longest = clause[0];
        }
      }
      if (longest == null) {
        return NO_CLAUSES; // this branch could match without any plain text
      }
      any.add(longest);
    }
    // A text that contains another alternative adds nothing: the shorter one is found anyway.
    List<String> minimal = new ArrayList<>();
    for (String t : any) {
      boolean implied = false;
      for (String u : any) {
        implied |= !u.equals(t) && t.contains(u);
      }
      if (!implied && !minimal.contains(t)) {
        minimal.add(t);
      }
    }
    return new String[][] {minimal.toArray(NO_TEXTS)};
  }

  /** {@link #requiredTexts} of a regex without top-level alternation. */
  private static String[][] sequenceTexts(String regex) {
    List<String[]> clauses = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int n = regex.length();
    int i = 0;
    while (i < n) {
      char c = regex.charAt(i);
      int next;
      char literal = 0;
      String requiredGroup = null;
      if (c == '\\') {
        if (i + 1 >= n) {
          return NO_CLAUSES;
        }
        char e = regex.charAt(i + 1);
        next = i + 2;
        if ("0cuxNkQE".indexOf(e) >= 0) {
          return NO_CLAUSES; // escapes with arguments: not worth parsing here
        } else if ((e == 'p' || e == 'P') && next < n && regex.charAt(next) == '{') {
          next = regex.indexOf('}', next) + 1;
          if (next == 0) {
            return NO_CLAUSES;
          }
        } else if (e == 'p' || e == 'P') {
          next++;
        } else if (!Character.isLetterOrDigit(e) && e < 0x80) {
          literal = e; // an escaped metacharacter such as \( or \.
        }
      } else if (c == '(') {
        next = skipGroup(regex, i);
        if (next > 0) {
          requiredGroup = groupBody(regex.substring(i + 1, next - 1));
        }
      } else if (c == '[') {
        next = skipClass(regex, i);
      } else if (c == '{') {
        next = regex.indexOf('}', i) + 1; // a quantifier's bounds
        if (next == 0) {
          return NO_CLAUSES;
        }
      } else if (".^$|?*+})]".indexOf(c) >= 0) {
        next = i + 1;
      } else {
        literal = c;
        next = i + 1;
      }
      if (next < 0) {
        return NO_CLAUSES;
      }
      boolean optional = next < n && "?*{".indexOf(regex.charAt(next)) >= 0;
      boolean quantified = optional || (next < n && regex.charAt(next) == '+');
      if (literal != 0 && literal < 0x80 && !quantified) {
        run.append(Character.toLowerCase(literal));
      } else {
        flush(run, clauses);
      }
      if (requiredGroup != null && !optional) {
        clauses.addAll(List.of(requiredTexts(requiredGroup)));
      }
      i = next;
    }
    flush(run, clauses);
    return clauses.toArray(NO_CLAUSES);
  }

  /**
   * The pattern inside a group whose text a match must contain when the group is required:
   * capturing, non-capturing and named groups; null for lookarounds and flag groups.
   */
  private static String groupBody(String inside) {
    if (!inside.startsWith("?")) {
      return inside;
    }
    if (inside.startsWith("?:")) {
      return inside.substring(2);
    }
    if (inside.length() > 2 && inside.charAt(1) == '<' && Character.isLetter(inside.charAt(2))) {
      int close = inside.indexOf('>');
      return close < 0 ? null : inside.substring(close + 1);
    }
    return null;
  }

  /** The regex split at its top-level '|' (one branch when there is none, or when unbalanced). */
  private static List<String> topLevelBranches(String regex) {
    List<String> branches = new ArrayList<>();
    int from = 0;
    for (int i = 0, n = regex.length(), next; i < n; i = next) {
      next = skipAtom(regex, i);
      if (next < 0) {
        return List.of(regex);
      }
      if (regex.charAt(i) == '|') {
        branches.add(regex.substring(from, i));
        from = i + 1;
      }
    }
    branches.add(regex.substring(from));
    return branches;
  }

  /**
   * Index just after the atom at {@code i}: an escape (a whole {@code \Q...\E} quote, which runs to
   * the end when unclosed), a class, a group, or one character; -1 when unbalanced.
   */
  private static int skipAtom(String regex, int i) {
    char c = regex.charAt(i);
    if (c == '\\') {
      if (regex.startsWith("Q", i + 1)) {
        int end = regex.indexOf("\\E", i + 2);
        return end < 0 ? regex.length() : end + 2;
      }
      return Math.min(i + 2, regex.length());
    }
    return c == '[' ? skipClass(regex, i) : c == '(' ? skipGroup(regex, i) : i + 1;
  }

  private static void flush(StringBuilder run, List<String[]> clauses) {
    if (run.length() > 0) {
      clauses.add(new String[] {run.toString()});
      run.setLength(0);
    }
  }

  /** Index just after the group opening at {@code i}, or -1. */
  private static int skipGroup(String regex, int i) {
    for (int j = i + 1, n = regex.length(); j < n; j = skipAtom(regex, j)) {
      if (j < 0) {
        return -1;
      }
      if (regex.charAt(j) == ')') {
        return j + 1;
      }
    }
    return -1;
  }

  /** Index just after the character class opening at {@code i}, or -1. */
  private static int skipClass(String regex, int i) {
    int depth = 0;
    int n = regex.length();
    for (; i < n; i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        depth++;
        // A ']' right after '[' or '[^' is a literal.
        if (i + 1 < n && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < n && regex.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == ']' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
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

  /**
   * Whether the regex can only match at the start of the input: it begins with {@code ^} or {@code
   * \A} (after any inline flags such as {@code (?-i)}) and has no top-level alternation.
   */
  static boolean isAnchored(String regex) {
    int i = 0;
    while (regex.startsWith("(?", i) && i + 2 < regex.length()) {
      int close = regex.indexOf(')', i);
      if (close < 0 || !regex.substring(i + 2, close).matches("[a-zA-Z-]*")) {
        break;
      }
      i = close + 1;
    }
    if (!(regex.startsWith("^", i) || regex.startsWith("\\A", i))) {
      return false;
    }
    return !hasTopLevelAlternation(regex);
  }

  static boolean hasTopLevelAlternation(String regex) {
    return topLevelBranches(regex).size() > 1;
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
