package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.io.kafka.TimestampPolicy.PartitionContext;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The Kafka source's event time: record timestamps, and a watermark that idle partitions move. */
class RecordTimePolicyTest {
  static final Duration DELAY = RecordTimePolicy.MAX_DELAY;

  /** Times well in the past, so that the policy's cap at the current time plays no part. */
  static final Instant T = Instant.parse("2025-03-05T09:15:00Z");

  static final long UNKNOWN = -1;

  static PartitionContext context(long backlog, Instant checked) {
    return new PartitionContext() {
      @Override
      public long getMessageBacklog() {
        return backlog;
      }

      @Override
      public Instant getBacklogCheckTime() {
        return checked;
      }
    };
  }

  static KafkaRecord<byte[], byte[]> record(long timestamp, KafkaTimestampType type) {
    return new KafkaRecord<>("t", 0, 0, timestamp, type, null, null, new byte[0]);
  }

  @Test
  void recordsAreAtTheirTimestampCreateOrLogAppend() {
    RecordTimePolicy p = new RecordTimePolicy(DELAY, Optional.empty());
    PartitionContext ctx = context(5, T);
    assertEquals(
        T, p.getTimestampForRecord(ctx, record(T.getMillis(), KafkaTimestampType.CREATE_TIME)));
    assertEquals(
        T.minus(Duration.standardHours(1)),
        p.getTimestampForRecord(
            ctx,
            record(
                T.minus(Duration.standardHours(1)).getMillis(),
                KafkaTimestampType.LOG_APPEND_TIME)));
    // beyond what Beam takes for an element of the global window: the nearest it takes
    assertEquals(
        GlobalWindow.INSTANCE.maxTimestamp(),
        RecordTimePolicy.recordTime(record(Long.MAX_VALUE, KafkaTimestampType.CREATE_TIME)));
    assertEquals(
        BoundedWindow.TIMESTAMP_MIN_VALUE,
        RecordTimePolicy.recordTime(record(Long.MIN_VALUE, KafkaTimestampType.CREATE_TIME)));
  }

  @Test
  void theWatermarkFollowsTheLatestRecordLessTheDelayAndNeverGoesBack() {
    RecordTimePolicy p = new RecordTimePolicy(DELAY, Optional.empty());
    PartitionContext busy = context(100, T.plus(Duration.standardHours(2)));
    p.getTimestampForRecord(busy, record(T.getMillis(), KafkaTimestampType.CREATE_TIME));
    assertEquals(T.minus(DELAY), p.getWatermark(busy));
    // an older record (another producer's clock) does not move it back
    p.getTimestampForRecord(busy, record(T.getMillis() - 60_000, KafkaTimestampType.CREATE_TIME));
    assertEquals(T.minus(DELAY), p.getWatermark(busy));
    p.getTimestampForRecord(busy, record(T.getMillis() + 1_000, KafkaTimestampType.CREATE_TIME));
    assertEquals(T.plus(1_000).minus(DELAY), p.getWatermark(busy));
    // read to the end: the watermark moves on with the time the end was looked at
    Instant later = T.plus(Duration.standardHours(3));
    assertEquals(later.minus(DELAY), p.getWatermark(context(0, later)));
    assertEquals(later.minus(DELAY), p.getWatermark(busy));
  }

  @Test
  void aPartitionWithoutRecordsDoesNotHoldTheWatermark() {
    RecordTimePolicy p = new RecordTimePolicy(DELAY, Optional.empty());
    // nothing known yet: the watermark stays at the start of time
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, p.getWatermark(context(UNKNOWN, T)));
    // read to its end (an empty partition, or one whose records a previous run committed)
    assertEquals(T.minus(DELAY), p.getWatermark(context(0, T)));
    Instant later = T.plus(Duration.standardMinutes(10));
    assertEquals(later.minus(DELAY), p.getWatermark(context(0, later)));
    // records behind: the watermark waits for them
    assertEquals(later.minus(DELAY), p.getWatermark(context(3, later.plus(60_000))));
  }

  @Test
  void aResumedPartitionStartsAtItsCheckpointedWatermark() {
    Instant previous = T.plus(Duration.standardDays(1));
    RecordTimePolicy p = new RecordTimePolicy(DELAY, Optional.of(previous));
    assertEquals(previous, p.getWatermark(context(UNKNOWN, T)));
    assertEquals(previous, p.getWatermark(context(4, T)));
  }
}
