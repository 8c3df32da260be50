package io.newsdedup.pipeline.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.pipeline.write.DirectoryLock;
import io.newsdedup.pipeline.write.StagingDirectories;
import io.newsdedup.pipeline.write.WriteResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The index directory of incremental runs: {@code articles-*.jsonl.gz} ({@link IndexRecords}) and
 * {@code index.json} (format, version, the matching parameters it was built with, its runs). A run
 * {@link #open}s it (a local index is locked, {@link DirectoryLock}, from before the job reads it
 * until {@link #close}, so two runs never update one index at once), writes the next one into a
 * staging directory ({@link #staging}), and only after it succeeded replaces the articles and then
 * {@code index.json} ({@link #publish}); {@link #close} removes the staging directory of a run that
 * failed. An index built with other matching parameters is refused: its clusters would not be
 * comparable.
 */
public final class IndexDirectory implements AutoCloseable {
  public static final String ARTICLES = "articles";
  public static final String META = "index.json";
  public static final String FORMAT = "news-dedup-index";
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static final String STAGING_PREFIX = ".next-";

  private final String directory;
  private final Map<String, String> parameters;
  private final String staging;
  private final DirectoryLock lock;
  private boolean published;

  private IndexDirectory(
      String directory, Map<String, String> parameters, String staging, DirectoryLock lock) {
    this.directory = directory;
    this.parameters = parameters;
    this.staging = staging;
    this.lock = lock;
  }

  /**
   * Opens the index for a run with these matching parameters (see {@link #mismatch}, checked
   * before): creates and locks a local index directory and removes the staging directories that
   * killed runs left in it.
   *
   * @throws DirectoryLock.Busy when another run holds the index
   */
  public static IndexDirectory open(String directory, Map<String, String> parameters) {
    String staging =
        FileSystems.matchNewResource(directory, true)
            .resolve(
                STAGING_PREFIX + System.currentTimeMillis() + "-" + ProcessHandle.current().pid(),
                StandardResolveOptions.RESOLVE_DIRECTORY)
            .toString();
    if (!StagingDirectories.isLocal(directory)) {
      return new IndexDirectory(directory, parameters, staging, null);
    }
    Path dir = Path.of(directory);
    DirectoryLock lock;
    try {
      Files.createDirectories(dir);
      lock = DirectoryLock.take(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index " + directory, e);
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path e : entries.toList()) {
        if (e.getFileName().toString().startsWith(STAGING_PREFIX)) {
          StagingDirectories.deleteTree(e);
        }
      }
      return new IndexDirectory(directory, parameters, staging, lock);
    } catch (IOException | RuntimeException e) {
      try {
        lock.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot open the index " + directory, io)
          : (RuntimeException) e;
    }
  }

  /** Where the job writes the next index: a fresh staging directory inside the index. */
  public String staging() {
    return staging;
  }

  /** The metadata of an existing index, or null for a new one. */
  static JsonNode meta(String directory) {
    ResourceId meta = FileSystems.matchNewResource(WriteResults.prefix(directory, META), false);
    try {
      MatchResult m = FileSystems.match(List.of(meta.toString()), EmptyMatchTreatment.ALLOW).get(0);
      if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) {
        return null;
      }
      try (InputStream in = Channels.newInputStream(FileSystems.open(meta))) {
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + meta, e);
    }
  }

  /**
   * Checks that an existing index was built with the same matching parameters.
   *
   * @return null when it is fine, else what differs
   */
  public static String mismatch(String directory, Map<String, String> parameters) {
    JsonNode meta = meta(directory);
    if (meta == null) {
      return null;
    }
    if (!FORMAT.equals(meta.path("format").asText()) || meta.path("version").asInt() != VERSION) {
      return directory + " is not a news-dedup index of version " + VERSION;
    }
    List<String> differences = new ArrayList<>();
    JsonNode built = meta.path("parameters");
    parameters.forEach(
        (k, v) -> {
          String was = built.path(k).asText(null);
          if (was != null && !was.equals(v)) {
            differences.add(k + " " + was + " (now " + v + ")");
          }
        });
    return differences.isEmpty()
        ? null
        : "the index in "
            + directory
            + " was built with other parameters: "
            + String.join(", ", differences);
  }

  /**
   * After the run succeeded: replaces the index's articles by the staged ones, then writes {@code
   * index.json}. (Between the two steps the index has no articles: a run killed there leaves an
   * index to rebuild.)
   */
  public void publish(long articles) {
    try {
      List<ResourceId> old = match(WriteResults.prefix(directory, ARTICLES) + "-*");
      FileSystems.delete(old);
      List<ResourceId> staged = match(WriteResults.prefix(staging, ARTICLES) + "-*");
      ResourceId dir = FileSystems.matchNewResource(directory, true);
      List<ResourceId> targets = new ArrayList<>();
      for (ResourceId r : staged) {
        targets.add(dir.resolve(r.getFilename(), StandardResolveOptions.RESOLVE_FILE));
      }
      FileSystems.rename(staged, targets, StandardMoveOptions.IGNORE_MISSING_FILES);
      StagingDirectories.remove(staging);
      JsonNode before = meta(directory);
      ObjectNode meta = JSON.createObjectNode();
      meta.put("format", FORMAT);
      meta.put("version", VERSION);
      meta.put("articles", articles);
      meta.put("updated_at", Instant.now().toString());
      ObjectNode p = meta.putObject("parameters");
      new TreeMap<>(parameters).forEach(p::put);
      ArrayNode runs = meta.putArray("runs");
      if (before != null) {
        before.path("runs").forEach(runs::add);
      }
      runs.add(Instant.now().toString());
      try (OutputStream out =
          Channels.newOutputStream(
              FileSystems.create(
                  FileSystems.matchNewResource(WriteResults.prefix(directory, META), false),
                  MimeTypes.TEXT))) {
        JSON.writeValue(out, meta);
      }
      published = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the index in " + directory, e);
    }
  }

  /** Removes the staging directory of a run that did not publish; unlocks. */
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

  private static List<ResourceId> match(String pattern) throws IOException {
    List<ResourceId> found = new ArrayList<>();
    MatchResult m = FileSystems.match(List.of(pattern), EmptyMatchTreatment.ALLOW).get(0);
    if (m.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata md : m.metadata()) {
        found.add(md.resourceId());
      }
    }
    return found;
  }
}
