package io.newsdedup.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * For tests only ({@code --runner=io.newsdedup.e2e.BlockingRunner}): the Direct runner, but a run
 * first creates the file named by the system property {@value #STARTED} and then waits (up to two
 * minutes) until the file named by {@value #RELEASE} exists — so a test can start a second run
 * while this one is in the middle of its job, in this JVM or in a child JVM.
 */
public final class BlockingRunner extends PipelineRunner<PipelineResult> {
  public static final String STARTED = "newsdedup.test.started";
  public static final String RELEASE = "newsdedup.test.release";

  private final DirectRunner direct;
  private final Path started;
  private final Path release;

  private BlockingRunner(DirectRunner direct, Path started, Path release) {
    this.direct = direct;
    this.started = started;
    this.release = release;
  }

  public static BlockingRunner fromOptions(PipelineOptions options) {
    return new BlockingRunner(DirectRunner.fromOptions(options),
        Path.of(System.getProperty(STARTED)), Path.of(System.getProperty(RELEASE)));
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    try {
      if (!Files.exists(started)) {
        Files.createFile(started); // not again when a stalled job is run once more
      }
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!Files.exists(release)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("BlockingRunner: " + release + " never appeared");
        }
        Thread.sleep(20);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return direct.run(pipeline);
  }
}
