package io.newsdedup.pipeline.stream;

import java.util.Optional;
import org.apache.beam.sdk.io.kafka.CustomTimestampPolicyWithLimitedDelay;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Event time of the Kafka source, per partition: each record at its own timestamp (CreateTime, set
 * by the producer, or LogAppendTime, set by the broker, whichever the topic keeps), the watermark
 * {@link #MAX_DELAY} behind the latest record read, and, once the partition is read to its end,
 * {@link #MAX_DELAY} behind the time the reader last looked at the end. That is KafkaIO's {@link
 * CustomTimestampPolicyWithLimitedDelay} (its {@code withCreateTime}), plus the one idle partition
 * it leaves standing: one that has had no record since the job started (a new or a quiet partition
 * after a restart), which would hold the watermark, and with it every article's expiry, for ever.
 * The watermark never goes back.
 *
 * <p>The index is in the global window: a record behind the watermark is decided like any other, so
 * the delay only says how far out of order producers' CreateTimes may be before a record counts as
 * late for expiry and the retention horizon, which are hours or days.
 */
final class RecordTimePolicy extends CustomTimestampPolicyWithLimitedDelay<byte[], byte[]> {

  /** How far behind the latest record time (or the idle partition's end) the watermark stays. */
  static final Duration MAX_DELAY = Duration.standardSeconds(5);

  private final Duration maxDelay;
  private boolean readAny;
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  RecordTimePolicy(Duration maxDelay, Optional<Instant> previousWatermark) {
    super(RecordTimePolicy::recordTime, maxDelay, previousWatermark);
    this.maxDelay = maxDelay;
    this.watermark = previousWatermark.orElse(BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  static TimestampPolicyFactory<byte[], byte[]> factory() {
    return (partition, previousWatermark) -> new RecordTimePolicy(MAX_DELAY, previousWatermark);
  }

  /** The record's timestamp, within what Beam accepts for an element of the global window. */
  static Instant recordTime(KafkaRecord<byte[], byte[]> r) {
    long t = r.getTimestamp();
    long max = GlobalWindow.INSTANCE.maxTimestamp().getMillis();
    long min = BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();
    return new Instant(Math.max(min, Math.min(max, t)));
  }

  @Override
  public Instant getTimestampForRecord(PartitionContext ctx, KafkaRecord<byte[], byte[]> record) {
    readAny = true;
    return super.getTimestampForRecord(ctx, record);
  }

  @Override
  public Instant getWatermark(PartitionContext ctx) {
    Instant w = super.getWatermark(ctx);
    if (!readAny && ctx.getMessageBacklog() == 0) {
      Instant idle = ctx.getBacklogCheckTime().minus(maxDelay);
      if (idle.isAfter(w)) {
        w = idle;
      }
    }
    if (w.isAfter(watermark)) {
      watermark = w;
    }
    return watermark;
  }
}
