package io.newsdedup.bench.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Fingerprinting;
import io.newsdedup.core.index.Arrival;
import io.newsdedup.core.index.IndexTables;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.options.UsageException;
import io.newsdedup.testing.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's encoded and RocksDB states are faithful: the index decides the same on them as on
 * hash maps of objects, arrivals and expiries alike; and {@code bench stream-index} reports each.
 */
class EncodedTablesTest {
  @TempDir Path tmp;

  static final long HOUR = 3_600_000L;
  static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
  final MatchingSettings settings = TestSettings.matching();
  final Fingerprinting fingerprinting = settings.fingerprinting();

  static String words(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : i % 12 == 11 ? ". " : " ");
      for (int j = 3 + r.nextInt(6); j > 0; j--) {
        b.append((char) ('a' + r.nextInt(26)));
      }
    }
    return b.append('.').toString();
  }

  /** 40 stories, each an original and up to three copies (whole, wrapped, cut), hours apart. */
  List<Arrival> arrivals() {
    Random r = new Random(3);
    List<Arrival> out = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      String title = "Story " + s + " " + words(r, 5);
      String body = words(r, 250);
      String[] texts = {
        body, "Read the original article here.\n\n" + body, body.substring(0, body.length() * 2 / 3)
      };
      for (int c = 0; c <= r.nextInt(4); c++) {
        String id = "s" + s + "-" + c;
        String text = c == 0 ? body : texts[r.nextInt(texts.length)];
        Instant at = T0.plusMillis((s + c) * HOUR);
        Article a =
            new Article(
                id,
                "https://site" + c + ".example/" + id,
                "site" + c + ".example",
                title,
                text,
                at,
                Origin.ofMessage("m-" + id));
        out.add(
            new Arrival(
                fingerprinting.of(a),
                "m-" + id,
                Arrival.contentHash(a),
                at.toEpochMilli(),
                null,
                Map.of()));
      }
    }
    return out;
  }

  static Map<String, Object> state(IndexTables t) {
    Map<String, Object> out = new TreeMap<>();
    for (String id : t.ids()) {
      out.put("assignment " + id, t.assignment(id));
    }
    out.put("clusters", new TreeMap<>(t.clusters()));
    out.put("edges", t.edgeSet());
    out.put("meta", t.meta());
    return out;
  }

  @Test
  void theIndexDecidesTheSameOnEveryState() {
    StreamIndex index = new StreamIndex(settings, Retention.parse("1d"));
    IndexTables heap = IndexTables.inMemory();
    IndexTables encoded = EncodedTables.create(ByteStore.inMemory(), new EncodedTables.Counts());
    try (ByteStore rocks = ByteStore.rocksDb(tmp.resolve("rocks"), true)) {
      IndexTables rocksDb = EncodedTables.create(rocks, new EncodedTables.Counts());
      List<Arrival> in = arrivals();
      for (Arrival a : in) {
        StreamIndex.Outcome o = index.arrive(heap, a, 0);
        assertEquals(o, index.arrive(encoded, a, 0), a.id());
        assertEquals(o, index.arrive(rocksDb, a, 0), a.id());
      }
      assertTrue(heap.clusters().size() < in.size(), "copies were clustered");
      assertEquals(state(heap), state(encoded));
      assertEquals(state(heap), state(rocksDb));

      long upTo = T0.toEpochMilli() + 30 * HOUR + 86_400_000L;
      StreamIndex.Expiry x = index.expire(heap, upTo);
      assertTrue(x.expired() > 0, "some articles expired");
      assertEquals(x, index.expire(encoded, upTo));
      assertEquals(x, index.expire(rocksDb, upTo));
      assertEquals(state(heap), state(encoded));
      assertEquals(state(heap), state(rocksDb));
    }
  }

  @Test
  void benchStreamIndexReportsEachState() throws Exception {
    Path corpus = tmp.resolve("feed.jsonl");
    Files.copy(Path.of("testdata/mixed/feed.jsonl"), corpus);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    IndexBench.run(
        corpus,
        1_000,
        List.of("heap", "encoded", "rocksdb"),
        tmp,
        settings,
        new PrintStream(b, true, StandardCharsets.UTF_8));
    String out = b.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains(" indexed; parse and fingerprint"), out);
    assertTrue(out.matches("(?s).*\\n  heap +[0-9.]+ ms/article.*"), out);
    assertTrue(out.matches("(?s).*\\n  encoded +[0-9.]+ ms/article, .* state reads .*"), out);
    assertTrue(out.matches("(?s).*\\n  rocksdb +[0-9.]+ ms/article, .* KB on disk per .*"), out);

    UsageException e =
        assertThrows(
            UsageException.class,
            () -> IndexBench.run(corpus, 10, List.of("heap", "memory"), tmp, settings, System.out));
    assertTrue(e.getMessage().contains("not \"memory\""), e.getMessage());
  }
}
