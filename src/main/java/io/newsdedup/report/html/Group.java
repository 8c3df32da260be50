package io.newsdedup.report.html;

import java.io.IOException;
import java.util.List;

/** Nodes one after the other, without an element around them. */
record Group(List<Node> nodes) implements Node {
  @Override
  public void writeTo(Appendable out) throws IOException {
    for (Node n : nodes) {
      n.writeTo(out);
    }
  }
}
