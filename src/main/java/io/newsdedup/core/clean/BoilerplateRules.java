package io.newsdedup.core.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Boilerplate patterns, read from a rules file: the bundled defaults ({@code
 * io/newsdedup/core/clean/boilerplate.rules}) plus any files the user adds.
 *
 * <p>The format is described at the top of the bundled file. In short: one rule per line, {@code
 * kind: value}; blank lines and lines starting with {@code #} are ignored. Kinds:
 *
 * <ul>
 *   <li>{@code line: REGEX} drops a line the regex matches.
 *   <li>{@code pointer: REGEX} drops it and marks the text as pointing to an original elsewhere.
 *   <li>{@code credit: REGEX} drops a photo-credit line, and the caption just before it when that
 *       looks like a caption (see {@link TextCleaner}).
 *   <li>{@code tail: REGEX} drops the matching line and everything after it, when that is the end
 *       part of the text (see {@link TextCleaner}).
 *   <li>{@code disclaimer: REGEX} is a {@code tail} that also marks the text as a repost: an
 *       aggregator's "Denial of responsibility!" or "auto-aggregated by a computer program".
 *   <li>{@code strip: REGEX} removes only the matched span from a line; a named group {@code
 *       agency} reports the wire agency.
 *   <li>{@code agency: CANONICAL = alias, alias, ...} names a wire agency; {@code {AGENCIES}} in
 *       any regex stands for all aliases of all agencies of the combined rules.
 * </ul>
 *
 * <p>Regexes are Java syntax, matched case-insensitively ({@code (?-i)} turns that off; folding is
 * Unicode-aware when the regex holds non-ASCII characters) against one normalised line with {@code
 * find()}. Instances are immutable and serializable: only the rule strings are serialized and the
 * patterns are compiled again, once, on first use.
 */
public final class BoilerplateRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Path of the bundled rules on the class path. */
  public static final String DEFAULT_RESOURCE = "/io/newsdedup/core/clean/boilerplate.rules";

  /** What a rule does with a line it matches. */
  enum Kind {
    LINE,
    POINTER,
    CREDIT,
    TAIL,
    DISCLAIMER,
    STRIP
  }

  /** One rule as written: kind, regex and where it came from ("file:line"). */
  record Rule(Kind kind, String regex, String origin) implements Serializable {}

  /** One {@code agency:} line. */
  record Agency(String canonical, List<String> aliases, String origin) implements Serializable {}

  private static final Pattern AGENCY_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .&'-]*");

  private static volatile BoilerplateRules defaults;

  private final List<Rule> rules;
  private final List<Agency> agencies;
  private transient volatile CompiledRules compiled;

  private BoilerplateRules(List<Rule> rules, List<Agency> agencies) {
    this.rules = List.copyOf(rules);
    this.agencies = List.copyOf(agencies);
  }

  /** No rules at all: the cleaner then only normalises and case-folds. */
  public static BoilerplateRules none() {
    return new BoilerplateRules(List.of(), List.of());
  }

  /** The bundled rules. */
  public static BoilerplateRules defaults() {
    BoilerplateRules d = defaults;
    if (d == null) {
      try (InputStream in = BoilerplateRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        d = parse(r.lines().toList(), "boilerplate.rules");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      defaults = d;
    }
    return d;
  }

  /**
   * Parses rules from the lines of a rules file.
   *
   * @param sourceName names the file in error messages
   * @throws IllegalArgumentException naming {@code sourceName:lineNumber} on a malformed line or a
   *     bad regex
   */
  public static BoilerplateRules parse(List<String> lines, String sourceName) {
    List<Rule> rules = new ArrayList<>();
    List<Agency> agencies = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String origin = sourceName + ":" + (i + 1);
      String line = lines.get(i) == null ? "" : lines.get(i).strip();
      if (i == 0 && line.startsWith("\ufeff")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            origin
                + ": expected 'kind: value' (kinds: line, pointer, credit, tail, disclaimer, strip,"
                + " agency)");
      }
      String kindName = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (value.isEmpty()) {
        throw new IllegalArgumentException(origin + ": empty value after '" + kindName + ":'");
      }
      if (kindName.equals("agency")) {
        agencies.add(parseAgency(value, origin));
        continue;
      }
      Kind kind;
      try {
        kind = Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            origin
                + ": unknown kind '"
                + kindName
                + "' (kinds: line, pointer, credit, tail, disclaimer, strip, agency)");
      }
      rules.add(new Rule(kind, value, origin));
    }
    // Validate every regex now, so that a bad file fails where it is read, not on a worker.
    // {AGENCIES} is checked with this file's aliases (or a stand-in when it defines none).
    String agencyAlternation =
        agencyAlternation(
            agencies.isEmpty() ? List.of(new Agency("X", List.of("X"), "")) : agencies);
    for (Rule rule : rules) {
      try {
        Pattern.compile(CompiledRules.expand(rule.regex(), agencyAlternation), CompiledRules.FLAGS);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            rule.origin()
                + ": invalid regex: "
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + " in: "
                + rule.regex(),
            e);
      }
      if (rule.kind() != Kind.STRIP && rule.regex().contains("(?<agency>")) {
        throw new IllegalArgumentException(
            rule.origin() + ": the 'agency' group is only read in strip rules");
      }
    }
    return new BoilerplateRules(rules, agencies);
  }

  private static Agency parseAgency(String value, String origin) {
    int eq = value.indexOf('=');
    String canonical = (eq < 0 ? value : value.substring(0, eq)).strip();
    if (canonical.isEmpty()) {
      throw new IllegalArgumentException(
          origin + ": expected 'agency: CANONICAL = alias, alias, ...'");
    }
    List<String> aliases = new ArrayList<>();
    aliases.add(canonical);
    for (String a : (eq < 0 ? "" : value.substring(eq + 1)).split(",")) {
      String alias = a.strip();
      if (!alias.isEmpty() && !aliases.contains(alias)) {
        aliases.add(alias);
      }
    }
    for (String name : aliases) {
      if (!AGENCY_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(origin + ": bad agency name '" + name + "'");
      }
    }
    return new Agency(canonical, aliases, origin);
  }

  /** A regex alternation of every alias, longest first, each quoted. */
  static String agencyAlternation(List<Agency> agencies) {
    List<String> all = new ArrayList<>();
    for (Agency a : agencies) {
      for (String alias : a.aliases()) {
        // Spaces in an alias match any run of whitespace.
        all.add(Pattern.quote(alias).replace(" ", "\\E\\s+\\Q"));
      }
    }
    if (all.isEmpty()) {
      return "(?!)";
    }
    all.sort((x, y) -> Integer.compare(y.length(), x.length()));
    return "(?:" + String.join("|", all) + ")";
  }

  /** These rules followed by {@code other}'s. */
  public BoilerplateRules plus(BoilerplateRules other) {
    List<Rule> r = new ArrayList<>(rules);
    r.addAll(other.rules);
    List<Agency> a = new ArrayList<>(agencies);
    a.addAll(other.agencies);
    return new BoilerplateRules(r, a);
  }

  /** How many rules (agency lines not counted). */
  public int size() {
    return rules.size();
  }

  List<Rule> rules() {
    return Collections.unmodifiableList(rules);
  }

  List<Agency> agencies() {
    return agencies;
  }

  /** The compiled form, built once per instance (and once again after deserialization). */
  CompiledRules compiled() {
    CompiledRules c = compiled;
    if (c == null) {
      synchronized (this) {
        c = compiled;
        if (c == null) {
          c = new CompiledRules(rules, agencies);
          compiled = c;
        }
      }
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoilerplateRules other
        && rules.equals(other.rules)
        && agencies.equals(other.agencies);
  }

  @Override
  public int hashCode() {
    return rules.hashCode() * 31 + agencies.hashCode();
  }

  @Override
  public String toString() {
    return "BoilerplateRules[" + rules.size() + " rules, " + agencies.size() + " agencies]";
  }
}
