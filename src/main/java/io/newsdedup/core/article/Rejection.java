package io.newsdedup.core.article;

import java.io.Serializable;

/**
 * A record that could not be read or used.
 *
 * @param origin where it came from
 * @param reason a short machine-readable code (see {@link Reasons})
 * @param message what exactly was wrong, for a human
 * @param raw the original payload, cut to {@link #MAX_RAW_CHARS} characters
 */
public record Rejection(Origin origin, String reason, String message, String raw)
    implements Serializable {

  public static final int MAX_RAW_CHARS = 4096;

  public static Rejection of(Origin origin, String reason, String message, String raw) {
    return new Rejection(origin, reason, message, truncate(raw));
  }

  static String truncate(String raw) {
    if (raw == null) {
      return "";
    }
    if (raw.length() <= MAX_RAW_CHARS) {
      return raw;
    }
    int end = MAX_RAW_CHARS;
    if (Character.isHighSurrogate(raw.charAt(end - 1))) {
      end--;
    }
    return raw.substring(0, end);
  }

  /** The reason codes. */
  public static final class Reasons {
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String NOT_AN_OBJECT = "not_an_object";
    public static final String INVALID_FIELD = "invalid_field";
    public static final String NO_TEXT = "no_text";

    /** Mostly invalid UTF-8 or control characters: binary data, or text in another encoding. */
    public static final String BINARY_CONTENT = "binary_content";

    public static final String UNREADABLE_FILE = "unreadable_file";

    /**
     * A WARC record that cannot be read (a damaged header, bad HTTP headers, no WARC-Date, an
     * undecodable content encoding): raw holds its WARC header; the file goes on with the next.
     */
    public static final String MALFORMED_RECORD = "malformed_record";

    /**
     * A record (a JSONL line, a .txt or .html file) longer than the reader's limit per record (a
     * gzip bomb, a file that is not line-delimited): raw holds its first characters.
     */
    public static final String TOO_LARGE = "too_large";

    public static final String UNSUPPORTED_FORMAT = "unsupported_format";
    public static final String DUPLICATE_ID = "duplicate_id";
    public static final String PROCESSING_ERROR = "processing_error";

    private Reasons() {}
  }
}
