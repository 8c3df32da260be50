package io.newsdedup.bench.stream;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.fingerprint.Fingerprinting;
import io.newsdedup.core.index.Arrival;
import io.newsdedup.core.index.IndexTables;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.coders.IndexCoders;
import io.newsdedup.pipeline.options.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.commons.io.file.PathUtils;

/**
 * {@code bench stream-index}: the stream index's algorithm alone, the ceiling of its one key. The
 * corpus's articles are parsed, fingerprinted and decided one after the other in this thread
 * ({@link StreamIndex}, no runner, kept forever), against each of the states asked for, in turn on
 * the same arrival:
 *
 * <ul>
 *   <li>{@code heap}: hash maps of objects (Flink's heap backend, without its copies);
 *   <li>{@code encoded}: every value encoded with the job's state coders and decoded at every read,
 *       in memory (the coders' share of a serialising backend);
 *   <li>{@code rocksdb}: the same in RocksDB on local disk, a key per map entry as Flink's RocksDB
 *       backend keeps a {@code MapState} (without Flink's key-group prefix and caches), with the
 *       Bloom filter the stream job adds ({@code IndexStateBackend});
 *   <li>{@code rocksdb-nobloom}: the same without it (Beam's plain {@code --stateBackend=rocksdb}).
 * </ul>
 *
 * Every block of articles it prints each state's time per article, state reads per article and
 * bytes decoded, and for RocksDB its bytes on disk per indexed article; also the time to parse and
 * fingerprint (done in parallel before the key in the job) and an indexed entry's encoded size.
 */
public final class IndexBench {
  private IndexBench() {}

  /** The states {@code --state} can name. */
  public static final List<String> STATES =
      List.of("heap", "encoded", "rocksdb", "rocksdb-nobloom");

  private static final class State implements AutoCloseable {
    final String name;
    final IndexTables tables;
    final ByteStore store;
    final EncodedTables.Counts counts = new EncodedTables.Counts();
    long nanos;
    long reads;
    long bytesRead;

    State(String name, Path workDir) throws IOException {
      this.name = name;
      switch (name) {
        case "heap" -> {
          store = null;
          tables = IndexTables.inMemory();
        }
        case "encoded" -> {
          store = ByteStore.inMemory();
          tables = EncodedTables.create(store, counts);
        }
        case "rocksdb", "rocksdb-nobloom" -> {
          Path dir = workDir.resolve("stream-index-" + name);
          if (Files.exists(dir)) {
            PathUtils.deleteDirectory(dir);
          }
          store = ByteStore.rocksDb(dir, name.equals("rocksdb"));
          tables = EncodedTables.create(store, counts);
        }
        default ->
            throw new UsageException(
                "--state takes " + String.join(", ", STATES) + ", not \"" + name + "\"");
      }
    }

    @Override
    public void close() {
      if (store != null) {
        store.close();
      }
    }
  }

  /**
   * @param states names from {@link #STATES}
   * @param workDir where RocksDB keeps its files
   */
  public static void run(
      Path corpus,
      int articles,
      List<String> states,
      Path workDir,
      MatchingSettings s,
      PrintStream out)
      throws IOException {
    Fingerprinting fingerprinting = s.fingerprinting();
    StreamIndex index = new StreamIndex(s, Retention.FOREVER);
    List<State> backings = new ArrayList<>();
    try {
      for (String name : states) {
        backings.add(new State(name.trim().toLowerCase(Locale.ROOT), workDir));
      }
      long parse = 0;
      long bytes = 0;
      int block = Math.max(5_000, articles / 20);
      try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
        int i = 0;
        for (String line = r.readLine(); line != null && i < articles; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          i++;
          long t0 = System.nanoTime();
          Article a =
              ArticleParser.parseJsonLine(line, Origin.ofLine(corpus.toString(), i)).article();
          if (a == null) {
            continue;
          }
          Fingerprint f = fingerprinting.of(a);
          parse += System.nanoTime() - t0;
          Arrival x = new Arrival(f, "m" + i, Arrival.contentHash(a), 0, null, Map.of());
          for (State st : backings) {
            long t1 = System.nanoTime();
            index.arrive(st.tables, x, 0);
            st.nanos += System.nanoTime() - t1;
          }
          bytes += CoderUtils.encodeToByteArray(IndexCoders.ArrivalCoder.of(), x.stored()).length;
          if (i % block == 0) {
            report(out, i, block, parse, bytes, backings);
            parse = 0;
          }
        }
        if (i % block != 0) {
          report(out, i, i % block, parse, bytes, backings);
        }
      }
    } finally {
      backings.forEach(State::close);
    }
  }

  /** Prints the block of {@code n} articles that ends at article {@code i}, and starts the next. */
  private static void report(
      PrintStream out, int i, int n, long parse, long bytes, List<State> backings) {
    out.printf(
        "bench stream-index: %,d indexed; parse and fingerprint %.2f ms/article; an entry"
            + " %.1f KB encoded%n",
        i, parse / 1e6 / n, bytes / 1e3 / i);
    for (State st : backings) {
      String detail = "";
      if (st.store != null) {
        long disk = st.store.bytesOnDisk();
        detail =
            String.format(
                    "; %.0f state reads and %.0f KB decoded per article",
                    (st.counts.reads - st.reads) / (double) n,
                    (st.counts.bytesRead - st.bytesRead) / 1e3 / n)
                + (disk == 0
                    ? ""
                    : String.format("; %.1f KB on disk per indexed article", disk / 1e3 / i));
      }
      out.printf(
          "  %-15s %.2f ms/article, %,.0f articles/s%s%n",
          st.name, st.nanos / 1e6 / n, n / (st.nanos / 1e9), detail);
      st.nanos = 0;
      st.reads = st.counts.reads;
      st.bytesRead = st.counts.bytesRead;
    }
  }
}
