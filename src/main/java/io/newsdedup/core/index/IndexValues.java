package io.newsdedup.core.index;

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
    public static final Meta INITIAL = new Meta(0, 0, Long.MIN_VALUE, StreamIndex.NEVER, 0);
  }
}
