package io.newsdedup.pipeline.batch;

import io.newsdedup.pipeline.write.WriteResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Guards the output directory: outputs of an earlier run are replaced only with --overwrite. */
final class OutputDirectory {
  private OutputDirectory() {}

  static final List<String> OUTPUTS =
      List.of(WriteResults.CLUSTERS, WriteResults.ASSIGNMENTS, WriteResults.REJECTED);

  static void prepare(String directory, boolean overwrite) {
    List<ResourceId> existing = existingOutputs(directory);
    if (existing.isEmpty()) {
      return;
    }
    if (!overwrite) {
      throw new UsageException(
          directory + " already holds the outputs of a run (" + existing.get(0)
              + " ...); choose another --output or pass --overwrite");
    }
    try {
      FileSystems.delete(existing);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove earlier outputs in " + directory, e);
    }
  }

  private static List<ResourceId> existingOutputs(String directory) {
    List<String> patterns = new ArrayList<>();
    for (String name : OUTPUTS) {
      patterns.add(WriteResults.prefix(directory, name) + "-*");
    }
    patterns.add(WriteResults.prefix(directory, BatchPipeline.SUMMARY));
    patterns.add(WriteResults.prefix(directory, "eval.json"));
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
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    return found;
  }
}
