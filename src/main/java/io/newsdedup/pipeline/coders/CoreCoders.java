package io.newsdedup.pipeline.coders;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Capture;
import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.cluster.Member;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.story.Sentences;
import io.newsdedup.core.story.StoryEvidence;
import io.newsdedup.core.verify.Similarity;
import io.newsdedup.core.verify.Sketch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;

/** Coders for the core's value types, which know nothing of Beam. */
public final class CoreCoders {
  private CoreCoders() {}

  /** Registers every coder below with the pipeline's registry. */
  public static void registerAll(Pipeline p) {
    CoderRegistry r = p.getCoderRegistry();
    r.registerCoderForClass(Origin.class, OriginCoder.INSTANCE);
    r.registerCoderForClass(Article.class, ArticleCoder.INSTANCE);
    r.registerCoderForClass(Rejection.class, RejectionCoder.INSTANCE);
    r.registerCoderForClass(ArticleFacts.class, FactsCoder.INSTANCE);
    r.registerCoderForClass(Member.class, MemberCoder.INSTANCE);
    r.registerCoderForClass(Cluster.class, ClusterCoder.INSTANCE);
    r.registerCoderForClass(Cleaned.class, CleanedCoder.of());
    r.registerCoderForClass(Fingerprint.class, FingerprintCoder.of());
    r.registerCoderForClass(Sketch.class, SketchCoder.of());
    IndexCoders.registerAll(p);
  }

  public static final class OriginCoder extends Codec<Origin> {
    public static final OriginCoder INSTANCE = new OriginCoder();

    @Override
    protected void write(Origin o, DataOutputStream out) throws IOException {
      writeString(o.file(), out);
      writeVarLong(o.line(), out);
      writeString(o.messageId(), out);
      writeVarLong(o.offset() + 1, out); // -1 (no offset) in one byte
      writeVarLong(o.inMember(), out);
    }

    @Override
    protected Origin read(DataInputStream in) throws IOException {
      return new Origin(
          readString(in), readVarLong(in), readString(in), readVarLong(in) - 1, readVarLong(in));
    }
  }

  public static final class ArticleCoder extends Codec<Article> {
    public static final ArticleCoder INSTANCE = new ArticleCoder();

    @Override
    protected void write(Article a, DataOutputStream out) throws IOException {
      writeString(a.id(), out);
      writeString(a.url(), out);
      writeString(a.source(), out);
      writeString(a.title(), out);
      writeString(a.body(), out);
      writeInstant(a.publishedAt(), out);
      writeInstant(a.crawledAt(), out);
      if (a.capture() != null) {
        out.writeBoolean(a.capture().complete());
      }
      OriginCoder.INSTANCE.write(a.origin(), out);
    }

    @Override
    protected Article read(DataInputStream in) throws IOException {
      String id = readString(in);
      String url = readString(in);
      String source = readString(in);
      String title = readString(in);
      String body = readString(in);
      Instant published = readInstant(in);
      Instant crawled = readInstant(in);
      Capture capture = crawled == null ? null : new Capture(crawled, in.readBoolean());
      return new Article(
          id, url, source, title, body, published, capture, OriginCoder.INSTANCE.read(in));
    }
  }

  public static final class RejectionCoder extends Codec<Rejection> {
    public static final RejectionCoder INSTANCE = new RejectionCoder();

    @Override
    protected void write(Rejection r, DataOutputStream out) throws IOException {
      OriginCoder.INSTANCE.write(r.origin(), out);
      writeString(r.reason(), out);
      writeString(r.message(), out);
      writeString(r.raw(), out);
    }

    @Override
    protected Rejection read(DataInputStream in) throws IOException {
      return new Rejection(
          OriginCoder.INSTANCE.read(in), readString(in), readString(in), readString(in));
    }
  }

  public static final class FactsCoder extends Codec<ArticleFacts> {
    public static final FactsCoder INSTANCE = new FactsCoder();

    @Override
    protected void write(ArticleFacts f, DataOutputStream out) throws IOException {
      writeString(f.id(), out);
      writeString(f.url(), out);
      writeString(f.source(), out);
      writeString(f.title(), out);
      writeInstant(f.publishedAt(), out);
      OriginCoder.INSTANCE.write(f.origin(), out);
      writeVarInt(f.shingleCount(), out);
      writeVarInt(f.boilerplateMarkers(), out);
      writeString(f.wireAgency(), out);
      out.writeBoolean(f.pointsToOriginal());
      out.writeLong(f.titleKey());
      out.writeByte(f.lowContentReason() == null ? 0 : 1 + f.lowContentReason().ordinal());
      out.writeBoolean(f.truncated());
      out.writeBoolean(f.fromIndex());
      writeString(f.previousClusterId(), out);
      writeLongs(f.story().headline(), out);
      writeLongs(f.story().sample(), out);
      writeInstant(f.crawledAt(), out);
    }

