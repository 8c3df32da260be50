package io.newsdedup.pipeline.batch;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.beam.sdk.PipelineResult;

/**
 * Waits for a batch job, and on the Direct runner notices when it has stopped making progress.
 *
 * <p>Beam's Direct runner (2.70) rarely stalls (in one full test suite in five here, up to four
 * jobs of one suite, more often as more jobs have run in the same JVM): every worker thread spins
 * in its scheduler ({@code QuiescenceDriver} firing timers over the watermark manager), no bundle
 * runs, and {@code waitUntilFinish()} never returns — a cron job that never ends. A Direct-runner
 * job executes its bundles in {@code DirectTransformExecutor}; when no worker thread is in one for
 * {@link #STALL} in a row (sampled every second), the job is stalled: this cancels it and says so;
 * the batch job then runs again in emptied staging directories (the outputs are deterministic, so a
 * second attempt writes the same files). On other runners it is {@code waitUntilFinish()}.
 */
final class DirectRunnerWatch {
  private DirectRunnerWatch() {}

  /**
   * How many times a batch job is run when it stalls. A second stall in a row happens: one test
   * suite here stalled the two runs of one job (two fresh pipelines in the same JVM).
   */
  static final int ATTEMPTS = 3;

  /** How long no bundle may run before a Direct-runner job counts as stalled. */
  static final Duration STALL = Duration.ofSeconds(60);

  /** The job stopped making progress and was cancelled. */
  static final class Stalled extends RuntimeException {
    Stalled(String message) {
      super(message);
    }
  }

  /**
   * The job's final state.
   *
   * @throws Stalled when a Direct-runner job ran no bundle for {@code stall} (it is cancelled)
   */
  static PipelineResult.State await(PipelineResult result, Duration stall) {
    if (!result.getClass().getName().startsWith("org.apache.beam.runners.direct.")) {
      return result.waitUntilFinish();
    }
    return await(result, stall, Thread::getAllStackTraces);
  }

  /** {@link #await} on a Direct-runner job, with the threads' stacks from {@code stacks}. */
  static PipelineResult.State await(
      PipelineResult result, Duration stall, Supplier<Map<Thread, StackTraceElement[]>> stacks) {
    long idleSince = System.nanoTime();
    while (true) {
      PipelineResult.State state = result.waitUntilFinish(org.joda.time.Duration.millis(1000));
      if (state != null && state.isTerminal()) {
        return state;
      }
      if (bundleRunning(stacks.get())) {
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince > stall.toNanos()) {
        try {
          result.cancel();
        } catch (Exception | Error e) {
          // the job is abandoned either way
        }
        throw new Stalled(
            "the Direct runner stopped making progress: no work ran for "
                + stall.toSeconds()
                + " s while the job was not finished");
      }
    }
  }

  static final String BUNDLE_EXECUTOR = "org.apache.beam.runners.direct.DirectTransformExecutor";

  /** Whether some thread is executing a Direct-runner bundle. */
  static boolean bundleRunning(Map<Thread, StackTraceElement[]> stacks) {
    for (StackTraceElement[] stack : stacks.values()) {
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().startsWith(BUNDLE_EXECUTOR)) {
          return true;
        }
      }
    }
    return false;
  }
}
