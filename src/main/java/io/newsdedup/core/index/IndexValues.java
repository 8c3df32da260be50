package io.newsdedup.pipeline.stream;

import io.newsdedup.pipeline.coders.Codec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The small values the stream index keeps besides the articles, with their coders. */
public final class IndexValues {
  private IndexValues() {}

  /**
   * The last decision emitted (or, after an expiry, silently recorded) for an article: its cluster,
   * canonical and exact similarity to that canonical (unrounded).
   */
  public record Assignment(
      String clusterId,
      String canonicalId,
      boolean isCanonical,
      double jaccard,
      double containment) {

    /** Whether downstream must hear about the change from {@code before} to this. */
    boolean movedFrom(Assignment before) {
      return !clusterId.equals(before.clusterId()) || !canonicalId.equals(before.canonicalId());
    }
  }

  /**
   * A live cluster: when it was first given its id (the index's cluster counter, for "older keeps
   * its id"), its current canonical and size.
   */
  public record ClusterInfo(long createdSeq, String canonicalId, int size) {}

  /**
   * An article's entry in an anchor's posting list: its id and its role for that anchor ({@link
   * IndexPostings#INDEXED}, {@link IndexPostings#QUERY} or {@link IndexPostings#SHORT_QUERY}, as in
   * batch's anchor candidates).
   */
  public record AnchorRef(String id, int role) {}

  /**
   * The index's counters.
   *
   * @param clusterSeq cluster ids handed out so far
   * @param decisionSeq decisions emitted so far (the last decision's {@code seq})
   * @param horizon the latest expiry time processed; an article expiring at or before it arrives
   *     too late to be indexed ({@link Long#MIN_VALUE}: none yet)
   * @param timerAt when the expiry timer is set for ({@link StreamIndex#NEVER}: not set)
   * @param size articles in the index
   */
  public record Meta(long clusterSeq, long decisionSeq, long horizon, long timerAt, long size) {
    static final Meta INITIAL = new Meta(0, 0, Long.MIN_VALUE, StreamIndex.NEVER, 0);
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
