package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.settings.MatchingSettings;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The stream job without its ends ({@link StreamEnds}: Pub/Sub or Kafka): messages in; {@link
 * #DECISIONS} and {@link #DEAD_LETTERS} out.
 *
 * <pre>
 * messages ─ FingerprintMessages ─ IndexArticles (one key, stateful) ─ decisions
 *                  │ (parse, clean, shingle,     │ (duplicate_id,
 *                  │  MinHash: in parallel)       │  processing_error)
 *                  └──────────── dead letters ────┘
 * </pre>
 */
public final class StreamDedup extends PTransform<PCollection<PubsubMessage>, PCollectionTuple> {

  public static final TupleTag<Decision> DECISIONS = IndexArticles.DECISIONS;
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private final MatchingSettings settings;
  private final Retention retention;
  private final int maxMessageBytes;
  private final String seedIndex;

  private StreamDedup(
      MatchingSettings settings, Retention retention, int maxMessageBytes, String seedIndex) {
    this.settings = settings;
    this.retention = retention;
    this.maxMessageBytes = maxMessageBytes;
    this.seedIndex = seedIndex;
  }

  public static StreamDedup with(StreamSettings s) {
    return new StreamDedup(s.matching(), s.retention(), s.maxMessageBytes(), s.index());
  }

  public static StreamDedup with(
      MatchingSettings settings, Retention retention, int maxMessageBytes) {
    return new StreamDedup(settings, retention, maxMessageBytes, null);
  }

  /** Starting from what a batch run's index directory knows (see {@link IndexArticles}). */
  public StreamDedup seededFrom(String batchIndex) {
    return new StreamDedup(settings, retention, maxMessageBytes, batchIndex);
  }

  @Override
  public PCollectionTuple expand(PCollection<PubsubMessage> messages) {
    PCollectionTuple parsed =
        messages.apply("FingerprintMessages", FingerprintMessages.with(settings, maxMessageBytes));
    PCollectionTuple indexed =
        parsed
            .get(FingerprintMessages.ARRIVALS)
            .apply("IndexArticles", IndexArticles.with(settings, retention).seededFrom(seedIndex));
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(parsed.get(FingerprintMessages.REJECTED))
            .and(indexed.get(IndexArticles.REJECTED))
            .apply("AllDeadLetters", Flatten.pCollections())
            .setCoder(DeadLetter.DeadLetterCoder.of());
    return PCollectionTuple.of(DECISIONS, indexed.get(IndexArticles.DECISIONS))
        .and(DEAD_LETTERS, deadLetters);
  }
}
