package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link CopyKind#REWORDED}: a paper's reprint whose sentences were reworded here and there: the
 * same paragraphs in the same order, and in most sentences a few small changes —
 *
 * <ul>
 *   <li>common news words and phrases swapped from a built-in table ("said" → "stated", "rose" →
 *       "climbed", "because" → "as", "about 300" → "around 300", "people" → "residents", "more
 *       than" → "over", "said that" → "said", "on Monday" → "Monday", ...);
 *   <li>numbers written another way ("5%" → "5 percent", "three" → "3", "4" → "four", "$2 billion"
 *       → "$2bn"), as house style does, in quotations too;
 *   <li>a clause moved: a trailing attribution to the front ("…, officials said." → "Officials said
 *       that …") or back, a "because"/"after"/"when" clause or a time phrase to the front, "“…,”
 *       she said." → "She said: “….”", a sentence split at ", and" / ", but";
 *   <li>an adverb inserted ("will also", "was reportedly", "has already"), a contraction made or
 *       undone ("did not" ↔ "didn't");
 *   <li>the paper's house spelling (US or British by its domain: "neighbors" ↔ "neighbours").
 * </ul>
 *
 * <p>Words inside quotations are left alone unless nothing else is left to change in the sentence
 * (then half the time). Edits never undo or overlap one another and spread over the sentence. New
 * headline (as {@link ReprintCopy}), sometimes a sign-off line, sometimes without the wire
 * dateline; a paper; published 1–10 hours after the original.
 *
 * <p>On the bundled stories a reworded copy keeps about half of its original's 5-word shingles:
 * median Jaccard about 0.36 and containment (over the smaller set) about 0.54. For two texts of
 * about the same length Jaccard is at most C / (2 − C) for containment C, so "Jaccard 0.3 with
 * containment 0.6" cannot both hold; these values sit inside Jaccard 0.2–0.4 and containment
 * 0.5–0.7. Spanish and Russian stories get the synonym table of their language (and Spanish the
 * percent rewrite) only, so they change less.
 */
final class RewordedCopy {
  private RewordedCopy() {}

  /** Share of sentences that get at least one edit. */
  static final double SENTENCE_SHARE = 0.95;

  /** About one edit per this many words of a sentence (at least one). */
  static final double WORDS_PER_EDIT = 4.5;

  private static final String B = "(?<![\\p{L}\\p{N}])";
  private static final String E = "(?![\\p{L}\\p{N}])";
  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  /**
   * A synonym: whole-word regex and its replacement ({@code $1} allowed; alternatives separated by
   * '|'); {@code needle} is a lower-case literal every match contains ("" when unknown), to skip
   * the regex quickly.
   */
  private record Swap(Pattern pattern, String replacement, String needle) {}

  private static final Pattern LEADING_LITERAL = Pattern.compile("^(?:\\(\\?-i:)?([\\p{L} ]{2,})");

  private static List<Swap> swaps(String... pairs) {
    List<Swap> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String after = pairs[i].endsWith(" ") ? "" : E;
      Matcher lit = LEADING_LITERAL.matcher(pairs[i]);
      String needle = lit.find() ? lit.group(1).toLowerCase(Locale.ROOT) : "";
      out.add(new Swap(Pattern.compile(B + pairs[i] + after, FLAGS), pairs[i + 1], needle));
    }
    return List.copyOf(out);
  }

  private static final String NUM =
      "(?= (?:[\\d$€£]|half|a (?:third|quarter|fifth|tenth|dozen"
          + "|hundred|thousand|million)|one|two|three|four|five|six|seven|eight|nine|ten)"
          + E
          + ")";

  /** " the meeting." or " a storm in": a noun phrase, not a clause, follows. */
  private static final String NOUN_PHRASE =
      "(?= (?:the|a|an|his|her|their|its|last|this) "
          + "[\\p{L}-]+(?:[,.;]| (?:of|in|on|at|and|with|to|for|from|by)"
          + E
          + "))";

  private static final Map<String, List<Swap>> SYNONYMS =
      Map.of(
          "en",
              swaps(
                  "said",
                  "stated|noted",
                  "says",
                  "states",
                  "told reporters",
                  "said to reporters",
                  "rose",
                  "climbed",
                  "rises",
                  "climbs",
                  "risen",
                  "climbed",
                  "fell",
                  "dropped",
                  "falls",
                  "drops",
                  "fallen",
                  "dropped",
                  "jumped",
                  "surged",
                  "(?<!(?:be|been|being|was|were|is|are) )increased",
                  "grew",
                  "(?<!(?:be|been|being|was|were|is|are) )decreased",
                  "declined",
                  "slowed",
                  "eased",
                  "because(?! of" + E + ")",
                  "as",
                  "because of",
                  "owing to",
                  "due to(?= (?:the|a|an|its|their|his|her)" + E + ")",
                  "owing to",
                  "about" + NUM,
                  "around",
                  "around(?= [\\d$€£])",
                  "roughly",
                  "approximately",
                  "about",
                  "nearly",
                  "almost",
                  "almost",
                  "nearly",
                  "just(?= [\\d$€£])",
                  "only",
                  "at least(?= [\\d$€£])",
                  "a minimum of",
                  "more than",
                  "over",
                  "people",
                  "residents|individuals",
                  "residents(?! of" + E + ")",
                  "locals",
                  "workers",
                  "employees",
                  "officials",
                  "authorities",
                  "began",
                  "started",
                  "begin",
                  "start",
                  "ended",
                  "concluded",
                  "announced",
                  "unveiled",
                  "announce",
                  "unveil",
                  "however",
                  "nevertheless",
                  "several(?= \\p{L}+s" + E + ")",
                  "a number of",
                  "company",
                  "firm",
                  "companies",
                  "firms",
                  "government",
                  "administration",
                  "children",
                  "youngsters",
                  "large",
                  "big",
                  "big",
                  "major",
                  "largest",
                  "biggest",
                  "biggest",
                  "largest",
                  "important",
                  "key",
                  "significant",
                  "considerable",
                  "considerable",
                  "significant",
                  "expected to",
                  "likely to",
                  "expects",
                  "anticipates",
                  "expected",
                  "anticipated",
                  "plans to",
                  "intends to",
                  "after" + NOUN_PHRASE,
                  "following",
                  "before" + NOUN_PHRASE,
                  "ahead of",
                  "despite",
                  "in spite of",
                  "amid",
                  "in the midst of",
                  "during",
                  "in the course of",
                  "showed",
                  "indicated",
                  "shows",
                  "indicates",
                  "found that",
                  "concluded that",
                  "bought",
                  "purchased",
                  "buy",
                  "purchase",
                  "needed",
                  "required",
                  "needs to",
                  "has to",
                  "tried",
                  "attempted",
                  "lawmakers",
                  "legislators",
                  "warned",
                  "cautioned",
                  "urged",
                  "called on",
                  "welcomed",
                  "hailed",
                  "rejected(?= (?:the|a|an|his|her|their|its)" + E + ")",
                  "turned down",
                  "approved",
                  "backed",
                  "allow",
                  "permit",
                  "allows",
                  "permits",
                  "allowed",
                  "permitted",
                  "build",
                  "construct",
                  "built",
                  "constructed",
                  "added(?= that" + E + ")",
                  "noted",
                  "explained",
                  "noted",
                  "quickly",
                  "rapidly",
                  "recently",
                  "lately",
                  "previously",
                  "earlier",
                  "immediately",
                  "right away",
                  "additional",
                  "extra",
                  "difficult",
                  "hard",
                  "problem",
                  "issue",
                  "problems",
                  "issues",
                  "money",
                  "funds",
                  "funding",
                  "financing",
                  "spending",
                  "expenditure",
                  "talks",
                  "negotiations",
                  "deal",
                  "agreement",
                  "chief executive",
                  "CEO",
                  "cut(?= (?:its|their|the|his|her)" + E + ")",
                  "lowered",
                  "reduce",
                  "cut",
                  "reduced",
                  "cut",
                  "raised",
                  "lifted",
                  "raising",
                  "lifting",
                  "remained",
                  "stayed",
                  "remains",
                  "stays",
                  "remain",
                  "stay",
                  "high(?= \\p{L}+s" + E + ")",
                  "elevated",
                  "reported(?= a" + E + ")",
                  "posted",
                  "also ",
                  "",
                  "continued to",
                  "went on to",
                  "hopes to",
                  "aims to",
                  "agreed to",
                  "consented to",
                  "received",
                  "got",
                  "injured",
                  "hurt",
                  "homes",
                  "houses",
                  "recent",
                  "latest",
                  "currently",
                  "at present",
                  "in a statement",
                  "in a release",
                  "last year",
                  "the previous year",
                  "last month",
                  "the previous month",
                  "a year earlier",
                  "a year before",
                  "so far",
                  "to date",
                  "such as",
                  "like",
                  "as well as",
                  "and",
                  "in order to",
                  "to",
                  "although",
                  "though",
                  "whether",
                  "if",
                  "(?-i:could)",
                  "might",
                  "(?-i:might)",
                  "could",
                  "(?-i:may)",
                  "might",
                  "twice",
                  "two times",
                  "country",
                  "nation",
                  "countries",
                  "nations",
                  "region",
                  "area",
                  "U\\.S\\.",
                  "US",
                  "thousands of",
                  "many thousands of",
                  "(?-i:But)",
                  "Yet",
                  "including",
                  "among them",
                  "near",
                  "close to",
                  "within",
                  "inside",
                  "across",
                  "throughout",
                  "over(?= [\\d$€£])",
                  "more than",
                  "every(?! (?:two|three|four|five|few|other|\\d)" + E + ")",
                  "each",
                  "told(?= (?:the|a|an)" + E + ")",
                  "informed",
                  "the start of",
                  "the beginning of",
                  "the end of",
                  "the close of",
                  "won(?= (?:the|a|an|its|their|his|her)" + E + ")",
                  "claimed",
                  "hit(?= by" + E + ")",
                  "struck",
                  "closed",
                  "shut",
                  "raise",
                  "lift",
                  "offered(?= (?:a|an|the|temporary|free)" + E + ")",
                  "given",
                  "customers",
                  "clients",
                  "students",
                  "pupils",
                  "decision",
                  "move",
                  "repairs",
                  "repair work",
                  "hundreds of",
                  "several hundred",
                  "dozens of",
                  "scores of",
                  "only",
                  "just",
                  "helped",
                  "aided",
                  "(?-i:but)",
                  "yet",
                  "(?-i:still) ",
                  "",
                  "(?-i:then) ",
                  "",
                  "(?-i:already) ",
                  "",
                  "(?-i:currently) ",
                  "",
                  "(?-i:now) (?=\\p{Ll}+ly" + E + "|\\p{Ll}+ed" + E + ")",
                  "",
                  "(\\d+(?:\\.\\d+)?) km",
                  "$1 kilometres",
                  "(\\d+(?:\\.\\d+)?) kilometers",
                  "$1 km",
                  "(\\d+(?:\\.\\d+)?) miles",
                  "$1 mi",
                  "(\\d) a\\.m\\.",
                  "$1am",
                  "(\\d) p\\.m\\.",
                  "$1pm",
                  "(?-i:that) (?=(?:was|were|is|are|has|have|had|would|will|could|can)" + E + ")",
                  "which ",
                  "(?-i:who) (?=(?:was|were|is|are|has|have|had)" + E + ")",
                  "that ",
                  "a (day|week|month|year)(?=[.,;])",
                  "per $1",
                  "in recent years",
                  "in the past few years",
                  "a number of",
                  "several",
                  "so that",
                  "so",
                  "for the first time",
                  "for the first time ever",
                  "a total of ",
                  "",
                  "until(?= (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January"
                      + "|February|March|April|June|July|August|September|October|November|December"
                      + "|the end|\\d)"
                      + E
                      + ")",
                  "through",
                  "according to",
                  "per",
                  "next to",
                  "beside",
                  "in front of",
                  "before",
                  "set up",
                  "established",
                  "come up with",
                  "devise",
                  "handed out",
                  "distributed",
                  "took part in",
                  "participated in",
                  "turned into",
                  "converted into",
                  "gave(?= (?:the|a|an|its|their|his|her)" + E + ")",
                  "granted",
                  "struggled",
                  "battled",
                  "seized on",
                  "pounced on",
                  "described",
                  "detailed",
                  "presented",
                  "submitted",
                  "supplied by",
                  "provided by",
                  "designed to",
                  "meant to",
                  "aboard",
                  "on board",
                  "spokesman",
                  "spokesperson",
                  "proof",
                  "evidence",
                  "risk",
                  "danger",
                  "risks",
                  "dangers",
                  "families",
                  "households",
                  "crews",
                  "teams",
                  "reach",
                  "get to",
                  "fierce",
                  "intense",
                  "frequent",
                  "common",
                  "harder to",
                  "more difficult to",
                  "quick to",
                  "swift to",
                  "deepest",
                  "steepest",
                  "reduction",
                  "cut",
                  "comfortably",
                  "well",
                  "prepared to",
                  "ready to",
                  "interrupted",
                  "disrupted",
                  "threatens",
                  "endangers",
                  "triggered",
                  "set off",
                  "normally",
                  "usually",
                  "usually",
                  "typically",
                  "typically",
                  "usually",
                  "often",
                  "frequently",
                  "mainly",
                  "largely",
                  "largely",
                  "mostly",
                  "mostly",
                  "largely",
                  "weakest",
                  "lowest",
                  "steady",
                  "stable",
                  "pressing for",
                  "pushing for",
                  "postpone",
                  "delay",
                  "postponed",
                  "delayed",
                  "growth",
                  "expansion",
                  "cautious",
                  "careful",
                  // style: "said that" ↔ "said", "on Monday" ↔ "Monday"
                  "(said|says|stated|added|noted|announced) that ",
                  "$1 ",
                  "(said|says)(?= (?:the|a|an|it|he|she|they|its|his|her|their|there)" + E + ")",
                  "$1 that",
                  "(?-i:on) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
                  "$1",
                  "(said|says|announced|reported)"
                      + " (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
                  "$1 on $2"),
          "es",
              swaps(
                  "dijo",
                  "afirmó",
                  "señaló",
                  "indicó",
                  "aseguró",
                  "sostuvo",
                  "explicó",
                  "detalló",
                  "informaron",
                  "indicaron",
                  "además",
                  "asimismo",
                  "más de",
                  "por encima de",
                  "alrededor de",
                  "cerca de",
                  "personas",
                  "ciudadanos",
                  "empresa",
                  "compañía",
                  "viviendas",
                  "casas",
                  "también",
                  "igualmente",
                  "debido a",
                  "a causa de",
                  "según",
                  "de acuerdo con",
                  "autoridades",
                  "responsables"),
          "ru",
              swaps(
                  "сообщил",
                  "заявил",
                  "сообщила",
                  "заявила",
                  "отметил",
                  "подчеркнул",
                  "отметила",
                  "подчеркнула",
                  "более",
                  "свыше",
                  "около",
                  "порядка",
                  "компании",
                  "фирмы",
                  "говорится",
                  "сообщается",
                  "сейчас",
                  "в настоящее время",
                  "однако",
                  "тем не менее",
                  "после",
                  "по окончании",
                  "примерно",
                  "около"));

  private static final List<String> NUMBER_WORDS =
      List.of(
          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve");
  private static final Pattern PERCENT_SIGN = Pattern.compile("(\\d+(?:[.,]\\d+)?)%");
  private static final Pattern PERCENT_WORD =
      Pattern.compile("(\\d+(?:\\.\\d+)?) (?:percent|per cent)" + E);
  private static final Pattern POR_CIENTO = Pattern.compile("(\\d+(?:,\\d+)?) por ciento" + E);
  private static final Pattern MILLIONS =
      Pattern.compile("(\\d) (million|billion)" + E, Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern NUMBER_WORD =
      Pattern.compile(B + "(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)" + E);
  private static final Pattern DIGIT =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}\\p{Sc}.,:/-])([2-9])(?![\\p{N}.,:%/-]|\\s?(?:%|percent|per cent"
              + "|a\\.m|p\\.m|am|pm|st|nd|rd|th)"
              + E
              + ")",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final String SUBJECT =
      "(?<subj>officials|authorities|police|analysts|residents"
          + "|the(?-i:(?: [\\p{Ll}-]+){1,4})"
          + "|he|she|they|it|(?-i:\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+){0,2}))";
  private static final String VERB = "(?<verb>said|says|added|told reporters)";
  private static final String WHEN =
      "(?<when> on (?:Monday|Tuesday|Wednesday|Thursday|Friday"
          + "|Saturday|Sunday)| last week| earlier)?";

  /** "The port will reopen, officials said." */
  private static final Pattern TRAILING_ATTRIBUTION =
      Pattern.compile("^(?<body>.{20,}), " + SUBJECT + " " + VERB + WHEN + "\\.$", FLAGS);

  /** "Officials said the port will reopen." */
  private static final Pattern LEADING_ATTRIBUTION =
      Pattern.compile(
          "^"
              + SUBJECT
              + " (?<verb>said|says)"
              + WHEN
              + " (?:that )?(?<body>(?:(?! and that )[^,])"
              + "{20,})\\.$",
          FLAGS);

  /** "Prices rose because demand was strong." */
  private static final Pattern CLAUSES =
      Pattern.compile(
          "^(?<a>[^,;:]{15,}?) (?<c>because|after"
              + "|when|while|although|before|once) (?<b>[^,;:]{12,})\\.$",
          FLAGS);

  /** "The port reopened on Monday." */
  private static final Pattern TIME_PHRASE =
      Pattern.compile(
          "^(?<a>[^;:]{20,}) (?<t>(?:on |late |early"
              + " )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:"
              + " (?:morning|afternoon|evening|night))?|last (?:week|month|year)|this"
              + " (?:week|month|year|morning)|(?:earlier|later) this (?:week|month|year)|next"
              + " (?:week|month|year)|in (?:19|20)\\d\\d|in"
              + " (?:January|February|March|April|May|June|July|August|September|October|November"
              + "|December))\\.$",
          FLAGS);

  /** "“We will rebuild,” she said on Monday." */
  private static final Pattern QUOTE_FIRST =
      Pattern.compile(
          "^(?<open>[“\"])(?<quote>[^“”\"]{10,}),(?<close>[”\"])"
              + " (?<subj>he|she|they|(?-i:\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+){0,3}))"
              + " (?<verb>said|says|added|told reporters)(?<rest>(?: on \\p{Lu}\\p{Ll}+day)?)\\.$",
          FLAGS);

  /** "She said on Monday: “We will rebuild.”" */
  private static final Pattern QUOTE_LAST =
      Pattern.compile(
          "^(?<subj>He|She|They"
              + "|(?-i:\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+){0,3})) (?<verb>said|says|added)"
              + "(?<rest>(?: on \\p{Lu}\\p{Ll}+day)?): (?<open>[“\"])(?<quote>[^“”\"]{10,})\\."
              + "(?<close>[”\"])$",
          FLAGS);

  private static final String NAME = "(\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+){1,3})";

  /** "…,” said Jane Doe" */
  private static final Pattern QUOTE_SAID_NAME =
      Pattern.compile(
          "([,?!][”\"]) said " + NAME + "(?=\\.$| (?:at|in|on|during|after|before|as)" + E + ")",
          Pattern.UNICODE_CHARACTER_CLASS);

  /** "…,” Jane Doe said" */
  private static final Pattern QUOTE_NAME_SAID =
      Pattern.compile("([,?!][”\"]) " + NAME + " said" + E, Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern AUXILIARY =
      Pattern.compile(
          B
              + "(is|are|was|were|has|have|had"
              + "|will|would|could|should|can|may|might) (?!not"
              + E
              + "|also"
              + E
              + "|now"
              + E
              + "|already"
              + E
              + "|reportedly"
              + E
              + "|still"
              + E
              + "|currently"
              + E
              + "|himself"
              + E
              + "|herself"
              + E
              + "|itself"
              + E
              + "|themselves"
              + E
              + ")(?=\\p{Ll})"
              // "has" and "had" only as auxiliaries: before a participle, not "had no legal basis"
              + "(?<!(?:has|have|had) )|"
              + B
              + "(has|have|had) (?=\\p{Ll}+(?:ed|en)"
              + E
              + "|been"
              + E
              + "|made|put|set|cut|run|won|lost|paid|built|brought|taken|told|said|left|kept|held)",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern NOT =
      Pattern.compile(
          B
              + "(do|does|did|is|are|was|were|has|have"
              + "|had|would|could|should|will|can)(?: not|not)"
              + E,
          FLAGS);
  private static final Pattern PRONOUN_BE =
      Pattern.compile(
          B + "(it|that|there|they|we|you) (is|are)" + E + "(?! (?:been|got)" + E + ")", FLAGS);
  private static final Pattern CONTRACTED =
      Pattern.compile(
          B + "(do|does|did|is|are|was|were|has|have|had|would|could|should|wo|ca)n['’]t" + E,
          FLAGS);
  private static final Pattern PRONOUN_BE_CONTRACTED =
      Pattern.compile(
          B
              + "(it|that|there)['’]s"
              + E
              + "(?! (?:been|got)"
              + E
              + ")|"
              + B
              + "(they|we|you)['’]re"
              + E,
          FLAGS);

  /** Sentence-initial words that lose their capital when a clause is moved before them. */
  private static final Set<String> LOWER_WHEN_MOVED =
      Set.of(
          "the", "a", "an", "this", "that", "these", "those", "it", "its", "there", "some", "most",
          "many", "all", "more", "he", "she", "they", "we", "his", "her", "their", "our", "one",
          "two", "three", "four", "five", "several", "no", "both", "each", "every", "other",
          "another", "such");

  static Draft make(Story story, Draft original, Outlets.Outlet paper, SplittableRandom rng) {
    List<String> paras = original.storyParagraphs();
    String lead = story.paragraphs().get(0);
    String first = paras.get(0);
    String prefix = first.endsWith(lead) ? first.substring(0, first.length() - lead.length()) : "";
    if (!prefix.isEmpty() && Texts.chance(rng, 0.4)) {
      prefix = "";
    }
    Vocabulary common = Vocabulary.of(story.paragraphs());
    boolean british = BRITISH_DOMAIN.matcher(paper.domain()).find();
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < paras.size(); i++) {
      String p = i == 0 && first.endsWith(lead) ? lead : paras.get(i);
      String r = reword(p, story.language(), common, rng);
      if ("en".equals(story.language())) {
        r = spelling(r, british);
      }
      blocks.add(new Block.Para(i == 0 ? prefix + r : r));
    }
    if (Texts.chance(rng, 0.4)) {
      blocks.add(new Block.Added(ReprintCopy.signOff(story, rng)));
    }
    String title = Headlines.rewrite(story.title(), story, paper, rng);
    Instant t =
        original.publishedAt == null
            ? null
            : original.publishedAt.plus(Duration.ofSeconds(3600 + rng.nextLong(9 * 3600)));
    return new Draft(story, CopyKind.REWORDED, paper, title, blocks, t, rng.split());
  }

  /** Papers on these domains spell the British way. */
  private static final Pattern BRITISH_DOMAIN = Pattern.compile("\\.(?:uk|au|nz|in|za|ie|sg|ae)$");

  /** US spelling to British and back, whole lower-case words (with their usual endings). */
  private static final Map<String, String> TO_BRITISH = new HashMap<>();

  private static final Map<String, String> TO_AMERICAN = new HashMap<>();

  static {
    String[][] stems = {
      // {US stem, British stem, endings separated by ','}
      {"neighbor", "neighbour", ",s,hood,hoods,ing,ly"},
      {"labor", "labour", ",s,ed,ing"},
      {"favor", "favour", ",s,ed,ing,able,ite,ites"},
      {"color", "colour", ",s,ed,ful"},
      {"harbor", "harbour", ",s,ed,ing"},
      {"honor", "honour", ",s,ed,ing"},
      {"behavior", "behaviour", ",s,al"},
      {"rumor", "rumour", ",s,ed"},
      {"center", "centre", ",s"},
      {"kilometer", "kilometre", ",s"},
      {"centimeter", "centimetre", ",s"},
      {"theater", "theatre", ",s"},
      {"defense", "defence", ","},
      {"offense", "offence", ","},
      {"organiz", "organis", "e,es,ed,ing,ation,ations,er,ers"},
      {"recogniz", "recognis", "e,es,ed,ing"},
      {"realiz", "realis", "e,es,ed,ing"},
      {"criticiz", "criticis", "e,es,ed,ing"},
      {"apologiz", "apologis", "e,es,ed,ing"},
      {"prioritiz", "prioritis", "e,es,ed,ing"},
      {"emphasiz", "emphasis", "e,es,ed,ing"},
      {"moderniz", "modernis", "e,es,ed,ing,ation"},
      {"privatiz", "privatis", "e,ed,ation"},
      {"mobiliz", "mobilis", "e,es,ed,ing,ation"},
      {"authoriz", "authoris", "e,es,ed,ing"},
      {"finaliz", "finalis", "e,es,ed,ing"},
      {"stabiliz", "stabilis", "e,es,ed,ing"},
      {"subsidiz", "subsidis", "e,es,ed,ing"},
      {"minimiz", "minimis", "e,es,ed,ing"},
      {"travele", "travelle", "d,r,rs"},
      {"travelin", "travellin", "g"},
      {"cancele", "cancelle", "d"},
      {"cancelin", "cancellin", "g"},
      {"program", "programme", ",s"},
      {"aluminum", "aluminium", ","},
      {"gray", "grey", ","},
      {"pajama", "pyjama", "s"}
    };
    for (String[] st : stems) {
      for (String ending : st[2].split(",", -1)) {
        TO_BRITISH.put(st[0] + ending, st[1] + ending);
        TO_AMERICAN.put(st[1] + ending, st[0] + ending);
      }
    }
    TO_BRITISH.put("centered", "centred");
    TO_AMERICAN.put("centred", "centered");
  }

  private static final Pattern LOWER_WORD =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])\\p{Ll}+" + "(?![\\p{L}\\p{N}])", Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * The text in the paper's house spelling, quotations included (copy desks change those too):
   * "neighbors" ↔ "neighbours", "organize" ↔ "organise", "center" ↔ "centre". Lower-case words
   * only, so that names ("Kennedy Center") keep theirs.
   */
  static String spelling(String text, boolean british) {
    Map<String, String> table = british ? TO_BRITISH : TO_AMERICAN;
    Matcher m = LOWER_WORD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      String to = table.get(m.group());
      if (to != null) {
        out.append(text, last, m.start()).append(to);
        last = m.end();
      }
    }
    return out.append(text, last, text.length()).toString();
  }

  /**
   * The paragraph with most of its sentences reworded.
   *
   * @param common what the story writes in lower case and what it capitalises mid-sentence: a
   *     clause is moved before a sentence-initial word only when it is one or the other
   */
  static String reword(String paragraph, String lang, Vocabulary common, SplittableRandom rng) {
    List<String> out = new ArrayList<>();
    boolean curly = paragraph.indexOf('’') >= 0 || paragraph.indexOf('“') >= 0;
    for (String s : Texts.sentences(paragraph)) {
      out.add(rewordSentence(s, lang, curly, common, rng));
    }
    return String.join(" ", out);
  }

  /**
   * The words a story writes in lower case ({@code lower}) and those it capitalises inside a
   * sentence ({@code names}).
   */
  record Vocabulary(Set<String> lower, Set<String> names) {

    static Vocabulary of(List<String> paragraphs) {
      Set<String> lower = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (String p : paragraphs) {
        for (String sentence : Texts.sentences(p)) {
          Matcher m = WORD.matcher(sentence);
          boolean first = true;
          while (m.find()) {
            if (Character.isLowerCase(m.group().charAt(0))) {
              lower.add(m.group());
            } else if (!first) {
              names.add(m.group());
            }
            first = false;
          }
        }
      }
      return new Vocabulary(lower, names);
    }
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  /** A replacement of {@code [start, end)} by {@code text}. */
  private record Change(int start, int end, String text) {}

  private enum Edit {
    SYNONYM,
    NUMBER,
    ADVERB,
    CONTRACTION
  }

  private static final List<Edit> EDITS_EN =
      List.of(
          Edit.SYNONYM,
          Edit.SYNONYM,
          Edit.SYNONYM,
          Edit.SYNONYM,
          Edit.SYNONYM,
          Edit.SYNONYM,
          Edit.SYNONYM,
          Edit.SYNONYM,
          Edit.NUMBER,
          Edit.NUMBER,
          Edit.ADVERB,
          Edit.CONTRACTION);
  private static final List<Edit> EDITS_ES =
      List.of(Edit.SYNONYM, Edit.SYNONYM, Edit.SYNONYM, Edit.SYNONYM, Edit.NUMBER);
  private static final List<Edit> EDITS_OTHER =
      List.of(Edit.SYNONYM, Edit.SYNONYM, Edit.SYNONYM, Edit.SYNONYM);

  /**
   * One sentence reworded (with probability {@link #SENTENCE_SHARE}): first, for English, maybe a
   * moved clause or a split; then word edits, about one per {@link #WORDS_PER_EDIT} words, outside
   * quotations, each away from the earlier ones where possible and never on a word an earlier edit
   * wrote (so that no edit undoes another).
   */
  static String rewordSentence(
      String s, String lang, boolean curly, Vocabulary common, SplittableRandom rng) {
    if (!Texts.chance(rng, SENTENCE_SHARE)) {
      return s;
    }
    int want =
        Math.max(1, (int) Math.round(Texts.wordCount(s) / WORDS_PER_EDIT + rng.nextDouble() - 0.5));
    String out = s;
    int done = 0;
    if ("en".equals(lang) && Texts.chance(rng, STRUCTURE_SHARE)) {
      String r = clause(out, common, rng);
      if (r != null && !r.equals(out)) {
        out = r;
        done++;
      }
    }
    List<Edit> edits =
        new ArrayList<>(
            switch (lang) {
              case "en" -> EDITS_EN;
              case "es" -> EDITS_ES;
              default -> EDITS_OTHER;
            });
    List<int[]> edited = new ArrayList<>();
    Map<Edit, List<Change>> found = new EnumMap<>(Edit.class); // for the current text
    while (done < want && !edits.isEmpty()) {
      Edit e = edits.remove(rng.nextInt(edits.size()));
      String current = out;
      List<Change> options =
          found.computeIfAbsent(
              e,
              k ->
                  switch (k) {
                    case SYNONYM -> synonyms(current, lang);
                    case NUMBER -> numbers(current, lang);
                    case ADVERB -> adverbs(current, rng);
                    case CONTRACTION -> contractions(current, curly);
                  });
      // House style for numbers applies inside quotations too.
      Change c = choose(out, options, edited, e != Edit.NUMBER, rng);
      if (c == null) {
        continue;
      }
      String before = article(out.substring(0, c.start()), c.text());
      String next = before + c.text() + out.substring(c.end());
      if (before.isEmpty() && c.text().isEmpty()) {
        next = capitalise(next);
      }
      int delta = next.length() - out.length();
      for (int[] span : edited) {
        if (span[0] >= c.end()) {
          span[0] += delta;
          span[1] += delta;
        }
      }
      edited.add(new int[] {before.length(), before.length() + c.text().length()});
      out = next;
      found.clear();
      done++;
    }
    return out;
  }

  /** Share of English sentences for which a clause move or a split is tried first. */
  static final double STRUCTURE_SHARE = 0.9;

  /**
   * Chance that a word edit that finds nothing left to change outside quotations changes a word
   * inside one (as rewrites that paraphrase quotes do).
   */
  static final double QUOTE_FALLBACK = 0.5;

  /** Edits closer than this many characters to an earlier one change few new shingles. */
  private static final int SPREAD_CHARS = 30;

  /**
   * A change outside earlier edits (and quotations, if {@code notInQuotes}), preferably {@link
   * #SPREAD_CHARS} away from them; null when there is none.
   */
  private static Change choose(
      String s,
      List<Change> options,
      List<int[]> edited,
      boolean notInQuotes,
      SplittableRandom rng) {
    List<int[]> quotes = notInQuotes ? quotes(s) : List.of();
    List<Change> ok = new ArrayList<>();
    List<Change> apart = new ArrayList<>();
    for (Change c : options) {
      if (inside(quotes, c.start(), c.end()) || touches(edited, c.start(), c.end())) {
        continue;
      }
      ok.add(c);
      boolean far = true;
      for (int[] e : edited) {
        far &= c.start() - e[1] >= SPREAD_CHARS || e[0] - c.end() >= SPREAD_CHARS;
      }
      if (far) {
        apart.add(c);
      }
    }
    List<Change> from = apart.isEmpty() ? ok : apart;
    if (from.isEmpty() && notInQuotes && !options.isEmpty() && Texts.chance(rng, QUOTE_FALLBACK)) {
      return choose(s, options, edited, false, rng);
    }
    return from.isEmpty() ? null : from.get(rng.nextInt(from.size()));
  }

  // ---------------------------------------------------------------------------------------------
  // Word edits: every place where one applies

  /** Synonym substitutions; a capital is kept, one of several replacements picked per place. */
  private static List<Change> synonyms(String s, String lang) {
    List<Change> out = new ArrayList<>();
    String lower = s.toLowerCase(Locale.ROOT);
    for (Swap w : SYNONYMS.getOrDefault(lang, List.of())) {
      if (!lower.contains(w.needle())) {
        continue;
      }
      Matcher m = w.pattern().matcher(s);
      while (m.find()) {
        if (Character.isUpperCase(s.charAt(m.start()))
            && !sentenceStart(s, m.start())
            && !w.pattern().pattern().contains("(?-i:")) {
          continue; // a word of a name ("Main Library", "Government House")
        }
        String[] alternatives = w.replacement().split("\\|", -1);
        String r = alternatives[Math.floorMod(m.start() * 31 + s.length(), alternatives.length)];
        for (int g = m.groupCount(); g >= 1; g--) {
          r = r.replace("$" + g, m.group(g) == null ? "" : m.group(g));
        }
        if (Character.isUpperCase(s.charAt(m.start())) && !r.isEmpty()) {
          r = capitalise(r);
        }
        out.add(new Change(m.start(), m.end(), r));
      }
    }
    return out;
  }

  /** "5%" ↔ "5 percent", "three" → "3", "3" → "three", "$2 billion" → "$2bn". */
  private static List<Change> numbers(String s, String lang) {
    List<Change> out = new ArrayList<>();
    Pattern[] patterns =
        "es".equals(lang)
            ? new Pattern[] {PERCENT_SIGN, POR_CIENTO}
            : new Pattern[] {PERCENT_SIGN, PERCENT_WORD, NUMBER_WORD, DIGIT, MILLIONS};
    for (Pattern p : patterns) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        String g = m.group(1);
        String rep;
        if (p == PERCENT_SIGN) {
          rep = g + ("es".equals(lang) ? " por ciento" : " percent");
        } else if (p == PERCENT_WORD || p == POR_CIENTO) {
          rep = g + "%";
        } else if (p == MILLIONS) {
          rep = g + (m.group(2).equals("million") ? "m" : "bn");
        } else if (p == NUMBER_WORD) {
          rep = String.valueOf(NUMBER_WORDS.indexOf(g) + 2);
        } else if (afterCapitalisedWord(s, m.start())) {
          continue; // "March 4", "Route 9", "Category 5"
        } else {
          rep = NUMBER_WORDS.get(Integer.parseInt(g) - 2);
        }
        out.add(new Change(m.start(), m.end(), rep));
      }
    }
    return out;
  }

  /** "will reopen" → "will also reopen", "was damaged" → "was reportedly damaged". */
  private static List<Change> adverbs(String s, SplittableRandom rng) {
    List<Change> out = new ArrayList<>();
    Matcher m = AUXILIARY.matcher(s);
    while (m.find()) {
      if (m.start() == 0) {
        continue;
      }
      String aux = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
      List<String> adverbs =
          switch (aux) {
            case "has", "have", "had" -> List.of("already", "also", "reportedly");
            case "is", "are", "was", "were" -> List.of("also", "now", "reportedly", "still");
            default -> List.of("also", "now", "reportedly");
          };
      out.add(new Change(m.end(), m.end(), Texts.pick(rng, adverbs) + " "));
    }
    return out;
  }

  /** "did not" → "didn't", "it is" → "it's", or the other way round. */
  private static List<Change> contractions(String s, boolean curly) {
    String apo = curly ? "’" : "'";
    List<Change> out = new ArrayList<>();
    Matcher m = NOT.matcher(s);
    while (m.find()) {
      String aux = m.group(1);
      String lower = aux.toLowerCase(Locale.ROOT);
      String rep =
          lower.equals("will")
              ? "won" + apo + "t"
              : lower.equals("can") ? "can" + apo + "t" : aux + "n" + apo + "t";
      out.add(
          new Change(
              m.start(), m.end(), Character.isUpperCase(aux.charAt(0)) ? capitalise(rep) : rep));
    }
    m = PRONOUN_BE.matcher(s);
    while (m.find()) {
      out.add(
          new Change(
              m.start(),
              m.end(),
              m.group(1) + apo + (m.group(2).equalsIgnoreCase("is") ? "s" : "re")));
    }
    m = CONTRACTED.matcher(s);
    while (m.find()) {
      String aux = m.group(1);
      String lower = aux.toLowerCase(Locale.ROOT);
      String rep = lower.equals("wo") ? "will not" : lower.equals("ca") ? "cannot" : aux + " not";
      out.add(
          new Change(
              m.start(), m.end(), Character.isUpperCase(aux.charAt(0)) ? capitalise(rep) : rep));
    }
    m = PRONOUN_BE_CONTRACTED.matcher(s);
    while (m.find()) {
      out.add(
          new Change(
              m.start(), m.end(), m.group(1) != null ? m.group(1) + " is" : m.group(2) + " are"));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Structure edits: the changed sentence, or null when none applies

  /**
   * Moves an attribution, a subordinate clause or a time phrase (sentences without quotes), or
   * turns "…,” said Jane Doe" into "…,” Jane Doe said" and back.
   */
  static String clause(String s, Vocabulary common, SplittableRandom rng) {
    List<String> options = new ArrayList<>();
    String split = split(s);
    if (split != null) {
      options.add(split);
    }
    Matcher m = QUOTE_FIRST.matcher(s);
    if (m.matches()) {
      options.add(
          capitalise(m.group("subj"))
              + " "
              + m.group("verb")
              + m.group("rest")
              + ": "
              + m.group("open")
              + m.group("quote")
              + "."
              + m.group("close"));
    }
    m = QUOTE_LAST.matcher(s);
    if (m.matches() && lowerFirst(m.group("subj"), common) != null) {
      options.add(
          m.group("open")
              + m.group("quote")
              + ","
              + m.group("close")
              + " "
              + lowerFirst(m.group("subj"), common)
              + " "
              + m.group("verb")
              + m.group("rest")
              + ".");
    }
    m = QUOTE_SAID_NAME.matcher(s);
    if (m.find()) {
      options.add(
          s.substring(0, m.start())
              + m.group(1)
              + " "
              + m.group(2)
              + " said"
              + s.substring(m.end()));
    }
    m = QUOTE_NAME_SAID.matcher(s);
    if (m.find()) {
      options.add(
          s.substring(0, m.start()) + m.group(1) + " said " + m.group(2) + s.substring(m.end()));
    }
    if (!s.matches(".*[\"“”«»].*")) {
      m = TRAILING_ATTRIBUTION.matcher(s);
      if (m.matches() && lowerFirst(m.group("body"), common) != null) {
        String when = m.group("when") == null ? "" : m.group("when");
        String that = m.group("verb").equalsIgnoreCase("told reporters") ? " " : " that ";
        options.add(
            capitalise(m.group("subj"))
                + " "
                + m.group("verb")
                + when
                + that
                + lowerFirst(m.group("body"), common)
                + ".");
      }
      m = LEADING_ATTRIBUTION.matcher(s);
      if (m.matches() && lowerFirst(m.group("subj"), common) != null) {
        String when = m.group("when") == null ? "" : m.group("when");
        options.add(
            capitalise(m.group("body"))
                + ", "
                + lowerFirst(m.group("subj"), common)
                + " "
                + m.group("verb")
                + when
                + ".");
      }
      m = CLAUSES.matcher(s);
      if (m.matches()
          && lowerFirst(m.group("a"), common) != null
          && !endsWithPreposition(m.group("a"))) {
        options.add(
            capitalise(m.group("c").toLowerCase(Locale.ROOT))
                + " "
                + m.group("b")
                + ", "
                + lowerFirst(m.group("a"), common)
                + ".");
      }
      m = TIME_PHRASE.matcher(s);
      if (m.matches()
          && lowerFirst(m.group("a"), common) != null
          && !endsWithPreposition(m.group("a"))
          && !SUBORDINATE.matcher(m.group("a")).find()) {
        options.add(capitalise(m.group("t")) + ", " + lowerFirst(m.group("a"), common) + ".");
      }
    }
    return options.isEmpty() ? null : options.get(rng.nextInt(options.size()));
  }

  /** "X, and Y." → "X. Y."; "X, but Y." → "X. But Y." (sentences without quotes). */
  static String split(String s) {
    if (s.matches(".*[\"“”«»].*")) {
      return null;
    }
    Matcher m = SPLIT_AT.matcher(s);
    if (!m.matches() || Texts.wordCount(m.group(1)) < 6 || Texts.wordCount(m.group(3)) < 6) {
      return null;
    }
    return m.group(1)
        + ". "
        + (m.group(2).equals("but") ? "But " + m.group(3) : capitalise(m.group(3)));
  }

  /** Split only before a new subject, not in a compound predicate ("…, and agreed to …"). */
  private static final Pattern SPLIT_AT =
      Pattern.compile(
          "^(.{30,}?), (and|but) (?=(?:the|a|an"
              + "|he|she|it|they|we|his|her|its|their|this|these|those|some|many|most|other|several"
              + "|officials|police|prices) )(.{25,})$",
          Pattern.UNICODE_CHARACTER_CLASS);

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Spans of quotations ("…", “…”, «…»), an unclosed one running to the end. */
  private static List<int[]> quotes(String s) {
    List<int[]> out = new ArrayList<>();
    int open = -1;
    char close = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (open < 0 && (c == '“' || c == '"' || c == '«')) {
        open = i;
        close = c == '“' ? '”' : c == '«' ? '»' : '"';
      } else if (open >= 0 && c == close) {
        out.add(new int[] {open, i + 1});
        open = -1;
      }
    }
    if (open >= 0) {
      out.add(new int[] {open, s.length()});
    }
    return out;
  }

  private static boolean inside(List<int[]> spans, int start, int end) {
    for (int[] q : spans) {
      if (start < q[1] && end > q[0]) {
        return true;
      }
    }
    return false;
  }

  /** Overlaps or adjoins an edited span. */
  private static boolean touches(List<int[]> spans, int start, int end) {
    for (int[] q : spans) {
      if (start <= q[1] && end >= q[0]) {
        return true;
      }
    }
    return false;
  }

  /** {@code before} with a trailing "a"/"an" fitted to the word that now follows it. */
  private static String article(String before, String next) {
    Matcher m = ARTICLE.matcher(before);
    if (next.isEmpty() || !m.find()) {
      return before;
    }
    boolean vowel =
        "aeiouAEIOU".indexOf(next.charAt(0)) >= 0
            && !next.startsWith("uni")
            && !next.startsWith("US");
    boolean cap = Character.isUpperCase(m.group(1).charAt(0));
    String fixed = vowel ? (cap ? "An" : "an") : (cap ? "A" : "a");
    return before.substring(0, m.start(1)) + fixed + " ";
  }

  private static final Pattern ARTICLE = Pattern.compile("(?:^|\\s)(a|an|A|An) $");

  private static final Pattern ENDS_WITH_PREPOSITION =
      Pattern.compile(
          "(?i)(?:^|\\s)(?:by|through|until|till|since|from|of|to|before|after|between|and|or|as"
              + "|than|for|in|on|at|with|into|later|earlier|early|late)$");

  /** A time phrase after one of these may belong to the subordinate clause, not the sentence. */
  private static final Pattern SUBORDINATE =
      Pattern.compile(
          "(?i)(?:^|\\s)(?:since|when|after|before|because|while|that|which|who|where|until|as|if)\\s");

  /** "…contained by" must not lose what follows "by". */
  private static boolean endsWithPreposition(String s) {
    return ENDS_WITH_PREPOSITION.matcher(s).find();
  }

  /** True when only opening quotes or brackets come before {@code at}. */
  private static boolean sentenceStart(String s, int at) {
    for (int i = 0; i < at; i++) {
      if ("“\"‘'(«¿¡ ".indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** True when the word before {@code at} starts with a capital letter. */
  private static boolean afterCapitalisedWord(String s, int at) {
    int end = at;
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    int start = end;
    while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) {
      start--;
    }
    return start < end && Character.isUpperCase(s.charAt(start));
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * {@code s} to follow a moved clause: its first word lower-cased when the story writes it in
   * lower case, kept for a name or an acronym; null when it is neither (better not move).
   */
  private static String lowerFirst(String s, Vocabulary common) {
    Matcher m = WORD.matcher(s);
    if (!m.lookingAt()) {
      return null;
    }
    String word = m.group();
    String lower = word.toLowerCase(Locale.ROOT);
    boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
    if (!acronym && (LOWER_WHEN_MOVED.contains(lower) || common.lower().contains(lower))) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return acronym || common.names().contains(word) ? s : null;
  }
}
