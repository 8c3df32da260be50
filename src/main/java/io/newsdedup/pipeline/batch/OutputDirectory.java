package io.newsdedup.pipeline.batch;

import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.pipeline.write.DirectoryLock;
import io.newsdedup.pipeline.write.StagingDirectories;
import io.newsdedup.pipeline.write.WriteResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The output directory of one run, from {@link #open} to {@link #close}:
 *
 * <ol>
 *   <li>{@link #open}: refuses an {@code --output} that names no directory of the run's own,
 *       creates the directory and writes a probe file in it, takes the lock that keeps other runs
 *       out ({@link DirectoryLock}; not on other file systems than the local one: there a staging
 *       directory younger than {@link #REMOTE_STAGING_AGE} is taken for a run still writing), and
 *       refuses a directory that holds anything but the lock file and staging directories unless
 *       {@code --overwrite} (which removes the staging directories that killed runs left);
 *   <li>{@link #staging}: the job writes into a staging directory inside it ({@code
 *       .incomplete-<run>/});
 *   <li>{@link #publish}, only after the job succeeded: removes the earlier run — {@code _SUCCESS}
 *       first, then exactly the files it wrote (those its {@value #MANIFEST} lists, and files of
 *       the shapes a run writes), the manifest last — moves the new files into place, writes {@code
 *       summary.json} and the new {@value #MANIFEST};
 *   <li>{@link #markSuccess}: {@code _SUCCESS}, the last file of a finished run;
 *   <li>{@link #close}, in a {@code finally}: removes the staging directory of a run that failed
 *       before publishing, so a failed rerun leaves the earlier run as it was, {@code _SUCCESS}
 *       included; releases the lock.
 * </ol>
 *
 * An output directory without {@code _SUCCESS} is never a finished run, whatever killed it. Files
 * that only look like a run's ({@code clusters-notes.txt}) are never deleted.
 */
public final class OutputDirectory implements AutoCloseable {
  public static final String SUCCESS = "_SUCCESS";
  public static final String SUMMARY = "summary.json";

  /**
   * The files a run published, one name a line ({@code #} comments), a report it wrote into the
   * output as its directory with a trailing {@code /}: what the next {@code --overwrite} deletes.
   */
  public static final String MANIFEST = "_MANIFEST";

  /** What {@code eval} writes beside a run's files by default: it scores that run. */
  static final String EVAL = "eval.json";

  static final String STAGING_PREFIX = ".incomplete-";

  /** The file a run writes and deletes to see that it can write into the output directory. */
  static final String PROBE_PREFIX = ".news-dedup-probe-";

  /**
   * Where there is no lock (not a local file system), a staging directory younger than this may
   * belong to a run still writing, and a new run is refused.
   */
  static final Duration REMOTE_STAGING_AGE = Duration.ofHours(6);

  private final String directory;
  private final boolean overwrite;
  private final String report;
  private final Companion companion;
  private final String staging;
  private final DirectoryLock lock;
  private boolean published;

  private OutputDirectory(
      String directory,
      boolean overwrite,
      String report,
      Companion companion,
      String staging,
      DirectoryLock lock) {
    this.directory = directory;
    this.overwrite = overwrite;
    this.report = report;
    this.companion = companion;
    this.staging = staging;
    this.lock = lock;
  }

  /**
   * The run's {@code --output}, checked, with {@code --overwrite} and {@code --report}, whose files
   * the companion knows.
   */
  public static OutputDirectory open(BatchOptions options, Companion companion) {
    return open(options.getOutput(), options.getOverwrite(), options.getReport(), companion);
  }

  static OutputDirectory open(String directory, boolean overwrite, String report) {
    return open(directory, overwrite, report, Companion.NONE);
  }

  /**
   * @param report the {@code --report} directory or null; inside the output directory, it is part
   *     of the run (its files are in the manifest)
   */
  static OutputDirectory open(
      String directory, boolean overwrite, String report, Companion companion) {
    refuseNoDirectoryOfItsOwn(directory);
    if (!StagingDirectories.isLocal(directory)) {
      probe(directory);
      prepareRemote(directory, overwrite);
      return new OutputDirectory(
          directory, overwrite, null, companion, newStaging(directory), null);
    }
    Path dir = Path.of(directory);
    createAndProbe(dir);
    DirectoryLock lock = lock(dir);
    try {
      prepareLocal(dir, overwrite);
      String staging = newStaging(directory);
      Files.createDirectory(Path.of(staging));
      return new OutputDirectory(
          directory, overwrite, reportEntry(directory, report), companion, staging, lock);
    } catch (IOException | RuntimeException e) {
      try {
        lock.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot prepare " + directory, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** Where the job writes: a fresh staging directory inside the output directory. */
  public String staging() {
    return staging;
  }

  /**
   * After the job succeeded: replaces the earlier run (with {@code --overwrite}) by the files the
   * job wrote into the staging directory, then writes {@code summary.json} and the manifest.
   */
  public void publish(RunSummary summary) {
    if (published) {
      throw new IllegalStateException("published twice");
    }
    List<ResourceId> written = match(List.of(WriteResults.prefix(staging, "*")));
    written.removeIf(r -> !WriteResults.isOutputFile(r.getFilename()));
    if (overwrite) {
      removeEarlierRun();
    }
    ResourceId dir = FileSystems.matchNewResource(directory, true);
    List<ResourceId> targets = new ArrayList<>();
    Set<String> manifest = new TreeSet<>();
    for (ResourceId r : written) {
      targets.add(dir.resolve(r.getFilename(), StandardResolveOptions.RESOLVE_FILE));
      manifest.add(r.getFilename());
    }
    try {
      FileSystems.rename(written, targets, StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the outputs from " + staging, e);
    }
    StagingDirectories.remove(staging);
    published = true;
    summary.writeTo(file(SUMMARY));
    manifest.add(SUMMARY);
    if (report != null) {
      manifest.add(report);
    }
    writeManifest(manifest);
  }

  /** Writes the empty {@code _SUCCESS} marker: the last file of a finished run. */
  public void markSuccess() {
    if (!published) {
      throw new IllegalStateException("nothing published in " + directory);
    }
    try (WritableByteChannel c =
        FileSystems.create(FileSystems.matchNewResource(file(SUCCESS), false), MimeTypes.BINARY)) {
      // empty
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + SUCCESS, e);
    }
  }

  /** Removes the staging directory of a run that did not get as far as publishing; unlocks. */
  @Override
  public void close() {
    try {
      if (!published) {
        StagingDirectories.remove(staging);
      }
    } finally {
      DirectoryLock.release(lock, directory);
    }
  }

  // -- the earlier run -------------------------------------------------------------------------

  /**
   * Deletes {@code _SUCCESS}, then what the earlier run's manifest lists and the files of the
   * shapes a run writes (a run of an older version wrote no manifest), then the manifest.
   */
  private void removeEarlierRun() {
    delete(match(List.of(file(SUCCESS))));
    Set<String> files = new TreeSet<>();
    List<String> reports = new ArrayList<>();
    for (String entry : readManifest()) {
      if (entry.endsWith("/")) {
        reports.add(entry);
      } else {
        files.add(entry);
      }
    }
    for (ResourceId r : match(List.of(WriteResults.prefix(directory, "*")))) {
      String name = r.getFilename();
      if (WriteResults.isOutputFile(name) || name.equals(SUMMARY) || name.equals(EVAL)) {
        files.add(name);
      }
    }
    List<String> paths = new ArrayList<>();
    files.forEach(name -> paths.add(file(name)));
    delete(match(paths));
    for (String entry : reports) {
      removeReport(entry);
    }
    delete(match(List.of(file(MANIFEST))));
  }

  /** The entries of the earlier run's manifest that name a file or directory inside this one. */
  private List<String> readManifest() {
    List<ResourceId> found = match(List.of(file(MANIFEST)));
    if (found.isEmpty()) {
      return List.of();
    }
    String text;
    try (InputStream in = Channels.newInputStream(FileSystems.open(found.get(0)))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + found.get(0), e);
    }
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#") && isEntry(l))
        .toList();
  }

  /**
   * A manifest entry: a plain file name, or a relative directory ending in {@code /}; no part
   * empty, hidden or {@code ..}, so that no manifest reaches outside the output directory, into the
   * staging directories or at the manifest itself.
   */
  static boolean isEntry(String entry) {
    boolean dir = entry.endsWith("/");
    String[] parts = (dir ? entry.substring(0, entry.length() - 1) : entry).split("/", -1);
    if (!dir && parts.length != 1) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.startsWith(".") || p.contains("\\") || p.equals(MANIFEST)) {
        return false;
      }
    }
    return true;
  }

  /** Deletes a report the earlier run wrote into the output: the report's files only. */
  private void removeReport(String entry) {
    if (!StagingDirectories.isLocal(directory)) {
      return;
    }
    Path dir = Path.of(directory).resolve(entry);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        String relative =
            dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        if (Files.isRegularFile(p) && companion.writes(relative)) {
          Files.delete(p);
        } else if (Files.isDirectory(p) && (p.equals(dir) || relative.equals("clusters"))) {
          try (Stream<Path> left = Files.list(p)) {
            if (left.findAny().isEmpty()) {
              Files.delete(p);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the earlier report in " + dir, e);
    }
  }

  private void writeManifest(Set<String> entries) {
    StringBuilder s =
        new StringBuilder(
            "# news-dedup batch: the files this run wrote here;"
                + " --overwrite deletes them, "
                + SUCCESS
                + " and "
                + MANIFEST
                + ", and nothing else\n");
    entries.forEach(e -> s.append(e).append('\n'));
    try (OutputStream out =
        Channels.newOutputStream(
            FileSystems.create(
                FileSystems.matchNewResource(file(MANIFEST), false), MimeTypes.TEXT))) {
      out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + MANIFEST, e);
    }
  }

  /** The manifest entry of a {@code --report} directory inside the output directory, or null. */
  private static String reportEntry(String directory, String report) {
    if (report == null || report.isBlank() || !StagingDirectories.isLocal(directory)) {
      return null;
    }
    Path out = Path.of(directory).toAbsolutePath().normalize();
    Path rep = Path.of(report).toAbsolutePath().normalize();
    if (!rep.startsWith(out) || rep.equals(out)) {
      return null;
    }
    String entry =
        out.relativize(rep).toString().replace(rep.getFileSystem().getSeparator(), "/") + "/";
    return isEntry(entry) ? entry : null;
  }

  // -- open --------------------------------------------------------------------------------------

  /**
   * Refuses an {@code --output} that names no directory of the run's own: an empty one (an unset
   * variable in a script; Beam would take it for the root), the root of the file system, the user's
   * home directory. (The current directory, {@code --output=.}, is allowed: it is a choice, and a
   * non-empty one needs {@code --overwrite} anyway.)
   */
  private static void refuseNoDirectoryOfItsOwn(String directory) {
    if (directory == null || directory.isBlank()) {
      throw new UsageException(
          "--output names no directory (is a variable in the command line" + " unset?)");
    }
    if (!StagingDirectories.isLocal(directory)) {
      return;
    }
    Path dir = Path.of(directory).toAbsolutePath().normalize();
    if (dir.getNameCount() == 0 || sameFile(dir, dir.getRoot())) {
      throw new UsageException(
          "--output "
              + directory
              + " is the root of the file system;"
              + " name a directory of the run's own");
    }
    String home = System.getProperty("user.home");
    if (home != null
        && !home.isBlank()
        && (dir.equals(Path.of(home).toAbsolutePath().normalize())
            || sameFile(dir, Path.of(home)))) {
      throw new UsageException(
          "--output "
              + directory
              + " is your home directory;"
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
   * Creates a local output directory and writes (and deletes) a file in it, so that an output below
   * a regular file or in a directory the run cannot write into is a usage error before the job
   * runs, not a failure after it.
   */
  private static void createAndProbe(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException("--output " + dir + " is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      Path file = null;
      for (Path a = dir.toAbsolutePath().getParent();
          a != null && file == null;
          a = a.getParent()) {
        if (Files.exists(a) && !Files.isDirectory(a)) {
          file = a;
        }
      }
      throw new UsageException(
          "--output "
              + dir
              + " cannot be created: "
              + (file != null ? file + " is a file" : describe(e)),
          e);
    }
    Path probe =
        dir.resolve(PROBE_PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Files.write(probe, new byte[0]);
      Files.delete(probe);
    } catch (IOException e) {
      throw new UsageException("cannot write into --output " + dir + ": " + describe(e), e);
    }
  }

  /** Writes and deletes a file in a non-local output directory. */
  private static void probe(String directory) {
    ResourceId probe =
        FileSystems.matchNewResource(directory, true)
            .resolve(
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

  private static DirectoryLock lock(Path dir) {
    try {
      return DirectoryLock.take(dir);
    } catch (DirectoryLock.Busy e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UsageException(
          "cannot lock --output " + dir + " (" + DirectoryLock.FILE + "): " + describe(e), e);
    }
  }

  private static String newStaging(String directory) {
    return FileSystems.matchNewResource(directory, true)
        .resolve(
            STAGING_PREFIX + System.currentTimeMillis() + "-" + ProcessHandle.current().pid(),
            StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
  }

  /**
   * Refuses a non-empty output directory without {@code --overwrite}, the lock file and staging
   * directories aside; with it, removes the staging directories of killed runs (this run holds the
   * lock: no other run is writing). The earlier run itself is removed only when this one publishes.
   */
  private static void prepareLocal(Path dir, boolean overwrite) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    for (Path e : entries) {
      String name = e.getFileName().toString();
      if (name.startsWith(STAGING_PREFIX)) {
        if (overwrite) {
          StagingDirectories.deleteTree(e);
        }
      } else if (!name.equals(DirectoryLock.FILE) && !name.startsWith(PROBE_PREFIX) && !overwrite) {
        throw notEmpty(dir.toString(), name);
      }
    }
  }

  /**
   * The same without a lock: a staging directory younger than {@link #REMOTE_STAGING_AGE} is taken
   * for a run still writing, and refused; older ones are killed runs', removed with {@code
   * --overwrite}.
   */
  static void prepareRemote(String directory, boolean overwrite) {
    List<ResourceId> existing = match(List.of(WriteResults.prefix(directory, "*")));
    existing.removeIf(
        r ->
            r.getFilename().startsWith(PROBE_PREFIX) || r.getFilename().startsWith(STAGING_PREFIX));
    if (!existing.isEmpty() && !overwrite) {
      throw notEmpty(directory, existing.get(0).getFilename());
    }
    String base = FileSystems.matchNewResource(directory, true).toString();
    Set<String> stagings = new TreeSet<>();
    for (ResourceId r : match(List.of(WriteResults.prefix(directory, STAGING_PREFIX + "*/*")))) {
      String path = r.toString();
      int from = path.indexOf(STAGING_PREFIX, base.length() - 1);
      int to = from < 0 ? -1 : path.indexOf('/', from);
      if (to > 0) {
        stagings.add(path.substring(from, to));
      }
    }
    Instant now = Instant.now();
    for (String name : stagings) {
      String[] parts = name.substring(STAGING_PREFIX.length()).split("-");
      Instant started = Instant.EPOCH;
      try {
        started = Instant.ofEpochMilli(Long.parseLong(parts[0]));
      } catch (NumberFormatException e) {
        // not one of ours: as old as can be
      }
      if (started.isAfter(now.minus(REMOTE_STAGING_AGE))) {
        throw new UsageException(
            "another run ("
                + (parts.length > 1 ? "pid " + parts[1] + ", " : "")
                + "started at "
                + started
                + ") may be writing into "
                + directory
                + ": its staging"
                + " directory "
                + name
                + " is younger than "
                + REMOTE_STAGING_AGE.toHours()
                + " hours"
                + " (outputs off the local file system are not locked); if no run is, delete it");
      }
      if (overwrite) {
        delete(match(List.of(WriteResults.prefix(directory, name + "/**"))));
      }
    }
  }

  private static UsageException notEmpty(String directory, String first) {
    return new UsageException(
        "--output "
            + directory
            + " is not empty (it holds "
            + first
            + " ...); choose another directory, or pass --overwrite to replace an earlier run");
  }

  // -- files -------------------------------------------------------------------------------------

  private String file(String name) {
    return WriteResults.prefix(directory, name);
  }

  private static List<ResourceId> match(List<String> patterns) {
    List<ResourceId> found = new ArrayList<>();
    if (patterns.isEmpty()) {
      return found;
    }
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
      throw new UncheckedIOException("cannot remove " + files, e);
    }
  }
}
