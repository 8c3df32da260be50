package io.newsdedup.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Articles whose titles, sources, URLs, bodies and raw payloads carry script injections, broken
 * markup and bidi/zero-width characters go through batch and report. The pages must contain none of
 * it as markup, and in Chromium — with the Content-Security-Policy and without it, so that escaping
 * alone is tested — nothing may run: the payloads would set {@code data-pwned} on the root element
 * or change {@code document.title}.
 */
class MaliciousArticlesTest {
  @TempDir static Path tmp;
  static Path report;

  static final String MARK = "document.documentElement.setAttribute('data-pwned','1')";
  static final String TITLE = "<script>" + MARK + ";document.title='PWNED'</script>";
  static final String SOURCE = "\"><img src=x onerror=\"" + MARK + "\">";
  static final String BODY_PAYLOADS =
      String.join(
          "\n",
          "</script><script>" + MARK + "</script>",
          "<img src=x onerror="
              + MARK
              + "> and <svg onload="
              + MARK
              + "> and"
              + " <iframe src=\"javascript:"
              + MARK
              + "\"></iframe>",
          "Broken markup: <div><table><tr><td><!-- <textarea><style> </title><title>PWNED ]]> '\"`",
          "Right-to-left \u202Egnp.exe\u202C and zero\u200Bwidth\u2028line\u2029para characters.",
          "{{constructor.constructor('"
              + MARK
              + "')()}} <a href=\"javascript:"
              + MARK
              + "\">x</a>");
  static final String STORY =
      "The harbour council approved the purchase of the old timber wharf on Tuesday after a debate"
          + " that lasted most of the evening and drew a large crowd.\n"
          + "Councillors voted seven to two in favour, with the two dissenting members saying the"
          + " price was too high for a structure that needs extensive repairs before it can"
          + " reopen.\n"
          + "The mayor said the purchase would close by the end of June and that the wharf would be"
          + " open to the public again within two years if the repair budget is approved.\n";

  /** A bot-check page (template-only: its text does not carry its headline) with hostile fields. */
  static final String WALL_ID = "wall\"><img src=x onerror=\"" + MARK + "\">";

  static final String WALL_TITLE =
      "<img src=x onerror=" + MARK + "> Mayor denies bribery claims" + " over stadium contract";
  static final String WALL_SOURCE = "<svg onload=" + MARK + ">Wall\u202E Times";
  static final String WALL_TEXT =
      "Please verify you are a human.\n"
          + "Our systems have detected unusual traffic from your computer network.\n"
          + "This check makes sure that the requests were sent by you and not by a robot.";

  static String line(String id, String url, String source, String title, String text) {
    ObjectNode o = OutputFixture.JSON.createObjectNode();
    o.put("id", id);
    o.put("url", url);
    o.put("source", source);
    o.put("title", title);
    o.put("text", text);
    o.put("published_at", id.equals("evil-1") ? "2025-03-01T09:00:00Z" : "2025-03-01T10:00:00Z");
    return o.toString();
  }

