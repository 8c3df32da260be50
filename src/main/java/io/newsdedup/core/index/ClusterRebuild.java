package io.newsdedup.core.index;

import static io.newsdedup.core.index.IndexLists.orEmpty;
import static io.newsdedup.core.index.IndexLists.putOrRemove;
import static io.newsdedup.core.index.IndexLists.with;
import static io.newsdedup.core.index.IndexLists.without;

import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.cluster.Member;
import io.newsdedup.core.index.IndexTables.Overlay;
import io.newsdedup.core.index.IndexValues.Assignment;
import io.newsdedup.core.index.IndexValues.ClusterInfo;
import io.newsdedup.core.index.IndexValues.Meta;
import io.newsdedup.core.settings.MatchingSettings;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rebuilds the clusters of the components an arrival or expiry touched: recomputes the affected
 * articles' edges, finds their components again by breadth-first search over the stored edges,
 * builds each component's clusters as batch does and gives them stable ids (see {@link
 * StreamIndex}).
 */
final class ClusterRebuild implements Serializable {
  /** An article's assignment before and after a rebuild (before: null for a new article). */
  record Change(String id, Assignment before, Assignment after) {}

  /** What a rebuild changed, the index's new metadata, the rebuilt components' sizes. */
  record Rebuilt(List<Change> changes, Meta meta, List<Integer> sizes, int retired) {}

  private final MatchingSettings settings;
  private final NeighbourSearch neighbours;

  ClusterRebuild(MatchingSettings settings, NeighbourSearch neighbours) {
    this.settings = settings;
    this.neighbours = neighbours;
  }

  /**
   * Recomputes the edges of the affected articles, rebuilds the components containing them and
   * their clusters, gives the clusters ids and records the new assignments.
   *
   * @param oldClusters ids of clusters of articles just removed (they retire unless reused)
   */
  Rebuilt rebuild(Overlay t, Set<String> affected, Set<String> oldClusters, Meta meta) {
    List<String> order = new ArrayList<>(new TreeSet<>(affected));
    for (String a : order) {
      Arrival e = t.entries.get(a);
      if (e == null) {
        continue;
      }
      Set<String> now = neighbours.verifiedNeighbours(t, e);
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
    long next = lastClusterSeq + 1;
    for (Overlap o : overlaps) {
      if (ids[o.cluster()] == null && !assigned.contains(o.oldId())) {
        ids[o.cluster()] = o.oldId();
        // an id that was no live cluster's (a seeded article's batch cluster) is new here
        created[o.cluster()] = o.createdSeq() == Long.MAX_VALUE ? next++ : o.createdSeq();
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
}
