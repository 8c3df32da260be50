package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BatchSettingsTest {
  @Test
  void directRunnerGetsOneShardPerCoreWithinBounds() {
    assertEquals(2, BatchSettings.directShards(1));
    assertEquals(2, BatchSettings.directShards(2));
    assertEquals(8, BatchSettings.directShards(8));
    assertEquals(BatchSettings.DIRECT_MAX_SHARDS, BatchSettings.directShards(64));
  }
}
