package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Arrival;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.coders.IndexCoders;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Parses and fingerprints each message ({@link MessageParser}): {@link #ARRIVALS} at their event
 * time, and {@link #REJECTED} for messages that cannot be used. Runs in parallel, before the
 * single-key index.
 *
 * <p>An arrival is re-timestamped to its event time, which is usually earlier than the message's
 * publish time (the element's timestamp from the source): that needs {@link
 * DoFn#getAllowedTimestampSkew()}, which is unbounded here. Such elements may be behind the
 * watermark ("late"); the index lives in the global window, so late articles are processed like any
 * other.
 */
public final class FingerprintMessages
    extends PTransform<PCollection<PubsubMessage>, PCollectionTuple> {

  public static final String NAMESPACE = "stream";
  public static final TupleTag<Arrival> ARRIVALS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> REJECTED = new TupleTag<>() {};

  private final MatchingSettings settings;
  private final int maxMessageBytes;

  private FingerprintMessages(MatchingSettings settings, int maxMessageBytes) {
    this.settings = settings;
    this.maxMessageBytes = maxMessageBytes;
  }

  public static FingerprintMessages with(MatchingSettings settings, int maxMessageBytes) {
    return new FingerprintMessages(settings, maxMessageBytes);
  }

  @Override
  public PCollectionTuple expand(PCollection<PubsubMessage> messages) {
    PCollectionTuple out =
        messages.apply(
            "ParseFingerprint",
            ParDo.of(new ParseFn(new MessageParser(settings, maxMessageBytes)))
                .withOutputTags(ARRIVALS, TupleTagList.of(REJECTED)));
    out.get(ARRIVALS).setCoder(IndexCoders.ArrivalCoder.of());
    out.get(REJECTED).setCoder(DeadLetter.DeadLetterCoder.of());
    return out;
  }

  static final class ParseFn extends DoFn<PubsubMessage, Arrival> {
    private final MessageParser parser;
    private final Counter read = Metrics.counter(NAMESPACE, "messages_read");
    private final Counter rejected = Metrics.counter(NAMESPACE, "messages_rejected");
    private final Counter fromPublishedAt = Metrics.counter(NAMESPACE, "event_time_published_at");
    private final Counter noPublishedAt =
        Metrics.counter(NAMESPACE, "event_time_publish_time_no_published_at");
    private final Counter futurePublishedAt =
        Metrics.counter(NAMESPACE, "event_time_publish_time_future_published_at");
    private final Counter badAttribute =
        Metrics.counter(NAMESPACE, "published_at_attribute_unparseable");
    private final Distribution bytes = Metrics.distribution(NAMESPACE, "message_bytes");

    ParseFn(MessageParser parser) {
      this.parser = parser;
    }

    @ProcessElement
    public void process(
        @Element PubsubMessage m, @Timestamp Instant publishTime, MultiOutputReceiver out) {
      read.inc();
      byte[] payload = m.getPayload();
      bytes.update(payload == null ? 0 : payload.length);
      MessageParser.Result r =
          parser.parse(payload, m.getAttributeMap(), m.getMessageId(), publishTime.getMillis());
      if (r.deadLetter() != null) {
        rejected.inc();
        Metrics.counter(NAMESPACE, "rejected_" + r.deadLetter().reason()).inc();
        out.get(REJECTED).output(r.deadLetter());
        return;
      }
      if (r.badPublishedAtAttribute()) {
        badAttribute.inc();
      }
      switch (r.eventTime()) {
        case PUBLISHED_AT -> fromPublishedAt.inc();
        case PUBLISH_TIME_NO_PUBLISHED_AT -> noPublishedAt.inc();
        case PUBLISH_TIME_FUTURE_PUBLISHED_AT -> futurePublishedAt.inc();
        default -> throw new IllegalStateException(String.valueOf(r.eventTime()));
      }
      out.get(ARRIVALS)
          .outputWithTimestamp(r.arrival(), new Instant(r.arrival().eventTimeMillis()));
    }

    /** Event times are published_at, usually before the publish time the element carries. */
    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }
}
