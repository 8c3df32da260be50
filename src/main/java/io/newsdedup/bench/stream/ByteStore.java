package io.newsdedup.bench.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/** Sorted byte keys to byte values: what {@link EncodedTables} keep the index's state in. */
interface ByteStore extends AutoCloseable {
  byte[] get(byte[] key);

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /** The keys that start with {@code prefix}, in order. */
  List<byte[]> keysWithPrefix(byte prefix);

  /** Bytes on disk (0 in memory), after writing out what is buffered. */
  long bytesOnDisk();

  @Override
  void close();

  static ByteStore inMemory() {
    Map<byte[], byte[]> map = new TreeMap<>(Arrays::compareUnsigned);
    return new ByteStore() {
      @Override
      public byte[] get(byte[] key) {
        return map.get(key);
      }

      @Override
      public void put(byte[] key, byte[] value) {
        map.put(key, value);
      }

      @Override
      public void delete(byte[] key) {
        map.remove(key);
      }

      @Override
      public List<byte[]> keysWithPrefix(byte prefix) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] k : map.keySet()) {
          if (k.length > 0 && k[0] == prefix) {
            out.add(k);
          }
        }
        return out;
      }

      @Override
      public long bytesOnDisk() {
        return 0;
      }

      @Override
      public void close() {}
    };
  }

  /**
   * RocksDB in {@code dir} (created, must be empty or absent), with the options Flink's RocksDB
   * backend starts from (its DEFAULT profile is RocksDB's defaults) and, as Flink, no write-ahead
   * log (Flink's checkpoints make it durable); with {@code bloomFilter}, the Bloom filter the
   * stream job adds ({@code IndexStateBackend}).
   */
  static ByteStore rocksDb(Path dir, boolean bloomFilter) {
    RocksDB.loadLibrary();
    try {
      Files.createDirectories(dir);
      Options options = new Options().setCreateIfMissing(true);
      if (bloomFilter) {
        options.setTableFormatConfig(
            new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false)));
      }
      RocksDB db = RocksDB.open(options, dir.toString());
      WriteOptions write = new WriteOptions().setDisableWAL(true);
      return new RocksStore(db, options, write, dir);
    } catch (RocksDBException | IOException e) {
      throw new IllegalStateException("cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** {@link ByteStore#rocksDb}. */
  final class RocksStore implements ByteStore {
    private final RocksDB db;
    private final Options options;
    private final WriteOptions write;
    private final Path dir;

    RocksStore(RocksDB db, Options options, WriteOptions write, Path dir) {
      this.db = db;
      this.options = options;
      this.write = write;
      this.dir = dir;
    }

    @Override
    public byte[] get(byte[] key) {
      try {
        return db.get(key);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void put(byte[] key, byte[] value) {
      try {
        db.put(write, key, value);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void delete(byte[] key) {
      try {
        db.delete(write, key);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public List<byte[]> keysWithPrefix(byte prefix) {
      List<byte[]> out = new ArrayList<>();
      try (RocksIterator it = db.newIterator()) {
        for (it.seek(new byte[] {prefix}); it.isValid(); it.next()) {
          byte[] k = it.key();
          if (k.length == 0 || k[0] != prefix) {
            break;
          }
          out.add(k);
        }
      }
      return out;
    }

    @Override
    public long bytesOnDisk() {
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        db.flush(flush);
        try (var files = Files.walk(dir)) {
          return files.filter(Files::isRegularFile).mapToLong(RocksStore::size).sum();
        }
      } catch (RocksDBException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private static long size(Path p) {
      try {
        return Files.size(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      db.close();
      write.close();
      options.close();
    }
  }
}
