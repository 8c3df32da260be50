package io.newsdedup.pipeline.stream;

import io.newsdedup.pipeline.coders.Codec;
import io.newsdedup.pipeline.fingerprint.Fingerprint;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

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
@DefaultCoder(Arrival.ArrivalCoder.class)
public record Arrival(
    Fingerprint fingerprint,
    String messageId,
    long contentHash,
    long eventTimeMillis,
    String raw,
    Map<String, String> attributes) {

  public String id() {
    return fingerprint.id();
  }

  /** What the index keeps of it. */
  public Arrival stored() {
    return new Arrival(fingerprint, messageId, contentHash, eventTimeMillis, null, Map.of());
  }

  public static final class ArrivalCoder extends Codec<Arrival> {
    public static ArrivalCoder of() {
      return new ArrivalCoder();
    }

    /** Lets {@code @DefaultCoder} find this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Arrival.class), of());
    }

    @Override
    protected void write(Arrival a, DataOutputStream out) throws IOException {
      Fingerprint.FingerprintCoder.of().encode(a.fingerprint(), out);
      writeString(a.messageId(), out);
      out.writeLong(a.contentHash());
      out.writeLong(a.eventTimeMillis());
      writeString(a.raw(), out);
      writeAttributes(a.attributes(), out);
    }

    @Override
    protected Arrival read(DataInputStream in) throws IOException {
      return new Arrival(
          Fingerprint.FingerprintCoder.of().decode(in),
          readString(in),
          in.readLong(),
          in.readLong(),
          readString(in),
          readAttributes(in));
    }
  }

  static void writeAttributes(Map<String, String> m, DataOutputStream out) throws IOException {
    Map<String, String> sorted = m == null ? Map.of() : new TreeMap<>(m);
    Codec.writeVarInt(sorted.size(), out);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      Codec.writeString(e.getKey(), out);
      Codec.writeString(e.getValue(), out);
    }
  }

  static Map<String, String> readAttributes(DataInputStream in) throws IOException {
    int n = Codec.readVarInt(in);
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      m.put(Codec.readString(in), Codec.readString(in));
    }
    return m;
  }
}