  @BeforeAll
  static void batchAndReport() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    List<String> lines = new ArrayList<>();
    lines.add(line("evil-1", "javascript:" + MARK, SOURCE, TITLE, BODY_PAYLOADS + "\n" + STORY));
    lines.add(
        line(
            "evil-2\" onmouseover=\"" + MARK,
            "data:text/html,<script>" + MARK + "</script>",
            "</script><script>" + MARK + "</script>",
            "\"><svg onload=" + MARK + ">",
            BODY_PAYLOADS
                + "\n"
                + STORY
                + "<a href=\"javascript:"
                + MARK
                + "\">Read original article"
                + " here</a>"));
    lines.add(
        line(
            "evil-3\u202E",
            " JaVaScRiPt:" + MARK,
            "\u202Egnp.exe\u200B",
            "'; " + MARK + "; //",
            STORY + "<iframe src=javascript:" + MARK + ">"));
    lines.add(
        line(
            "evil-4",
            "https://example.com/\"onmouseover=\"" + MARK + "\"",
            "<b>Bold</b>",
            "</title><script>" + MARK + "</script>",
            STORY));
    lines.add(
        "{\"id\": \"<script>"
            + MARK
            + "</script>\", \"text\": \"never closed <img src=x"
            + " onerror="
            + MARK
            + ">");
    Files.write(in.resolve("evil.jsonl"), lines);
    Files.writeString(
        in.resolve("wall.jsonl"),
        line(WALL_ID, "javascript:" + MARK, WALL_SOURCE, WALL_TITLE, WALL_TEXT) + "\n");
    Files.writeString(
        in.resolve("evil.html"),
        "<html><head><title>&lt;img src=x onerror="
            + MARK
            + "&gt;</title><meta property=\"og:site_name\" content=\"&quot;&gt;&lt;script&gt;"
            + MARK
            + "&lt;/script&gt;\"></head><body><article><p>"
            + STORY.replace("\n", "</p><p>")
            + "&lt;script&gt;"
            + MARK
            + "&lt;/script&gt;</p></article></body></html>");
    Path out = tmp.resolve("out");
    report = tmp.resolve("report");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"batch", "--input=" + in + "/*", "--output=" + out, "--report=" + report},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    // The CSP-free copy: the same pages without the policy, to test escaping on its own.
    Path bare = tmp.resolve("report-no-csp");
    for (Path page : pages(report)) {
      Path copy = bare.resolve(report.relativize(page).toString());
      Files.createDirectories(copy.getParent());
      String html = Files.readString(page);
      String stripped = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
      assertTrue(stripped.length() < html.length());
      Files.writeString(copy, stripped);
    }
  }

  static List<Path> pages(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static final Set<String> FORBIDDEN_TAGS =
      Set.of(
          "img",
          "iframe",
          "object",
          "embed",
          "form",
          "base",
          "textarea",
          "link",
          "frame",
          "frameset",
          "input[type=image]",
          "math");
  private static final Pattern INTERNAL =
      Pattern.compile(
          "#.*|\\.\\./index\\.html#\\w+|index\\.html#[\\w-]+|rejected\\.html|summary\\.json|sources\\.csv"
              + "|clusters\\.csv|(clusters/)?\\d{4}\\.html|template-only\\.(html|csv)"
              + "|index\\.html\\?q=[\\w%+.*-]+#clusters");

  @Test
  void pagesHoldNoInjectedMarkup() throws IOException {
    List<Path> pages = pages(report);
    // index, rejected, template-only and a page per cluster: all six articles are on one
    for (String page : List.of("index.html", "rejected.html", "template-only.html")) {
      assertTrue(pages.contains(report.resolve(page)), pages.toString());
    }
    int members = 0;
    for (Path page : pages) {
      if (page.getParent().getFileName().toString().equals("clusters")) {
        members += Jsoup.parse(Files.readString(page)).select("article.member").size();
      }
    }
    assertEquals(6, members, pages.toString());
    boolean sawTitle = false;
    for (Path page : pages) {
      String html = Files.readString(page);
      String where = report.relativize(page).toString();
      for (String raw :
          List.of(
              "<img",
              "<iframe",
              "<svg onload",
              "<textarea",
              "<b>Bold",
              "<script>" + MARK,
              "</title><script>",
              "javascript:" + MARK + "\">",
              "\u2028",
              "\u2029")) {
        assertFalse(html.contains(raw), where + " contains " + raw);
      }
      Document doc = Jsoup.parse(html);
      for (String tag : FORBIDDEN_TAGS) {
        assertTrue(doc.select(tag).isEmpty(), where + " has <" + tag + ">");
      }
      for (Element e : doc.getAllElements()) {
        for (Attribute a : e.attributes()) {
          assertFalse(a.getKey().toLowerCase().startsWith("on"), where + ": " + e.outerHtml());
          assertFalse(a.getKey().equals("style"), where + ": " + e.outerHtml());
        }
      }
      for (Element a : doc.select("a[href]")) {
        String href = a.attr("href");
        assertTrue(
            href.matches("https?://[^\\s\"'<>]+") || INTERNAL.matcher(href).matches(),
            where + ": link to " + href);
      }
      assertEquals(1, doc.select("style").size(), where);
      for (Element script : doc.select("script")) {
        if (script.attr("type").equals("application/json")) {
          assertEquals("cluster-data", script.id());
          JsonNode data = OutputFixture.JSON.readTree(script.data());
          for (JsonNode row : data.path("rows")) {
            sawTitle |= row.get(5).asText().equals(TITLE);
          }
        } else {
          assertEquals(Layout.JS, script.data(), where + ": a script that is not ours");
        }
      }
      assertEquals(doc.select("script").size(), html.split("<script", -1).length - 1, where);
    }
    assertTrue(
        sawTitle,
        "the malicious title (evil-1 is the earliest, so canonical), exactly, is"
            + " in the cluster list data");
    String rejected = Files.readString(report.resolve("rejected.html"));
    assertTrue(rejected.contains("&lt;script&gt;" + MARK.replace("'", "&#39;")), "raw shown");
  }

  @Test
  void theTemplateOnlyPageIsListedAsText() throws IOException {
    Document list = Jsoup.parse(Files.readString(report.resolve("template-only.html")));
    // The wall; the pipeline may find other hostile pages template-only too (their headlines are
    // not in their bodies).
    Element row = null;
    for (Element r : list.select("table tr")) {
      if (r.select("td").size() == 6 && r.select("td").get(3).text().equals(WALL_ID)) {
        row = r;
      }
    }
    assertTrue(
        row != null,
        "the bot-check page is not listed as template-only (did the batch"
            + " classify it otherwise? see its low_content_reason in clusters-*.jsonl):\n"
            + list.select("table").outerHtml());
    var cells = row.select("td");
    assertEquals("template-only " + WALL_TITLE, cells.get(1).text());
    assertEquals(WALL_SOURCE, cells.get(2).text());
    assertEquals(WALL_ID, cells.get(3).text());
    assertTrue(cells.get(4).select("a").isEmpty(), "a javascript: URL is not a link");
    assertEquals("javascript:" + MARK, cells.get(4).text());
    assertTrue(cells.get(5).text().startsWith("alone"), cells.get(5).text());
    Element clusterLink = cells.get(5).selectFirst("a");
    assertTrue(clusterLink.attr("href").matches("clusters/\\d{4}\\.html"), clusterLink.toString());
    Document cluster = Jsoup.parse(Files.readString(report.resolve(clusterLink.attr("href"))));
    assertEquals(WALL_TITLE, cluster.selectFirst("h1").text());
    assertEquals("template-only", cluster.select("span.chip.low.tpl").first().text());
    Document index = Jsoup.parse(Files.readString(report.resolve("index.html")));
    assertTrue(Integer.parseInt(index.selectFirst("[data-count=template_only]").text()) >= 1);
    assertTrue(
        index.getElementById("template-sources").select("td").eachText().contains(WALL_SOURCE));
    assertTrue(index.getElementById("low-content").text().contains(WALL_TITLE));
    List<String> csv = Files.readAllLines(report.resolve("template-only.csv"));
    assertTrue(
        csv.stream().anyMatch(l -> l.startsWith("\"" + WALL_ID.replace("\"", "\"\"") + "\",")),
        csv.toString());
  }

  @Test
  void nothingRunsInChromiumWithOrWithoutTheCsp() throws IOException {
    Chromium.assumeAvailable();
    for (Path dir : List.of(report, tmp.resolve("report-no-csp"))) {
      for (Path page : pages(dir)) {
        String where = tmp.relativize(page).toString();
        String title = Jsoup.parse(Files.readString(page)).title();
        Chromium.Page p = Chromium.load(page, tmp);
        p.assertLoadedCleanly(where);
        Document dom = p.doc();
        assertFalse(dom.selectFirst("html").hasAttr("data-pwned"), where + " ran a payload");
        assertEquals(title, dom.title(), where + ": document.title changed");
        assertTrue(dom.select("img, iframe, textarea").isEmpty(), where);
      }
    }
    String attack =
        "?q=" + URLEncoder.encode("<img src=x onerror=" + MARK + ">", StandardCharsets.UTF_8);
    Chromium.Page searched = Chromium.load(report.resolve("index.html").toUri() + attack, tmp);
    searched.assertLoadedCleanly("index.html" + attack);
    assertFalse(searched.doc().selectFirst("html").hasAttr("data-pwned"));
  }
}
