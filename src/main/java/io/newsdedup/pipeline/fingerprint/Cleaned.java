package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.article.Origin;
import io.newsdedup.pipeline.coders.Codec;
import io.newsdedup.pipeline.coders.CoreCoders;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * An article after rule-based cleaning: its metadata, the cleaned (case-folded) text and what the
 * cleaner noticed. The raw body is no longer needed downstream. {@code crawledAt}: when a crawler
 * captured it (an article read from a WARC file), else null.
 */
@DefaultCoder(Cleaned.CleanedCoder.class)
public record Cleaned(
    String id,
    String url,
    String source,
    String title,
    Instant publishedAt,
    Origin origin,
    String text,
    int markers,
    String wireAgency,
    boolean pointsToOriginal,
    long titleKey,
    boolean truncated,
    boolean fromIndex,
    String previousClusterId,
    Instant crawledAt) {

  /** With no crawl time (an article not read from a crawl archive). */
  public Cleaned(
      String id,
      String url,
      String source,
      String title,
      Instant publishedAt,
      Origin origin,
      String text,
      int markers,
      String wireAgency,
      boolean pointsToOriginal,
      long titleKey,
      boolean truncated,
      boolean fromIndex,
      String previousClusterId) {
    this(
        id,
        url,
        source,
        title,
        publishedAt,
        origin,
        text,
        markers,
        wireAgency,
        pointsToOriginal,
        titleKey,
        truncated,
        fromIndex,
        previousClusterId,
        null);
  }

  /** An article of this run's input, not indexed before. */
  public Cleaned(
      String id,
      String url,
      String source,
      String title,
      Instant publishedAt,
      Origin origin,
      String text,
      int markers,
      String wireAgency,
      boolean pointsToOriginal,
      long titleKey,
      boolean truncated) {
    this(
        id,
        url,
        source,
        title,
        publishedAt,
        origin,
        text,
        markers,
        wireAgency,
        pointsToOriginal,
        titleKey,
        truncated,
        false,
        null);
  }

  public Cleaned withPrevious(String clusterId) {
    return new Cleaned(
        id,
        url,
        source,
        title,
        publishedAt,
        origin,
        text,
        markers,
        wireAgency,
        pointsToOriginal,
        titleKey,
        truncated,
        fromIndex,
        clusterId,
        crawledAt);
  }

  public static final class CleanedCoder extends Codec<Cleaned> {
    public static CleanedCoder of() {
      return new CleanedCoder();
    }

    /** Lets {@code @DefaultCoder} find this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Cleaned.class), of());
    }

    @Override
    protected void write(Cleaned c, DataOutputStream out) throws IOException {
      writeString(c.id(), out);
      writeString(c.url(), out);
      writeString(c.source(), out);
      writeString(c.title(), out);
      writeInstant(c.publishedAt(), out);
      CoreCoders.OriginCoder.INSTANCE.encode(c.origin(), out);
      writeString(c.text(), out);
      writeVarInt(c.markers(), out);
      writeString(c.wireAgency(), out);
      out.writeBoolean(c.pointsToOriginal());
      out.writeLong(c.titleKey());
      out.writeBoolean(c.truncated());
      out.writeBoolean(c.fromIndex());
      writeString(c.previousClusterId(), out);
      writeInstant(c.crawledAt(), out);
    }

    @Override
    protected Cleaned read(DataInputStream in) throws IOException {
      return new Cleaned(
          readString(in),
          readString(in),
          readString(in),
          readString(in),
          readInstant(in),
          CoreCoders.OriginCoder.INSTANCE.decode(in),
          readString(in),
          readVarInt(in),
          readString(in),
          in.readBoolean(),
          in.readLong(),
          in.readBoolean(),
          in.readBoolean(),
          readString(in),
          readInstant(in));
    }
  }
}
