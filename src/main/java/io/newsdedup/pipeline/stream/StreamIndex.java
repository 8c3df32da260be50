package io.newsdedup.pipeline.stream;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.cluster.Member;
import io.newsdedup.core.verify.Similarity;
import io.newsdedup.pipeline.candidates.BucketPairs;
import io.newsdedup.pipeline.fingerprint.Fingerprint;
import io.newsdedup.pipeline.options.MatchingSettings;
import io.newsdedup.pipeline.options.Retention;
import io.newsdedup.pipeline.stream.IndexTables.Overlay;
import io.newsdedup.pipeline.stream.IndexTables.Table;
import io.newsdedup.pipeline.stream.IndexValues.AnchorRef;
import io.newsdedup.pipeline.stream.IndexValues.Assignment;
import io.newsdedup.pipeline.stream.IndexValues.ClusterInfo;
import io.newsdedup.pipeline.stream.IndexValues.Meta;
import io.newsdedup.pipeline.verify.Sketch;
import io.newsdedup.pipeline.verify.VerifyCandidates;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The incremental dedup index of the stream job, in plain Java over {@link IndexTables}. It keeps
 * the batch's graph up to date: the nodes are the indexed articles, the edges the candidate pairs
 * that batch would find (LSH bands, anchors, titles, with the same hot-bucket and anchor-bucket
 * rules) and that pass {@link VerifyCandidates#mayMatch}; the clusters are {@link
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
 * <p>Each arrival's changes are buffered ({@link IndexTables#overlay()}) and applied at the end, or
 * dropped: a failure leaves the index as it was.
 */
public final class StreamIndex implements Serializable {
  /** No expiry. */
  public static final long NEVER = Retention.NEVER;

  /** Anchor roles, as in batch: indexed only, querying, querying with fewer anchors than hits. */
  static final int INDEXED = 0;

  static final int QUERY = 1;
  static final int SHORT_QUERY = 2;

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

  private record Change(String id, Assignment before, Assignment after) {}

  private record Rebuilt(List<Change> changes, Meta meta, List<Integer> sizes, int retired) {}

  private final MatchingSettings settings;
  private final Retention retention;

  public StreamIndex(MatchingSettings settings, Retention retention) {
    this.settings = settings;
    this.retention = retention;
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
    Rebuilt r = rebuild(t, insert(t, x), Set.of(), before);
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
    long timerAt = NEVER;
    long nextTimer = r.meta().timerAt();
    if (expiry != NEVER) {
      t.expiries.put(expiry, append(t.expiries.get(expiry), x.id()));
      if (expiry < nextTimer) {
        nextTimer = expiry;
        timerAt = expiry;
      }
    }
    t.meta.put(
        new Meta(r.meta().clusterSeq(), seq, r.meta().horizon(), nextTimer, r.meta().size() + 1));
    t.commit();
    return new Outcome(Kind.INDEXED, decisions, null, timerAt, r.sizes());
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
    for (Long b : t.expiries.keys()) {
      if (b <= upTo) {
        due.add(b);
      }
    }
    Collections.sort(due);
    Set<String> removed = new TreeSet<>();
    for (long b : due) {
      for (String id : t.expiries.get(b)) {
        Arrival e = t.entries.get(id);
        if (e != null && retention.expiryOf(e.eventTimeMillis()) == b) {
          removed.add(id);
        }
      }
      t.expiries.remove(b);
    }
    Set<String> affected = new HashSet<>();
    Set<String> oldClusters = new TreeSet<>();
    for (String id : removed) {
      affected.addAll(remove(t, t.entries.get(id)));
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
    Rebuilt r = rebuild(t, affected, oldClusters, meta);
    int reassigned = 0;
    for (Change c : r.changes()) {
      if (c.before() != null) {
        reassigned++;
      }
    }
    long next = NEVER;
    for (Long b : t.expiries.keys()) {
      next = Math.min(next, b);
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

  // ---------------------------------------------------------------- postings

  /** Adds the article to its postings; returns the articles whose candidate pairs may change. */
  private Set<String> insert(Overlay t, Arrival x) {
    Set<String> affected = new LinkedHashSet<>();
    affected.add(x.id());
    Fingerprint f = x.fingerprint();
    ArticleFacts facts = f.facts();
    if (!f.isEmpty() && !facts.lowContent()) {
      for (long key : settings.lsh().bandKeys(f.signature())) {
        addToBucket(t.bands, key, x.id(), affected);
      }
    }
    if (settings.titleCandidates() && facts.titleKey() != 0) {
      addToBucket(t.titles, facts.titleKey(), x.id(), affected);
    }
    if (settings.anchors() != null && !facts.lowContent()) {
      long[] anchors = settings.anchors().of(f.shingles());
      for (int i = 0; i < anchors.length; i++) {
        List<AnchorRef> refs = new ArrayList<>(orEmpty(t.anchors.get(anchors[i])));
        int pos = Collections.binarySearch(refs, new AnchorRef(x.id(), 0), BY_ID);
        if (pos >= 0) {
          continue;
        }
        refs.add(-pos - 1, new AnchorRef(x.id(), role(anchors, i)));
        t.anchors.put(anchors[i], List.copyOf(refs));
        if (refs.size() == settings.maxAnchorBucket() + 1) {
          // the anchor is now ignored, as in batch: every pair it gave is gone
          refs.forEach(r -> affected.add(r.id()));
        }
      }
    }
    return affected;
  }

  /** Removes the article from its postings; returns the other articles whose pairs may change. */
  private Set<String> remove(Overlay t, Arrival x) {
    Set<String> affected = new HashSet<>();
    Fingerprint f = x.fingerprint();
    ArticleFacts facts = f.facts();
    if (!f.isEmpty() && !facts.lowContent()) {
      for (long key : settings.lsh().bandKeys(f.signature())) {
        removeFromBucket(t.bands, key, x.id(), affected);
      }
    }
    if (settings.titleCandidates() && facts.titleKey() != 0) {
      removeFromBucket(t.titles, facts.titleKey(), x.id(), affected);
    }
    if (settings.anchors() != null && !facts.lowContent()) {
      for (long anchor : settings.anchors().of(f.shingles())) {
        List<AnchorRef> refs = new ArrayList<>(orEmpty(t.anchors.get(anchor)));
        int pos = Collections.binarySearch(refs, new AnchorRef(x.id(), 0), BY_ID);
        if (pos < 0) {
          continue;
        }
        refs.remove(pos);
        putOrRemove(t.anchors, anchor, refs);
        if (refs.size() == settings.maxAnchorBucket()) {
          // the anchor counts again: its pairs come back
          refs.forEach(r -> affected.add(r.id()));
        }
      }
    }
    return affected;
  }

  private void addToBucket(
      Table<Long, List<String>> table, long key, String id, Set<String> affected) {
    List<String> ids = new ArrayList<>(orEmpty(table.get(key)));
    int pos = Collections.binarySearch(ids, id);
    if (pos >= 0) {
      return;
    }
    pos = -pos - 1;
    ids.add(pos, id);
    table.put(key, List.copyOf(ids));
    int hot = settings.hotBucketSize();
    if (ids.size() > hot) {
      boolean wasHot = ids.size() - 1 > hot;
      hotChange(ids, pos, wasHot, affected);
    }
  }

  private void removeFromBucket(
      Table<Long, List<String>> table, long key, String id, Set<String> affected) {
    List<String> ids = new ArrayList<>(orEmpty(table.get(key)));
    int pos = Collections.binarySearch(ids, id);
    if (pos < 0) {
      return;
    }
    ids.remove(pos);
    putOrRemove(table, key, ids);
    int hot = settings.hotBucketSize();
    if (ids.size() + 1 > hot) {
      hotChange(ids, pos, ids.size() > hot, affected);
    }
  }

  /**
   * The members of a hot bucket whose pairs ({@link BucketPairs}) change when a member is inserted
   * at, or removed from, position {@code pos}: all of them when the bucket changes between full
   * pairs and star-plus-neighbours or when the first member changes; otherwise those within {@code
   * neighbours + 1} positions (only pairs across {@code pos} change their distance).
   */
  private void hotChange(List<String> ids, int pos, boolean hotBoth, Set<String> affected) {
    if (!hotBoth || pos == 0) {
      affected.addAll(ids);
      return;
    }
    int k = settings.hotBucketNeighbours() + 1;
    for (int j = Math.max(0, pos - k); j <= Math.min(ids.size() - 1, pos + k); j++) {
      affected.add(ids.get(j));
    }
  }

  private int role(long[] anchors, int i) {
    if (!settings.anchors().isQuery(i)) {
      return INDEXED;
    }
    return anchors.length < settings.anchors().minShared() ? SHORT_QUERY : QUERY;
  }

  // ---------------------------------------------------------------- edges

  /**
   * The articles {@code v} has a verified candidate edge with, found as batch finds them: shared
   * LSH band buckets and title buckets (the pairs {@link BucketPairs} gives), anchors (one hit of a
   * short querying text is enough, else {@code minShared} hits), then {@link
   * VerifyCandidates#mayMatch} on both sketches.
   */
  private Set<String> verifiedNeighbours(Overlay t, Arrival v) {
    Fingerprint f = v.fingerprint();
    ArticleFacts facts = f.facts();
    Set<String> candidates = new HashSet<>();
    if (!f.isEmpty() && !facts.lowContent()) {
      for (long key : settings.lsh().bandKeys(f.signature())) {
        partners(t.bands.get(key), v.id(), candidates);
      }
    }
    if (settings.titleCandidates() && facts.titleKey() != 0) {
      partners(t.titles.get(facts.titleKey()), v.id(), candidates);
    }
    if (settings.anchors() != null && !facts.lowContent()) {
      Map<String, Integer> hits = new HashMap<>();
      long[] anchors = settings.anchors().of(f.shingles());
      for (int i = 0; i < anchors.length; i++) {
        List<AnchorRef> refs = t.anchors.get(anchors[i]);
        if (refs == null || refs.size() < 2 || refs.size() > settings.maxAnchorBucket()) {
          continue;
        }
        int mine = role(anchors, i);
        for (AnchorRef r : refs) {
          if (r.id().equals(v.id())) {
            continue;
          }
          if (mine == SHORT_QUERY || r.role() == SHORT_QUERY) {
            candidates.add(r.id());
          } else if (mine == QUERY || r.role() == QUERY) {
            hits.merge(r.id(), 1, Integer::sum);
          }
        }
      }
      hits.forEach(
          (id, n) -> {
            if (n >= settings.anchors().minShared()) {
              candidates.add(id);
            }
          });
    }
    Set<String> verified = new HashSet<>();
    Sketch mine = sketch(v);
    for (String c : candidates) {
      Arrival w = t.entries.get(c);
      if (w != null
          && VerifyCandidates.mayMatch(
              mine, sketch(w), settings.rule(), VerifyCandidates.DEFAULT_CONFIDENCE_Z)) {
        verified.add(c);
      }
    }
    return verified;
  }

  private void partners(List<String> bucket, String id, Set<String> out) {
    if (bucket == null || bucket.size() < 2) {
      return;
    }
    int pos = Collections.binarySearch(bucket, id);
    if (pos >= 0) {
      BucketPairs.partners(
          bucket, pos, settings.hotBucketSize(), settings.hotBucketNeighbours(), out::add);
    }
  }

  private static Sketch sketch(Arrival a) {
    Fingerprint f = a.fingerprint();
    return new Sketch(
        f.id(),
        f.shingles().length,
        Sketch.lowBits(f.signature()),
        f.facts().titleKey(),
        f.facts().lowContent());
  }

  // ---------------------------------------------------------------- clusters

  /**
   * Recomputes the edges of the affected articles, rebuilds the components containing them and
   * their clusters, gives the clusters ids and records the new assignments.
   *
   * @param oldClusters ids of clusters of articles just removed (they retire unless reused)
   */
  private Rebuilt rebuild(Overlay t, Set<String> affected, Set<String> oldClusters, Meta meta) {
    List<String> order = new ArrayList<>(new TreeSet<>(affected));
    for (String a : order) {
      Arrival e = t.entries.get(a);
      if (e == null) {
        continue;
      }
      Set<String> now = verifiedNeighbours(t, e);
      List<String> before = orEmpty(t.edges.get(a));
      for (String w : before) {
        if (!now.contains(w) && t.entries.get(w) != null) {
          putOrRemove(t.edges, w, without(t.edges.get(w), a));
        }
      }
      for (String w : now) {
        if (!before.contains(w)) {
          t.edges.put(w, with(t.edges.get(w), a));
        }
      }
      putOrRemove(t.edges, a, new ArrayList<>(new TreeSet<>(now)));
    }
    List<List<String>> components = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String a : order) {
      if (seen.add(a) && t.entries.get(a) != null) {
        components.add(component(t, a, seen));
      }
    }
    Map<String, Assignment> before = new HashMap<>();
    Set<String> involved = new TreeSet<>(oldClusters);
    List<Cluster> built = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (List<String> component : components) {
      List<Member> members = new ArrayList<>(component.size());
      for (String id : component) {
        Arrival e = t.entries.get(id);
        members.add(e.fingerprint().member());
        Assignment a = t.assignments.get(id);
        if (a != null) {
          before.put(id, a);
          involved.add(a.clusterId());
        }
      }
      sizes.add(component.size());
      built.addAll(settings.builder().build(members));
    }
    long[] created = new long[built.size()];
    String[] ids = clusterIds(t, built, before, involved, meta.clusterSeq(), created);
    long clusterSeq = meta.clusterSeq();
    for (long c : created) {
      clusterSeq = Math.max(clusterSeq, c);
    }
    Set<String> kept = new HashSet<>(List.of(ids));
    int retired = 0;
    for (String old : involved) {
      if (!kept.contains(old)) {
        t.clusters.remove(old);
        retired++;
      }
    }
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < built.size(); i++) {
      Cluster c = built.get(i);
      t.clusters.put(ids[i], new ClusterInfo(created[i], c.canonical().id(), c.members().size()));
      for (ClusterMember m : c.members()) {
        String id = m.facts().id();
        Assignment after =
            new Assignment(
                ids[i],
                c.canonical().id(),
                m.canonical(),
                m.toCanonical().jaccard(),
                m.toCanonical().containment());
        Assignment was = before.get(id);
        t.assignments.put(id, after);
        if (was == null || after.movedFrom(was)) {
          changes.add(new Change(id, was, after));
        }
      }
    }
    changes.sort(Comparator.comparing(Change::id));
    Meta next =
        new Meta(clusterSeq, meta.decisionSeq(), meta.horizon(), meta.timerAt(), meta.size());
    return new Rebuilt(changes, next, sizes, retired);
  }

  private static List<String> component(Overlay t, String start, Set<String> seen) {
    List<String> out = new ArrayList<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String u = queue.poll();
      out.add(u);
      for (String w : orEmpty(t.edges.get(u))) {
        if (t.entries.get(w) != null && seen.add(w)) {
          queue.add(w);
        }
      }
    }
    return out;
  }

  /**
   * Ids for the rebuilt clusters (see the class comment); {@code created} receives each one's
   * creation number (kept from the previous cluster, or new).
   */
  private static String[] clusterIds(
      Overlay t,
      List<Cluster> built,
      Map<String, Assignment> before,
      Set<String> involved,
      long lastClusterSeq,
      long[] created) {
    record Overlap(int cluster, String oldId, int count, long createdSeq, String canonical) {}
    List<Overlap> overlaps = new ArrayList<>();
    for (int i = 0; i < built.size(); i++) {
      Map<String, Integer> counts = new HashMap<>();
      for (ClusterMember m : built.get(i).members()) {
        Assignment a = before.get(m.facts().id());
        if (a != null) {
          counts.merge(a.clusterId(), 1, Integer::sum);
        }
      }
      int cluster = i;
      counts.forEach(
          (old, n) -> {
            ClusterInfo info = t.clusters.get(old);
            overlaps.add(
                new Overlap(
                    cluster,
                    old,
                    n,
                    info == null ? Long.MAX_VALUE : info.createdSeq(),
                    built.get(cluster).canonical().id()));
          });
    }
    overlaps.sort(
        Comparator.comparingInt(Overlap::count)
            .reversed()
            .thenComparingLong(Overlap::createdSeq)
            .thenComparing(Overlap::oldId)
            .thenComparing(Overlap::canonical));
    String[] ids = new String[built.size()];
    Set<String> assigned = new HashSet<>();
    for (Overlap o : overlaps) {
      if (ids[o.cluster()] == null && !assigned.contains(o.oldId())) {
        ids[o.cluster()] = o.oldId();
        created[o.cluster()] = o.createdSeq();
        assigned.add(o.oldId());
      }
    }
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < built.size(); i++) {
      if (ids[i] == null) {
        fresh.add(i);
      }
    }
    fresh.sort(Comparator.comparing(i -> built.get(i).canonical().id()));
    long next = lastClusterSeq + 1;
    for (int i : fresh) {
      String canonical = built.get(i).canonical().id();
      String id = ArticleIds.clusterId(canonical);
      for (int n = 2; inUse(id, assigned, involved, t); n++) {
        id = ArticleIds.clusterId(canonical + "#" + n);
      }
      ids[i] = id;
      created[i] = next++;
      assigned.add(id);
    }
    return ids;
  }

  /**
   * Whether a cluster id is taken: given to another rebuilt cluster, or held by a live cluster that
   * is not being rebuilt (an involved old id that nobody kept is retiring: free).
   */
  private static boolean inUse(String id, Set<String> assigned, Set<String> involved, Overlay t) {
    return assigned.contains(id) || (t.clusters.get(id) != null && !involved.contains(id));
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

  // ---------------------------------------------------------------- lists

  private static final Comparator<AnchorRef> BY_ID = Comparator.comparing(AnchorRef::id);

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static <K, V> void putOrRemove(Table<K, List<V>> table, K key, Collection<V> values) {
    if (values.isEmpty()) {
      table.remove(key);
    } else {
      table.put(key, List.copyOf(values));
    }
  }

  private static List<String> append(List<String> l, String id) {
    List<String> out = new ArrayList<>(orEmpty(l));
    out.add(id);
    return List.copyOf(out);
  }

  private static List<String> with(List<String> sorted, String id) {
    List<String> out = new ArrayList<>(orEmpty(sorted));
    int pos = Collections.binarySearch(out, id);
    if (pos < 0) {
      out.add(-pos - 1, id);
    }
    return List.copyOf(out);
  }

  private static List<String> without(List<String> sorted, String id) {
    List<String> out = new ArrayList<>(orEmpty(sorted));
    int pos = Collections.binarySearch(out, id);
    if (pos >= 0) {
      out.remove(pos);
    }
    return List.copyOf(out);
  }
}
