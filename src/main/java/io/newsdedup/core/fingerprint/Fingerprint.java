package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.cluster.Member;
import io.newsdedup.core.story.Sentences;
import io.newsdedup.pipeline.coders.Codec;
import io.newsdedup.pipeline.coders.CoreCoders;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * A fingerprinted article: its facts, sorted distinct shingle hashes, MinHash signature (empty when
 * the cleaned text has no token) and its sentences and numbers ({@link Sentences}).
 */
@DefaultCoder(Fingerprint.FingerprintCoder.class)
public record Fingerprint(
    ArticleFacts facts, long[] shingles, long[] signature, Sentences sentences) {

  public Fingerprint {
    sentences = sentences == null ? Sentences.NONE : sentences;
  }

  /** A fingerprint without sentences. */
  public Fingerprint(ArticleFacts facts, long[] shingles, long[] signature) {
    this(facts, shingles, signature, Sentences.NONE);
  }

  public String id() {
    return facts.id();
  }

  public boolean isEmpty() {
    return shingles.length == 0;
  }

  public Member member() {
    return new Member(facts, shingles, sentences);
  }

  public static final class FingerprintCoder extends Codec<Fingerprint> {
    public static FingerprintCoder of() {
      return new FingerprintCoder();
    }

    /** Lets {@code @DefaultCoder} find this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Fingerprint.class), of());
    }

    @Override
    protected void write(Fingerprint f, DataOutputStream out) throws IOException {
      CoreCoders.FactsCoder.INSTANCE.encode(f.facts(), out);
      writeLongs(f.shingles(), out);
      writeLongs(f.signature(), out);
      CoreCoders.SentencesCoder.INSTANCE.encode(f.sentences(), out);
    }

    @Override
    protected Fingerprint read(DataInputStream in) throws IOException {
      return new Fingerprint(
          CoreCoders.FactsCoder.INSTANCE.decode(in),
          readLongs(in),
          readLongs(in),
          CoreCoders.SentencesCoder.INSTANCE.decode(in));
    }
  }
}
