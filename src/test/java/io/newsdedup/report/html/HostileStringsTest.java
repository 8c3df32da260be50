package io.newsdedup.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Hostile strings go through every way the builder takes text (element text, attribute values,
 * {@code bdi}, links, visible payloads, the JSON script block) and come out inert: parsed back, the
 * page has exactly the elements and attributes the builder made, and the strings as text.
 */
class HostileStringsTest {
  static final List<String> HOSTILE =
      List.of(
          "<script>alert(1)</script>",
          "\"onmouseover=\"alert(1)",
          "' onfocus='alert(1)' autofocus x='",
          "</textarea><script>alert(1)</script>",
          "</title></style></script><img src=x onerror=alert(1)>",
          "<!-- <![CDATA[ ]]> --> &amp; &lt; &#60;",
          "javascript:alert(1)",
          " JaVaScRiPt:alert(1)",
          "line\u2028separator\u2029paragraph",
          "\u202Egnp.exe\u202C and \u200F\u2067isolate",
          "lone \uD800 high and \uDC00 low surrogates",
          "nul\u0000 bell\u0007 del\u007F");

  /** What a browser shows for {@code s}: C0 controls and lone surrogates replaced. */
  static String shown(String s) {
    return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "\uFFFD")
        .replaceAll("\\p{Cs}", "\uFFFD");
  }

  static Document parse(Node body) {
    return Jsoup.parseBodyFragment(body.html());
  }

  static void assertOnly(Document doc, String... tags) {
    List<String> found =
        doc.body().getAllElements().stream().skip(1).map(Element::tagName).toList();
    assertEquals(List.of(tags), found, doc.body().html());
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertFalse(a.getKey().startsWith("on"), e.outerHtml());
      }
    }
  }

  @Test
  void textAndAttributeValuesStayText() {
    for (String s : HOSTILE) {
      Tag div = Html.el("div").cls("c").attr("title", s).attr("data-x", s).text(s);
      String html = div.html();
      assertFalse(html.contains("<script"), html);
      assertFalse(html.contains("</textarea"), html);
      assertFalse(html.contains("\u2028") || html.contains("\u2029"), html);
      Document doc = parse(div);
      assertOnly(doc, "div");
      Element e = doc.selectFirst("div");
      assertEquals(
          List.of("class", "title", "data-x"),
          e.attributes().asList().stream().map(Attribute::getKey).toList(),
          html);
      assertEquals(shown(s), e.attr("title"));
      assertEquals(shown(s), e.attr("data-x"));
      assertEquals(shown(s), e.wholeText());
    }
  }

  @Test
  void textInsideTitleAndTextareaCannotEndThem() {
    for (String s : HOSTILE) {
      Tag t = Html.el("textarea").text(s);
      Document doc = parse(Html.group(t, Html.el("p").text("after")));
      assertOnly(doc, "textarea", "p");
      assertEquals(shown(s), doc.selectFirst("textarea").wholeText());
    }
  }

  @Test
  void bdiIsolatesBidiControls() {
    for (String s : HOSTILE) {
      Document doc = parse(Html.el("p").add(Html.bdi(s, 1000), Html.text(" after")));
      assertOnly(doc, "p", "bdi");
      assertEquals(shown(s), doc.selectFirst("bdi").wholeText());
      assertTrue(doc.selectFirst("p").ownText().endsWith("after"));
    }
  }

  @Test
  void onlyWebUrlsBecomeLinksAndOthersCannotBeHrefs() {
    for (String s : HOSTILE) {
      Document doc = parse(Html.link(s, s));
      assertOnly(doc, "span", "bdi");
      assertEquals(shown(s), doc.text().isEmpty() ? "" : doc.selectFirst("bdi").wholeText());
      assertThrows(IllegalArgumentException.class, () -> Html.el("a").attr("href", s), s);
    }
    for (String bad :
        List.of(
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u0001javascript:x",
            "data:text/html,x",
            "//evil.example/",
            "\\\\evil\\x",
            "vbscript:x",
            "\u202Ejavascript:x")) {
      assertThrows(IllegalArgumentException.class, () -> Html.el("a").attr("href", bad), bad);
    }
    String evil = "https://example.com/\"onmouseover=\"alert(1)";
    assertOnly(parse(Html.link(evil, null)), "span", "bdi");
    Document doc = parse(Html.link("https://example.com/?q=a&amp=1", "<b>label</b>"));
    assertOnly(doc, "a", "bdi");
    assertEquals("https://example.com/?q=a&amp=1", doc.selectFirst("a").attr("href"));
    assertEquals("<b>label</b>", doc.selectFirst("a").text());
    for (String ok :
        List.of(
            "clusters/0001.html",
            "#m-1",
            "../index.html#clusters",
            "index.html?q=a%3Ab#clusters",
            "rejected.html")) {
      assertEquals(ok, parse(Html.el("a").attr("href", ok)).selectFirst("a").attr("href"));
    }
  }

  @Test
  void visibleMarksEveryInvisibleCharacter() {
    for (String s : HOSTILE) {
      Document doc = parse(Html.el("pre").add(Html.visible(s)));
      for (Element e : doc.select("pre *")) {
        assertEquals("span", e.tagName());
        assertEquals("cc", e.className());
      }
      String text = doc.selectFirst("pre").wholeText();
      assertFalse(text.matches("(?s).*[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}&&[^\\n\\t]].*"), text);
    }
    assertTrue(
        Html.visible("\u202E\u2028\uD800")
            .html()
            .equals(
                "<span class=\"cc\">U+202E</span><span class=\"cc\">U+2028</span>"
                    + "<span class=\"cc\">U+D800</span>"));
  }

  @Test
  void theJsonBlockHoldsTheStringsExactlyAndEndsWhereItShould() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String data = json.writeValueAsString(Map.of("rows", HOSTILE));
    Document doc = parse(Html.group(Html.jsonScript("data", data), Html.el("p").text("after")));
    assertOnly(doc, "script", "p");
    List<String> back =
        json.readerForListOf(String.class)
            .readValue(json.readTree(doc.getElementById("data").data()).get("rows"));
    assertEquals(HOSTILE, back);
  }

  @Test
  void namesAndRawContentAreChecked() {
    for (String name : List.of("onclick", "ONLOAD", "style", "srcdoc", "x\"y", "a b", "x=y", "")) {
      assertThrows(IllegalArgumentException.class, () -> Html.el("div").attr(name, "v"), name);
    }
    for (String name : List.of("img src=x", "a/b", "A", "", "di<v")) {
      assertThrows(IllegalArgumentException.class, () -> Html.el(name), name);
    }
    assertThrows(IllegalStateException.class, () -> Html.el("script").text("alert(1)"));
    assertThrows(IllegalStateException.class, () -> Html.el("style").add(Html.text("x")));
    assertThrows(IllegalStateException.class, () -> Html.el("div").code("x"));
    assertThrows(IllegalStateException.class, () -> Html.el("br").text("x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Html.el("script").code("a = '</SCRIPT><img src=x onerror=alert(1)>'"));
    assertThrows(IllegalArgumentException.class, () -> Html.el("script").code("<!-- x"));
    assertThrows(IllegalArgumentException.class, () -> Html.el("style").code("</style><b>"));
    assertEquals("<style>p{color:red}</style>", Html.el("style").code("p{color:red}").html());
  }
}
