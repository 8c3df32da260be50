package io.newsdedup.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;

/**
 * A Direct-runner job that runs no bundle for the stall time is cancelled and reported; one whose
 * stage throws ends with what it threw.
 */
class DirectRunnerWatchTest {
  private static final StackTraceElement SCHEDULER =
      new StackTraceElement(
          "org.apache.beam.runners.direct.QuiescenceDriver",
          "fireTimers",
          "QuiescenceDriver.java",
          187);
  private static final StackTraceElement BUNDLE =
      new StackTraceElement(
          DirectRunnerWatch.BUNDLE_EXECUTOR, "run", "DirectTransformExecutor.java", 80);

  /** A job that finishes after {@code polls} polls (never when negative). */
  private static final class Job implements PipelineResult {
    final int polls;
    final AtomicInteger polled = new AtomicInteger();
    final AtomicBoolean cancelled = new AtomicBoolean();

    Job(int polls) {
      this.polls = polls;
    }

    @Override
    public State getState() {
      return State.RUNNING;
    }

    @Override
    public State cancel() {
      cancelled.set(true);
      return State.CANCELLED;
    }

    @Override
    public State waitUntilFinish(org.joda.time.Duration duration) {
      try {
        Thread.sleep(Math.min(duration.getMillis(), 50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return polls >= 0 && polled.incrementAndGet() >= polls ? State.DONE : State.RUNNING;
    }

    @Override
    public State waitUntilFinish() {
      throw new UnsupportedOperationException();
    }

    @Override
    public MetricResults metrics() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aJobThatRunsNoBundleIsStalledAndCancelled() {
    Job job = new Job(-1);
    var e =
        assertThrows(
            DirectRunnerWatch.Stalled.class,
            () ->
                DirectRunnerWatch.await(
                    job,
                    Duration.ofMillis(300),
                    () -> Map.of(Thread.currentThread(), new StackTraceElement[] {SCHEDULER})));
    assertTrue(e.getMessage().contains("stopped making progress"), e.getMessage());
    assertTrue(job.cancelled.get());
  }

  @Test
  void aJobRunningBundlesIsWaitedFor() {
    Job job = new Job(20); // 20 polls of 50 ms: longer than the stall time
    assertEquals(
        PipelineResult.State.DONE,
        DirectRunnerWatch.await(
            job,
            Duration.ofMillis(300),
            () -> Map.of(Thread.currentThread(), new StackTraceElement[] {SCHEDULER, BUNDLE})));
    assertFalse(job.cancelled.get());
  }

  @Test
  void bundleRunningLooksForTheBundleExecutorInAnyThread() {
    assertFalse(DirectRunnerWatch.bundleRunning(Map.of()));
    assertTrue(
        DirectRunnerWatch.bundleRunning(
            Map.of(
                new Thread(),
                new StackTraceElement[] {BUNDLE},
                Thread.currentThread(),
                new StackTraceElement[] {SCHEDULER})));
  }

  /** A real Direct-runner job whose one stage throws {@code failure} for one element. */
  private static PipelineResult failingJob(RuntimeException exception, Error error) {
    DirectOptions options = PipelineOptionsFactory.create().as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    options.setBlockOnRun(false);
    Pipeline p = Pipeline.create(options);
    p.apply(Create.of(1, 2, 3, 4, 5))
        .apply(
            ParDo.of(
                new DoFn<Integer, Integer>() {
                  @ProcessElement
                  public void process(@Element Integer i, OutputReceiver<Integer> out) {
                    if (i == 3) {
                      if (error != null) {
                        throw error;
                      }
                      throw exception;
                    }
                    out.output(i);
                  }
                }));
    return p.run();
  }

  @Test
  void anErrorInAStageEndsTheJobWithThatError() {
    var e =
        assertThrows(
            Pipeline.PipelineExecutionException.class,
            () ->
                DirectRunnerWatch.await(
                    failingJob(null, new StackOverflowError("deep")), DirectRunnerWatch.STALL));
    assertTrue(e.getCause() instanceof StackOverflowError, String.valueOf(e.getCause()));
  }

  @Test
  void anExceptionInAStageEndsTheJobWithThatException() {
    var e =
        assertThrows(
            Pipeline.PipelineExecutionException.class,
            () ->
                DirectRunnerWatch.await(
                    failingJob(new IllegalStateException("no rejection for this"), null),
                    DirectRunnerWatch.STALL));
    assertEquals("no rejection for this", e.getCause().getMessage());
  }
}
