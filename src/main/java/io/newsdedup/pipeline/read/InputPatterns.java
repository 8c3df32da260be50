package io.newsdedup.pipeline.read;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/** Splitting, matching and naming of {@code --input} file patterns. */
public final class InputPatterns {
  private InputPatterns() {}

  /** The comma-separated patterns of an {@code --input} value, trimmed, blanks dropped. */
  public static List<String> split(String input) {
    List<String> out = new ArrayList<>();
    if (input == null) {
      return out;
    }
    for (String p : input.split(",")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    return out;
  }

  private static final char[] GLOB_CHARACTERS = {'*', '?', '[', '{'};

  /** Whether a pattern has a glob character ({@code * ? [ {}). */
  static boolean hasGlob(String pattern) {
    for (char c : GLOB_CHARACTERS) {
      if (pattern.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The directory part of a pattern as written: everything up to the last '/' before the first
   * glob character ({@code * ? [ {}); "" when there is none.
   */
  public static String baseDirectory(String pattern) {
    int glob = pattern.length();
    for (char c : GLOB_CHARACTERS) {
      int i = pattern.indexOf(c);
      if (i >= 0) {
        glob = Math.min(glob, i);
      }
    }
    int slash = pattern.lastIndexOf('/', glob - 1);
    return slash < 0 ? "" : pattern.substring(0, slash + 1);
  }

  /** The base directory as the file system names matched files (absolute for local paths). */
  static String resolvedBase(String base) {
    if (base.contains("://")) {
      return base;
    }
    String abs = Paths.get(base.isEmpty() ? "." : base).toAbsolutePath().normalize().toString();
    return abs.endsWith("/") ? abs : abs + "/";
  }

  /**
   * Matches one pattern; directories are skipped. Local patterns: {@link LocalFiles#match} (what is
   * matched but cannot be read comes back with its problem); others: Beam's file systems.
   */
  public static List<InputFile> match(String pattern) throws IOException {
    if (LocalFiles.isLocal(pattern)) {
      return LocalFiles.match(pattern);
    }
    String base = baseDirectory(pattern);
    String resolved = resolvedBase(base);
    MatchResult result = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    List<InputFile> files = new ArrayList<>();
    if (result.status() != MatchResult.Status.OK) {
      return files;
    }
    for (MatchResult.Metadata m : result.metadata()) {
      if (m.resourceId().isDirectory()) {
        continue;
      }
      String resource = m.resourceId().toString();
      String relative =
          resource.startsWith(resolved)
              ? resource.substring(resolved.length())
              : m.resourceId().getFilename();
      files.add(new InputFile(resource, relative, base + relative, m.sizeBytes(), 0, -1, 1));
    }
    return files;
  }
}
