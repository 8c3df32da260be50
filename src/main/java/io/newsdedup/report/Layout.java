package io.newsdedup.report;

import static io.newsdedup.report.html.Html.el;
import static io.newsdedup.report.html.Html.text;

import io.newsdedup.report.html.HtmlWriter;
import io.newsdedup.report.html.Node;
import io.newsdedup.report.html.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The frame of every page: the stylesheet and the script inlined, and a Content-Security-Policy
 * that allows exactly those two (by SHA-256 hash) and nothing else: no other script, no inline
 * event handler, no {@code style} attribute, no remote or local load of any kind, no form
 * submission, no {@code <base>}. So even markup that escaped escaping could not run or fetch
 * anything.
 */
final class Layout {
  private Layout() {}

  static final String CSS = resource("report.css");
  static final String JS = resource("report.js");
  static final String CSP =
      "default-src 'none'; script-src '"
          + sha256(JS)
          + "'; style-src '"
          + sha256(CSS)
          + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

  /** A line break between elements, to keep the source readable. */
  static final Node NL = text("\n");

  /**
   * Writes everything up to and including {@code <body>} (left open), and the {@code banner} that
   * the page must not be read without (null: none; see {@link ReportData#banner}).
   */
  static void open(HtmlWriter w, String title, String banner) throws IOException {
    w.doctype().open(el("html").attr("lang", "en")).newline();
    w.add(
            el("head")
                .add(
                    NL,
                    el("meta").attr("charset", "utf-8"),
                    NL,
                    el("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CSP),
                    NL,
                    el("meta").attr("name", "referrer").attr("content", "no-referrer"),
                    NL,
                    el("meta")
                        .attr("name", "viewport")
                        .attr("content", "width=device-width, initial-scale=1"),
                    NL,
                    el("meta").attr("name", "generator").attr("content", "news-dedup report"),
                    NL,
                    el("title").text(title),
                    NL,
                    el("style").code(CSS),
                    NL))
        .newline();
    w.open(el("body").attr("data-status", "loading")).newline();
    if (banner != null) {
      w.add(
          el("div")
              .cls("banner")
              .id("incomplete")
              .attr("role", "alert")
              .add(el("strong").text("Incomplete run."), text(" " + capitalized(banner) + ".")),
          NL);
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Writes the script and closes {@code <body>} and {@code <html>}. */
  /** The page's header: its title ({@code h1}) and one line below it. */
  static Tag header(Tag title, Tag line) {
    return el("header").cls("top").add(el("div").cls("inner").add(title, line));
  }

  static void close(HtmlWriter w) throws IOException {
    w.add(el("script").code(JS)).newline().close("body").newline().close("html").newline().finish();
  }

  private static String resource(String name) {
    try (InputStream in = Layout.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String content) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
