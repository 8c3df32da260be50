package io.newsdedup.pipeline.stream;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
import io.newsdedup.core.article.Timestamps;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.fingerprint.Fingerprinting;
import io.newsdedup.core.index.Arrival;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.fingerprint.FingerprintArticles;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Turns one message (from Pub/Sub, or a Kafka record: {@link KafkaEnds}) into an {@link Arrival}
 * (parsed with the batch's JSON contract, {@link ArticleParser#parseJsonLine}, and fingerprinted
 * exactly as batch does with corpus-learned boilerplate off) or a {@link DeadLetter}. Never throws.
 *
 * <ul>
 *   <li>A payload larger than {@code maxMessageBytes} is {@code too_large} (not parsed).
 *   <li>The payload is UTF-8 (malformed bytes become U+FFFD, as batch reads files).
 *   <li>Attributes {@code id} and {@code published_at} override the JSON's fields when they are
 *       non-blank; a {@code published_at} attribute that does not parse is ignored (the JSON's
 *       value stays).
 *   <li>An id longer than 1024 bytes is {@code invalid_field}: it could not be the decision's
 *       {@code id} attribute (Pub/Sub's limit).
 *   <li>Event time: {@code published_at} when present, parseable and not after the publish time;
 *       else the publish time (a {@code published_at} in the future is a clock or time-zone error).
 * </ul>
 */
public final class MessageParser implements Serializable {
  public static final int MAX_ID_BYTES = 1024;
  public static final String ID_ATTRIBUTE = "id";
  public static final String PUBLISHED_AT_ATTRIBUTE = "published_at";

  /** Where an arrival's event time came from. */
  public enum EventTime {
    PUBLISHED_AT,
    PUBLISH_TIME_NO_PUBLISHED_AT,
    PUBLISH_TIME_FUTURE_PUBLISHED_AT
  }

  /**
   * Exactly one of {@code arrival} and {@code deadLetter} is set.
   *
   * @param badPublishedAtAttribute a {@code published_at} attribute was present but unparseable
   */
  public record Result(
      Arrival arrival,
      DeadLetter deadLetter,
      EventTime eventTime,
      boolean badPublishedAtAttribute) {}

  private final MatchingSettings settings;
  private final int maxMessageBytes;
  private transient Fingerprinting fingerprinting;

  public MessageParser(MatchingSettings settings, int maxMessageBytes) {
    this.settings = settings;
    this.maxMessageBytes = maxMessageBytes;
  }

  public Result parse(
      byte[] payload, Map<String, String> attributes, String messageId, long publishTimeMillis) {
    Map<String, String> attrs = attributes == null ? Map.of() : attributes;
    String mid = messageId == null ? "" : messageId;
    try {
      return parseOrReject(payload == null ? new byte[0] : payload, attrs, mid, publishTimeMillis);
    } catch (RuntimeException e) {
      return rejected(mid, Reasons.PROCESSING_ERROR, String.valueOf(e), payload, attrs);
    }
  }

  private Result parseOrReject(
      byte[] payload, Map<String, String> attrs, String messageId, long publishTime) {
    if (payload.length > maxMessageBytes) {
      return rejected(
          messageId,
          DeadLetter.TOO_LARGE,
          "the message has "
              + payload.length
              + " bytes, more than --maxMessageBytes="
              + maxMessageBytes,
          payload,
          attrs);
    }
    ArticleParser.Parsed p =
        ArticleParser.parseJsonLine(utf8(payload, payload.length), Origin.ofMessage(messageId));
    if (p.rejection() != null) {
      Rejection r = p.rejection();
      return new Result(
          null, DeadLetter.of(messageId, r.reason(), r.message(), r.raw(), attrs), null, false);
    }
    Article a = p.article();
    String id = a.id();
    String idAttribute = attrs.get(ID_ATTRIBUTE);
    if (idAttribute != null && !idAttribute.isBlank()) {
      id = idAttribute.trim();
    }
    if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      return rejected(
          messageId,
          Reasons.INVALID_FIELD,
          "the id has more than "
              + MAX_ID_BYTES
              + " bytes (it could not be a Pub/Sub attribute of the decision)",
          payload,
          attrs);
    }
    Instant published = a.publishedAt();
    boolean badAttribute = false;
    String publishedAttribute = attrs.get(PUBLISHED_AT_ATTRIBUTE);
    if (publishedAttribute != null && !publishedAttribute.isBlank()) {
      Instant t = Timestamps.parse(publishedAttribute);
      if (t == null) {
        badAttribute = true;
      } else {
        published = t;
      }
    }
    Article article =
        new Article(id, a.url(), a.source(), a.title(), a.body(), published, a.origin());
    Fingerprint f = fingerprint(article);
    EventTime source;
    long eventTime;
    if (published == null) {
      source = EventTime.PUBLISH_TIME_NO_PUBLISHED_AT;
      eventTime = publishTime;
    } else if (published.toEpochMilli() > publishTime) {
      source = EventTime.PUBLISH_TIME_FUTURE_PUBLISHED_AT;
      eventTime = publishTime;
    } else {
      source = EventTime.PUBLISHED_AT;
      eventTime = Math.max(published.toEpochMilli(), MIN_EVENT_TIME);
    }
    Arrival arrival =
        new Arrival(
            f, messageId, Arrival.contentHash(article), eventTime, utf8(payload, RAW_BYTES), attrs);
    return new Result(arrival, null, source, badAttribute);
  }

  /** The earliest event time Beam accepts (an article dated year -290,000 is simply very old). */
  private static final long MIN_EVENT_TIME =
      org.apache.beam.sdk.transforms.windowing.BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();

  /** Cleaning, shingling and MinHash as in batch ({@link FingerprintArticles}), nothing learned. */
  public Fingerprint fingerprint(Article a) {
    if (fingerprinting == null) {
      fingerprinting = settings.fingerprinting();
    }
    return fingerprinting.of(a);
  }

  /** Enough bytes for {@link Rejection#MAX_RAW_CHARS} characters of any UTF-8 text. */
  private static final int RAW_BYTES = 4 * Rejection.MAX_RAW_CHARS + 3;

  private static Result rejected(
      String messageId, String reason, String message, byte[] payload, Map<String, String> attrs) {
    String raw = utf8(payload == null ? new byte[0] : payload, RAW_BYTES);
    return new Result(null, DeadLetter.of(messageId, reason, message, raw, attrs), null, false);
  }

  /** The first {@code maxBytes} bytes as UTF-8 text, malformed input replaced. */
  static String utf8(byte[] payload, int maxBytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer chars =
          decoder.decode(ByteBuffer.wrap(payload, 0, Math.min(maxBytes, payload.length)));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
  }
}
