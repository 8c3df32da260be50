package io.newsdedup.core.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * What a rule's regex says by its text alone, read without compiling it: the plain texts every
 * match must contain ({@link #requiredTexts}, for a cheap pre-check before the regex runs), whether
 * it can only match at the start of a line ({@link #isAnchored}) and its top-level branches. A
 * small reader of Java's regex syntax that answers "cannot tell" (no clauses, not anchored)
 * whenever a regex is not simple enough, so that it never skips a rule that would match.
 */
final class RegexShape {
  private static final String[] NO_TEXTS = new String[0];
  private static final String[][] NO_CLAUSES = new String[0][];

  private RegexShape() {}

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
}
