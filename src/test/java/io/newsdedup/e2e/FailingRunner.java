package io.newsdedup.e2e;

import java.io.IOException;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * For tests only ({@code --runner=io.newsdedup.e2e.FailingRunner}): the Direct runner runs the
 * whole job — so its files are written wherever the job writes them — and then the job fails, as a
 * cluster job does when a worker is lost at the end.
 */
public final class FailingRunner extends PipelineRunner<PipelineResult> {
  private final DirectRunner direct;

  private FailingRunner(DirectRunner direct) {
    this.direct = direct;
  }

  public static FailingRunner fromOptions(PipelineOptions options) {
    return new FailingRunner(DirectRunner.fromOptions(options));
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    direct.run(pipeline).waitUntilFinish();
    throw new Pipeline.PipelineExecutionException(
        new IOException("FailingRunner: the job failed after writing its files"));
  }
}
