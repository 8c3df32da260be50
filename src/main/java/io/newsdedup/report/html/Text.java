package io.newsdedup.report.html;

import java.io.IOException;

/** Text, escaped when written; null is empty. */
record Text(String value) implements Node {
  @Override
  public void writeTo(Appendable out) throws IOException {
    out.append(Html.escape(value));
  }
}
