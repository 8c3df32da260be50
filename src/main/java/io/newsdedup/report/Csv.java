package io.newsdedup.report;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.text.StringEscapeUtils;

/**
 * RFC 4180 CSV rows (Commons Text quoting, CRLF line ends). Text cells that a spreadsheet would
 * take for a formula (starting with {@code = + - @}, tab or CR) get a leading {@code '}; numeric
 * cells are written as they are.
 */
final class Csv {
  private Csv() {}

  /** A text cell: formula-guarded, then quoted when needed; null is empty. */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    char c = s.charAt(0);
    String guarded =
        c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    return StringEscapeUtils.escapeCsv(guarded);
  }

  /** A number cell; null is empty. */
  static String number(Number n) {
    return n == null ? "" : n.toString();
  }

  /** Writes one row of already formatted cells. */
  static void row(Writer out, String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cells[i]);
    }
    out.write("\r\n");
  }
}
