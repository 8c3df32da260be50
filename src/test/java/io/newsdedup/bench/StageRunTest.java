package io.newsdedup.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsdedup.bench.StageRun.Stage;
import io.newsdedup.pipeline.batch.BatchOptions;
import io.newsdedup.pipeline.batch.BatchSettings;
import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.testing.TestPipelines;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stage prefixes that `bench --stages` times compute what the whole job computes so far. */
class StageRunTest {
  @TempDir Path out;

  private BatchSettings settings(String... extra) {
    String[] args = new String[2 + extra.length];
    args[0] = "--input=testdata/articles/*";
    args[1] = "--output=" + out;
    System.arraycopy(extra, 0, args, 2, extra.length);
    return BatchSettings.from(PipelineOptionsFactory.fromArgs(args).as(BatchOptions.class));
  }

  /** testdata/articles: 199 articles of 55 stories, no bad records. */
  @ParameterizedTest
  @CsvSource({"READ, 199", "CLEAN, 199", "FINGERPRINT, 199", "WRITE, 55"})
  void eachPrefixEndsWithItsStagesOutput(Stage stage, long expected) {
    TestPipeline p = TestPipelines.create();
    PCollection<?> output = StageRun.buildUpTo(p, settings(), stage);
    PAssert.thatSingleton(output.apply(Count.globally())).isEqualTo(expected);
    p.run().waitUntilFinish();
  }

  /** Components: one (article, component) entry per article with a verified edge. */
  @Test
  void componentsCoverTheArticlesWithCopies() {
    TestPipeline p = TestPipelines.create();
    PCollection<?> components = StageRun.buildUpTo(p, settings(), Stage.COMPONENTS);
    PAssert.thatSingleton(components.apply(Count.globally()))
        .satisfies(
            n -> {
              // every article that has an edge appears once: at least the 144 duplicates, at most
              // all 199
              if (n < 144 || n > 199) {
                throw new AssertionError("component entries: " + n);
              }
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void timingTheStagesDoesNotTakeAnIndex() {
    BatchSettings withIndex = settings("--index=" + out.resolve("index"));
    assertThrows(
        UsageException.class,
        () -> StageRun.buildUpTo(TestPipelines.create(), withIndex, Stage.READ));
  }
}
