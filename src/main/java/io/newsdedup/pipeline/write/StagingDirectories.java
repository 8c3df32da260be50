package io.newsdedup.pipeline.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.commons.io.file.PathUtils;

/**
 * Removing and emptying the staging directories a run writes into (the output's, the index's), on
 * the local file system or any other Beam file system.
 */
public final class StagingDirectories {
  private StagingDirectories() {}

  /** Whether a path is on the local file system (no {@code scheme://}). */
  public static boolean isLocal(String path) {
    return !path.contains("://");
  }

  /** Removes a staging directory and everything in it (off the local file system: its files). */
  public static void remove(String staging) {
    if (isLocal(staging)) {
      deleteTree(Path.of(staging));
      return;
    }
    try {
      List<ResourceId> files = new ArrayList<>();
      MatchResult m =
          FileSystems.match(List.of(WriteResults.prefix(staging, "**")), EmptyMatchTreatment.ALLOW)
              .get(0);
      if (m.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata md : m.metadata()) {
          files.add(md.resourceId());
        }
      }
      FileSystems.delete(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + staging, e);
    }
  }

  /** Deletes a local directory tree; nothing when it does not exist. */
  public static void deleteTree(Path root) {
    emptyTree(root, true);
  }

  /**
   * Empties a local staging directory for another attempt; false when it is not local or cannot be
   * emptied.
   */
  public static boolean emptyLocal(String directory) {
    if (!isLocal(directory)) {
      return false;
    }
    try {
      emptyTree(Path.of(directory), false);
      return true;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private static void emptyTree(Path root, boolean withRoot) {
    try {
      if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
        if (withRoot) {
          Files.deleteIfExists(root); // a file or a link, not followed
        }
      } else if (withRoot) {
        PathUtils.deleteDirectory(root);
      } else {
        PathUtils.cleanDirectory(root);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
    }
  }
}
