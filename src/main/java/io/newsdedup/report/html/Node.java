package io.newsdedup.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A piece of an HTML page: an element ({@link Tag}), text, or a sequence of nodes. There is no node
 * made of markup given as a string: text and attribute values are escaped when written, so
 * untrusted strings cannot become markup, whatever the call site does with them.
 */
public sealed interface Node permits Tag, Text, Group {

  /** Writes this node's HTML to {@code out}. */
  void writeTo(Appendable out) throws IOException;

  /** This node's HTML. */
  default String html() {
    StringBuilder sb = new StringBuilder();
    try {
      writeTo(sb);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return sb.toString();
  }
}
