package io.newsdedup.pipeline.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The configuration of the Flink that Beam's Flink runner starts in this JVM (the default master):
 * two settings a stream run needs there that Beam does not give it.
 *
 * <ul>
 *   <li><b>Restore.</b> Beam applies {@code --savepointPath} only when it submits to a cluster
 *       ({@code --flinkMaster=host:port}); on the embedded Flink it ignores it without a word, and
 *       the job starts with an empty index. Here the path goes into the embedded Flink's own
 *       configuration ({@code execution.savepoint.path}, and {@code
 *       execution.savepoint.ignore-unclaimed-state} from {@code --allowNonRestoredState}).
 *   <li><b>Memory for RocksDB.</b> The embedded Flink gives its TaskManager 128 MB of managed
 *       memory, which the RocksDB backend shares out to every state of every operator for its write
 *       buffers and block cache: writes stall on the flushes, and {@code bench stream} on RocksDB
 *       decided 40 articles/s where the heap backend decided 90. With {@code
 *       --stateBackend=rocksdb} it gets {@value #ROCKSDB_MANAGED_MEMORY} (native memory, beside the
 *       heap), and decided 85-88/s.
 * </ul>
 *
 * Both go into a configuration directory made from {@code --flinkConfDir}'s file (whose own
 * managed-memory setting, if any, is kept), which {@code --flinkConfDir} then names. A job
 * submitted by {@code flink run} or to a cluster is left alone: there, Flink restores it itself,
 * and the cluster's configuration sizes its memory.
 */
final class EmbeddedFlink {
  private EmbeddedFlink() {}

  static final String ROCKSDB_MANAGED_MEMORY = "512m";

  /** Configures an embedded Flink stream run; does nothing for other runners and masters. */
  static void configure(PipelineOptions options) {
    if (!options.getRunner().getSimpleName().startsWith("FlinkRunner")) {
      return;
    }
    FlinkPipelineOptions o = options.as(FlinkPipelineOptions.class);
    if (!embedded(o.getFlinkMaster())) {
      return;
    }
    try {
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
      List<String> lines = new ArrayList<>();
      if (o.getSavepointPath() != null) {
        lines.add("execution.savepoint.path: " + o.getSavepointPath());
        lines.add(
            "execution.savepoint.ignore-unclaimed-state: "
                + Boolean.TRUE.equals(o.getAllowNonRestoredState()));
      }
      if ("rocksdb".equalsIgnoreCase(o.getStateBackend())
          && !base.contains("taskmanager.memory.managed.")) {
        lines.add("taskmanager.memory.managed.size: " + ROCKSDB_MANAGED_MEMORY);
      }
      if (lines.isEmpty()) {
        return;
      }
      Path dir = Files.createTempDirectory("news-dedup-flink-conf-");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve(name);
      Files.writeString(
          file,
          base
              + (base.isEmpty() || base.endsWith("\n") ? "" : "\n")
              + String.join("\n", lines)
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
