package io.newsdedup.core.article;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a record came from: a file and a 1-based line (0 when the record is the whole file), a
 * record of a WARC file at a byte offset, or a Pub/Sub message id. Origins order deterministically
 * (file, offset, line, offset in member, message id), which decides which of two records with the
 * same id is kept.
 *
 * @param line the 1-based line of a JSONL record; 0 for a whole file and for a WARC record
 * @param offset for a WARC record, where it starts in the file: in a {@code .warc.gz}, the
 *     (compressed) offset of the gzip member it is in; -1 for any other record
 * @param inMember for a WARC record that shares its gzip member with records before it (a {@code
 *     .warc.gz} compressed whole rather than record by record), where it starts in the member's
 *     uncompressed data; else 0
 */
public record Origin(String file, long line, String messageId, long offset, long inMember)
    implements Serializable {

  public static final Comparator<Origin> ORDER =
      Comparator.comparing(Origin::file, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(Origin::offset)
          .thenComparingLong(Origin::inMember)
          .thenComparingLong(Origin::line)
          .thenComparing(Origin::messageId, Comparator.nullsLast(Comparator.naturalOrder()));

  /** A file, a line of it, or a message: no WARC offset. */
  public Origin(String file, long line, String messageId) {
    this(file, line, messageId, -1, 0);
  }

  public static Origin ofFile(String file) {
    return new Origin(file, 0, null);
  }

  public static Origin ofLine(String file, long line) {
    return new Origin(file, line, null);
  }

  /** The WARC record at {@code offset} in {@code file}, {@code inMember} into its gzip member. */
  public static Origin ofRecord(String file, long offset, long inMember) {
    return new Origin(file, 0, null, offset, inMember);
  }

  public static Origin ofMessage(String messageId) {
    return new Origin(null, 0, messageId);
  }

  /** Whether this is a record of a WARC file ({@link #offset} is set). */
  public boolean isRecord() {
    return offset >= 0;
  }

  /** "file:line", "file@offset" (or "file@offset+inMember"), "file" or "pubsub:ID". */
  @Override
  public String toString() {
    if (messageId != null) {
      return "pubsub:" + messageId;
    }
    if (offset >= 0) {
      return file + "@" + offset + (inMember > 0 ? "+" + inMember : "");
    }
    return line > 0 ? file + ":" + line : String.valueOf(file);
  }
}
