package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Retention;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.index.IndexSeeds;
import io.newsdedup.pipeline.options.MatchingSettingsFactory;
import io.newsdedup.pipeline.options.UsageException;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * The validated parameters of a stream job, derived once from {@link StreamOptions}: every
 * inconsistency is a {@link UsageException} before anything runs. The matching parameters are
 * validated by {@link MatchingSettings}, as for batch.
 *
 * @param inputSubscription the subscription to read, or null when reading {@code inputTopic}
 * @param output directory for decision files, or null
 * @param index a batch run's index directory to start from, or null
 */
public record StreamSettings(
    MatchingSettings matching,
    String inputSubscription,
    String inputTopic,
    String outputTopic,
    String deadLetterTopic,
    String output,
    int windowMinutes,
    Retention retention,
    int maxMessageBytes,
    String index)
    implements Serializable {

  private static final Pattern TOPIC = Pattern.compile("projects/[^/\\s]+/topics/[^/\\s]+");
  private static final Pattern SUBSCRIPTION =
      Pattern.compile("projects/[^/\\s]+/subscriptions/[^/\\s]+");

  public static StreamSettings from(StreamOptions o) {
    String subscription = blankToNull(o.getInputSubscription());
    String topic = blankToNull(o.getInputTopic());
    if ((subscription == null) == (topic == null)) {
      throw new UsageException("give exactly one of --inputSubscription and --inputTopic");
    }
    if (subscription != null) {
      check(
          SUBSCRIPTION, subscription, "--inputSubscription", "projects/PROJECT/subscriptions/NAME");
    }
    if (topic != null) {
      check(TOPIC, topic, "--inputTopic", "projects/PROJECT/topics/NAME");
    }
    check(TOPIC, o.getOutputTopic(), "--outputTopic", "projects/PROJECT/topics/NAME");
    check(TOPIC, o.getDeadLetterTopic(), "--deadLetterTopic", "projects/PROJECT/topics/NAME");
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
        subscription,
        topic,
        o.getOutputTopic(),
        o.getDeadLetterTopic(),
        blankToNull(o.getOutput()),
        o.getWindowMinutes(),
        retention,
        o.getMaxMessageBytes(),
        index);
  }

  /** How long the stream index keeps an article when --indexRetention is not given. */
  public static final String DEFAULT_RETENTION = "7d";

  private static void check(Pattern p, String value, String option, String form) {
    if (value == null || !p.matcher(value).matches()) {
      throw new UsageException(option + " must look like " + form + ": " + value);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
