package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration {@link EmbeddedFlink} gives the Flink a stream run starts in its JVM. */
class EmbeddedFlinkTest {

  static FlinkPipelineOptions flink(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(FlinkPipelineOptions.class);
  }

  static String conf(FlinkPipelineOptions o) throws Exception {
    return Files.readString(
        Path.of(o.getFlinkConfDir()).resolve("flink-conf.yaml"), StandardCharsets.UTF_8);
  }

  @Test
  void rocksDbGetsManagedMemoryAndASavepointIsRestored() throws Exception {
    FlinkPipelineOptions o =
        flink(
            "--runner=FlinkRunner",
            "--flinkMaster=[local]",
            "--stateBackend=rocksdb",
            "--savepointPath=file:///tmp/cp/chk-3");
    EmbeddedFlink.configure(o);
    String conf = conf(o);
    assertTrue(conf.contains("taskmanager.memory.managed.size: 512m"), conf);
    assertTrue(conf.contains("execution.savepoint.path: file:///tmp/cp/chk-3"), conf);
    assertTrue(conf.contains("execution.savepoint.ignore-unclaimed-state: false"), conf);
  }

  @Test
  void theUsersOwnSettingsStayAndWin(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("flink-conf.yaml"),
        "taskmanager.memory.managed.fraction: 0.6\nparallelism.default: 2",
        StandardCharsets.UTF_8);
    FlinkPipelineOptions o =
        flink(
            "--runner=FlinkRunner",
            "--flinkMaster=[local]",
            "--stateBackend=rocksdb",
            "--flinkConfDir=" + dir);
    EmbeddedFlink.configure(o);
    String conf = conf(o);
    assertTrue(conf.startsWith("taskmanager.memory.managed.fraction: 0.6\n"), conf);
    assertTrue(conf.contains("parallelism.default: 2"), conf);
    assertFalse(conf.contains("managed.size"), conf);
  }

  @Test
  void nothingToSayLeavesTheConfigurationAlone() {
    FlinkPipelineOptions heap =
        flink("--runner=FlinkRunner", "--flinkMaster=[local]", "--stateBackend=filesystem");
    EmbeddedFlink.configure(heap);
    assertNull(heap.getFlinkConfDir());

    FlinkPipelineOptions cluster =
        flink(
            "--runner=FlinkRunner",
            "--flinkMaster=flink-jobmanager:8081",
            "--stateBackend=rocksdb",
            "--savepointPath=file:///tmp/cp/chk-3");
    EmbeddedFlink.configure(cluster);
    assertNull(cluster.getFlinkConfDir());

    FlinkPipelineOptions direct = flink("--stateBackend=rocksdb");
    EmbeddedFlink.configure(direct);
    assertEquals(null, direct.getFlinkConfDir());
  }
}
