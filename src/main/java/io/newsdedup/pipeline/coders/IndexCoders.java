package io.newsdedup.pipeline.coders;

import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.index.Arrival;
import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.IndexValues.AnchorRef;
import io.newsdedup.core.index.IndexValues.Assignment;
import io.newsdedup.core.index.IndexValues.ClusterInfo;
import io.newsdedup.core.index.IndexValues.Meta;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;

/**
 * Coders for the stream index's values ({@link io.newsdedup.core.index}): the arrivals and
 * decisions that flow between the stream's stages, and the values its state holds. A change to any
 * of them changes the state's bytes: a job restarted from a savepoint taken before it cannot read
 * its state.
 */
public final class IndexCoders {
  private IndexCoders() {}

  /** Registers the coders of the values that flow in PCollections. */
  public static void registerAll(Pipeline p) {
    CoderRegistry r = p.getCoderRegistry();
    r.registerCoderForClass(Arrival.class, ArrivalCoder.of());
    r.registerCoderForClass(Decision.class, DecisionCoder.of());
  }

  public static final class ArrivalCoder extends Codec<Arrival> {
    public static ArrivalCoder of() {
      return new ArrivalCoder();
    }

    @Override
    protected void write(Arrival a, DataOutputStream out) throws IOException {
      CoreCoders.FingerprintCoder.of().encode(a.fingerprint(), out);
      writeString(a.messageId(), out);
      out.writeLong(a.contentHash());
      out.writeLong(a.eventTimeMillis());
      writeString(a.raw(), out);
      writeStringMap(a.attributes(), out);
    }

    @Override
    protected Arrival read(DataInputStream in) throws IOException {
      return new Arrival(
          CoreCoders.FingerprintCoder.of().decode(in),
          readString(in),
          in.readLong(),
          in.readLong(),
          readString(in),
          readStringMap(in));
    }
  }

  public static final class DecisionCoder extends Codec<Decision> {
    public static DecisionCoder of() {
      return new DecisionCoder();
    }

    @Override
    protected void write(Decision d, DataOutputStream out) throws IOException {
      writeString(d.id(), out);
      writeString(d.status(), out);
      writeString(d.clusterId(), out);
      writeString(d.canonicalId(), out);
      out.writeBoolean(d.isCanonical());
      out.writeDouble(d.jaccard());
      out.writeDouble(d.containment());
      out.writeByte(d.lowContentReason() == null ? 0 : 1 + d.lowContentReason().ordinal());
      out.writeLong(d.eventTimeMillis());
      out.writeLong(d.decidedAtMillis());
      writeVarLong(d.seq(), out);
      out.writeBoolean(d.indexed());
      writeString(d.previousClusterId(), out);
      writeString(d.previousCanonicalId(), out);
    }

    @Override
    protected Decision read(DataInputStream in) throws IOException {
      return new Decision(
          readString(in),
          readString(in),
          readString(in),
          readString(in),
          in.readBoolean(),
          in.readDouble(),
          in.readDouble(),
          lowContent(in.readByte()),
          in.readLong(),
          in.readLong(),
          readVarLong(in),
          in.readBoolean(),
          readString(in),
          readString(in));
    }

    private static LowContent lowContent(int b) {
      return b == 0 ? null : LowContent.values()[b - 1];
    }
  }

  public static final class AssignmentCoder extends Codec<Assignment> {
    public static final AssignmentCoder INSTANCE = new AssignmentCoder();

    @Override
    protected void write(Assignment a, DataOutputStream out) throws IOException {
      writeString(a.clusterId(), out);
      writeString(a.canonicalId(), out);
      out.writeBoolean(a.isCanonical());
      out.writeDouble(a.jaccard());
      out.writeDouble(a.containment());
    }

    @Override
    protected Assignment read(DataInputStream in) throws IOException {
      return new Assignment(
          readString(in), readString(in), in.readBoolean(), in.readDouble(), in.readDouble());
    }
  }

  public static final class ClusterInfoCoder extends Codec<ClusterInfo> {
    public static final ClusterInfoCoder INSTANCE = new ClusterInfoCoder();

    @Override
    protected void write(ClusterInfo c, DataOutputStream out) throws IOException {
      writeVarLong(c.createdSeq(), out);
      writeString(c.canonicalId(), out);
      writeVarInt(c.size(), out);
    }

    @Override
    protected ClusterInfo read(DataInputStream in) throws IOException {
      return new ClusterInfo(readVarLong(in), readString(in), readVarInt(in));
    }
  }

  /** A sorted list of ids (a posting list or an adjacency list). */
  public static final class IdsCoder extends Codec<List<String>> {
    public static final IdsCoder INSTANCE = new IdsCoder();

    @Override
    protected void write(List<String> ids, DataOutputStream out) throws IOException {
      writeVarInt(ids.size(), out);
      for (String id : ids) {
        writeString(id, out);
      }
    }

    @Override
    protected List<String> read(DataInputStream in) throws IOException {
      int n = readVarInt(in);
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(readString(in));
      }
      return List.copyOf(ids);
    }
  }

  public static final class AnchorRefsCoder extends Codec<List<AnchorRef>> {
    public static final AnchorRefsCoder INSTANCE = new AnchorRefsCoder();

    @Override
    protected void write(List<AnchorRef> refs, DataOutputStream out) throws IOException {
      writeVarInt(refs.size(), out);
      for (AnchorRef r : refs) {
        writeString(r.id(), out);
        writeVarInt(r.role(), out);
      }
    }

    @Override
    protected List<AnchorRef> read(DataInputStream in) throws IOException {
      int n = readVarInt(in);
      List<AnchorRef> refs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        refs.add(new AnchorRef(readString(in), readVarInt(in)));
      }
      return List.copyOf(refs);
    }
  }

  public static final class MetaCoder extends Codec<Meta> {
    public static final MetaCoder INSTANCE = new MetaCoder();

    @Override
    protected void write(Meta m, DataOutputStream out) throws IOException {
      writeVarLong(m.clusterSeq(), out);
      writeVarLong(m.decisionSeq(), out);
      out.writeLong(m.horizon());
      out.writeLong(m.timerAt());
      writeVarLong(m.size(), out);
    }

    @Override
    protected Meta read(DataInputStream in) throws IOException {
      return new Meta(
          readVarLong(in), readVarLong(in), in.readLong(), in.readLong(), readVarLong(in));
    }
  }
}
