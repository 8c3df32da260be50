package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.core.index.Retention;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.junit.jupiter.api.Test;

/** The core's latest expiry is the last time an event-time timer of the stream job can fire at. */
class RetentionTimerTest {
  @Test
  void latestExpiryIsTheGlobalWindowsLastTimestamp() {
    assertEquals(GlobalWindow.INSTANCE.maxTimestamp().getMillis(), Retention.LATEST_EXPIRY);
  }
}
