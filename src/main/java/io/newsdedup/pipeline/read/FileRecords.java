package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Reads the records of one input file, by extension: {@code .jsonl}/{@code .ndjson} one article per
 * line, {@code .txt} and {@code .html}/{@code .htm} one article per file; each may end in {@code
 * .gz}. Invalid UTF-8 is replaced by U+FFFD. Blank JSON lines are not records. A file that fails
 * part-way (a truncated .gz) keeps what was read and adds one rejection for the rest.
 */
final class FileRecords {
  private FileRecords() {}

  enum Format {
    JSONL,
    TEXT,
    HTML,
    UNSUPPORTED
  }

  static Format formatOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Format.JSONL;
    }
    if (n.endsWith(".txt")) {
      return Format.TEXT;
    }
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      return Format.HTML;
    }
    return Format.UNSUPPORTED;
  }

  /** Counts what {@link #read} saw, for metrics. */
  static final class Tally {
    long blankLines;
  }

  static void read(InputFile file, Consumer<Parsed> out, Tally tally) {
    Format format = formatOf(file.relativePath());
    Origin fileOrigin = Origin.ofFile(file.displayPath());
    if (format == Format.UNSUPPORTED) {
      out.accept(rejected(fileOrigin, Reasons.UNSUPPORTED_FORMAT,
          "unsupported file type (expected .jsonl, .ndjson, .txt, .html or .htm, optionally .gz)",
          ""));
      return;
    }
    long line = 0;
    try (BufferedReader reader = open(file)) {
      if (format == Format.JSONL) {
        for (String s; (s = reader.readLine()) != null; ) {
          line++;
          if (s.isBlank() || s.equals("\uFEFF")) {
            tally.blankLines++;
            continue;
          }
          out.accept(ArticleParser.parseJsonLine(s, Origin.ofLine(file.displayPath(), line)));
        }
      } else {
        String content = readAll(reader);
        out.accept(
            format == Format.TEXT
                ? ArticleParser.parseText(content, file.relativePath(), fileOrigin)
                : ArticleParser.parseHtml(content, file.relativePath(), "", fileOrigin));
      }
    } catch (IOException | RuntimeException e) {
      Origin at = format == Format.JSONL ? Origin.ofLine(file.displayPath(), line + 1) : fileOrigin;
      String where = format == Format.JSONL && line > 0 ? "after line " + line + ": " : "";
      out.accept(rejected(at, Reasons.UNREADABLE_FILE,
          "could not read the file " + where + e.getClass().getSimpleName() + ": " + e.getMessage(),
          ""));
    }
  }

  private static Parsed rejected(Origin origin, String reason, String message, String raw) {
    return new Parsed(null, Rejection.of(origin, reason, message, raw));
  }

  private static BufferedReader open(InputFile file) throws IOException {
    InputStream in =
        Channels.newInputStream(
            Compression.detect(file.relativePath())
                .readDecompressed(
                    FileSystems.open(FileSystems.matchNewResource(file.resource(), false))));
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  private static String readAll(BufferedReader reader) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1 << 16];
    for (int n; (n = reader.read(buf)) > 0; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }
}
