package io.newsdedup.core.index;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.fingerprint.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * One article as it reaches the index: fingerprinted exactly as batch fingerprints it, with what
 * the stream adds. The index stores it as its entry for the article, without {@code raw} and {@code
 * attributes} (kept only to dead-letter a {@code duplicate_id}).
 *
 * @param messageId the Pub/Sub message id it came in
 * @param contentHash SHA-256 (first 8 bytes) of the article as parsed: id, url, source, title, text
 *     and published_at; two deliveries with the same id and hash are the same article
 * @param eventTimeMillis its event time: {@code published_at}, else the publish time
 * @param raw the payload's first 4 KB; null once indexed
 * @param attributes the message attributes; empty once indexed
 */
public record Arrival(
    Fingerprint fingerprint,
    String messageId,
    long contentHash,
    long eventTimeMillis,
    String raw,
    Map<String, String> attributes) {

  /**
   * The content hash of an article seeded from a batch index ({@link StreamIndex#seed}), whose
   * original text the index does not hold: a message of the same id is taken for another delivery
   * of it.
   */
  public static final long SEEDED = 0L;

  public String id() {
    return fingerprint.id();
  }

  /** Whether it came from a batch index rather than a message. */
  public boolean seeded() {
    return contentHash == SEEDED;
  }

  /** What the index keeps of it. */
  public Arrival stored() {
    return new Arrival(fingerprint, messageId, contentHash, eventTimeMillis, null, Map.of());
  }

  /**
   * SHA-256 (first 8 bytes) of the article's id, url, source, title, text and published_at: equal
   * for two deliveries of the same article, whatever the JSON's key order or unknown fields.
   */
  public static long contentHash(Article a) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String s :
          new String[] {
            a.id(),
            a.url(),
            a.source(),
            a.title(),
            a.body(),
            a.publishedAt() == null ? null : a.publishedAt().toString()
          }) {
        d.update(s == null ? new byte[] {1} : ("\0" + s).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
      return ByteBuffer.wrap(d.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
