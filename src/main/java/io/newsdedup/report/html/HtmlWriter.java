package io.newsdedup.report.html;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Streams a page to a {@link Writer} node by node, so a long page (thousands of table rows, a
 * cluster's diffs) is never held whole: {@link #open} writes an element's start tag and keeps it
 * open, {@link #add} writes nodes into it, {@link #close} ends it. Only nodes can be written.
 */
public final class HtmlWriter {
  private final Writer out;
  private final Deque<Tag> open = new ArrayDeque<>();

  /** Writes to {@code out}, which the caller closes. */
  public HtmlWriter(Writer out) {
    this.out = out;
  }

  /** {@code <!DOCTYPE html>} and a line break. */
  public HtmlWriter doctype() throws IOException {
    if (!open.isEmpty()) {
      throw new IllegalStateException("the doctype comes first");
    }
    out.write("<!DOCTYPE html>\n");
    return this;
  }

  /** Writes {@code tag}'s start tag and what it holds so far, and keeps it open. */
  public HtmlWriter open(Tag tag) throws IOException {
    if (!tag.canHoldChildren()) {
      throw new IllegalArgumentException("<" + tag.name() + "> cannot be left open");
    }
    tag.writeStart(out);
    open.push(tag);
    return this;
  }

  /** Writes the nodes into the innermost open element; nulls are skipped. */
  public HtmlWriter add(Node... nodes) throws IOException {
    for (Node n : nodes) {
      if (n != null) {
        n.writeTo(out);
      }
    }
    return this;
  }

  /** Writes text, escaped. */
  public HtmlWriter text(String s) throws IOException {
    return add(Html.text(s));
  }

  /** A line break, to keep the source readable. */
  public HtmlWriter newline() throws IOException {
    out.write('\n');
    return this;
  }

  /** Ends the innermost open element, which must be {@code <name>}. */
  public HtmlWriter close(String name) throws IOException {
    Tag t = open.poll();
    if (t == null || !t.name().equals(name)) {
      throw new IllegalStateException(
          "closing <" + name + "> but <" + (t == null ? "nothing" : t.name()) + "> is open");
    }
    t.writeEnd(out);
    return this;
  }

  /** Checks that every element opened was closed. */
  public void finish() throws IOException {
    if (!open.isEmpty()) {
      throw new IllegalStateException("<" + open.peek().name() + "> is still open");
    }
    out.flush();
  }
}
