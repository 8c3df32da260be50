package io.newsdedup.testing;

import io.newsdedup.pipeline.coders.CoreCoders;
import org.apache.beam.sdk.testing.TestPipeline;

/** JUnit 5 has no rules: tests make their TestPipeline here. */
public final class TestPipelines {
  private TestPipelines() {}

  public static TestPipeline create() {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);
    CoreCoders.registerAll(p);
    return p;
  }
}
