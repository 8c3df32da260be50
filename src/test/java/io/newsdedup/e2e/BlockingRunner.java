package io.newsdedup.e2e;

import io.newsdedup.testing.CommandRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
    return new BlockingRunner(
        DirectRunner.fromOptions(options),
        Path.of(System.getProperty(STARTED)),
        Path.of(System.getProperty(RELEASE)));
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

  /** What a held run and a run started while it was held returned. */
  public record Runs(CommandRun held, CommandRun during) {}

  /**
   * Runs the command {@code held} on this runner in the background; once its job has started (and
   * is waiting), runs {@code during} in this thread; then lets the first one go on and waits for
   * it. The marker files are made in {@code dir}.
   */
  public static Runs whileHeld(Path dir, String[] held, String[] during) throws Exception {
    Path started = dir.resolve("started");
    Path release = dir.resolve("release");
    System.setProperty(STARTED, started.toString());
    System.setProperty(RELEASE, release.toString());
    List<String> args = new ArrayList<>(List.of(held));
    args.add("--runner=" + BlockingRunner.class.getName());
    CompletableFuture<CommandRun> first;
    CommandRun second;
    try {
      first = CompletableFuture.supplyAsync(() -> CommandRun.of(args.toArray(String[]::new)));
      awaitStart(started, first::isDone, () -> first.isDone() ? first.join() : "");
      second = CommandRun.of(during);
    } finally {
      Files.writeString(release, "go");
    }
    try {
      return new Runs(first.get(2, TimeUnit.MINUTES), second);
    } finally {
      System.clearProperty(STARTED);
      System.clearProperty(RELEASE);
    }
  }

  /**
   * Waits (up to two minutes) until a held run has made its {@code started} file; fails when the
   * run ended first ({@code ended}), saying {@code why}.
   */
  public static void awaitStart(Path started, BooleanSupplier ended, Supplier<Object> why)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(started)) {
      if (ended.getAsBoolean() || System.nanoTime() > deadline) {
        throw new AssertionError("the first run never started its job: " + why.get());
      }
      Thread.sleep(20);
    }
  }
}
