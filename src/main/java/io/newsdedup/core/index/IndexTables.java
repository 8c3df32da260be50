package io.newsdedup.core.index;

import io.newsdedup.core.index.IndexValues.AnchorRef;
import io.newsdedup.core.index.IndexValues.Assignment;
import io.newsdedup.core.index.IndexValues.ClusterInfo;
import io.newsdedup.core.index.IndexValues.Meta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The stream index's state as key-value tables, so that {@link StreamIndex} is plain Java: the Beam
 * job backs them with {@code MapState}/{@code ValueState} of one key ({@code IndexArticles}), tests
 * with hash maps. Values are immutable: a change is always a {@code put} of a new value.
 *
 * <ul>
 *   <li>{@code entries}: article id → the article ({@link Arrival#stored()}: facts, shingles,
 *       signature, event time, content hash, message id);
 *   <li>{@code assignments}: article id → its last decision;
 *   <li>{@code edges}: article id → the ids it has a verified candidate edge with, sorted;
 *   <li>{@code bands}, {@code titles}: LSH band key / title key → sorted ids;
 *   <li>{@code anchors}: anchor → (id, role), sorted by id;
 *   <li>{@code clusters}: cluster id → {@link ClusterInfo};
 *   <li>{@code expiries}: expiry slot → ids expiring then; a slot is an expiry time (bucketed) and
 *       one of {@link StreamIndex#EXPIRY_SHARDS} shards of its ids, so that no list grows with the
 *       stream's rate ({@link StreamIndex#expirySlot});
 *   <li>{@code meta}: the counters.
 * </ul>
 *
 * {@link #overlay()} buffers every write so that one arrival's changes are applied all at once
 * ({@link Overlay#commit()}) or not at all: an article that fails half-way, or one too late to be
 * indexed, leaves the index as it was.
 */
public class IndexTables {

  /** A key-value table; {@code get} of an absent key is null. */
  public interface Table<K, V> {
    V get(K key);

    void put(K key, V value);

    void remove(K key);

    Iterable<K> keys();
  }

  /** A single value; null when unset. */
  public interface Cell<V> {
    V get();

    void put(V value);
  }

  final Table<String, Arrival> entries;
  final Table<String, Assignment> assignments;
  final Table<String, List<String>> edges;
  final Table<Long, List<String>> bands;
  final Table<Long, List<String>> titles;
  final Table<Long, List<AnchorRef>> anchors;
  final Table<String, ClusterInfo> clusters;
  final Table<Long, List<String>> expiries;
  final Cell<Meta> meta;

  public IndexTables(
      Table<String, Arrival> entries,
      Table<String, Assignment> assignments,
      Table<String, List<String>> edges,
      Table<Long, List<String>> bands,
      Table<Long, List<String>> titles,
      Table<Long, List<AnchorRef>> anchors,
      Table<String, ClusterInfo> clusters,
      Table<Long, List<String>> expiries,
      Cell<Meta> meta) {
    this.entries = entries;
    this.assignments = assignments;
    this.edges = edges;
    this.bands = bands;
    this.titles = titles;
    this.anchors = anchors;
    this.clusters = clusters;
    this.expiries = expiries;
    this.meta = meta;
  }

  /** Tables in hash maps (tests, tools). */
  public static IndexTables inMemory() {
    return new IndexTables(
        new MemoryTable<>(),
        new MemoryTable<>(),
        new MemoryTable<>(),
        new MemoryTable<>(),
        new MemoryTable<>(),
        new MemoryTable<>(),
        new MemoryTable<>(),
        new MemoryTable<>(),
        new MemoryCell<>());
  }

  /** The counters; {@link Meta#INITIAL} before the first write. */
  public Meta meta() {
    Meta m = meta.get();
    return m == null ? Meta.INITIAL : m;
  }

  /** Articles in the index (for tests and tools: iterates a whole table). */
  public List<String> ids() {
    List<String> ids = new ArrayList<>();
    entries.keys().forEach(ids::add);
    return ids;
  }

  /** An article's last decision, or null. */
  public Assignment assignment(String id) {
    return assignments.get(id);
  }

  /** Live clusters (for tests and tools: iterates a whole table). */
  public Map<String, ClusterInfo> clusters() {
    Map<String, ClusterInfo> out = new HashMap<>();
    clusters.keys().forEach(k -> out.put(k, clusters.get(k)));
    return out;
  }

  /** Every verified edge as "a b" with a &lt; b (for tests and tools: iterates a whole table). */
  public SortedSet<String> edgeSet() {
    SortedSet<String> out = new TreeSet<>();
    for (String a : edges.keys()) {
      for (String b : edges.get(a)) {
        out.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
      }
    }
    return out;
  }

  /** A write buffer over these tables. */
  public Overlay overlay() {
    return new Overlay(this);
  }

  /** Buffers writes; reads see them. Nothing reaches the base tables before {@link #commit()}. */
  public static final class Overlay extends IndexTables {
    private final List<OverlayTable<?, ?>> tables;
    private final OverlayCell<Meta> metaCell;

    private Overlay(IndexTables base) {
      this(
          base,
          new OverlayTable<>(base.entries),
          new OverlayTable<>(base.assignments),
          new OverlayTable<>(base.edges),
          new OverlayTable<>(base.bands),
          new OverlayTable<>(base.titles),
          new OverlayTable<>(base.anchors),
          new OverlayTable<>(base.clusters),
          new OverlayTable<>(base.expiries),
          new OverlayCell<>(base.meta));
    }

    private Overlay(
        IndexTables base,
        OverlayTable<String, Arrival> entries,
        OverlayTable<String, Assignment> assignments,
        OverlayTable<String, List<String>> edges,
        OverlayTable<Long, List<String>> bands,
        OverlayTable<Long, List<String>> titles,
        OverlayTable<Long, List<AnchorRef>> anchors,
        OverlayTable<String, ClusterInfo> clusters,
        OverlayTable<Long, List<String>> expiries,
        OverlayCell<Meta> meta) {
      super(entries, assignments, edges, bands, titles, anchors, clusters, expiries, meta);
      this.tables =
          List.of(entries, assignments, edges, bands, titles, anchors, clusters, expiries);
      this.metaCell = meta;
    }

    /** Applies every buffered write to the base tables. */
    public void commit() {
      tables.forEach(OverlayTable::commit);
      metaCell.commit();
    }
  }

  static final class MemoryTable<K, V> implements Table<K, V> {
    private final Map<K, V> map = new HashMap<>();

    @Override
    public V get(K key) {
      return map.get(key);
    }

    @Override
    public void put(K key, V value) {
      map.put(key, value);
    }

    @Override
    public void remove(K key) {
      map.remove(key);
    }

    @Override
    public Iterable<K> keys() {
      return new ArrayList<>(map.keySet());
    }
  }

  static final class MemoryCell<V> implements Cell<V> {
    private V value;

    @Override
    public V get() {
      return value;
    }

    @Override
    public void put(V v) {
      value = v;
    }
  }

  /**
   * Reads through to the base table, once per key (a state backend that serialises decodes a value
   * at every read, and an arrival reads the same entries and lists again and again: its component's
   * members, their edges); writes (and removals, as empty values) stay here.
   */
  static final class OverlayTable<K, V> implements Table<K, V> {
    private final Table<K, V> base;
    private final Map<K, Optional<V>> writes = new LinkedHashMap<>();
    private final Map<K, Optional<V>> reads = new HashMap<>();

    OverlayTable(Table<K, V> base) {
      this.base = base;
    }

    @Override
    public V get(K key) {
      Optional<V> w = writes.get(key);
      if (w != null) {
        return w.orElse(null);
      }
      Optional<V> r = reads.get(key);
      if (r == null) {
        r = Optional.ofNullable(base.get(key));
        reads.put(key, r);
      }
      return r.orElse(null);
    }

    @Override
    public void put(K key, V value) {
      writes.put(key, Optional.of(value));
    }

    @Override
    public void remove(K key) {
      writes.put(key, Optional.empty());
    }

    @Override
    public Iterable<K> keys() {
      List<K> out = new ArrayList<>();
      for (K k : base.keys()) {
        if (!writes.containsKey(k)) {
          out.add(k);
        }
      }
      writes.forEach(
          (k, v) -> {
            if (v.isPresent()) {
              out.add(k);
            }
          });
      return out;
    }

    void commit() {
      writes.forEach(
          (k, v) -> {
            if (v.isPresent()) {
              base.put(k, v.get());
            } else {
              base.remove(k);
            }
          });
      writes.clear();
      reads.clear();
    }
  }

  static final class OverlayCell<V> implements Cell<V> {
    private final Cell<V> base;
    private V value;
    private boolean written;

    OverlayCell(Cell<V> base) {
      this.base = base;
    }

    @Override
    public V get() {
      return written ? value : base.get();
    }

    @Override
    public void put(V v) {
      value = v;
      written = true;
    }

    void commit() {
      if (written) {
        base.put(value);
        written = false;
      }
    }
  }
}
