package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.clean.BoilerplateRules.Kind;
import io.newsdedup.core.clean.BoilerplateRules.Rule;
import io.newsdedup.core.clean.CompiledRules.Scratch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoilerplateRulesTest {

  @Test
  void defaultsLoadAndAreShared() {
    BoilerplateRules d = BoilerplateRules.defaults();
    assertTrue(d.size() > 40, "rules: " + d.size());
    assertTrue(d.agencies().size() > 20);
    for (Kind kind : Kind.values()) {
      assertTrue(d.rules().stream().anyMatch(r -> r.kind() == kind), kind.toString());
    }
    assertEquals(d, BoilerplateRules.defaults());
  }

  @Test
  void parsesKindsCommentsAndBlankLines() {
    BoilerplateRules r =
        BoilerplateRules.parse(
            List.of(
                "# a comment",
                "",
                "   ",
                "line: ^advert$",
                "  POINTER :  ^source:  ",
                "credit: ^photo:",
                "tail: ^disclaimer",
                "strip: ^(?<agency>{AGENCIES}) -\\s*",
                "agency: AP = Associated Press, The Associated Press",
                "agency: Interfax"),
            "my.rules");
    assertEquals(5, r.size());
    assertEquals(new Rule(Kind.LINE, "^advert$", "my.rules:4"), r.rules().get(0));
    assertEquals(new Rule(Kind.POINTER, "^source:", "my.rules:5"), r.rules().get(1));
    assertEquals(Kind.STRIP, r.rules().get(4).kind());
    assertEquals(
        List.of("AP", "Associated Press", "The Associated Press"), r.agencies().get(0).aliases());
    assertEquals(List.of("Interfax"), r.agencies().get(1).aliases());

    CleanedText c = new TextCleaner(r).clean("The Associated Press - Hello\nAdvert\nSource: X");
    assertEquals("hello", c.text());
    assertEquals("AP", c.wireAgency());
    assertTrue(c.pointsToOriginal());
  }

  @Test
  void errorsNameTheFileAndLine() {
    assertError("user.rules:3", List.of("# header", "line: ok", "nonsense"));
    assertError("user.rules:2", List.of("", "bogus: ^x"));
    assertError("user.rules:2", List.of("line: ^a", "line: (unclosed"));
    assertError("user.rules:1", List.of("tail:    "));
    assertError("user.rules:1", List.of("line: [z-a]"));
    assertError("user.rules:1", List.of("line: (?<agency>AP)"));
    assertError("user.rules:1", List.of("agency: = AP"));
    assertError("user.rules:1", List.of("agency: AP = A(P"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BoilerplateRules.parse(List.of("line: a{2,1}"), "user.rules"));
    assertTrue(e.getMessage().contains("invalid regex"), e.getMessage());
  }

  private static void assertError(String where, List<String> lines) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BoilerplateRules.parse(lines, "user.rules"));
    assertTrue(e.getMessage().startsWith(where + ":"), e.getMessage());
  }

  @Test
  void plusConcatenates() {
    BoilerplateRules a = BoilerplateRules.parse(List.of("line: ^a$"), "a");
    BoilerplateRules b = BoilerplateRules.parse(List.of("line: ^b$", "agency: X = Ex"), "b");
    BoilerplateRules ab = a.plus(b);
    assertEquals(2, ab.size());
    assertEquals("^a$", ab.rules().get(0).regex());
    assertEquals("b:1", ab.rules().get(1).origin());
    assertEquals(1, ab.agencies().size());
    assertEquals("c", new TextCleaner(ab).clean("a\nb\nc").text());
    assertEquals(1, a.size()); // immutable
  }

  @Test
  void agenciesOfOneFileServeTheMacroOfAnother() {
    BoilerplateRules strip =
        BoilerplateRules.parse(List.of("strip: ^\\[(?<agency>{AGENCIES})\\]\\s*"), "strip.rules");
    BoilerplateRules names =
        BoilerplateRules.parse(List.of("agency: NTB = Norsk Telegrambyra"), "n");
    CleanedText c = new TextCleaner(strip.plus(names)).clean("[Norsk  Telegrambyra] Hei");
    assertEquals("hei", c.text());
    assertEquals("NTB", c.wireAgency());
    // Without agencies the macro matches nothing.
    assertEquals("[ntb] hei", new TextCleaner(strip).clean("[NTB] Hei").text());
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    BoilerplateRules rules =
        BoilerplateRules.defaults()
            .plus(BoilerplateRules.parse(List.of("line: ^lire aussi\\b"), "fr.rules"));
    BoilerplateRules copy = roundTrip(rules);
    assertNotSame(rules, copy);
    assertEquals(rules, copy);
    String text = "PARIS (AFP) - Bonjour.\nLire aussi : rien\nRead original article here";
    assertEquals(new TextCleaner(rules).clean(text), new TextCleaner(copy).clean(text));
    TextCleaner cleaner = roundTrip(new TextCleaner(rules));
    CleanedText c = cleaner.clean(text);
    assertEquals("bonjour.", c.text());
    assertEquals("AFP", c.wireAgency());
    assertTrue(c.pointsToOriginal());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void anchoredDetection() {
    assertTrue(RegexShape.isAnchored("^abc"));
    assertTrue(RegexShape.isAnchored("(?-i)^ABC"));
    assertTrue(RegexShape.isAnchored("(?i)(?-u)^a(b|c)"));
    assertTrue(RegexShape.isAnchored("^[|]a\\|b"));
    assertFalse(RegexShape.isAnchored("^a|b"));
    assertFalse(RegexShape.isAnchored("abc$"));
    assertFalse(RegexShape.isAnchored("(?:^a)"));
    assertFalse(RegexShape.isAnchored("(?i:^a)"));
  }

  @Test
  void topLevelAlternation() {
    assertTrue(RegexShape.hasTopLevelAlternation("a|b"));
    assertTrue(RegexShape.hasTopLevelAlternation("(a)|[b]"));
    assertTrue(RegexShape.hasTopLevelAlternation("a|b\\Qc")); // an unclosed quote runs on
    assertFalse(RegexShape.hasTopLevelAlternation("(a|b)c"));
    assertFalse(RegexShape.hasTopLevelAlternation("[|(]a"));
    assertFalse(RegexShape.hasTopLevelAlternation("a\\|b"));
    assertFalse(RegexShape.hasTopLevelAlternation("a\\Q|(\\Eb"));
    assertFalse(RegexShape.hasTopLevelAlternation("(a|b"));
  }

  @Test
  void requiredTexts() {
    assertRequired("[[getty images]]", "(?:via )?Getty Images\\)?$");
    assertRequired("[[(], [a, b], [x]]", "\\((?:a|b)+x");
    assertRequired("[[a], [c]]", "ab?c");
    assertRequired("[[ab]]", "\\p{Lu}{2,}ab");
    assertRequired("[[x]]", "[abc]x[d-f]{1,3}");
    assertRequired("[[abc, def]]", "abc|def");
    assertRequired("[]", "abc|d?");
    assertRequired("[[abc]]", "abc|xabcx");
    assertRequired("[]", "\\x41bc");
    assertRequired("[]", "(?x)a b # c");
    // A required group's alternation: one of its branches' longest texts.
    assertRequired(
        "[[aggregated, generated from ]]",
        "\\b(?:auto-?aggregated|automatically aggregated|auto-?generated from (?:a|an) feed)\\b");
    assertRequired("[[by ], [reuters, ap]]", "by (?<agency>Reuters|AP)");
    // Optional groups, lookarounds and flag groups require nothing.
    assertRequired("[[x]]", "(?:abc|def)?x(?:ghi)*");
    assertRequired("[[x]]", "(?!abc)x(?<=x)");
    assertRequired("[[x]]", "(?i:abc)x");
  }

  private static void assertRequired(String expected, String regex) {
    String[][] clauses = RegexShape.requiredTexts(regex);
    assertEquals(expected, Arrays.deepToString(clauses), regex);
  }

  /** Lines that exercise many rules, matching or nearly matching. */
  private static final List<String> SAMPLE_LINES =
      List.of(
          "Advertisement",
          "advertisement here",
          "Share this article",
          "Share prices fell",
          "Related: things",
          "Related stories are below us",
          "We use cookies to improve your experience.",
          "Click here to subscribe",
          "Copyright 2024 The Associated Press. All rights reserved.",
          "Copyright lawyers said so",
          "(Photo by Jane Doe/Getty Images)",
          "Blinken shakes hands. (Photo by Leah Millis/AFP via Getty Images)",
          "LEAH MILLIS/POOL / AFP via Getty Images",
          "CHINA-US-DIPLOMACY",
          "COVID-19",
          "Reporting by X; Editing by Y",
          "Reporting by the BBC found problems.",
          "For all the latest Automobiles News Click Here",
          "Read original article here",
          "Source: Reuters",
          "Sources said the talks failed.",
          "Denial of responsibility! X is an automatic aggregator",
          "Disclaimer: none",
          "By Jane Doe",
          "By the end of the year",
          "BEIJING (AP) - The talks",
          "WASHINGTON - The talks",
          "\"Quoted text,\" he said.",
          "中国外交部长王毅周一在北京会见了美国国务卿布林肯。",
          "Москва - столица России",
          "123 people attended",
          "- Reuters",
          "(With inputs from PTI)",
          "Photo: AP",
          "Photos show the damage",
          "The post X appeared first on Y.",
          "This story has not been edited by Devdiscourse staff and is auto-generated from a"
              + " syndicated feed.",
          "Published June 5, 2023",
          "All content here is automatically aggregated from RSS feeds.",
          "This story has not been written or edited by our staff.",
          "AP and Reuters reported the talks.",
          "Follow us on Twitter",
          "{weird} [line] | with ^ metachars $ and \\ backslash",
          "é");

  /** The fast path (merging, first-character dispatch, literal checks) agrees with plain find(). */
  @Test
  void compiledMatchingAgreesWithPlainFind() {
    List<String> lines = new ArrayList<>(SAMPLE_LINES);
    for (String l : SAMPLE_LINES) {
      lines.add(l.toUpperCase(Locale.ROOT));
      lines.add(l.toLowerCase(Locale.ROOT));
    }
    assertTrue(agreeingMatches(lines) > 40);
  }

  /** The same on every line of the bundled test articles and stories, as cleaning sees them. */
  @Test
  void compiledMatchingAgreesWithPlainFindOnTestdata() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String dir : new String[] {"testdata/articles", "testdata/stories"}) {
      try (var files = Files.list(Path.of(dir))) {
        for (Path f : files.sorted().toList()) {
          String text =
              TextNormalizer.normalize(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
          lines.addAll(List.of(text.split("\n")));
        }
      }
    }
    assertTrue(lines.size() > 1000, "lines: " + lines.size());
    assertTrue(agreeingMatches(lines) > 50);
  }

  /** Asserts the compiled groups and strips match exactly the lines plain find() matches. */
  private static int agreeingMatches(List<String> lines) {
    BoilerplateRules rules = BoilerplateRules.defaults();
    CompiledRules compiled = rules.compiled();
    String agencies = BoilerplateRules.agencyAlternation(rules.agencies());
    List<Pattern> strips = new ArrayList<>();
    for (Rule r : rules.rules()) {
      if (r.kind() == Kind.STRIP) {
        strips.add(Pattern.compile(CompiledRules.expand(r.regex(), agencies), CompiledRules.FLAGS));
      }
    }
    Scratch stripScratch = compiled.newScratch();
    for (String line : lines) {
      boolean expected = strips.stream().anyMatch(p -> p.matcher(line).find());
      boolean actual =
          !line.isEmpty()
              && compiled.strips().stream().anyMatch(p -> p.match(line, stripScratch) != null);
      assertEquals(expected, actual, "strip: " + line);
    }
    int matched = 0;
    for (Kind kind : List.of(Kind.LINE, Kind.POINTER, Kind.CREDIT, Kind.TAIL, Kind.DISCLAIMER)) {
      List<Pattern> plain = new ArrayList<>();
      for (Rule r : rules.rules()) {
        if (r.kind() == kind) {
          plain.add(
              Pattern.compile(CompiledRules.expand(r.regex(), agencies), CompiledRules.FLAGS));
        }
      }
      Scratch scratch = compiled.newScratch();
      for (String line : lines) {
        boolean expected = plain.stream().anyMatch(p -> p.matcher(line).find());
        assertEquals(expected, compiled.group(kind).matches(line, scratch), kind + ": " + line);
        matched += expected ? 1 : 0;
      }
    }
    return matched;
  }
}
