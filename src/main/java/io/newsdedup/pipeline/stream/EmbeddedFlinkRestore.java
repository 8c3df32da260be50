package io.newsdedup.pipeline.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Makes {@code --savepointPath} restore a stream run on an embedded Flink. Beam's Flink runner
 * applies the option only when it submits to a cluster ({@code --flinkMaster=host:port}); on the
 * embedded Flink (the default master, one JVM) it ignores it without a word, and the job starts
 * with an empty index. Here the path goes into the embedded Flink's own configuration instead
 * ({@code execution.savepoint.path}, and {@code execution.savepoint.ignore-unclaimed-state} from
 * {@code --allowNonRestoredState}), in a configuration directory made from {@code --flinkConfDir}'s
 * file, which {@code --flinkConfDir} then names. A job submitted by {@code flink run -s} or to a
 * cluster is left alone: there, Flink restores it itself.
 */
final class EmbeddedFlinkRestore {
  private EmbeddedFlinkRestore() {}

  /** Applies {@code --savepointPath} to an embedded Flink run; does nothing otherwise. */
  static void apply(PipelineOptions options) {
    if (!options.getRunner().getSimpleName().startsWith("FlinkRunner")) {
      return;
    }
    FlinkPipelineOptions o = options.as(FlinkPipelineOptions.class);
    if (o.getSavepointPath() == null || !embedded(o.getFlinkMaster())) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("news-dedup-flink-conf-");
      dir.toFile().deleteOnExit();
      // Flink 1.19 reads config.yaml (standard YAML) before flink-conf.yaml (the legacy format);
      // both take a flat "key: value" line.
      String name = "flink-conf.yaml";
      String base = "";
      if (o.getFlinkConfDir() != null) {
        Path from = Path.of(o.getFlinkConfDir());
        for (String candidate : new String[] {"config.yaml", "flink-conf.yaml"}) {
          if (Files.isRegularFile(from.resolve(candidate))) {
            name = candidate;
            base = Files.readString(from.resolve(candidate), StandardCharsets.UTF_8);
            break;
          }
        }
      }
      Path file = dir.resolve(name);
      Files.writeString(
          file,
          base
              + (base.isEmpty() || base.endsWith("\n") ? "" : "\n")
              + "execution.savepoint.path: "
              + o.getSavepointPath()
              + "\nexecution.savepoint.ignore-unclaimed-state: "
              + Boolean.TRUE.equals(o.getAllowNonRestoredState())
              + "\n",
          StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      o.setFlinkConfDir(dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded Flink's configuration", e);
    }
  }

  /** Whether Beam runs the job on a Flink in this JVM for this master. */
  static boolean embedded(String master) {
    if (master.equals("[local]") || master.equals("[collection]")) {
      return true;
    }
    return master.equals("[auto]")
        && StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment;
  }
}
