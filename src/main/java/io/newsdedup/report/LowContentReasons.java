package io.newsdedup.report;

import static io.newsdedup.report.html.Html.el;

import io.newsdedup.report.html.Html;
import io.newsdedup.report.html.Node;

/**
 * How the pages name the reasons an article is low-content ({@code low_content_reason}): a label, a
 * meaning and a badge. Reasons the report does not know (a later version's) are shown as their
 * label, as text.
 */
final class LowContentReasons {
  private LowContentReasons() {}

  /** A short label: "template-only", "too short", "low-content" (reason not recorded). */
  static String label(String reason) {
    if (reason == null) {
      return "";
    }
    return switch (reason) {
      case ClusterLine.TEMPLATE_ONLY -> "template-only";
      case ClusterLine.TOO_SHORT -> "too short";
      case ClusterLine.UNKNOWN_REASON -> "low-content";
      default -> "low-content: " + reason;
    };
  }

  /** What the reason means for the article, in a sentence (plain text). */
  static String meaning(String reason) {
    if (reason == null) {
      return "";
    }
    return switch (reason) {
      case ClusterLine.TEMPLATE_ONLY ->
          "the page's text does not carry its headline: it is a"
              + " template (a consent or paywall wall, a bot check, an error page, a registration"
              + " form, a video-player shell), so its text is not used; it only joins a story with"
              + " the same informative headline";
      case ClusterLine.TOO_SHORT ->
          "too little text left after cleaning (a bare headline, a"
              + " wall's teaser) to fingerprint it; it joins a story only on strong evidence";
      case ClusterLine.UNKNOWN_REASON ->
          "low-content, reason not recorded (outputs older than" + " low_content_reason)";
      default -> "low-content, for a reason this report does not know";
    };
  }

  /** A badge (a chip with the meaning as its tooltip); nothing when {@code reason} is null. */
  static Node badge(String reason) {
    if (reason == null) {
      return Html.EMPTY;
    }
    String cls =
        switch (reason) {
          case ClusterLine.TEMPLATE_ONLY -> "chip low tpl";
          case ClusterLine.TOO_SHORT -> "chip low short";
          default -> "chip low";
        };
    return el("span").cls(cls).attr("title", meaning(reason)).text(label(reason));
  }
}
