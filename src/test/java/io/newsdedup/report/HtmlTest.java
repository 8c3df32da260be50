package io.newsdedup.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void textEscapesMarkupQuotesAndControls() {
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.text("<script>alert(1)</script>"));
    assertEquals("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
        Html.text("\"><img src=x onerror=alert(1)>"));
    assertEquals("a&amp;b &#39;c&#39;", Html.text("a&b 'c'"));
    assertEquals("x\uFFFDy\uFFFD", Html.text("x\u0000y\u0007"));
    assertEquals("lone \uFFFD and pair \uD83D\uDE00", Html.text("lone \uD800 and pair \uD83D\uDE00"));
    assertEquals("", Html.text(null));
    assertEquals("plain", Html.text("plain"));
  }

  @Test
  void bdiIsolatesDirection() {
    assertEquals("<bdi>\u202Eevil</bdi>", Html.bdi("\u202Eevil"));
  }

  @Test
  void onlyHttpUrlsBecomeLinks() {
    assertTrue(Html.link("https://example.com/a?b=1&c=2", null).startsWith(
        "<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\""));
    assertTrue(Html.isWebUrl("HTTP://EXAMPLE.COM/"));
    for (String bad : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)",
        " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x",
        "https://example.com/\"onmouseover=\"alert(1)", "https://example.com/\u0000x",
        "https://exa mple.com", "http://x.com/\u202Eevil", "//example.com/x", "/relative", ""}) {
      assertFalse(Html.isWebUrl(bad), bad);
      String html = Html.link(bad, null);
      assertFalse(html.contains("<a "), bad + " -> " + html);
      assertFalse(html.contains("<script"), html);
    }
    assertEquals("", Html.link(null, null));
  }

  @Test
  void visibleMarksInvisibleCharacters() {
    assertEquals("a<span class=\"cc\">U+202E</span>b<span class=\"cc\">U+200B</span>c"
        + "<span class=\"cc\">U+0000</span>&lt;", Html.visible("a\u202Eb\u200Bc\u0000<"));
    assertEquals("line\nbreak\tand tab", Html.visible("line\nbreak\tand tab"));
    assertEquals("<span class=\"cc\">U+D800</span>x", Html.visible("\uD800x"));
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
  }

  @Test
  void clipKeepsSurrogatePairs() {
    assertEquals("ab…", Html.clip("abcdef", 2));
    assertEquals("a…", Html.clip("a\uD83D\uDE00b", 2));
    assertEquals("short", Html.clip("short", 10));
  }
}
