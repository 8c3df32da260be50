package io.newsdedup.e2e;

import io.newsdedup.pipeline.read.ReadArticles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;

/**
 * For tests only ({@code --runner=io.newsdedup.e2e.MiscountingRunner}): the Direct runner, except
 * that its metrics report one record read more than the pipeline saw — as if a stage had lost a
 * record on the way — so that the run's accounting does not add up.
 */
public final class MiscountingRunner extends PipelineRunner<PipelineResult> {
  private final DirectRunner direct;

  private MiscountingRunner(DirectRunner direct) {
    this.direct = direct;
  }

  public static MiscountingRunner fromOptions(PipelineOptions options) {
    return new MiscountingRunner(DirectRunner.fromOptions(options));
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    PipelineResult result = direct.run(pipeline);
    return new PipelineResult() {
      @Override
      public State getState() {
        return result.getState();
      }

      @Override
      public State cancel() throws IOException {
        return result.cancel();
      }

      @Override
      public State waitUntilFinish(Duration duration) {
        return result.waitUntilFinish(duration);
      }

      @Override
      public State waitUntilFinish() {
        return result.waitUntilFinish();
      }

      @Override
      public MetricResults metrics() {
        return new MetricResults() {
          @Override
          public MetricQueryResults queryMetrics(MetricsFilter filter) {
            MetricQueryResults q = result.metrics().queryMetrics(filter);
            List<MetricResult<Long>> counters = new ArrayList<>();
            for (MetricResult<Long> c : q.getCounters()) {
              counters.add(isRecordsRead(c) ? plusOne(c) : c);
            }
            return MetricQueryResults.create(
                counters,
                q.getDistributions(),
                q.getGauges(),
                q.getStringSets(),
                q.getBoundedTries(),
                q.getHistograms());
          }
        };
      }
    };
  }

  private static boolean isRecordsRead(MetricResult<Long> c) {
    return c.getName().getNamespace().equals(ReadArticles.NAMESPACE)
        && c.getName().getName().equals("records_read");
  }

  private static MetricResult<Long> plusOne(MetricResult<Long> c) {
    Long committed = c.getCommittedOrNull();
    return MetricResult.create(
        c.getKey(), committed == null ? null : committed + 1, c.getAttempted() + 1);
  }
}
