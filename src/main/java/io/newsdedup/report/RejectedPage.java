package io.newsdedup.report;

import io.newsdedup.report.ReportData.Rejected;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code rejected.html}: the first {@code maxRejected} rejected records with origin, reason,
 * message and raw payload. Payloads are shown as text, invisible characters marked.
 */
final class RejectedPage {
  private RejectedPage() {}

  static final int RAW_CHARS = 2000;

  static void write(Writer w, ReportData d) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append(Layout.head("Rejected records · news-dedup report", d.banner()));
    sb.append("<header class=\"top\"><div class=\"inner\"><h1>Rejected records</h1><p>")
        .append(Fmt.n(d.rejected)).append(" records of ")
        .append(Html.bdi(d.settings.output().toString()))
        .append(" could not be used</p></div></header>\n<main><nav class=\"crumbs\">"
            + "<a href=\"index.html#rejected\">← report</a></nav>");
    if (d.rejected == 0) {
      sb.append("<p class=\"note\">No record was rejected.</p>");
    } else {
      sb.append("<p class=\"note\">")
          .append(d.rejectedShown.size() < d.rejected
              ? "The first " + Fmt.n(d.rejectedShown.size()) + " of " + Fmt.n(d.rejected)
                  + " (--maxRejected), in the order of rejected-*.jsonl, which holds all."
              : "All of them, in the order of rejected-*.jsonl.")
          .append(" Raw payloads are the run's first 4 KB of each record, shown up to ")
          .append(Fmt.n(RAW_CHARS)).append(" characters; invisible characters appear as"
              + " <span class=\"cc\">U+XXXX</span>.</p>");
      table(sb, d.rejectedShown, 0, RAW_CHARS);
    }
    sb.append("</main>\n").append(Layout.foot());
    w.write(sb.toString());
  }

  /** A table of rejected records, raw payloads cut at {@code rawChars}. */
  static void table(StringBuilder sb, List<Rejected> rows, int offset, int rawChars) {
    sb.append("<table><tr><th class=\"n\">#</th><th>origin</th><th>reason</th><th>message</th>"
        + "<th>raw payload</th></tr>");
    int i = offset;
    for (Rejected r : rows) {
      i++;
      sb.append("<tr><td class=\"n\">").append(i).append("</td><td class=\"id\">")
          .append(Html.bdi(r.origin(), 300)).append("</td><td>").append(Html.bdi(r.reason(), 80))
          .append("</td><td class=\"t\">").append(Html.bdi(r.message(), 500))
          .append("</td><td class=\"t\">");
      String raw = r.raw() == null ? "" : r.raw();
      if (raw.isEmpty()) {
        sb.append("<span class=\"muted\">(none)</span>");
      } else {
        sb.append("<pre class=\"raw\">").append(Html.visible(Html.clip(raw, rawChars)))
            .append("</pre>");
        if (raw.length() > rawChars) {
          sb.append("<span class=\"muted\">").append(Fmt.n(raw.length() - rawChars))
              .append(" more characters not shown</span>");
        }
      }
      sb.append("</td></tr>");
    }
    sb.append("</table>");
  }
}
