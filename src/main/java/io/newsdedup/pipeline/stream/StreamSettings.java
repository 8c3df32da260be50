package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Retention;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.index.IndexSeeds;
import io.newsdedup.pipeline.options.MatchingSettingsFactory;
import io.newsdedup.pipeline.options.UsageException;
import java.io.Serializable;

/**
 * The validated parameters of a stream job, derived once from {@link StreamOptions}: every
 * inconsistency is a {@link UsageException} before anything runs. The matching parameters are
 * validated by {@link MatchingSettings}, as for batch.
 *
 * @param ends where articles come from and decisions and dead letters go: Pub/Sub or Kafka
 * @param output directory for decision files, or null
 * @param index a batch run's index directory to start from, or null
 */
public record StreamSettings(
    MatchingSettings matching,
    StreamEnds ends,
    String output,
    int windowMinutes,
    Retention retention,
    int maxMessageBytes,
    String index)
    implements Serializable {

  public static StreamSettings from(StreamOptions o) {
    StreamEnds ends = StreamEnds.from(o);
    if (o.getWindowMinutes() < 1) {
      throw new UsageException("--windowMinutes must be >= 1");
    }
    if (o.getMaxMessageBytes() < 1) {
      throw new UsageException("--maxMessageBytes must be >= 1");
    }
    Retention retention;
    try {
      retention =
          Retention.parse(
              o.getIndexRetention() == null ? DEFAULT_RETENTION : o.getIndexRetention());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    MatchingSettings matching = MatchingSettingsFactory.from(o);
    String index = blankToNull(o.getIndex());
    if (index != null) {
      String warning = IndexSeeds.check(index, matching.indexParameters(false));
      if (warning != null) {
        System.err.println("news-dedup stream: " + warning);
      }
    }
    return new StreamSettings(
        matching,
        ends,
        blankToNull(o.getOutput()),
        o.getWindowMinutes(),
        retention,
        o.getMaxMessageBytes(),
        index);
  }

  /** How long the stream index keeps an article when --indexRetention is not given. */
  public static final String DEFAULT_RETENTION = "7d";

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
