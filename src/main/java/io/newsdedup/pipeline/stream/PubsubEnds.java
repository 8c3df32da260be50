package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Decision;
import io.newsdedup.pipeline.options.UsageException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Pub/Sub ends: articles from {@code --inputSubscription} or {@code --inputTopic}, decisions to
 * {@code --outputTopic} (attributes {@code id} and {@code status}), dead letters to {@code
 * --deadLetterTopic} (attributes {@code message_id} and {@code reason}). The message id is
 * Pub/Sub's.
 *
 * @param inputSubscription the subscription to read, or null when reading {@code inputTopic}
 */
public record PubsubEnds(
    String inputSubscription, String inputTopic, String outputTopic, String deadLetterTopic)
    implements StreamEnds {

  private static final Pattern TOPIC = Pattern.compile("projects/[^/\\s]+/topics/[^/\\s]+");
  private static final Pattern SUBSCRIPTION =
      Pattern.compile("projects/[^/\\s]+/subscriptions/[^/\\s]+");

  /** Whether any Pub/Sub end is given. */
  static boolean configured(StreamOptions o) {
    return blankToNull(o.getInputSubscription()) != null
        || blankToNull(o.getInputTopic()) != null
        || blankToNull(o.getOutputTopic()) != null
        || blankToNull(o.getDeadLetterTopic()) != null;
  }

  static PubsubEnds from(StreamOptions o) {
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
    String output = blankToNull(o.getOutputTopic());
    String deadLetters = blankToNull(o.getDeadLetterTopic());
    check(TOPIC, output, "--outputTopic", "projects/PROJECT/topics/NAME");
    check(TOPIC, deadLetters, "--deadLetterTopic", "projects/PROJECT/topics/NAME");
    return new PubsubEnds(subscription, topic, output, deadLetters);
  }

  @Override
  public PCollection<PubsubMessage> read(Pipeline p) {
    PubsubIO.Read<PubsubMessage> read = PubsubIO.readMessagesWithAttributesAndMessageId();
    read =
        inputSubscription != null
            ? read.fromSubscription(inputSubscription)
            : read.fromTopic(inputTopic);
    return p.apply("ReadArticles", read);
  }

  @Override
  public void writeDecisions(PCollection<Decision> decisions) {
    decisions
        .apply("DecisionMessages", ParDo.of(new DecisionMessageFn()))
        .setCoder(PubsubMessageWithAttributesCoder.of())
        .apply("PublishDecisions", PubsubIO.writeMessages().to(outputTopic));
  }

  @Override
  public void writeDeadLetters(PCollection<DeadLetter> deadLetters) {
    deadLetters
        .apply("DeadLetterMessages", ParDo.of(new DeadLetterMessageFn()))
        .setCoder(PubsubMessageWithAttributesCoder.of())
        .apply("PublishDeadLetters", PubsubIO.writeMessages().to(deadLetterTopic));
  }

  @Override
  public String describe() {
    return "reading "
        + (inputSubscription != null ? inputSubscription : inputTopic)
        + "; decisions -> "
        + outputTopic
        + "; dead letters -> "
        + deadLetterTopic;
  }

  /** One decision message: the JSON, attributes {@code id} and {@code status}. */
  static final class DecisionMessageFn extends DoFn<Decision, PubsubMessage> {
    @ProcessElement
    public void process(@Element Decision d, OutputReceiver<PubsubMessage> out) {
      out.output(
          new PubsubMessage(
              d.toJson().getBytes(StandardCharsets.UTF_8),
              Map.of("id", d.id(), "status", d.status())));
    }
  }

  /** One dead-letter message: the JSON, attributes {@code message_id} and {@code reason}. */
  static final class DeadLetterMessageFn extends DoFn<DeadLetter, PubsubMessage> {
    @ProcessElement
    public void process(@Element DeadLetter d, OutputReceiver<PubsubMessage> out) {
      out.output(
          new PubsubMessage(
              d.toJson().getBytes(StandardCharsets.UTF_8),
              Map.of(
                  "message_id", d.messageId() == null ? "" : d.messageId(), "reason", d.reason())));
    }
  }

  private static void check(Pattern p, String value, String option, String form) {
    if (value == null) {
      throw new UsageException("missing " + option + " (" + form + ")");
    }
    if (!p.matcher(value).matches()) {
      throw new UsageException(option + " must look like " + form + ": " + value);
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
