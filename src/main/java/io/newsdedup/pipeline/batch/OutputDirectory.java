package io.newsdedup.pipeline.batch;

import io.newsdedup.pipeline.write.WriteLineSets;
import io.newsdedup.pipeline.write.WriteResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The output directory of one run, from {@link #open} to {@link #close}. A run refuses a non-empty
 * output directory unless {@code --overwrite} (which removes the outputs of an earlier run and
 * leaves other files alone). The pipeline writes into a staging directory inside it ({@code
 * .incomplete-<run>/}, {@link #staging}); only when the whole run succeeded are the files moved
 * into place and {@code summary.json} written ({@link #publish}), and {@code _SUCCESS} last
 * ({@link #markSuccess}). So an output directory without {@code _SUCCESS} is never a finished run,
 * whatever killed it. {@link #close} removes the staging directory of a run that failed.
 */
public final class OutputDirectory implements AutoCloseable {
  public static final String SUCCESS = "_SUCCESS";
  public static final String SUMMARY = "summary.json";
  static final String STAGING_PREFIX = ".incomplete-";
  /** The file a run writes and deletes to see that it can write into the output directory. */
  static final String PROBE_PREFIX = ".news-dedup-probe-";

  static final List<String> OUTPUTS = List.of(WriteResults.CLUSTERS, WriteResults.ASSIGNMENTS,
      WriteResults.REJECTED, WriteResults.CHANGES);

  private final String directory;
  private final String staging;
  private boolean published;

  private OutputDirectory(String directory, String staging) {
    this.directory = directory;
    this.staging = staging;
  }

  /** The run's {@code --output}, checked and prepared ({@code --overwrite}). */
  public static OutputDirectory open(BatchOptions options) {
    return open(options.getOutput(), options.getOverwrite());
  }

  static OutputDirectory open(String directory, boolean overwrite) {
    refuseNoDirectoryOfItsOwn(directory);
    if (isLocal(directory)) {
      createAndProbe(Path.of(directory));
    } else {
      probe(directory);
    }
    prepare(directory, overwrite);
    return new OutputDirectory(directory, FileSystems.matchNewResource(directory, true)
        .resolve(STAGING_PREFIX + System.currentTimeMillis() + "-" + ProcessHandle.current().pid(),
            StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString());
  }

  /** Where the job writes: a fresh staging directory inside the output directory. */
  public String staging() {
    return staging;
  }

  /**
   * After the job succeeded: moves everything it wrote from the staging directory into the output
   * directory, except what a failed attempt left half-written ({@link
   * WriteLineSets#TEMPORARY_PREFIX}), then writes {@code summary.json}.
   */
  public void publish(RunSummary summary) {
    List<ResourceId> written = match(List.of(WriteResults.prefix(staging, "*")));
    List<ResourceId> targets = new ArrayList<>();
    ResourceId dir = FileSystems.matchNewResource(directory, true);
    written.removeIf(r -> r.getFilename().startsWith(WriteLineSets.TEMPORARY_PREFIX));
    for (ResourceId r : written) {
      targets.add(dir.resolve(r.getFilename(), StandardResolveOptions.RESOLVE_FILE));
    }
    try {
      FileSystems.rename(written, targets, StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the outputs from " + staging, e);
    }
    removeStaging();
    published = true;
    summary.writeTo(WriteResults.prefix(directory, SUMMARY));
  }

  /** Writes the empty {@code _SUCCESS} marker: the last file of a finished run. */
  public void markSuccess() {
    if (!published) {
      throw new IllegalStateException("nothing published in " + directory);
    }
    try (WritableByteChannel c = FileSystems.create(
        FileSystems.matchNewResource(WriteResults.prefix(directory, SUCCESS), false),
        MimeTypes.BINARY)) {
      // empty
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + SUCCESS, e);
    }
  }

  /** Removes the staging directory of a run that did not get as far as publishing. */
  @Override
  public void close() {
    if (!published) {
      removeStaging();
    }
  }

  private void removeStaging() {
    if (isLocal(staging)) {
      deleteTree(Path.of(staging));
    }
  }

  /**
   * Refuses an {@code --output} that names no directory of the run's own: an empty one (an unset
   * variable in a script; Beam would take it for the root), the root of the file system, the
   * user's home directory. (The current directory, {@code --output=.}, is allowed: it is a choice,
   * and a non-empty one needs {@code --overwrite} anyway.)
   */
  private static void refuseNoDirectoryOfItsOwn(String directory) {
    if (directory == null || directory.isBlank()) {
      throw new UsageException("--output names no directory (is a variable in the command line"
          + " unset?)");
    }
    if (!isLocal(directory)) {
      return;
    }
    Path dir = Path.of(directory).toAbsolutePath().normalize();
    if (dir.getNameCount() == 0 || sameFile(dir, dir.getRoot())) {
      throw new UsageException("--output " + directory + " is the root of the file system;"
          + " name a directory of the run's own");
    }
    String home = System.getProperty("user.home");
    if (home != null && !home.isBlank()
        && (dir.equals(Path.of(home).toAbsolutePath().normalize()) || sameFile(dir, Path.of(home)))) {
      throw new UsageException("--output " + directory + " is your home directory;"
          + " name a directory of the run's own");
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Creates a local output directory and writes (and deletes) a file in it, so that an output
   * below a regular file or in a directory the run cannot write into is a usage error before the
   * job runs, not a failure after it.
   */
  private static void createAndProbe(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException("--output " + dir + " is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      Path file = null;
      for (Path a = dir.toAbsolutePath().getParent(); a != null && file == null; a = a.getParent()) {
        if (Files.exists(a) && !Files.isDirectory(a)) {
          file = a;
        }
      }
      throw new UsageException("--output " + dir + " cannot be created: "
          + (file != null ? file + " is a file" : describe(e)), e);
    }
    Path probe = dir.resolve(PROBE_PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Files.write(probe, new byte[0]);
      Files.delete(probe);
    } catch (IOException e) {
      throw new UsageException("cannot write into --output " + dir + ": " + describe(e), e);
    }
  }

  /** Writes and deletes a file in a non-local output directory. */
  private static void probe(String directory) {
    ResourceId probe = FileSystems.matchNewResource(directory, true).resolve(
        PROBE_PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime(),
        StandardResolveOptions.RESOLVE_FILE);
    try {
      try (WritableByteChannel c = FileSystems.create(probe, MimeTypes.BINARY)) {
        // empty
      }
      FileSystems.delete(List.of(probe));
    } catch (IOException e) {
      throw new UsageException("cannot write into --output " + directory + ": " + describe(e), e);
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static void prepare(String directory, boolean overwrite) {
    if (!isLocal(directory)) {
      List<ResourceId> existing = match(List.of(WriteResults.prefix(directory, "*")));
      if (existing.isEmpty()) {
        return;
      }
      if (!overwrite) {
        throw notEmpty(directory, existing.get(0).toString());
      }
      delete(earlierOutputs(directory));
      return;
    }
    Path dir = Path.of(directory);
    if (!Files.isDirectory(dir)) {
      if (Files.exists(dir)) {
        throw new UsageException("--output " + directory + " is a file, not a directory");
      }
      return;
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    if (entries.isEmpty()) {
      return;
    }
    if (!overwrite) {
      throw notEmpty(directory, entries.get(0).getFileName().toString());
    }
    delete(earlierOutputs(directory));
    for (Path e : entries) {
      if (e.getFileName().toString().startsWith(STAGING_PREFIX)) {
        deleteTree(e);
      }
    }
  }

  private static List<ResourceId> earlierOutputs(String directory) {
    List<String> patterns = new ArrayList<>();
    for (String name : OUTPUTS) {
      patterns.add(WriteResults.prefix(directory, name) + "-*");
    }
    for (String name : List.of(SUMMARY, "eval.json", SUCCESS)) {
      patterns.add(WriteResults.prefix(directory, name));
    }
    return match(patterns);
  }

  private static UsageException notEmpty(String directory, String first) {
    return new UsageException("--output " + directory + " is not empty (it holds " + first
        + " ...); choose another directory, or pass --overwrite to replace an earlier run");
  }

  private static boolean isLocal(String path) {
    return !path.contains("://");
  }

  private static List<ResourceId> match(List<String> patterns) {
    List<ResourceId> found = new ArrayList<>();
    try {
      for (MatchResult m : FileSystems.match(patterns, EmptyMatchTreatment.ALLOW)) {
        if (m.status() == MatchResult.Status.OK) {
          for (MatchResult.Metadata md : m.metadata()) {
            found.add(md.resourceId());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + patterns, e);
    }
    return found;
  }

  private static void delete(List<ResourceId> files) {
    try {
      FileSystems.delete(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove earlier outputs", e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
    }
  }
}
