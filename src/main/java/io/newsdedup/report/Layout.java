package io.newsdedup.report;

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
  static final String CSP = "default-src 'none'; script-src '" + sha256(JS) + "'; style-src '"
      + sha256(CSS) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

  /**
   * Everything up to and including {@code <body>}, and the {@code banner} that the page must not
   * be read without (null: none; see {@link ReportData#banner}); {@code title} is untrusted text.
   */
  static String head(String title, String banner) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"generator\" content=\"news-dedup report\">\n"
        + "<title>" + Html.text(title) + "</title>\n<style>" + CSS + "</style>\n</head>\n"
        + "<body data-status=\"loading\">\n"
        + (banner == null ? "" : "<div class=\"banner\" id=\"incomplete\" role=\"alert\">"
            + "<strong>Incomplete run.</strong> " + Html.text(capitalized(banner)) + ".</div>\n");
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The script and the closing tags. */
  static String foot() {
    return "<script>" + JS + "</script>\n</body>\n</html>\n";
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
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
