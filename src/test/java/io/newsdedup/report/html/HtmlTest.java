package io.newsdedup.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void textEscapesMarkupQuotesAndControls() {
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
    assertEquals(
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
        Html.escape("\"><img src=x onerror=alert(1)>"));
    assertEquals("a&amp;b &#39;c&#39;", Html.escape("a&b 'c'"));
    assertEquals("x\uFFFDy\uFFFD", Html.escape("x\u0000y\u0007"));
    assertEquals(
        "lone \uFFFD and pair \uD83D\uDE00", Html.escape("lone \uD800 and pair \uD83D\uDE00"));
    assertEquals("", Html.escape(null));
    assertEquals("plain", Html.escape("plain"));
    assertEquals("a&lt;b", Html.text("a<b").html());
  }

  @Test
  void bdiIsolatesDirection() {
    assertEquals("<bdi>\u202Eevil</bdi>", Html.bdi("\u202Eevil").html());
    assertEquals("<bdi>ab…</bdi>", Html.bdi("abc", 2).html());
  }

  @Test
  void onlyHttpUrlsBecomeLinks() {
    assertTrue(
        Html.link("https://example.com/a?b=1&c=2", null)
            .html()
            .startsWith(
                "<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer"
                    + " nofollow\""));
    assertTrue(Html.isWebUrl("HTTP://EXAMPLE.COM/"));
    for (String bad :
        new String[] {
          "javascript:alert(1)",
          "JaVaScRiPt:alert(1)",
          " javascript:alert(1)",
          "data:text/html,<script>alert(1)</script>",
          "vbscript:x",
          "https://example.com/\"onmouseover=\"alert(1)",
          "https://example.com/\u0000x",
          "https://exa mple.com",
          "http://x.com/\u202Eevil",
          "//example.com/x",
          "/relative",
          ""
        }) {
      assertFalse(Html.isWebUrl(bad), bad);
      String html = Html.link(bad, null).html();
      assertFalse(html.contains("<a "), bad + " -> " + html);
      assertFalse(html.contains("<script"), html);
    }
    assertEquals("", Html.link(null, null).html());
  }

  @Test
  void visibleMarksInvisibleCharacters() {
    assertEquals(
        "a<span class=\"cc\">U+202E</span>b<span class=\"cc\">U+200B</span>c"
            + "<span class=\"cc\">U+0000</span>&lt;",
        Html.visible("a\u202Eb\u200Bc\u0000<").html());
    assertEquals("line\nbreak\tand tab", Html.visible("line\nbreak\tand tab").html());
    assertEquals("<span class=\"cc\">U+D800</span>x", Html.visible("\uD800x").html());
  }

  @Test
  void scriptJsonCannotCloseTheScriptAndStaysValid() throws Exception {
    String title = "</script><script>alert(1)</script><!-- & \u2028\u2029";
    String json = new ObjectMapper().writeValueAsString(Map.of("t", title));
    String safe = Html.scriptJson(json);
    assertFalse(safe.contains("<"));
    assertFalse(safe.contains(">"));
    assertFalse(safe.contains("&"));
    assertFalse(safe.contains("\u2028"));
    assertFalse(safe.contains("\u2029"));
    assertEquals(title, new ObjectMapper().readTree(safe).get("t").asText());
    assertEquals(
        "<script type=\"application/json\" id=\"d\">" + safe + "</script>",
        Html.jsonScript("d", json).html());
  }

  @Test
  void clipKeepsSurrogatePairs() {
    assertEquals("ab…", Html.clip("abcdef", 2));
    assertEquals("a…", Html.clip("a\uD83D\uDE00b", 2));
    assertEquals("short", Html.clip("short", 10));
  }

  @Test
  void elementsNestAttributesInOrderAndVoidElementsHaveNoEnd() {
    Tag p =
        Html.el("p")
            .attr("dir", "auto")
            .cls("added")
            .text("a ")
            .add(Html.el("ins").text("b"), null, Html.el("br"))
            .attr("data-value", 3);
    assertEquals(
        "<p dir=\"auto\" class=\"added\" data-value=\"3\">a <ins>b</ins><br></p>", p.html());
    assertEquals("<div></div>", Html.el("div").cls(null).text(null).html());
    assertEquals("x<b>y</b>", Html.group(Html.text("x"), null, Html.el("b").text("y")).html());
  }

  @Test
  void theWriterStreamsOpenElementsAndChecksNesting() throws IOException {
    StringWriter sw = new StringWriter();
    HtmlWriter w = new HtmlWriter(sw);
    w.doctype().open(Html.el("table").cls("t").add(Html.el("tr")));
    for (int i = 0; i < 2; i++) {
      w.add(Html.el("tr").add(Html.el("td").text("<" + i + ">")));
    }
    w.close("table").newline().finish();
    assertEquals(
        "<!DOCTYPE html>\n<table class=\"t\"><tr></tr><tr><td>&lt;0&gt;</td></tr>"
            + "<tr><td>&lt;1&gt;</td></tr></table>\n",
        sw.toString());
    HtmlWriter unbalanced = new HtmlWriter(new StringWriter());
    unbalanced.open(Html.el("main"));
    assertThrows(IllegalStateException.class, () -> unbalanced.close("div"));
    assertThrows(IllegalArgumentException.class, () -> unbalanced.open(Html.el("br")));
  }
}
