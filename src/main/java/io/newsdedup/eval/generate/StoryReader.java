package io.newsdedup.eval.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@link Story stories} from text and JSONL files.
 *
 * <p>A {@code .txt} file is one story whose id is the file name without {@code .txt}. It may start
 * with a header of {@code key: value} lines (lower-case keys, one of them {@code title}) ended by
 * the first blank line; recognised keys are {@code id, source, kind, published_at, dateline, url,
 * title, lang}, others are ignored. Without such a header the first non-blank line is the title and
 * the rest the body. Body paragraphs are separated by blank lines (or, when the body has no blank
 * line, by single line breaks).
 *
 * <p>A {@code .jsonl} / {@code .ndjson} file (optionally {@code .gz}) holds one story per line:
 * {@code id}, {@code title}, {@code text} and the optional {@code source, kind, published_at,
 * dateline, url, lang}. A line without {@code id} uses its {@code url}; without {@code title} the
 * first paragraph of the text becomes the title. Blank lines are skipped.
 *
 * <p>Malformed input raises {@link IllegalArgumentException} naming the file (and line).
 */
public final class StoryReader {
  private StoryReader() {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HEADER_LINE = Pattern.compile("^([a-z][a-z0-9_]*):(?:\\s(.*))?$");
  private static final Set<String> WIRE_AGENCIES =
      Set.of(
          "ap",
          "associated press",
          "the associated press",
          "reuters",
          "afp",
          "agence france-presse",
          "agence france presse");

  /**
   * Reads every story matched by {@code pattern}: a directory (its {@code .txt}, {@code .jsonl},
   * {@code .ndjson} and {@code .jsonl.gz} files, not recursive), a single file, or a glob such as
   * {@code data/**}{@code /*.jsonl}. Files are read in sorted path order; stories come back sorted
   * by id.
   *
   * @throws IllegalArgumentException when nothing matches, on malformed input or duplicate ids
   * @throws UncheckedIOException on read errors
   */
  public static List<Story> read(String pattern) {
    List<Path> files = resolve(pattern);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no story files match " + pattern);
    }
    Map<String, Story> byId = new HashMap<>();
    List<Story> all = new ArrayList<>();
    for (Path f : files) {
      for (Story s : readFile(f)) {
        Story prev = byId.putIfAbsent(s.id(), s);
        if (prev != null) {
          throw new IllegalArgumentException("duplicate story id " + s.id() + " in " + f);
        }
        all.add(s);
      }
    }
    all.sort((a, b) -> a.id().compareTo(b.id()));
    return all;
  }

  /** The story files {@code pattern} names, sorted. */
  static List<Path> resolve(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("empty story pattern");
    }
    boolean glob = pattern.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    try {
      if (!glob) {
        Path p = Path.of(pattern);
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.list(p)) {
            return s.filter(Files::isRegularFile)
                .filter(StoryReader::isStoryFile)
                .sorted()
                .toList();
          }
        }
        if (Files.isRegularFile(p)) {
          return List.of(p);
        }
        return List.of();
      }
      int firstGlob = indexOfGlob(pattern);
      int slash = pattern.lastIndexOf('/', firstGlob);
      Path base = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, Math.max(slash, 1)));
      String full = slash < 0 ? "./" + pattern : pattern;
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + full);
      if (!Files.isDirectory(base)) {
        return List.of();
      }
      try (Stream<Path> s = Files.walk(base)) {
        return s.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOfGlob(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("*?[{".indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isStoryFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt")
        || n.endsWith(".jsonl")
        || n.endsWith(".ndjson")
        || n.endsWith(".jsonl.gz")
        || n.endsWith(".ndjson.gz");
  }

  /** Reads one file by its extension: JSONL/NDJSON (maybe gzipped) or text. */
  public static List<Story> readFile(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = lower.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String base = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
      if (base.endsWith(".jsonl") || base.endsWith(".ndjson")) {
        List<Story> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          if (n == 1) {
            line = stripBom(line);
          }
          if (!line.isBlank()) {
            out.add(parseJsonLine(line, file + ":" + n));
          }
        }
        return out;
      }
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int k;
      while ((k = r.read(buf)) > 0) {
        sb.append(buf, 0, k);
      }
      String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
      return List.of(parseText(id, sb.toString(), file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Parses one text story.
   *
   * @param defaultId id used unless the header has an {@code id}
   * @param where file name for error messages
   */
  public static Story parseText(String defaultId, String content, String where) {
    String text = stripBom(content).replace("\r\n", "\n").replace('\r', '\n');
    List<String> lines = List.of(text.split("\n", -1));
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    Map<String, String> header = new LinkedHashMap<>();
    int j = i;
    boolean isHeader = j < lines.size();
    while (j < lines.size() && !lines.get(j).isBlank()) {
      Matcher m = HEADER_LINE.matcher(lines.get(j).strip());
      if (!m.matches()) {
        isHeader = false;
        break;
      }
      header.put(m.group(1), m.group(2) == null ? "" : m.group(2).strip());
      j++;
    }
    String title;
    String body;
    if (isHeader && header.containsKey("title")) {
      title = header.get("title");
      body = String.join("\n", lines.subList(Math.min(j, lines.size()), lines.size()));
    } else {
      header.clear();
      if (i >= lines.size()) {
        throw new IllegalArgumentException(where + ": empty story");
      }
      title = lines.get(i).strip();
      body = String.join("\n", lines.subList(i + 1, lines.size()));
    }
    List<String> paragraphs = Texts.splitParagraphs(body);
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException(where + ": story has no body");
    }
    return build(
        header.getOrDefault("id", defaultId),
        header.get("source"),
        header.get("kind"),
        header.get("published_at"),
        header.get("dateline"),
        header.get("url"),
        title,
        paragraphs,
        header.get("lang"),
        where);
  }

  /** Parses one JSONL story line. */
  static Story parseJsonLine(String line, String where) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": invalid JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(where + ": not a JSON object");
    }
    String text = str(n, "text");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(where + ": missing text");
    }
    List<String> paragraphs = new ArrayList<>(Texts.splitParagraphs(text));
    String title = str(n, "title");
    if (title == null || title.isBlank()) {
      title = paragraphs.remove(0);
      if (paragraphs.isEmpty()) {
        throw new IllegalArgumentException(where + ": story has a title line but no body");
      }
    }
    String id = str(n, "id");
    if (id == null || id.isBlank()) {
      id = str(n, "url");
    }
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(where + ": needs an id or a url");
    }
    return build(
        id,
        str(n, "source"),
        str(n, "kind"),
        str(n, "published_at"),
        str(n, "dateline"),
        str(n, "url"),
        title,
        paragraphs,
        str(n, "lang"),
        where);
  }

  private static Story build(
      String id,
      String source,
      String kind,
      String publishedAt,
      String dateline,
      String url,
      String title,
      List<String> paragraphs,
      String lang,
      String where) {
    String k = kind;
    if (k == null || k.isBlank()) {
      k =
          source == null || source.isBlank()
              ? null
              : WIRE_AGENCIES.contains(source.strip().toLowerCase(Locale.ROOT))
                  ? Story.WIRE
                  : Story.PUBLISHER;
    }
    try {
      return new Story(
          id.strip(),
          source,
          k,
          parseInstant(publishedAt, where),
          dateline,
          url,
          title,
          paragraphs,
          lang);
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(where)
          ? e
          : new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static Instant parseInstant(String s, String where) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": bad published_at '" + s + "'");
    }
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
