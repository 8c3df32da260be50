package io.newsdedup.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Fingerprinting;
import io.newsdedup.core.index.IndexTables.MemoryCell;
import io.newsdedup.core.index.IndexTables.MemoryTable;
import io.newsdedup.core.index.IndexTables.Table;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.testing.TestSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the index asks of its state: an arrival reads each stored value from the state once (a
 * serialising backend decodes at every read), and no list it rewrites grows with the stream's rate.
 */
class IndexTablesTest {
  static final long DAY = 86_400_000L;
  static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  final MatchingSettings settings = TestSettings.matching();
  final Fingerprinting fingerprinting = settings.fingerprinting();

  /** Counts the reads of each key that reach it. */
  static final class Counting<K, V> implements Table<K, V> {
    final Table<K, V> base = new MemoryTable<>();
    final Map<K, Integer> reads = new HashMap<>();

    @Override
    public V get(K key) {
      reads.merge(key, 1, Integer::sum);
      return base.get(key);
    }

    @Override
    public void put(K key, V value) {
      base.put(key, value);
    }

    @Override
    public void remove(K key) {
      base.remove(key);
    }

    @Override
    public Iterable<K> keys() {
      return base.keys();
    }
  }

  Arrival arrival(String id, String source, String title, String body, long eventTime) {
    Article a =
        new Article(
            id,
            "https://" + source + "/" + id,
            source,
            title,
            body,
            T0,
            Origin.ofMessage("m-" + id));
    return new Arrival(
        fingerprinting.of(a), "m-" + id, Arrival.contentHash(a), eventTime, null, Map.of());
  }

  static String words(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(i % 15 == 14 ? ". " : " ");
      }
      int len = 3 + r.nextInt(7);
      for (int j = 0; j < len; j++) {
        b.append((char) ('a' + r.nextInt(26)));
      }
    }
    return b.append('.').toString();
  }

  @Test
  void anArrivalReadsEachStoredArticleAndEdgeListOnce() {
    Counting<String, Arrival> entries = new Counting<>();
    Counting<String, List<String>> edges = new Counting<>();
    IndexTables t =
        new IndexTables(
            entries,
            new MemoryTable<>(),
            edges,
            new MemoryTable<>(),
            new MemoryTable<>(),
            new MemoryTable<>(),
            new MemoryTable<>(),
            new MemoryTable<>(),
            new MemoryCell<>());
    StreamIndex index = new StreamIndex(settings, Retention.FOREVER);
    String story = words(new Random(7), 400);
    String title = "Flood waters rise along the river as thousands leave their homes";
    for (int i = 0; i < 30; i++) {
      index.arrive(t, arrival("copy-" + i, "paper" + i + ".example", title, story, 0), 0);
    }
    assertEquals(1, t.clusters().size(), "30 copies of one story make one cluster");
    entries.reads.clear();
    edges.reads.clear();
    StreamIndex.Outcome o =
        index.arrive(t, arrival("copy-30", "paper30.example", title, story, 0), 0);
    assertEquals(StreamIndex.Kind.INDEXED, o.kind());
    assertEquals(List.of(31), o.componentSizes(), "the whole component was rebuilt");
    assertEquals(31, entries.reads.size(), "every member was read: " + entries.reads.keySet());
    entries.reads.forEach((id, n) -> assertEquals(1, n, "reads of entry " + id));
    assertEquals(31, edges.reads.size());
    edges.reads.forEach((id, n) -> assertEquals(1, n, "reads of the edges of " + id));
  }

  @Test
  void idsExpiringAtOneTimeAreSpreadOverShardsAndAllExpire() {
    IndexTables t = IndexTables.inMemory();
    StreamIndex index = new StreamIndex(settings, Retention.parse("1d"));
    Random r = new Random(11);
    int n = 3_000;
    long eventTime = T0.toEpochMilli();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String id = "a" + i;
      ids.add(id);
      Arrival a =
          arrival(id, "site.example", "Story " + i + " " + words(r, 6), words(r, 80), eventTime);
      assertEquals(StreamIndex.Kind.INDEXED, index.arrive(t, a, 0).kind());
    }
    long expiry = index.retention().expiryOf(eventTime);
    int longest = 0;
    Set<String> listed = new HashSet<>();
    List<Long> slots = new ArrayList<>();
    t.expiries.keys().forEach(slots::add);
    for (long slot : slots) {
      assertEquals(expiry, StreamIndex.expiryOfSlot(slot));
      List<String> list = t.expiries.get(slot);
      longest = Math.max(longest, list.size());
      listed.addAll(list);
    }
    assertEquals(ids, listed, "every article is listed to expire");
    assertTrue(slots.size() > 200, "shards used: " + slots.size());
    assertTrue(longest <= 3 * n / StreamIndex.EXPIRY_SHARDS, "longest list " + longest);
    assertEquals(expiry, t.meta().timerAt());

    StreamIndex.Expiry early = index.expire(t, expiry - 1);
    assertEquals(0, early.expired());
    StreamIndex.Expiry x = index.expire(t, expiry);
    assertEquals(n, x.expired());
    assertEquals(StreamIndex.NEVER, x.nextTimer());
    assertEquals(0, t.meta().size());
    assertTrue(t.ids().isEmpty());
    assertTrue(t.clusters().isEmpty());
    assertTrue(!t.expiries.keys().iterator().hasNext());
  }

  @Test
  void slotsSortByExpiryTimeAcrossShards() {
    long a = StreamIndex.expirySlot(1_000_000L, "zzz");
    long b = StreamIndex.expirySlot(1_000_001L, "aaa");
    assertTrue(a < b);
    assertEquals(-5_000L, StreamIndex.expiryOfSlot(StreamIndex.expirySlot(-5_000L, "x")));
    assertEquals(
        Retention.LATEST_EXPIRY,
        StreamIndex.expiryOfSlot(StreamIndex.expirySlot(Retention.LATEST_EXPIRY, "x")));
  }
}
