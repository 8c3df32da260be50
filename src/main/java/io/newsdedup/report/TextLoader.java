package io.newsdedup.report;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.OriginRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Re-reads the texts of chosen articles from their origins with the pipeline's own parser
 * ({@link ArticleParser}), so a diff shows exactly the text the pipeline read. Relative origin
 * paths are resolved against a root directory. Each file is read once, a JSONL file only up to
 * the last wanted line. What cannot be re-read (a file gone, a line that no longer holds the
 * article, a Pub/Sub message) gets a {@link Text#problem() problem} instead of a text.
 */
final class TextLoader {
  /** Text kept per article (more is cut; diffs look at 20,000 words at most anyway). */
  static final int MAX_TEXT_CHARS = 400_000;
  /** Whole-file articles (.txt, .html) larger than this are not read. */
  static final long MAX_FILE_BYTES = 64L << 20;

  /** An article's text, or why there is none. */
  record Text(String body, String problem) {
    static Text ok(String body) {
      return new Text(body, null);
    }

    static Text problem(String why) {
      return new Text(null, why);
    }
  }

  private final Path root;
  private final long budget;
  private long used;
  private final Map<OriginRef, Text> out = new HashMap<>();

  private TextLoader(Path root, long budget) {
    this.root = root;
    this.budget = budget;
  }

  /**
   * The texts of {@code members}, by origin, keeping at most {@code budgetChars} characters in
   * all (members past the budget get a problem).
   */
  static Map<OriginRef, Text> load(Path root, Collection<Member> members, long budgetChars) {
    TextLoader loader = new TextLoader(root, budgetChars);
    Map<String, Map<Long, String>> byFile = new TreeMap<>();
    for (Member m : members) {
      OriginRef o = m.origin();
      if (o.messageId() != null) {
        loader.out.put(o, Text.problem("read from a Pub/Sub message: its text is not kept"));
      } else if (o.file() == null) {
        loader.out.put(o, Text.problem("no origin recorded"));
      } else {
        byFile.computeIfAbsent(o.file(), k -> new TreeMap<>()).put(o.line(), m.id());
      }
    }
    byFile.forEach(loader::readFile);
    return loader.out;
  }

  private void readFile(String file, Map<Long, String> wanted) {
    Path path;
    try {
      path = resolve(file);
    } catch (IllegalArgumentException e) {
      fail(file, wanted, e.getMessage());
      return;
    }
    if (!Files.isRegularFile(path)) {
      fail(file, wanted, "source file not found: " + path
          + " (moved or deleted since the run? set --inputRoot to where batch ran)");
      return;
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      readLines(file, path, wanted);
    } else if (name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm")) {
      readWhole(file, path, wanted, name.endsWith(".txt"));
    } else {
      fail(file, wanted, "not a format the pipeline reads: " + path.getFileName());
    }
  }

  private Path resolve(String file) {
    if (file.contains("://")) {
      if (!file.startsWith("file://")) {
        throw new IllegalArgumentException(
            "not a local file: " + file + " (texts are re-read from local files only)");
      }
      return Path.of(URI.create(file));
    }
    Path p = Path.of(file);
    return p.isAbsolute() ? p : root.resolve(p);
  }

  private void readLines(String file, Path path, Map<Long, String> wanted) {
    long last = wanted.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    long number = 0;
    try (BufferedReader in = open(path)) {
      for (String s; number < last && (s = in.readLine()) != null; ) {
        number++;
        String id = wanted.get(number);
        if (id == null) {
          continue;
        }
        OriginRef ref = new OriginRef(file, number, null);
        Parsed parsed = ArticleParser.parseJsonLine(s, Origin.ofLine(file, number));
        if (parsed.article() == null) {
          put(ref, Text.problem("line " + number + " no longer holds an article ("
              + parsed.rejection().reason() + "): the file changed since the run"));
        } else {
          accept(ref, id, parsed.article());
        }
      }
    } catch (IOException | RuntimeException e) {
      for (var w : wanted.entrySet()) {
        if (w.getKey() > number) {
          put(new OriginRef(file, w.getKey(), null),
              Text.problem("could not read " + path + " after line " + number + ": " + e));
        }
      }
      return;
    }
    for (var w : wanted.entrySet()) {
      if (w.getKey() > number || w.getKey() <= 0) {
        put(new OriginRef(file, w.getKey(), null), Text.problem(w.getKey() <= 0
            ? "no line number recorded for a JSONL record"
            : path + " has only " + number + " lines now: the file changed since the run"));
      }
    }
  }

  private void readWhole(String file, Path path, Map<Long, String> wanted, boolean text) {
    for (var w : wanted.entrySet()) {
      OriginRef ref = new OriginRef(file, w.getKey(), null);
      try {
        if (Files.size(path) > MAX_FILE_BYTES) {
          put(ref, Text.problem(path + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB"));
          continue;
        }
        String content;
        try (BufferedReader in = open(path)) {
          StringBuilder sb = new StringBuilder();
          char[] buf = new char[1 << 16];
          for (int n; (n = in.read(buf)) > 0; ) {
            sb.append(buf, 0, n);
          }
          content = sb.toString();
        }
        Origin origin = Origin.ofFile(file);
        Parsed parsed = text
            ? ArticleParser.parseText(content, w.getValue(), origin)
            : ArticleParser.parseHtml(content, w.getValue(), "", origin);
        if (parsed.article() == null) {
          put(ref, Text.problem(path + " no longer holds an article ("
              + parsed.rejection().reason() + "): the file changed since the run"));
        } else {
          accept(ref, null, parsed.article());
        }
      } catch (IOException | RuntimeException e) {
        put(ref, Text.problem("could not read " + path + ": " + e));
      }
    }
  }

  private void accept(OriginRef ref, String expectedId, Article a) {
    if (expectedId != null && !expectedId.equals(a.id())) {
      put(ref, Text.problem(ref.display() + " now holds article \"" + Html.clip(a.id(), 80)
          + "\", not \"" + Html.clip(expectedId, 80) + "\": the file changed since the run"));
      return;
    }
    String body = a.body().length() > MAX_TEXT_CHARS ? a.body().substring(0, MAX_TEXT_CHARS)
        : a.body();
    if (used + body.length() > budget) {
      put(ref, Text.problem("not loaded: the report keeps at most " + budget
          + " characters of article text in memory"));
      return;
    }
    used += body.length();
    put(ref, Text.ok(body));
  }

  private void put(OriginRef ref, Text t) {
    out.put(ref, t);
  }

  private void fail(String file, Map<Long, String> wanted, String why) {
    for (Long line : wanted.keySet()) {
      put(new OriginRef(file, line, null), Text.problem(why));
    }
  }

  private static BufferedReader open(Path path) throws IOException {
    InputStream in = Files.newInputStream(path);
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }
}
