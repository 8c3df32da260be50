package io.newsdedup.report;

import static io.newsdedup.report.html.Html.bdi;
import static io.newsdedup.report.html.Html.el;

import io.newsdedup.report.ReportData.Rejected;
import io.newsdedup.report.html.Html;
import io.newsdedup.report.html.HtmlWriter;
import io.newsdedup.report.html.Tag;
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

  static void write(Writer out, ReportData d) throws IOException {
    HtmlWriter w = new HtmlWriter(out);
    Layout.open(w, "Rejected records · news-dedup report", d.banner());
    w.add(
        Layout.header(
            el("h1").text("Rejected records"),
            el("p")
                .text(Fmt.n(d.rejected) + " records of ")
                .add(bdi(d.settings.output().toString()))
                .text(" could not be used")),
        Layout.NL);
    w.open(el("main"))
        .add(
            el("nav")
                .cls("crumbs")
                .add(el("a").attr("href", "index.html#rejected").text("← report")));
    if (d.rejected == 0) {
      w.add(el("p").cls("note").text("No record was rejected."));
    } else {
      w.add(
          el("p")
              .cls("note")
              .text(
                  (d.rejectedShown.size() < d.rejected
                          ? "The first "
                              + Fmt.n(d.rejectedShown.size())
                              + " of "
                              + Fmt.n(d.rejected)
                              + " (--maxRejected), in the order of rejected-*.jsonl, which holds"
                              + " all."
                          : "All of them, in the order of rejected-*.jsonl.")
                      + " Raw payloads are the run's first 4 KB of each record, shown up to "
                      + Fmt.n(RAW_CHARS)
                      + " characters; invisible characters appear as ")
              .add(el("span").cls("cc").text("U+XXXX"))
              .text("."));
      table(w, d.rejectedShown, 0, RAW_CHARS);
    }
    w.close("main").newline();
    Layout.close(w);
  }

  /** A table of rejected records, raw payloads cut at {@code rawChars}, written row by row. */
  static void table(HtmlWriter w, List<Rejected> rows, int offset, int rawChars)
      throws IOException {
    w.open(el("table"))
        .add(
            el("tr")
                .add(
                    el("th").cls("n").text("#"),
                    el("th").text("origin"),
                    el("th").text("reason"),
                    el("th").text("message"),
                    el("th").text("raw payload")));
    int i = offset;
    for (Rejected r : rows) {
      i++;
      Tag payload = el("td").cls("t");
      String raw = r.raw() == null ? "" : r.raw();
      if (raw.isEmpty()) {
        payload.add(el("span").cls("muted").text("(none)"));
      } else {
        payload.add(el("pre").cls("raw").add(Html.visible(Html.clip(raw, rawChars))));
        if (raw.length() > rawChars) {
          payload.add(
              el("span")
                  .cls("muted")
                  .text(Fmt.n(raw.length() - rawChars) + " more characters not shown"));
        }
      }
      w.add(
          el("tr")
              .add(
                  el("td").cls("n").text(Integer.toString(i)),
                  el("td").cls("id").add(bdi(r.origin(), 300)),
                  el("td").add(bdi(r.reason(), 80)),
                  el("td").cls("t").add(bdi(r.message(), 500)),
                  payload));
    }
    w.close("table");
  }
}
