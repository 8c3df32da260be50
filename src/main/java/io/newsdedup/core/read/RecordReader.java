package io.newsdedup.core.read;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads records back from the local files their {@link Origin}s name, read ({@link InputRecords})
 * and parsed ({@link InputFormat#parse}) exactly as the pipeline read and parsed them: a JSONL line
 * ({@code .jsonl}, {@code .ndjson}), a {@code .txt} or an {@code .html} file, a record of a {@code
 * .warc} file (at its offset), any of them maybe gzip-compressed. Each file is read once, in one
 * pass, for all the origins asked of it, up to the last line asked. Relative paths are resolved
 * against a root directory.
 */
public final class RecordReader {
  private RecordReader() {}

  /**
   * The articles at the given origins; origins that cannot be read (file gone, line out of range or
   * after where the file breaks off, record rejected, too large) are absent from the result.
   */
  public static Map<Origin, Article> read(Collection<Origin> origins, Path root) {
    return read(origins, root, InputRecords.MAX_RECORD_CHARS);
  }

  /** {@link #read} with another limit per record than {@link InputRecords#MAX_RECORD_CHARS}. */
  static Map<Origin, Article> read(Collection<Origin> origins, Path root, int maxRecordChars) {
    Map<String, TreeSet<Long>> linesByFile = new TreeMap<>();
    for (Origin o : origins) {
      if (o.file() != null) {
        // the lines of a JSONL file, or the offsets of the records of a WARC file
        linesByFile
            .computeIfAbsent(o.file(), f -> new TreeSet<>())
            .add(o.isRecord() ? o.offset() : o.line());
      }
    }
    Map<Origin, Article> out = new HashMap<>();
    for (Map.Entry<String, TreeSet<Long>> e : linesByFile.entrySet()) {
      try {
        readFile(e.getKey(), e.getValue(), root, maxRecordChars, out);
      } catch (IOException | RuntimeException ignored) {
        // unreadable (from the damage on): its origins stay absent
      }
    }
    return out;
  }

  private static void readFile(
      String file, TreeSet<Long> lines, Path root, int maxRecordChars, Map<Origin, Article> out)
      throws IOException {
    Path path = root.resolve(file);
    String name = path.getFileName().toString();
    InputFormat format = InputFormat.of(name);
    if (format == InputFormat.UNSUPPORTED) {
      return; // the pipeline rejected it
    }
    try (InputRecords records = InputRecords.open(path, maxRecordChars)) {
      records.select(
          lines,
          r -> {
            if (r.tooLarge() || r.skipped()) {
              return; // the pipeline rejected it as too_large, or it is no article
            }
            Origin o = r.origin(file);
            Parsed p = format.parse(r, name, o);
            if (p.article() != null) {
              out.put(o, p.article());
            }
          });
    }
  }
}
