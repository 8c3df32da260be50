package io.newsdedup.core.read;

import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
import java.util.Locale;

/**
 * What an input file holds, by its name: {@code .jsonl}/{@code .ndjson} one article per line,
 * {@code .txt} and {@code .html}/{@code .htm} one article per file, {@code .warc} one per WARC
 * record that holds an HTML page; each may end in {@code .gz} (read through gzip when the file
 * starts with the gzip magic bytes, see {@link InputRecords}).
 */
public enum InputFormat {
  JSONL,
  TEXT,
  HTML,
  WARC,
  UNSUPPORTED;

  /** The format of a file named {@code name} (a path or a bare name; case does not matter). */
  public static InputFormat of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSONL;
    }
    if (n.endsWith(".txt")) {
      return TEXT;
    }
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      return HTML;
    }
    if (n.endsWith(".warc")) {
      return WARC;
    }
    return UNSUPPORTED;
  }

  /** Whether a file named {@code name} may be gzip-compressed: its name ends in {@code .gz}. */
  static boolean gzipName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /**
   * The record the pipeline makes of one raw record of a file of this format: a JSONL line, or the
   * whole content of a .txt or .html file, whose article id is {@code id} (the pipeline's: the
   * file's path relative to its pattern's base directory).
   */
  public Parsed parse(String raw, String id, Origin origin) {
    return switch (this) {
      case JSONL -> ArticleParser.parseJsonLine(raw, origin);
      case TEXT -> ArticleParser.parseText(raw, id, origin);
      case HTML -> ArticleParser.parseHtml(raw, id, "", origin);
      case WARC ->
          throw new IllegalArgumentException("a WARC record is parsed with its crawl: parse(Raw)");
      case UNSUPPORTED ->
          new Parsed(null, Rejection.of(origin, Reasons.UNSUPPORTED_FORMAT, "", ""));
    };
  }

  /**
   * The record the pipeline makes of one raw record {@code r} (not {@link InputRecords.Raw#tooLarge
   * too large}, not {@link InputRecords.Raw#skipped skipped}) of a file of this format, at {@code
   * origin}: as {@link #parse(String, String, Origin)}, and for a WARC record, the page captured
   * ({@link ArticleParser#parseCapture}) or, for a record that cannot be read, a {@code
   * malformed_record} rejection with its header.
   */
  public Parsed parse(InputRecords.Raw r, String id, Origin origin) {
    if (this != WARC) {
      return parse(r.text(), id, origin);
    }
    InputRecords.Crawl c = r.crawl();
    if (c.problem() != null) {
      return new Parsed(
          null,
          Rejection.of(
              origin, Reasons.MALFORMED_RECORD, "the WARC record " + c.problem(), r.head()));
    }
    return ArticleParser.parseCapture(r.text(), c.target(), c.capture(), origin);
  }
}
