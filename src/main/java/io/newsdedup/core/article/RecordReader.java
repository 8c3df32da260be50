package io.newsdedup.core.article;

import io.newsdedup.core.article.ArticleParser.Parsed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Reads records back from the local files their {@link Origin}s name, parsed exactly as the
 * pipeline parsed them: a JSONL line ({@code .jsonl}, {@code .ndjson}), a {@code .txt} or an
 * {@code .html} file, any of them gzip-compressed. Each file is read once, in one pass, for all the
 * origins asked of it. Relative paths are resolved against a root directory.
 */
public final class RecordReader {
  private RecordReader() {}

  /**
   * The articles at the given origins; origins that cannot be read (file gone, line out of range,
   * record rejected) are absent from the result.
   */
  public static Map<Origin, Article> read(Collection<Origin> origins, Path root) {
    Map<String, TreeSet<Long>> linesByFile = new TreeMap<>();
    for (Origin o : origins) {
      if (o.file() != null) {
        linesByFile.computeIfAbsent(o.file(), f -> new TreeSet<>()).add(o.line());
      }
    }
    Map<Origin, Article> out = new HashMap<>();
    for (Map.Entry<String, TreeSet<Long>> e : linesByFile.entrySet()) {
      try {
        readFile(e.getKey(), e.getValue(), root, out);
      } catch (IOException | RuntimeException ignored) {
        // unreadable: its origins stay absent
      }
    }
    return out;
  }

  private static void readFile(String file, TreeSet<Long> lines, Path root, Map<Origin, Article> out)
      throws IOException {
    Path path = root.resolve(file);
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gz = name.endsWith(".gz");
    String base = gz ? name.substring(0, name.length() - 3) : name;
    try (BufferedReader r = open(path, gz)) {
      if (base.endsWith(".jsonl") || base.endsWith(".ndjson")) {
        long n = 0;
        long last = lines.last();
        for (String line; n < last && (line = r.readLine()) != null; ) {
          n++;
          if (lines.contains(n)) {
            Origin o = Origin.ofLine(file, n);
            add(out, o, ArticleParser.parseJsonLine(line, o));
          }
        }
      } else {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1 << 16];
        for (int k; (k = r.read(buf)) > 0; ) {
          sb.append(buf, 0, k);
        }
        Origin o = Origin.ofFile(file);
        String id = path.getFileName().toString();
        add(out, o, base.endsWith(".txt")
            ? ArticleParser.parseText(sb.toString(), id, o)
            : ArticleParser.parseHtml(sb.toString(), id, "", o));
      }
    }
  }

  private static void add(Map<Origin, Article> out, Origin o, Parsed p) {
    if (p.article() != null) {
      out.put(o, p.article());
    }
  }

  private static BufferedReader open(Path path, boolean gz) throws IOException {
    InputStream in = Files.newInputStream(path);
    if (gz) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }
}
