package io.newsdedup.pipeline.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.pipeline.write.WriteResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * A batch run's index directory ({@link IndexDirectory}) as the stream's starting point ({@code
 * stream --index=DIR}): checked when the job is built, read once by the stream's index before its
 * first message. The stream only reads it (a batch run may go on updating it).
 */
public final class IndexSeeds {
  private IndexSeeds() {}

  /**
   * Checks that {@code directory} holds an index built with these matching parameters; the stream
   * never learns boilerplate, so an index whose batch runs did is accepted with a warning
   * (returned; null when there is none).
   *
   * @throws UsageException when there is no index there, or it was built with other parameters
   */
  public static String check(String directory, Map<String, String> parameters) {
    JsonNode meta;
    try {
      meta = IndexDirectory.meta(directory);
    } catch (UncheckedIOException e) {
      throw new UsageException("--index: " + e.getMessage(), e);
    }
    if (meta == null) {
      throw new UsageException(
          "--index: "
              + directory
              + " holds no index ("
              + IndexDirectory.META
              + "): give the --index directory of a batch run");
    }
    Map<String, String> compared = new HashMap<>(parameters);
    compared.remove("learn_boilerplate");
    String mismatch = IndexDirectory.mismatch(directory, compared);
    if (mismatch != null) {
      throw new UsageException("--index: " + mismatch);
    }
    return meta.path("parameters").path("learn_boilerplate").asBoolean(false)
        ? "the index in "
            + directory
            + " was built by batch runs that learned the corpus's boilerplate; the stream does not"
            + " learn it, so the clusters of its articles are those of --learnBoilerplate=false"
        : null;
  }

  /**
   * Hands out every article of the index, file by file (in name order) and line by line.
   *
   * @throws IllegalArgumentException naming the file and line of a line that is not an index line
   */
  public static long read(String directory, Consumer<Cleaned> each) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    MatchResult m =
        FileSystems.match(
                List.of(WriteResults.prefix(directory, IndexDirectory.ARTICLES) + "-*"),
                EmptyMatchTreatment.ALLOW)
            .get(0);
    for (MatchResult.Metadata md : m.metadata()) {
      files.add(md.resourceId());
    }
    files.sort(Comparator.comparing(ResourceId::toString));
    long n = 0;
    for (ResourceId f : files) {
      InputStream raw = Channels.newInputStream(FileSystems.open(f));
      InputStream in = f.getFilename().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
        long line = 0;
        for (String s = r.readLine(); s != null; s = r.readLine()) {
          line++;
          if (s.isBlank()) {
            continue;
          }
          Cleaned c;
          try {
            c = IndexRecords.parse(s);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(f + " line " + line + ": " + e.getMessage(), e);
          }
          each.accept(c);
          n++;
        }
      }
    }
    return n;
  }
}
