package io.newsdedup.bench.stream;

import io.newsdedup.core.index.IndexTables;
import io.newsdedup.pipeline.coders.IndexCoders;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * {@link IndexTables} whose values are kept encoded with the job's state coders ({@link
 * IndexCoders}) in a {@link ByteStore} and decoded at every read, as Flink's RocksDB backend keeps
 * a {@code MapState}: each table a key prefix, each entry a key of its own. With {@link
 * ByteStore#rocksDb} it is RocksDB itself; with {@link ByteStore#inMemory} only the coders' cost.
 * It counts the reads, writes and bytes decoded.
 */
final class EncodedTables {
  private EncodedTables() {}

  /** Reads, writes and bytes so far, over all tables. */
  static final class Counts {
    long reads;
    long writes;
    long bytesRead;
    long bytesWritten;
  }

  static IndexTables create(ByteStore store, Counts counts) {
    Function<String, byte[]> ids = s -> s.getBytes(StandardCharsets.UTF_8);
    Function<byte[], String> idsBack = b -> new String(b, StandardCharsets.UTF_8);
    Function<Long, byte[]> longs = l -> ByteBuffer.allocate(8).putLong(l).array();
    Function<byte[], Long> longsBack = b -> ByteBuffer.wrap(b).getLong();
    return new IndexTables(
        new Table<>(store, 1, ids, idsBack, IndexCoders.ArrivalCoder.of(), counts),
        new Table<>(store, 2, ids, idsBack, IndexCoders.AssignmentCoder.INSTANCE, counts),
        new Table<>(store, 3, ids, idsBack, IndexCoders.IdsCoder.INSTANCE, counts),
        new Table<>(store, 4, longs, longsBack, IndexCoders.IdsCoder.INSTANCE, counts),
        new Table<>(store, 5, longs, longsBack, IndexCoders.IdsCoder.INSTANCE, counts),
        new Table<>(store, 6, longs, longsBack, IndexCoders.AnchorRefsCoder.INSTANCE, counts),
        new Table<>(store, 7, ids, idsBack, IndexCoders.ClusterInfoCoder.INSTANCE, counts),
        new Table<>(store, 8, longs, longsBack, IndexCoders.IdsCoder.INSTANCE, counts),
        new Cell<>(store, IndexCoders.MetaCoder.INSTANCE, counts));
  }

  private static <V> byte[] encode(Coder<V> coder, V value, Counts counts) {
    try {
      byte[] b = CoderUtils.encodeToByteArray(coder, value);
      counts.writes++;
      counts.bytesWritten += b.length;
      return b;
    } catch (CoderException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <V> V decode(Coder<V> coder, byte[] bytes, Counts counts) {
    counts.reads++;
    if (bytes == null) {
      return null;
    }
    try {
      counts.bytesRead += bytes.length;
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Table<K, V> implements IndexTables.Table<K, V> {
    private final ByteStore store;
    private final byte prefix;
    private final Function<K, byte[]> keyBytes;
    private final Function<byte[], K> keyOf;
    private final Coder<V> coder;
    private final Counts counts;

    Table(
        ByteStore store,
        int prefix,
        Function<K, byte[]> keyBytes,
        Function<byte[], K> keyOf,
        Coder<V> coder,
        Counts counts) {
      this.store = store;
      this.prefix = (byte) prefix;
      this.keyBytes = keyBytes;
      this.keyOf = keyOf;
      this.coder = coder;
      this.counts = counts;
    }

    private byte[] key(K k) {
      byte[] b = keyBytes.apply(k);
      byte[] out = new byte[b.length + 1];
      out[0] = prefix;
      System.arraycopy(b, 0, out, 1, b.length);
      return out;
    }

    @Override
    public V get(K key) {
      return decode(coder, store.get(key(key)), counts);
    }

    @Override
    public void put(K key, V value) {
      store.put(key(key), encode(coder, value, counts));
    }

    @Override
    public void remove(K key) {
      counts.writes++;
      store.delete(key(key));
    }

    @Override
    public Iterable<K> keys() {
      List<K> out = new ArrayList<>();
      for (byte[] k : store.keysWithPrefix(prefix)) {
        out.add(keyOf.apply(Arrays.copyOfRange(k, 1, k.length)));
      }
      return out;
    }
  }

  private static final class Cell<V> implements IndexTables.Cell<V> {
    private static final byte[] KEY = {0};
    private final ByteStore store;
    private final Coder<V> coder;
    private final Counts counts;

    Cell(ByteStore store, Coder<V> coder, Counts counts) {
      this.store = store;
      this.coder = coder;
      this.counts = counts;
    }

    @Override
    public V get() {
      return decode(coder, store.get(KEY), counts);
    }

    @Override
    public void put(V v) {
      store.put(KEY, encode(coder, v, counts));
    }
  }
}
