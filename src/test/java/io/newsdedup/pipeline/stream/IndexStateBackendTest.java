package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.contrib.streaming.state.RocksDBStateBackend;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.RocksDB;

/** {@code --stateBackend=rocksdb} on Flink becomes RocksDB with Bloom filters, incremental. */
class IndexStateBackendTest {

  static FlinkPipelineOptions flink(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(FlinkPipelineOptions.class);
  }

  @Test
  void rocksDbOnFlinkBecomesTheFactory() {
    FlinkPipelineOptions o =
        flink(
            "--runner=FlinkRunner",
            "--stateBackend=rocksdb",
            "--stateBackendStoragePath=file:///tmp/news-dedup-state");
    IndexStateBackend.apply(o);
    assertNull(o.getStateBackend());
    assertEquals(IndexStateBackend.class, o.getStateBackendFactory());
    RocksDBStateBackend b =
        assertInstanceOf(RocksDBStateBackend.class, new IndexStateBackend().createStateBackend(o));
    assertTrue(b.isIncrementalCheckpointsEnabled());
    assertInstanceOf(IndexStateBackend.BloomFilters.class, b.getRocksDBOptions());
  }

  @Test
  void otherBackendsAndRunnersAreLeftAlone() {
    FlinkPipelineOptions heap =
        flink(
            "--runner=FlinkRunner",
            "--stateBackend=filesystem",
            "--stateBackendStoragePath=file:///tmp/news-dedup-state");
    IndexStateBackend.apply(heap);
    assertEquals("filesystem", heap.getStateBackend());
    assertNull(heap.getStateBackendFactory());

    FlinkPipelineOptions direct = flink("--stateBackend=rocksdb");
    IndexStateBackend.apply(direct);
    assertEquals("rocksdb", direct.getStateBackend());
  }

  @Test
  void withoutAStoragePathItSaysWhatIsMissing() {
    FlinkPipelineOptions o = flink("--runner=FlinkRunner", "--stateBackend=rocksdb");
    IndexStateBackend.apply(o);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new IndexStateBackend().createStateBackend(o));
    assertTrue(e.getMessage().contains("--stateBackendStoragePath"), e.getMessage());
  }

  @Test
  void everyColumnFamilyGetsABloomFilter() throws Exception {
    RocksDB.loadLibrary();
    List<AutoCloseable> handles = new ArrayList<>();
    try (ColumnFamilyOptions fresh = new ColumnFamilyOptions()) {
      ColumnFamilyOptions out =
          new IndexStateBackend.BloomFilters().createColumnOptions(fresh, handles);
      BlockBasedTableConfig table =
          assertInstanceOf(BlockBasedTableConfig.class, out.tableFormatConfig());
      assertTrue(table.filterPolicy() != null, "a filter policy is set");
      assertEquals(1, handles.size(), "the filter is closed with the backend");
    } finally {
      for (AutoCloseable h : handles) {
        h.close();
      }
    }
  }
}
