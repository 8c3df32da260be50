package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Decision;
import java.io.Serializable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.values.PCollection;

/**
 * Where a stream job reads its articles and writes its decisions and dead letters ({@link
 * PubsubEnds}). The job between them ({@link StreamDedup}) does not depend on them: a source only
 * has to give it messages.
 *
 * <p>The message type is Beam's {@link PubsubMessage} whatever the source: a payload, attributes
 * and a message id (the message's origin in dead letters), at its publish time (the element's
 * timestamp).
 */
public sealed interface StreamEnds extends Serializable permits PubsubEnds {

  /** The source's messages, one article each, timestamped with their publish time. */
  PCollection<PubsubMessage> read(Pipeline p);

  /** Publishes one message per decision. */
  void writeDecisions(PCollection<Decision> decisions);

  /** Publishes one message per dead letter. */
  void writeDeadLetters(PCollection<DeadLetter> deadLetters);

  /** What the job reads and where it writes, for the console: "reading X; decisions -> Y; ...". */
  String describe();

  /** The ends the options configure, validated by their own class. */
  static StreamEnds from(StreamOptions o) {
    return PubsubEnds.from(o);
  }
}
