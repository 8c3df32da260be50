package io.newsdedup.testing;

import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.options.MatchingOptions;
import io.newsdedup.pipeline.options.MatchingSettingsFactory;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** The matching settings of a command line, for tests of the core that need the defaults. */
public final class TestSettings {
  private TestSettings() {}

  public static MatchingSettings matching(String... options) {
    return MatchingSettingsFactory.from(
        PipelineOptionsFactory.fromArgs(options).as(MatchingOptions.class));
  }
}
