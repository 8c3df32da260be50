package io.newsdedup.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {
  private static final TextCleaner CLEANER = TextCleaner.withDefaults();

  private static final String P1 =
      "The city council voted on Tuesday to expand the bus network to three new districts.";
  private static final String P2 =
      "Officials said the first routes would open next spring, pending approval of the budget.";
  private static final String P3 =
      "Residents have long complained about the lack of transport in the eastern suburbs.";

  private static String body(String... lines) {
    return String.join("\n\n", lines);
  }

  private static String expected(String... lines) {
    return String.join("\n", lines).toLowerCase(Locale.ROOT);
  }

  @Test
  void nullAndEmptyGiveEmptyText() {
    for (String s : new String[] {null, "", "  \n\n \u200b "}) {
      CleanedText c = CLEANER.clean(s);
      assertEquals("", c.text());
      assertEquals(0, c.boilerplateMarkers());
      assertNull(c.wireAgency());
      assertFalse(c.pointsToOriginal());
    }
  }

  @Test
  void caseFoldsAndCollapsesWhitespace() {
    CleanedText c = CLEANER.clean("  Hello   WORLD\u00a0Again \r\n\r\n\r\nSecond   Paragraph  ");
    assertEquals("hello world again\nsecond paragraph", c.text());
    assertEquals(0, c.boilerplateMarkers());
  }

  @Test
  void cleanArticleIsUntouched() {
    String article =
        body(
            P1,
            "By the end of the year, the network will carry 40,000 passengers a day, officials"
                + " said.",
            "Copyright lawyers were not involved in the dispute, which ran for three years.",
            "Read more about the plan in the council's report, which was published in May.",
            "More than 200 people attended the meeting.",
            "Sources close to the mayor said she would sign the measure.",
            "Share prices of the bus operator rose 3% on the news.",
            "Photos of the new buses were shown at the meeting, and several residents praised"
                + " them.",
            "Photo-finish votes are rare in the council.",
            "More-than-expected costs worried some members.",
            "Like many users on X, the mayor posted a photo of the first bus.",
            "NATO and the European Union were not mentioned.",
            P2);
    CleanedText c = CLEANER.clean(article);
    assertEquals(TextNormalizer.normalize(article).toLowerCase(Locale.ROOT), c.text());
    assertEquals(0, c.boilerplateMarkers());
    assertFalse(c.pointsToOriginal());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Advertisement",
        "ADVERTISEMENT",
        "- Advertisement -",
        "Story continues below advertisement",
        "Share this article",
        "Share",
        "Facebook Twitter Email",
        "Share on WhatsApp",
        "Related: Five things to know about the new bus routes",
        "READ MORE: Council approves budget",
        "Also read | Mayor signs order",
        "More - Mayor signs order",
        "Like us on Facebook",
        "See also",
        "We use cookies to improve your experience on our site. By continuing you agree to our use"
            + " of cookies.",
        "This website uses cookies.",
        "Accept all",
        "Click here to subscribe",
        "Click here to read the latest updates",
        "Subscribe to our newsletter for the latest updates.",
        "Sign up for our daily newsletter",
        "Get the best stories delivered to your inbox",
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
        "Follow us on Twitter and Facebook",
        "Follow Jane Doe on Twitter",
        "Download the NBC News app for breaking news and alerts",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "© 2024 Example Media Group",
        "The Associated Press. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "CHINA-US-DIPLOMACY",
        "USA-ELECTION/TRUMP",
        "Reporting by Jane Doe; Editing by John Roe",
        "(Reporting by Jane Doe in Beijing; Additional reporting by Li Wei; Editing by John Roe)",
        "(Reporting by Jane Doe)",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "By Jane Doe",
        "By JANE DOE and JOHN ROE",
        "By Jane Doe, Staff Writer",
        "For all the latest Automobiles News Click Here",
        "For the latest news and updates, follow us on Google News",
        "This story has not been edited by Devdiscourse staff and is auto-generated from a"
            + " syndicated feed.",
        "(Only the headline of this report may have been reworked by Business Standard staff; the"
            + " rest of the content is auto-generated from a syndicated feed.)",
        "Blinken shakes hands with Wang in Beijing. (Photo by Leah Millis/AFP via Getty Images)",
        "Tags: transport, city council, buses",
        "Published June 5, 2023 10:32 AM",
        "Updated: 3 hours ago",
        "Posted 12/05/2024 at 10:30",
        "Last updated on Tuesday, 5 March 2024",
        "Listen to this article",
        "5 min read",
        "Privacy Policy | Terms of Use | Contact Us",
        "We may earn a commission when you buy through links on our site.",
        "Loading...",
        "Video: Watch the moment the bridge fell",
      })
  void lineRulesDropTheLine(String boilerplate) {
    CleanedText c = CLEANER.clean(body(P1, boilerplate, P2));
    assertEquals(expected(P1, P2), c.text(), boilerplate);
    assertEquals(1, c.boilerplateMarkers(), boilerplate);
    assertFalse(c.pointsToOriginal(), boilerplate);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Read original article here",
        "Read the original article.",
        "Read the full story at example.com",
        "Read the full article on The Guardian",
        "Continue reading the full story on example.com",
        "Read more at example.com",
        "Originally published at example.com on June 5, 2023.",
        "Originally published on The Conversation.",
        "This article originally appeared on The Conversation.",
        "This story was first published by ProPublica.",
        "Source: Reuters",
        "Source: www.example.com",
        "Via: Daily Planet",
        "The post Council expands bus network appeared first on Daily Planet.",
      })
  void pointerRulesDropTheLineAndMarkThePointer(String pointer) {
    CleanedText c = CLEANER.clean(body(P1, P2, pointer));
    assertEquals(expected(P1, P2), c.text(), pointer);
    assertEquals(1, c.boilerplateMarkers(), pointer);
    assertTrue(c.pointsToOriginal(), pointer);
  }

  @Test
  void tailRuleDropsTheEndOnce() {
    String text =
        body(
            P1,
            P2,
            P3,
            "Denial of responsibility! Daily Planet is an automatic aggregator around the global"
                + " media. All the content are available free on Internet.",
            "Contact us at [email protected]",
            "The content will be deleted within 24 hours.");
    CleanedText c = CLEANER.clean(text);
    assertEquals(expected(P1, P2, P3), c.text());
    assertEquals(1, c.boilerplateMarkers());
  }

  @Test
  void tailRuleFiresOnAShortTextWhenTheMatchIsInTheLastThird() {
    String disclaimer =
        "Disclaimer: This article is for informational purposes only and does not constitute"
            + " financial advice. The author holds no position in any stock mentioned. Readers"
            + " should do their own research before making any investment decisions whatsoever.";
    CleanedText c = CLEANER.clean(body(P1, P2, disclaimer));
    assertEquals(expected(P1, P2), c.text());
    assertEquals(1, c.boilerplateMarkers());
  }

  @Test
  void tailRuleDoesNotCutTheBodyOfTheText() {
    // A disclaimer near the top, followed by most of the text, is not a tail.
    String text =
        body(
            "Disclaimer: the author owns shares of the company.",
            P1,
            P2,
            P3,
            "The company did not respond to a request for comment.",
            "Its shares have doubled this year.");
    CleanedText c = CLEANER.clean(text);
    assertEquals(TextNormalizer.normalize(text).toLowerCase(Locale.ROOT), c.text());
    assertEquals(0, c.boilerplateMarkers());
    // Nor one in the first half when most of the text follows it.
    String second = body(P1, "Disclaimer: the author owns shares of the company.", P2, P3, P1, P2);
    CleanedText d = CLEANER.clean(second);
    assertEquals(TextNormalizer.normalize(second).toLowerCase(Locale.ROOT), d.text());
    assertEquals(0, d.boilerplateMarkers());
    // And never when nothing would be left.
    CleanedText only = CLEANER.clean("Disclaimer: nothing here is advice.");
    assertEquals("disclaimer: nothing here is advice.", only.text());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "BEIJING (AP) — The talks began on Monday.|AP",
        "WASHINGTON, June 5 (Reuters) - The talks began on Monday.|Reuters",
        "PARIS (AFP) - The talks began on Monday.|AFP",
        "LONDON, Jan 3 (Reuters) -The talks began on Monday.|Reuters",
        "Paris (AFP) – The talks began on Monday.|AFP",
        "(Reuters) - The talks began on Monday.|Reuters",
        "NEW YORK (Bloomberg) -- The talks began on Monday.|Bloomberg",
        "TOKYO (Kyodo) -- The talks began on Monday.|Kyodo",
        "BERLIN (dpa) - The talks began on Monday.|dpa",
        "BEIJING, June 5 (Xinhua) -- The talks began on Monday.|Xinhua",
        "New Delhi, Jun 5 (PTI) The talks began on Monday.|PTI",
        "KYIV, Ukraine (Associated Press) — The talks began on Monday.|AP",
        "OTTAWA (The Canadian Press) — The talks began on Monday.|CP",
        "SYDNEY (AAP) - The talks began on Monday.|AAP",
        "ROME (ANSA) - The talks began on Monday.|ANSA",
        "MADRID (EFE).- The talks began on Monday.|EFE",
        "SEOUL (Yonhap) -- The talks began on Monday.|Yonhap",
        "LONDON (PA) - The talks began on Monday.|PA",
        "WASHINGTON (UPI) -- The talks began on Monday.|UPI",
        "By Jane Doe, Associated Press The talks began on Monday.|AP",
        "By Jane Doe and John Roe, AP Business Writers The talks began on Monday.|AP",
      })
  void stripRulesRemoveDatelinesAndReportTheAgency(String first, String agency) {
    CleanedText c = CLEANER.clean(body(first, P2));
    assertEquals(expected("The talks began on Monday.", P2), c.text(), first);
    assertEquals(agency, c.wireAgency(), first);
    assertEquals(1, c.boilerplateMarkers(), first);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "WASHINGTON — The talks began on Monday.",
        "NEW YORK, June 5 - The talks began on Monday.",
        "ATLANTA (CNN) — The talks began on Monday.",
        "KYIV, Ukraine — The talks began on Monday.",
      })
  void stripRulesRemoveDatelinesWithoutAgency(String first) {
    CleanedText c = CLEANER.clean(body(first, P2));
    assertEquals(expected("The talks began on Monday.", P2), c.text(), first);
    assertNull(c.wireAgency(), first);
    assertEquals(1, c.boilerplateMarkers(), first);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"- Reuters|Reuters", "(AFP)|AFP", "(With inputs from PTI)|PTI", "— AP|AP"})
  void wireCreditLinesAreStrippedWithTheirAgency(String line, String agency) {
    CleanedText c = CLEANER.clean(body(P1, P2, line));
    assertEquals(expected(P1, P2), c.text(), line);
    assertEquals(agency, c.wireAgency(), line);
  }

  @Test
  void wireSignOffIsNotAPhotoCredit() {
    CleanedText c = CLEANER.clean(body(P1, "The mayor declined to comment.", "Reuters"));
    assertEquals(expected(P1, "The mayor declined to comment."), c.text());
    assertEquals("Reuters", c.wireAgency());
    assertEquals(1, c.boilerplateMarkers());
  }

  @Test
  void acronymsInParenthesesAreNotDatelines() {
    String text = "Caisse Nationale des Autoroutes (CNA) is raising 2 billion francs.";
    CleanedText c = CLEANER.clean(body(text, P2));
    assertEquals(expected(text, P2), c.text());
    assertNull(c.wireAgency());
    assertEquals(0, c.boilerplateMarkers());
  }

  @Test
  void hardWrappedContinuationLinesAreNotBoilerplate() {
    String text =
        "The shares were bought\nby PaineWebber Group Inc and Advest Group Inc.\nThe report was"
            + "\npublished on April 6.\nThe story\noriginally ran February 27.\nItaly's CIR"
            + "\nSpA.\nPosted county prices in 99 southern\nstates rose.";
    CleanedText c = CLEANER.clean(text);
    assertEquals(text.toLowerCase(Locale.ROOT), c.text());
    assertEquals(0, c.boilerplateMarkers());
    assertFalse(c.pointsToOriginal());
  }

  @Test
  void firstAgencyWins() {
    CleanedText c =
        CLEANER.clean(body("BEIJING (AP) — The talks began.", "PARIS (AFP) - More talks."));
    assertEquals("the talks began.\nmore talks.", c.text());
    assertEquals("AP", c.wireAgency());
    assertEquals(2, c.boilerplateMarkers());
  }

  @Test
  void captionBeforeACreditLineIsDropped() {
    String text =
        body(
            P1,
            "CHINA-US-DIPLOMACY\nUS Secretary of State Antony Blinken, left, shakes hands with"
                + " Wang Yi at the Diaoyutai State Guesthouse in Beijing on June 19, 2023.",
            "LEAH MILLIS/POOL / AFP via Getty Images",
            P2);
    CleanedText c = CLEANER.clean(text);
    assertEquals(expected(P1, P2), c.text());
    assertEquals(3, c.boilerplateMarkers()); // slug, caption, credit
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Photo: AP",
        "Photo by Jane Doe/Reuters",
        "(Photo by Jane Doe/Getty Images)",
        "Image credit: Jane Doe",
        "Photograph: Jane Doe/Reuters",
        "REUTERS/Jonathan Ernst",
        "AP Photo/Evan Vucci",
        "JIM WATSON/AFP",
        "Getty Images",
        "File photo",
      })
  void creditLinesTakeTheirCaptionWithThem(String credit) {
    String caption = "Commuters wait for a bus in the eastern suburbs on Tuesday.";
    CleanedText c = CLEANER.clean(body(P1, caption, credit, P2));
    assertEquals(expected(P1, P2), c.text(), credit);
    assertEquals(2, c.boilerplateMarkers(), credit);
  }

  @Test
  void paragraphsThatDoNotLookLikeCaptionsSurviveACreditLine() {
    String quote = "\"We will not stop until every district has a bus,\" the mayor said.";
    String threeSentences =
        "The plan was approved. It costs $4 million. It will be reviewed next year.";
    for (String before : List.of(quote, threeSentences, P3 + " " + P2 + " " + P1 + " " + P3)) {
      CleanedText c = CLEANER.clean(body(P1, before, "Photo: AP", P2));
      assertEquals(expected(P1, before, P2), c.text(), before);
      assertEquals(1, c.boilerplateMarkers(), before);
    }
  }

  @Test
  void looksLikeCaption() {
    assertTrue(TextCleaner.looksLikeCaption("U.S. President Joe Biden speaks in Washington, D.C."));
    assertTrue(TextCleaner.looksLikeCaption("Mr. Biden waves. He left at noon."));
    assertTrue(TextCleaner.looksLikeCaption("Blinken and Wang in Beijing"));
    assertFalse(TextCleaner.looksLikeCaption("One. Two. Three."));
    assertFalse(TextCleaner.looksLikeCaption("He said \"no\"."));
    assertFalse(TextCleaner.looksLikeCaption("The statement read:"));
    assertFalse(TextCleaner.looksLikeCaption("x".repeat(400)));
    assertFalse(TextCleaner.looksLikeCaption("2023"));
  }

  @Test
  void longParagraphsAreNotDroppedByLineRules() {
    String para =
        "The company said all rights reserved under the 1998 agreement would pass to the new"
            + " owner, a move that the union described as unlawful and that regulators said they"
            + " would examine closely before the end of the year. "
            + P2
            + " "
            + P3
            + " "
            + P1;
    assertTrue(para.length() > TextCleaner.MAX_RULE_LINE_CHARS);
    CleanedText c = CLEANER.clean(body(P1, para));
    assertEquals(expected(P1, para), c.text());
    assertEquals(0, c.boilerplateMarkers());
  }

  @Test
  void nonLatinTextSurvives() {
    String zh = "中国外交部长王毅周一在北京会见了美国国务卿布林肯。\n双方同意继续保持沟通。";
    String ar = "قال وزير الخارجية الصيني إن بكين لا مجال للتنازل بشأن تايوان.";
    String ru = "Министр иностранных дел Китая встретился с Блинкеном в Пекине.";
    String hi = "चीन के विदेश मंत्री ने बीजिंग में ब्लिंकन से मुलाकात की।";
    CleanedText c = CLEANER.clean(String.join("\n\n", zh, ar, ru, hi, "Advertisement"));
    assertEquals(
        zh
            + "\n"
            + ar
            + "\n"
            + "министр иностранных дел китая встретился с блинкеном в пекине."
            + "\n"
            + hi,
        c.text());
    assertEquals(1, c.boilerplateMarkers());
  }

  @Test
  void userRulesExtendTheDefaults() {
    BoilerplateRules user =
        BoilerplateRules.parse(
            List.of(
                "# French aggregator",
                "line: ^lire aussi\\b",
                "pointer: ^article original\\s*:",
                "agency: Belga = Agence Belga",
                "line: ^реклама$"),
            "fr.rules");
    TextCleaner cleaner = new TextCleaner(BoilerplateRules.defaults().plus(user));
    CleanedText c =
        cleaner.clean(
            body(
                "BRUXELLES (Agence Belga) - Le conseil a voté.",
                "Lire aussi : le budget",
                "РЕКЛАМА",
                "Article original : example.be"));
    assertEquals("le conseil a voté.", c.text());
    assertEquals("Belga", c.wireAgency());
    assertTrue(c.pointsToOriginal());
    assertEquals(4, c.boilerplateMarkers());
  }

  @Test
  void noRulesOnlyNormalises() {
    CleanedText c = new TextCleaner(BoilerplateRules.none()).clean("Advertisement\n\nHello");
    assertEquals("advertisement\nhello", c.text());
    assertEquals(0, c.boilerplateMarkers());
  }

  @Test
  void neverThrowsOnGarbage() {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(3000);
      for (int j = 0; j < len; j++) {
        sb.append((char) random.nextInt(i % 2 == 0 ? 0x80 : 0x10000));
      }
      CleanedText c = CLEANER.clean(sb.toString());
      assertNotNull(c.text());
    }
    // Pathological lines for the rules: long runs of rule-like text.
    String evil =
        "By "
            + "Jane ".repeat(5000)
            + "\n"
            + "(".repeat(10000)
            + "\n"
            + "A-".repeat(20000)
            + "\nBEIJING "
            + "(AP".repeat(3000)
            + "\n"
            + "Disclaimer:".repeat(1000);
    assertNotNull(CLEANER.clean(evil).text());
  }

  @Test
  void isThreadSafe() {
    String text =
        body(
            "BEIJING (AP) — The talks began.",
            P1,
            "Advertisement",
            P2,
            "Read original article here");
    CleanedText expected = CLEANER.clean(text);
    assertEquals("AP", expected.wireAgency());
    List<CleanedText> results =
        IntStream.range(0, 2000).parallel().mapToObj(i -> CLEANER.clean(text)).toList();
    results.forEach(r -> assertEquals(expected, r));
  }
}
