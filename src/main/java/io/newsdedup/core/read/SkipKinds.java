package io.newsdedup.core.read;

import java.util.Set;

/**
 * The kinds of records that are read but are not articles, and not bad input either: counted by
 * kind ({@code skipped} in {@code summary.json}), never written as rejections. All of them are
 * records of WARC files (crawl archives), which hold much besides pages.
 */
public final class SkipKinds {
  private SkipKinds() {}

  /** A {@code response} or {@code resource} record whose payload is not an HTML page. */
  public static final String NOT_HTML = "not_html";

  /**
   * A capture of an article that another capture of it (same id: the same URL) replaces: a later
   * complete one is kept ({@link io.newsdedup.core.article.Capture#PREFERRED}).
   */
  public static final String DUPLICATE_CAPTURE = "duplicate_capture";

  /** WARC record types that never hold a page to read. */
  static final Set<String> TYPES =
      Set.of("warcinfo", "request", "metadata", "revisit", "conversion", "continuation");

  /** A WARC record of a type not in {@link #TYPES} and not a response or resource. */
  public static final String OTHER_TYPE = "other_record_type";

  /** The kind of a record of WARC type {@code type} (not response or resource). */
  static String ofType(String type) {
    return TYPES.contains(type) ? type : OTHER_TYPE;
  }

  /** The kind of an HTTP response that is not 2xx: {@code http_3xx}, {@code http_4xx}, ... */
  static String ofStatus(int status) {
    return status >= 100 && status < 600 ? "http_" + status / 100 + "xx" : "http_invalid_status";
  }
}
