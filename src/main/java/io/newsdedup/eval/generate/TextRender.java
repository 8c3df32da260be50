package io.newsdedup.eval.generate;

import java.util.List;

/** Renders body blocks as plain text: paragraphs separated by a blank line. */
final class TextRender {
  private TextRender() {}

  /**
   * Paragraph, added and boilerplate blocks as they are (boilerplate keeps its stray spaces); a
   * photo as an optional slug line, the caption, a blank line and the credit followed by an extra
   * line break, the way captions come out of copied pages.
   */
  static String render(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      if (b instanceof Block.Para p) {
        sb.append(p.text());
      } else if (b instanceof Block.Added a) {
        sb.append(a.text());
      } else if (b instanceof Block.Boiler bo) {
        sb.append(bo.text());
      } else if (b instanceof Block.Photo ph) {
        if (ph.slug() != null) {
          sb.append(ph.slug()).append('\n');
        }
        sb.append(ph.caption()).append("\n\n").append(ph.credit()).append('\n');
      }
    }
    return sb.toString();
  }
}