    @Override
    protected ArticleFacts read(DataInputStream in) throws IOException {
      return new ArticleFacts(
          readString(in),
          readString(in),
          readString(in),
          readString(in),
          readInstant(in),
          OriginCoder.INSTANCE.read(in),
          readVarInt(in),
          readVarInt(in),
          readString(in),
          in.readBoolean(),
          in.readLong(),
          lowContent(in.readByte()),
          in.readBoolean(),
          in.readBoolean(),
          readString(in),
          story(readLongs(in), readLongs(in)),
          readInstant(in));
    }

    private static LowContent lowContent(int b) {
      return b == 0 ? null : LowContent.values()[b - 1];
    }

    private static StoryEvidence story(long[] headline, long[] sample) {
      return headline.length == 0 && sample.length == 0
          ? StoryEvidence.NONE
          : new StoryEvidence(headline, sample);
    }
  }

  public static final class MemberCoder extends Codec<Member> {
    public static final MemberCoder INSTANCE = new MemberCoder();

    @Override
    protected void write(Member m, DataOutputStream out) throws IOException {
      FactsCoder.INSTANCE.write(m.facts(), out);
      writeLongs(m.shingles(), out);
      SentencesCoder.INSTANCE.write(m.sentences(), out);
    }

    @Override
    protected Member read(DataInputStream in) throws IOException {
      return new Member(
          FactsCoder.INSTANCE.read(in), readLongs(in), SentencesCoder.INSTANCE.read(in));
    }
  }

  public static final class SentencesCoder extends Codec<Sentences> {
    public static final SentencesCoder INSTANCE = new SentencesCoder();

    @Override
    protected void write(Sentences s, DataOutputStream out) throws IOException {
      writeLongs(s.fingerprints(), out);
      writeLongs(s.numbers(), out);
    }

    @Override
    protected Sentences read(DataInputStream in) throws IOException {
      long[] fingerprints = readLongs(in);
      long[] numbers = readLongs(in);
      return fingerprints.length == 0 && numbers.length == 0
          ? Sentences.NONE
          : new Sentences(fingerprints, numbers);
    }
  }

  public static final class ClusterCoder extends Codec<Cluster> {
    public static final ClusterCoder INSTANCE = new ClusterCoder();

    @Override
    protected void write(Cluster c, DataOutputStream out) throws IOException {
      writeString(c.id(), out);
      writeString(c.canonicalReason(), out);
      writeVarInt(c.members().size(), out);
      for (ClusterMember m : c.members()) {
        FactsCoder.INSTANCE.write(m.facts(), out);
        out.writeBoolean(m.canonical());
        out.writeDouble(m.toCanonical().jaccard());
        out.writeDouble(m.toCanonical().containment());
        writeString(m.matchedVia(), out);
      }
    }

    @Override
    protected Cluster read(DataInputStream in) throws IOException {
      String id = readString(in);
      String reason = readString(in);
      int n = readVarInt(in);
      List<ClusterMember> members = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        members.add(
            new ClusterMember(
                FactsCoder.INSTANCE.read(in),
                in.readBoolean(),
                new Similarity(in.readDouble(), in.readDouble()),
                readString(in)));
      }
      return new Cluster(id, members.get(0).facts(), reason, List.copyOf(members));
    }
  }

  public static final class FingerprintCoder extends Codec<Fingerprint> {
    public static FingerprintCoder of() {
      return new FingerprintCoder();
    }

    @Override
    protected void write(Fingerprint f, DataOutputStream out) throws IOException {
      FactsCoder.INSTANCE.encode(f.facts(), out);
      writeLongs(f.shingles(), out);
      writeLongs(f.signature(), out);
      SentencesCoder.INSTANCE.encode(f.sentences(), out);
    }

    @Override
    protected Fingerprint read(DataInputStream in) throws IOException {
      return new Fingerprint(
          FactsCoder.INSTANCE.decode(in),
          readLongs(in),
          readLongs(in),
          SentencesCoder.INSTANCE.decode(in));
    }
  }

  public static final class SketchCoder extends Codec<Sketch> {
    public static SketchCoder of() {
      return new SketchCoder();
    }

    @Override
    protected void write(Sketch s, DataOutputStream out) throws IOException {
      writeString(s.id(), out);
      writeVarInt(s.shingleCount(), out);
      writeInts(s.signature(), out);
      out.writeLong(s.titleKey());
      out.writeBoolean(s.lowContent());
    }

    @Override
    protected Sketch read(DataInputStream in) throws IOException {
      return new Sketch(
          readString(in), readVarInt(in), readInts(in), in.readLong(), in.readBoolean());
    }
  }

  public static final class CleanedCoder extends Codec<Cleaned> {
    public static CleanedCoder of() {
      return new CleanedCoder();
    }

    @Override
    protected void write(Cleaned c, DataOutputStream out) throws IOException {
      writeString(c.id(), out);
      writeString(c.url(), out);
      writeString(c.source(), out);
      writeString(c.title(), out);
      writeInstant(c.publishedAt(), out);
      OriginCoder.INSTANCE.encode(c.origin(), out);
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
          OriginCoder.INSTANCE.decode(in),
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
