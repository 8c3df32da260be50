package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Decision;
import io.newsdedup.pipeline.options.UsageException;
import java.io.Serializable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.values.PCollection;

/**
 * Where a stream job reads its articles and writes its decisions and dead letters: Pub/Sub ({@link
 * PubsubEnds}) or Kafka ({@link KafkaEnds}), in and out alike. The job between them ({@link
 * StreamDedup}) is the same for both: a source only has to give it messages.
 *
 * <p>The message type is Beam's {@link PubsubMessage} whatever the source: a payload, attributes
 * and a message id (the message's origin in dead letters), at its publish time (the element's
 * timestamp). Kafka records are mapped onto it by {@link KafkaEnds}.
 */
public sealed interface StreamEnds extends Serializable permits PubsubEnds, KafkaEnds {

  /** The source's messages, one article each, timestamped with their publish time. */
  PCollection<PubsubMessage> read(Pipeline p);

  /** Publishes one message per decision. */
  void writeDecisions(PCollection<Decision> decisions);

  /** Publishes one message per dead letter. */
  void writeDeadLetters(PCollection<DeadLetter> deadLetters);

  /** What the job reads and where it writes, for the console: "reading X; decisions -> Y; ...". */
  String describe();

  /**
   * The ends the options configure: exactly one of Pub/Sub and Kafka, each validated by its own
   * class.
   */
  static StreamEnds from(StreamOptions o) {
    boolean pubsub = PubsubEnds.configured(o);
    boolean kafka = KafkaEnds.configured(o);
    if (pubsub && kafka) {
      throw new UsageException(
          "give either the Pub/Sub options (--inputSubscription or --inputTopic, --outputTopic,"
              + " --deadLetterTopic) or the Kafka ones (--kafkaBootstrapServers,"
              + " --kafkaInputTopic, --kafkaOutputTopic, --kafkaDeadLetterTopic), not both");
    }
    if (!pubsub && !kafka) {
      throw new UsageException(
          "give an input: exactly one of --inputSubscription and --inputTopic (Pub/Sub), or"
              + " --kafkaBootstrapServers and --kafkaInputTopic (Kafka)");
    }
    return pubsub ? PubsubEnds.from(o) : KafkaEnds.from(o);
  }
}
