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
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code bench stream-index}: the stream index's algorithm alone, the ceiling of its one key. The
 * corpus's articles are parsed, fingerprinted and decided one after the other in this thread
 * ({@link StreamIndex} over hash maps, no runner, kept forever); every 5,000 it prints the time per
 * article of the index and of parsing and fingerprinting, and the encoded size of an indexed
 * article's entry.
 */
public final class IndexBench {
  private IndexBench() {}

  public static void run(Path corpus, int articles, MatchingSettings s, PrintStream out)
      throws IOException {
    Fingerprinting fingerprinting = s.fingerprinting();
    StreamIndex index = new StreamIndex(s, Retention.FOREVER);
    IndexTables tables = IndexTables.inMemory();
    long parse = 0;
    long decide = 0;
    long bytes = 0;
    int block = 5_000;
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
        long t1 = System.nanoTime();
        Arrival x = new Arrival(f, "m" + i, Arrival.contentHash(a), 0, null, Map.of());
        index.arrive(tables, x, 0);
        long t2 = System.nanoTime();
        parse += t1 - t0;
        decide += t2 - t1;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        IndexCoders.ArrivalCoder.of().encode(x.stored(), b);
        bytes += b.size();
        if (i % block == 0) {
          out.printf(
              "bench stream-index: %,d indexed: index %.2f ms/article (%,.0f/s), parse and"
                  + " fingerprint %.2f ms/article; an entry %.1f KB encoded%n",
              i,
              decide / 1e6 / block,
              block / (decide / 1e9),
              parse / 1e6 / block,
              bytes / 1e3 / i);
          parse = 0;
          decide = 0;
        }
      }
    }
  }
}
