package io.newsdedup.core.index;

import static io.newsdedup.core.index.IndexLists.append;
import static io.newsdedup.core.index.IndexLists.orEmpty;
import static io.newsdedup.core.index.IndexLists.putOrRemove;
import static io.newsdedup.core.index.IndexLists.without;

import io.newsdedup.core.index.ClusterRebuild.Change;
import io.newsdedup.core.index.ClusterRebuild.Rebuilt;
import io.newsdedup.core.index.IndexTables.Overlay;
import io.newsdedup.core.index.IndexValues.Assignment;
import io.newsdedup.core.index.IndexValues.Meta;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.core.verify.Similarity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The incremental dedup index of the stream job, in plain Java over {@link IndexTables}. It keeps
 * the batch's graph up to date: the nodes are the indexed articles, the edges the candidate pairs
 * that batch would find (LSH bands, anchors, titles, with the same hot-bucket and anchor-bucket
 * rules) and that pass {@link Sketch#mayMatch}; the clusters are {@link
 * io.newsdedup.core.cluster.ClusterBuilder#build} of each connected component. So the clusters of
 * the indexed articles are always exactly those batch computes on the same articles (without
 * corpus-learned boilerplate), whatever the order they arrived in.
 *
 * <p>An arrival or expiry changes the candidate pairs of a few articles only: the new (or expired)
 * article's, and in a bucket that is or becomes hot (more than {@code --hotBucketSize} members,
 * where batch pairs each member with the first and its neighbours in id order) those of the members
 * next to it, or all members when the bucket's first member or its hotness changes; in an anchor
 * bucket that crosses {@code --maxAnchorBucket} those of all members. Those "affected" articles get
 * their edges recomputed; the components that contain them are found again by breadth-first search
 * over the stored edges and rebuilt with {@code ClusterBuilder}; every other component is unchanged
 * (its edges did not change), so its clusters are too.
 *
 * <p>Cluster ids are stable: a new cluster takes the id of the previous cluster it shares the most
 * members with (ties: the older cluster, i.e. the one first given its id earlier), each previous id
 * going to at most one new cluster; a cluster left without one gets {@code
 * ArticleIds.clusterId(canonical id)}, or if that id is still in use {@code
 * ArticleIds.clusterId(canonical id + "#2")}, {@code "#3"}, ... So a cluster keeps its id when its
 * canonical changes, the larger side of a merge keeps its id, and the larger part of a split does.
 *
 * <p>The work is shared out along its seams: {@link IndexPostings} (buckets and anchors, and whose
 * pairs an arrival or expiry changes), {@link NeighbourSearch} (one article's verified edges) and
 * {@link ClusterRebuild} (components, clusters and their ids); this class decides arrivals and
 * expiries with them.
 *
 * <p>Each arrival's changes are buffered ({@link IndexTables#overlay()}) and applied at the end, or
 * dropped: a failure leaves the index as it was.
 */
public final class StreamIndex implements Serializable {
  /** No expiry. */
  public static final long NEVER = Retention.NEVER;

  /**
   * The ids expiring at one time are kept in this many lists (by id hash), so that an arrival
   * rewrites a list of at most about (articles per retention granularity) / 256 ids: at 200 a
   * second with a 7-day retention, about 460 instead of 118,000.
   */
  public static final int EXPIRY_SHARDS = 256;

  /**
   * The version of the tables' layout (what their keys and values mean), kept with the state so
   * that a job restored from a savepoint of another layout stops instead of misreading it. 2: the
   * expiry lists sharded by id ({@link #EXPIRY_SHARDS}).
   */
  public static final int LAYOUT = 2;

  /** What became of an arriving article. */
  public enum Kind {
    /** decided and added to the index */
    INDEXED,
    /** older than the retention horizon: decided against the index, not added */
    NOT_INDEXED,
    /** the same id with the same content is already indexed: nothing to do */
    DUPLICATE_DELIVERY,
    /** the same id with different content is already indexed: dead-lettered */
    DUPLICATE_ID
  }

  /**
   * @param decisions re-decisions of earlier articles first, the arriving article's own last
   * @param message why, for {@link Kind#DUPLICATE_ID} and {@link Kind#DUPLICATE_DELIVERY}
   * @param timerAt the new time of the expiry timer, or {@link #NEVER} when it stays as it is
   * @param componentSizes sizes of the components rebuilt
   */
  public record Outcome(
      Kind kind,
      List<Decision> decisions,
      String message,
      long timerAt,
      List<Integer> componentSizes) {}

  /**
   * @param expired articles removed
   * @param reassigned remaining articles whose cluster or canonical changed (recorded silently)
   * @param nextTimer when the expiry timer must fire next, or {@link #NEVER}
   */
  public record Expiry(
      int expired,
      int reassigned,
      int retiredClusters,
      long nextTimer,
      List<Integer> componentSizes) {}

  private final Retention retention;
  private final IndexPostings postings;
  private final ClusterRebuild clusters;

  public StreamIndex(MatchingSettings settings, Retention retention) {
    this.retention = retention;
    this.postings = new IndexPostings(settings);
    this.clusters = new ClusterRebuild(settings, new NeighbourSearch(settings, postings));
  }

  public Retention retention() {
    return retention;
  }

  /**
   * Decides an arriving article against the index and, unless it is older than the retention
   * horizon, adds it.
   */
  public Outcome arrive(IndexTables base, Arrival arrival, long decidedAtMillis) {
    Arrival x = arrival.stored();
    Arrival existing = base.entries.get(x.id());
    if (existing != null) {
      if (existing.seeded()) {
        return new Outcome(
            Kind.DUPLICATE_DELIVERY,
            List.of(),
            "already indexed from the batch index the stream started from",
            NEVER,
            List.of());
      }
      if (existing.contentHash() == x.contentHash()) {
        return new Outcome(
            Kind.DUPLICATE_DELIVERY,
            List.of(),
            "already indexed from message " + existing.messageId(),
            NEVER,
            List.of());
      }
      return new Outcome(
          Kind.DUPLICATE_ID,
          List.of(),
          "id \""
              + x.id()
              + "\" is already indexed with different content (from message "
              + existing.messageId()
              + ")",
          NEVER,
          List.of());
    }
    Meta before = base.meta();
    long expiry = retention.expiryOf(x.eventTimeMillis());
    boolean indexed = expiry == NEVER || expiry > before.horizon();
    Overlay t = base.overlay();
    t.entries.put(x.id(), x);
    Rebuilt r = clusters.rebuild(t, postings.insert(t, x), Set.of(), before);
    long seq = r.meta().decisionSeq();
    List<Decision> decisions = new ArrayList<>();
    Change own = null;
    for (Change c : r.changes()) {
      if (c.id().equals(x.id())) {
        own = c;
      } else if (indexed) {
        decisions.add(decision(t, c, Decision.CANONICAL_CHANGED, decidedAtMillis, ++seq, true));
      }
    }
    String status = own.after().isCanonical() ? Decision.NEW : Decision.DUPLICATE;
    decisions.add(decision(t, own, status, decidedAtMillis, ++seq, indexed));
    if (!indexed) {
      base.meta.put(
          new Meta(before.clusterSeq(), seq, before.horizon(), before.timerAt(), before.size()));
      return new Outcome(Kind.NOT_INDEXED, decisions, null, NEVER, r.sizes());
    }
    long timerAt = commitIndexed(t, x.id(), expiry, r.meta(), seq);
    return new Outcome(Kind.INDEXED, decisions, null, timerAt, r.sizes());
  }

  /**
   * Adds an article of a batch run's index without a decision (downstream knows it from the batch
   * run): the stream starts knowing what the batch knew. {@code clusterId} is the cluster the batch
   * put it in; the stream's own cluster of it takes that id when the batch's cluster is where most
   * of its members come from (as a rebuilt cluster keeps its id), so a story keeps its batch id.
   * The assignments of articles seeded earlier may change silently (recorded, not decided), as on
   * expiry. An article older than the retention horizon is not added.
   *
   * @param arrival the article, its {@link Arrival#contentHash} {@link Arrival#SEEDED}
   */
  public Outcome seed(IndexTables base, Arrival arrival, String clusterId) {
    Arrival x = arrival.stored();
    if (!x.seeded()) {
      throw new IllegalArgumentException("not a seed: " + x.id());
    }
    if (base.entries.get(x.id()) != null) {
      return new Outcome(Kind.DUPLICATE_DELIVERY, List.of(), "already indexed", NEVER, List.of());
    }
    Meta before = base.meta();
    long expiry = retention.expiryOf(x.eventTimeMillis());
    if (expiry != NEVER && expiry <= before.horizon()) {
      return new Outcome(Kind.NOT_INDEXED, List.of(), null, NEVER, List.of());
    }
    Overlay t = base.overlay();
    t.entries.put(x.id(), x);
    if (clusterId != null) {
      // as if it had been decided into the batch's cluster: the rebuild keeps that id
      t.assignments.put(x.id(), new Assignment(clusterId, x.id(), false, 0, 0));
    }
    Rebuilt r = clusters.rebuild(t, postings.insert(t, x), Set.of(), before);
    long timerAt = commitIndexed(t, x.id(), expiry, r.meta(), r.meta().decisionSeq());
    return new Outcome(Kind.INDEXED, List.of(), null, timerAt, r.sizes());
  }

  /**
   * Schedules the added article's expiry, writes the counters (one more article, decisions up to
   * {@code decisionSeq}) and commits the arrival's changes.
   *
   * @return the new time of the expiry timer, or {@link #NEVER} when it stays as it is
   */
  private static long commitIndexed(
      Overlay t, String id, long expiry, Meta rebuilt, long decisionSeq) {
    long timerAt = NEVER;
    long nextTimer = rebuilt.timerAt();
    if (expiry != NEVER) {
      long slot = expirySlot(expiry, id);
      t.expiries.put(slot, append(t.expiries.get(slot), id));
      if (expiry < nextTimer) {
        nextTimer = expiry;
        timerAt = expiry;
      }
    }
    t.meta.put(
        new Meta(
            rebuilt.clusterSeq(), decisionSeq, rebuilt.horizon(), nextTimer, rebuilt.size() + 1));
    t.commit();
    return timerAt;
  }

  /**
   * Forgets every article whose expiry time is at or before {@code upTo} (the watermark has passed
   * it): from the entries, postings, edges and clusters. The clusters of the components they were
   * in are rebuilt; the remaining members' new assignments are recorded without a decision
   * (downstream keeps what it was told).
   */
  public Expiry expire(IndexTables base, long upTo) {
    Overlay t = base.overlay();
    Meta meta = t.meta();
    List<Long> due = new ArrayList<>();
    for (Long slot : t.expiries.keys()) {
      if (expiryOfSlot(slot) <= upTo) {
        due.add(slot);
      }
    }
    Collections.sort(due);
    Set<String> removed = new TreeSet<>();
    for (long slot : due) {
      for (String id : t.expiries.get(slot)) {
        Arrival e = t.entries.get(id);
        if (e != null && retention.expiryOf(e.eventTimeMillis()) == expiryOfSlot(slot)) {
          removed.add(id);
        }
      }
      t.expiries.remove(slot);
    }
    Set<String> affected = new HashSet<>();
    Set<String> oldClusters = new TreeSet<>();
    for (String id : removed) {
      affected.addAll(postings.remove(t, t.entries.get(id)));
      for (String w : orEmpty(t.edges.get(id))) {
        affected.add(w);
        putOrRemove(t.edges, w, without(t.edges.get(w), id));
      }
      t.edges.remove(id);
      Assignment a = t.assignments.get(id);
      if (a != null) {
        oldClusters.add(a.clusterId());
      }
      t.assignments.remove(id);
      t.entries.remove(id);
    }
    affected.removeAll(removed);
    Rebuilt r = clusters.rebuild(t, affected, oldClusters, meta);
    int reassigned = 0;
    for (Change c : r.changes()) {
      if (c.before() != null) {
        reassigned++;
      }
    }
    long next = NEVER;
    for (Long slot : t.expiries.keys()) {
      next = Math.min(next, expiryOfSlot(slot));
    }
    t.meta.put(
        new Meta(
            r.meta().clusterSeq(),
            r.meta().decisionSeq(),
            Math.max(meta.horizon(), upTo),
            next,
            r.meta().size() - removed.size()));
    t.commit();
    return new Expiry(removed.size(), reassigned, r.retired(), next, r.sizes());
  }

  /**
   * The {@code expiries} key of an article expiring at {@code expiry}: the time and one of {@link
   * #EXPIRY_SHARDS} shards of ids ({@link String#hashCode}, the same in every JVM), in one long
   * that sorts by time (expiry times are at most {@link Retention#LATEST_EXPIRY}, so it cannot
   * overflow).
   */
  static long expirySlot(long expiry, String id) {
    return Math.multiplyExact(expiry, EXPIRY_SHARDS) + Math.floorMod(id.hashCode(), EXPIRY_SHARDS);
  }

  /** The expiry time of an {@code expiries} key. */
  static long expiryOfSlot(long slot) {
    return Math.floorDiv(slot, EXPIRY_SHARDS);
  }

  private static Decision decision(
      Overlay t, Change c, String status, long decidedAt, long seq, boolean indexed) {
    Arrival e = t.entries.get(c.id());
    Assignment a = c.after();
    Assignment b = c.before();
    return new Decision(
        c.id(),
        status,
        a.clusterId(),
        a.canonicalId(),
        a.isCanonical(),
        Similarity.round(a.jaccard()),
        Similarity.round(a.containment()),
        e.fingerprint().facts().lowContentReason(),
        e.eventTimeMillis(),
        decidedAt,
        seq,
        indexed,
        b == null ? null : b.clusterId(),
        b == null ? null : b.canonicalId());
  }
}
