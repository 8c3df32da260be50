package io.newsdedup.eval.generate;

import java.util.Locale;

/** The container a generated article is written in. */
public enum OutputFormat {
  /** A line of a JSONL file (plain {@code text} or a whole page in {@code html}). */
  JSONL("jsonl"),
  /** A standalone {@code .html} page; its id is the file name. */
  HTML("html"),
  /** A standalone {@code .txt} file: title, blank line, body; its id is the file name. */
  TXT("txt");

  private final String label;

  OutputFormat(String label) {
    this.label = label;
  }

  /** The name used on the command line and in the labels file. */
  public String label() {
    return label;
  }

  /**
   * The format with this name (case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static OutputFormat parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      if (f.label.equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format: " + name);
  }
}
