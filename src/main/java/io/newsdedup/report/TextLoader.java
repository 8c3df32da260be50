package io.newsdedup.report;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.read.InputFormat;
import io.newsdedup.core.read.InputRecords;
import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.OriginRef;
import io.newsdedup.report.html.Html;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Re-reads the texts of chosen articles from their origins as the pipeline read them: the file read
 * by {@link InputRecords} (gzip by name and magic bytes, every member, what follows the last good
 * one an error, lines in bounded memory) and the record parsed by {@link InputFormat#parse}, so a
 * diff shows exactly the text the pipeline read. Relative origin paths are resolved against a root
 * directory. Each file is read once, a JSONL file only up to the last wanted line. What cannot be
 * re-read (a file gone, a line that no longer holds the article, a line after where the file breaks
 * off, a record longer than {@link InputRecords#MAX_RECORD_CHARS}, a Pub/Sub message) gets a {@link
 * Text#problem() problem} instead of a text. A record of a WARC file is read at its offset (the
 * reader seeks there: a big archive is not read from its start).
 */
final class TextLoader {
  /** Text kept per article (more is cut; diffs look at 20,000 words at most anyway). */
  static final int MAX_TEXT_CHARS = 400_000;

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
  private final int maxRecordChars;
  private long used;
  private final Map<OriginRef, Text> out = new HashMap<>();

  private TextLoader(Path root, long budget, int maxRecordChars) {
    this.root = root;
    this.budget = budget;
    this.maxRecordChars = maxRecordChars;
  }

  /**
   * The texts of {@code members}, by origin, keeping at most {@code budgetChars} characters in all
   * (members past the budget get a problem).
   */
  static Map<OriginRef, Text> load(Path root, Collection<Member> members, long budgetChars) {
    return load(root, members, budgetChars, InputRecords.MAX_RECORD_CHARS);
  }

  /**
   * {@link #load} with another limit per record than {@link InputRecords#MAX_RECORD_CHARS}: a
   * longer line or file is a problem, read in memory bounded by the limit.
   */
  static Map<OriginRef, Text> load(
      Path root, Collection<Member> members, long budgetChars, int maxRecordChars) {
    TextLoader loader = new TextLoader(root, budgetChars, maxRecordChars);
    Map<String, TreeMap<Long, String>> byFile = new TreeMap<>();
    Map<String, Map<OriginRef, String>> recordsByFile = new TreeMap<>();
    for (Member m : members) {
      OriginRef o = m.origin();
      if (o.messageId() != null) {
        loader.out.put(o, Text.problem("read from a Pub/Sub message: its text is not kept"));
      } else if (o.file() == null) {
        loader.out.put(o, Text.problem("no origin recorded"));
      } else if (o.isRecord()) {
        recordsByFile.computeIfAbsent(o.file(), k -> new HashMap<>()).put(o, m.id());
      } else {
        byFile.computeIfAbsent(o.file(), k -> new TreeMap<>()).put(o.line(), m.id());
      }
    }
    byFile.forEach(loader::readFile);
    recordsByFile.forEach(loader::readRecords);
    return loader.out;
  }

  /**
   * The WARC records wanted of one file, read at their offsets (the pages parsed as the pipeline
   * parsed them).
   */
  private void readRecords(String file, Map<OriginRef, String> wanted) {
    Path path;
    try {
      path = resolve(file);
    } catch (IllegalArgumentException e) {
      failRecords(wanted, e.getMessage());
      return;
    }
    if (!Files.isRegularFile(path)) {
      failRecords(
          wanted,
          "source file not found: "
              + path
              + " (moved or deleted since the run? set --inputRoot to where batch ran)");
      return;
    }
    if (InputFormat.of(path.getFileName().toString()) != InputFormat.WARC) {
      failRecords(wanted, "not a WARC file, but the origin is a record offset: " + path);
      return;
    }
    TreeSet<Long> offsets = new TreeSet<>();
    wanted.keySet().forEach(o -> offsets.add(o.offset()));
    Exception failure = null;
    try (InputRecords records = InputRecords.open(path, maxRecordChars)) {
      records.select(
          offsets,
          r -> {
            Origin at = r.origin(file);
            OriginRef ref = new OriginRef(file, 0, null, at.offset(), at.inMember());
            String id = wanted.get(ref);
            if (id == null) {
              return; // another record of the same gzip member
            }
            if (r.tooLarge()) {
              put(
                  ref,
                  Text.problem(
                      "the record at "
                          + ref.display()
                          + " is longer than the limit of "
                          + maxRecordChars
                          + " characters per record (not loaded)"));
              return;
            }
            Parsed parsed =
                r.skipped() ? null : records.format().parse(r, path.getFileName().toString(), at);
            if (parsed == null || parsed.article() == null) {
              put(
                  ref,
                  Text.problem(
                      ref.display()
                          + " no longer holds an article ("
                          + (parsed == null ? r.crawl().skip() : parsed.rejection().reason())
                          + "): the file changed since the run"));
            } else {
              accept(ref, id, parsed.article());
            }
          });
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    for (OriginRef ref : wanted.keySet()) {
      if (!out.containsKey(ref)) {
        put(
            ref,
            Text.problem(
                failure != null
                    ? "could not read " + path + " at " + ref.display() + ": " + failure
                    : path
                        + " has no record at "
                        + ref.display()
                        + ": the file changed since the run"));
      }
    }
  }

  private void failRecords(Map<OriginRef, String> wanted, String why) {
    wanted.keySet().forEach(ref -> put(ref, Text.problem(why)));
  }

  private void readFile(String file, TreeMap<Long, String> wanted) {
    Path path;
    try {
      path = resolve(file);
    } catch (IllegalArgumentException e) {
      fail(file, wanted, e.getMessage());
      return;
    }
    if (!Files.isRegularFile(path)) {
      fail(
          file,
          wanted,
          "source file not found: "
              + path
              + " (moved or deleted since the run? set --inputRoot to where batch ran)");
      return;
    }
    InputFormat format = InputFormat.of(path.getFileName().toString());
    if (format == InputFormat.UNSUPPORTED) {
      fail(file, wanted, "not a format the pipeline reads: " + path.getFileName());
      return;
    }
    InputRecords records;
    try {
      records = InputRecords.open(path, maxRecordChars);
    } catch (IOException | RuntimeException e) {
      fail(file, wanted, "could not read " + path + ": " + e);
      return;
    }
    try (records) {
      if (format == InputFormat.JSONL) {
        readLines(file, path, wanted, records);
      } else {
        readWhole(file, path, wanted, records);
      }
    } catch (IOException | RuntimeException e) {
      for (Long line : wanted.keySet()) { // what was read before stands
        out.putIfAbsent(
            new OriginRef(file, line, null), Text.problem("could not read " + path + ": " + e));
      }
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

  private void readLines(
      String file, Path path, TreeMap<Long, String> wanted, InputRecords records) {
    Exception failure = null;
    try {
      records.select(
          wanted.navigableKeySet(),
          r -> {
            OriginRef ref = new OriginRef(file, r.line(), null);
            if (r.tooLarge()) {
              put(
                  ref,
                  Text.problem(
                      "line "
                          + r.line()
                          + " is longer than the limit of "
                          + maxRecordChars
                          + " characters per record: it has "
                          + r.length()
                          + " characters (not loaded)"));
              return;
            }
            Parsed parsed = ArticleParser.parseJsonLine(r.text(), Origin.ofLine(file, r.line()));
            if (parsed.article() == null) {
              put(
                  ref,
                  Text.problem(
                      "line "
                          + r.line()
                          + " no longer holds an article ("
                          + parsed.rejection().reason()
                          + "): the file changed since the run"));
            } else {
              accept(ref, wanted.get(r.line()), parsed.article());
            }
          });
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    long number = records.lastLine();
    for (var w : wanted.entrySet()) {
      if (w.getKey() > number || w.getKey() <= 0) {
        put(
            new OriginRef(file, w.getKey(), null),
            Text.problem(
                w.getKey() <= 0
                    ? "no line number recorded for a JSONL record"
                    : failure != null
                        ? "could not read " + path + " after line " + number + ": " + failure
                        : path
                            + " has only "
                            + number
                            + " lines now: the file changed since the run"));
      }
    }
  }

  private void readWhole(String file, Path path, Map<Long, String> wanted, InputRecords records) {
    InputRecords.Raw content;
    try {
      content = records.next();
    } catch (IOException | RuntimeException e) {
      fail(file, wanted, "could not read " + path + ": " + e);
      return;
    }
    if (content.tooLarge()) {
      fail(
          file,
          wanted,
          path
              + " is longer than the limit of "
              + maxRecordChars
              + " characters per record (not loaded)");
      return;
    }
    for (var w : wanted.entrySet()) {
      OriginRef ref = new OriginRef(file, w.getKey(), null);
      Parsed parsed = records.format().parse(content.text(), w.getValue(), Origin.ofFile(file));
      if (parsed.article() == null) {
        put(
            ref,
            Text.problem(
                path
                    + " no longer holds an article ("
                    + parsed.rejection().reason()
                    + "): the file changed since the run"));
      } else {
        accept(ref, null, parsed.article());
      }
    }
  }

  private void accept(OriginRef ref, String expectedId, Article a) {
    if (expectedId != null && !expectedId.equals(a.id())) {
      put(
          ref,
          Text.problem(
              ref.display()
                  + " now holds article \""
                  + Html.clip(a.id(), 80)
                  + "\", not \""
                  + Html.clip(expectedId, 80)
                  + "\": the file changed since the run"));
      return;
    }
    String body =
        a.body().length() > MAX_TEXT_CHARS ? a.body().substring(0, MAX_TEXT_CHARS) : a.body();
    if (used + body.length() > budget) {
      put(
          ref,
          Text.problem(
              "not loaded: the report keeps at most "
                  + budget
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
}
