package io.newsdedup.pipeline.read;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matching and opening local input files, so that every file a pattern names is read or rejected:
 *
 * <ul>
 *   <li>Globs as Beam's local file system reads them ({@code *}, {@code ?}, {@code [...]}, {@code
 *       {a,b}} within a name, {@code **} across directories), walked from the pattern's directory
 *       part, following symbolic links. A link back to a directory being walked (a loop) is cut; a
 *       file reached by several paths is one file (by its real path), named by its smallest path.
 *       The walk gives up past {@link #MAX_ENTRIES} entries, with a usage error.
 *   <li>What a pattern matches that is not a regular file (a FIFO, a socket, a device, a symbolic
 *       link to nothing, a directory the walk could not list) is an {@link InputFile#problem()}:
 *       the reader rejects it as unreadable, without opening it (opening a FIFO would wait
 *       forever). A directory is not a file: patterns skip directories.
 *   <li>A name the JVM cannot write back (bytes that are not UTF-8, which Java shows as U+FFFD) is
 *       kept with its inode, and {@link #open} finds it again by listing its directory: no file is
 *       skipped for its name. The display name has U+FFFD where the bytes were.
 * </ul>
 */
public final class LocalFiles {
  private LocalFiles() {}

  /** The most entries (files and directories) one pattern's walk may visit. */
  static final int MAX_ENTRIES = 2_000_000;

  /** Whether a pattern names local files (no {@code scheme://}). */
  static boolean isLocal(String pattern) {
    return !pattern.contains("://");
  }

  /** The files one local pattern matches, sorted by display path, each real file once. */
  static List<InputFile> match(String pattern) throws IOException {
    // "file:/x" is local ("file:///x", like any scheme://, goes to Beam's file systems)
    String spec = pattern.startsWith("file:") ? pattern.substring("file:".length()) : pattern;
    String base = InputPatterns.baseDirectory(spec);
    Path start = Path.of(base.isEmpty() ? "." : base).toAbsolutePath();
    Map<String, InputFile> byRealFile = new TreeMap<>();
    if (!InputPatterns.hasGlob(spec)) {
      Path p = Path.of(spec).toAbsolutePath();
      if (Files.isDirectory(p) || !(Files.exists(p) || Files.isSymbolicLink(p))) {
        return List.of();
      }
      BasicFileAttributes attrs = attributes(p);
      add(byRealFile, p, attrs, spec.substring(base.length()), spec);
      return new ArrayList<>(byRealFile.values());
    }
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    String absoluteGlob = start + "/" + spec.substring(base.length());
    PathMatcher matcher =
        start.getFileSystem().getPathMatcher("glob:" + absoluteGlob.replace("\\", "\\\\"));
    int maxDepth =
        spec.contains("**")
            ? Integer.MAX_VALUE
            : (int) spec.substring(base.length()).chars().filter(c -> c == '/').count() + 1;
    List<PathMatcher> leading = leadingMatchers(start, spec.substring(base.length()));
    int[] entries = {0};
    Files.walkFileTree(
        start,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        maxDepth,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            count();
            return mayHoldMatches(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            count();
            if (!attrs.isDirectory() && matcher.matches(file)) {
              String relative = start.relativize(file).toString();
              add(byRealFile, file, attrs, relative, base + relative);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            count();
            if (e instanceof FileSystemLoopException || !mayHoldMatches(file)) {
              return FileVisitResult.CONTINUE; // a link back to a directory being walked: cut
            }
            String relative = start.relativize(file).toString();
            String why =
                e instanceof AccessDeniedException
                    ? "permission denied"
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            byRealFile.putIfAbsent(
                "?" + file,
                problem(
                    file.toString(),
                    relative,
                    base + relative,
                    "cannot read this "
                        + (Files.isDirectory(file) ? "directory" : "file")
                        + " ("
                        + why
                        + "); files in it were not read"));
            return FileVisitResult.CONTINUE;
          }

          /** Whether a directory's path fits the pattern's leading components (or {@code **}). */
          private boolean mayHoldMatches(Path dir) {
            int depth = dir.equals(start) ? 0 : start.relativize(dir).getNameCount();
            return depth == 0 || depth > leading.size() || leading.get(depth - 1).matches(dir);
          }

          private void count() {
            if (++entries[0] > MAX_ENTRIES) {
              throw new IllegalArgumentException(
                  "the pattern "
                      + pattern
                      + " walks more than "
                      + MAX_ENTRIES
                      + " files and directories (symbolic links that fan out?); "
                      + "narrow it");
            }
          }
        });
    List<InputFile> files = new ArrayList<>(byRealFile.values());
    files.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
    return files;
  }

  /**
   * For each leading part of the glob below {@code start} (its first component, its first two ...)
   * up to the first {@code **}, a matcher of directories at that depth.
   */
  private static List<PathMatcher> leadingMatchers(Path start, String glob) {
    List<PathMatcher> out = new ArrayList<>();
    String[] parts = glob.split("/");
    StringBuilder prefix = new StringBuilder(start.toString());
    for (int i = 0; i < parts.length - 1 && !parts[i].contains("**"); i++) {
      prefix.append('/').append(parts[i]);
      out.add(
          start.getFileSystem().getPathMatcher("glob:" + prefix.toString().replace("\\", "\\\\")));
    }
    return out;
  }

  private static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /** Adds a matched path: a regular file once by its real path, anything else as a problem. */
  private static void add(
      Map<String, InputFile> byRealFile,
      Path file,
      BasicFileAttributes attrs,
      String relative,
      String display) {
    String problem = null;
    if (attrs.isSymbolicLink()) {
      problem = "a symbolic link to " + target(file) + ", which does not exist";
    } else if (attrs.isOther()) {
      problem = "not a regular file (a FIFO, socket or device): not read";
    } else if (!attrs.isRegularFile()) {
      problem = "not a regular file: not read";
    }
    if (problem != null) {
      byRealFile.putIfAbsent("?" + file, problem(file.toString(), relative, display, problem));
      return;
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      real = file;
    }
    String resource = real.toString();
    long inode = roundTrips(real) ? 0 : inode(real);
    InputFile f = new InputFile(resource, relative, display, attrs.size(), 0, -1, 1, "", inode);
    byRealFile.merge(f.key(), f, (a, b) -> a.displayPath().compareTo(b.displayPath()) <= 0 ? a : b);
  }

  private static InputFile problem(String resource, String relative, String display, String why) {
    return new InputFile(resource, relative, display, 0, 0, -1, 1, why, 0);
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  /** Whether the path's name, written back as a string, names the same file. */
  static boolean roundTrips(Path p) {
    String s = p.toString();
    if (s.indexOf('\uFFFD') < 0) {
      return true;
    }
    try {
      return Files.isSameFile(Path.of(s), p);
    } catch (IOException | InvalidPathException e) {
      return false;
    }
  }

  private static long inode(Path p) {
    try {
      Object ino = Files.getAttribute(p, "unix:ino");
      return ino instanceof Number n ? n.longValue() : 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 0;
    }
  }

  /** Opens a matched local file for reading, finding a name Java cannot write by its inode. */
  static ReadableByteChannel open(InputFile file) throws IOException {
    if (!file.problem().isEmpty()) {
      throw new IOException(file.problem());
    }
    Path path = file.inode() == 0 ? Path.of(file.resource()) : byInode(file);
    return FileChannel.open(path, StandardOpenOption.READ);
  }

  /**
   * The file named {@code resource} whose inode is the file's: each component of the path is looked
   * up by listing its directory (a listed entry keeps the bytes of its name).
   */
  private static Path byInode(InputFile file) throws IOException {
    String resource = file.resource();
    List<Path> candidates = List.of(Path.of("/"));
    for (String name : resource.substring(1).split("/")) {
      List<Path> next = new ArrayList<>();
      for (Path dir : candidates) {
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
          for (Path e : entries) {
            if (e.getFileName().toString().equals(name)) {
              next.add(e);
            }
          }
        }
      }
      candidates = next;
    }
    for (Path p : candidates) {
      if (inode(p) == file.inode()) {
        return p;
      }
    }
    throw new NoSuchFileException(resource, null, "no file with inode " + file.inode() + " there");
  }
}
