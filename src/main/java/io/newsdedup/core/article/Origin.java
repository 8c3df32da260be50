package io.newsdedup.core.article;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a record came from: a file and a 1-based line (0 when the record is the whole file), or a
 * Pub/Sub message id. Origins order deterministically (file, line, message id), which decides which
 * of two records with the same id is kept.
 */
public record Origin(String file, long line, String messageId) implements Serializable {

  public static final Comparator<Origin> ORDER =
      Comparator.comparing(Origin::file, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(Origin::line)
          .thenComparing(Origin::messageId, Comparator.nullsLast(Comparator.naturalOrder()));

  public static Origin ofFile(String file) {
    return new Origin(file, 0, null);
  }

  public static Origin ofLine(String file, long line) {
    return new Origin(file, line, null);
  }

  public static Origin ofMessage(String messageId) {
    return new Origin(null, 0, messageId);
  }

  /** "file:line", "file" or "pubsub:ID": for messages and logs. */
  @Override
  public String toString() {
    if (messageId != null) {
      return "pubsub:" + messageId;
    }
    return line > 0 ? file + ":" + line : String.valueOf(file);
  }
}
