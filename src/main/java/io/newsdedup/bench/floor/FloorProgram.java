package io.newsdedup.bench.floor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.shingle.Mix64;
import io.newsdedup.core.shingle.Shingler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The floor program: the least work any job that finds copies with shingled MinHash and LSH must
 * do, in plain Java on one thread, as fast as we can write it. {@code bench --floor=true} times it
 * next to the batch job on the same corpus, and our ratio to it is the price of everything else
 * (the runner, cleaning, verification, clusters, output).
 *
 * <p>It reads a JSONL file (one article per line; {@code id} and {@code text} must be strings,
 * other lines are skipped and counted), splits lines on the raw bytes and parses each with
 * Jackson's streaming parser; shingles each text with our kernels (5-word shingles, {@link
 * Shingler}; OPH MinHash-128, {@link MinHasher}; the 9 bands of 13 rows of {@link #BANDS}, the same
 * keys as the batch job and {@code RunnerFloor}); keeps a map from band key to its bucket's first
 * article and size, and joins the articles that share a bucket with union-find. It prints one line:
 *
 * <pre>
 * RESULT floorProgram docs=D skipped=S shingles=N buckets=B links=L clusters=C dup_docs=U sec=T
 *   docs_per_s=R
 * </pre>
 *
 * (on one line): articles read and lines skipped, distinct shingles over all articles, buckets of
 * at least two articles and their members beyond the first (as {@code RunnerFloor} counts them),
 * groups of articles joined by some bucket (an article alone is a group of one), articles that are
 * not the first of their group, and the seconds from start to end of {@link #main}.
 *
 * <p>Usage: {@code java -Xmx2g -cp news-dedup.jar io.newsdedup.bench.floor.FloorProgram
 * CORPUS.jsonl}, or {@code news-dedup bench floor --corpus=CORPUS.jsonl}. No Beam.
 */
public final class FloorProgram {
  /** LSH bands: 9 bands of 13 of the 128 signature positions. */
  public static final LshParams BANDS = new LshParams(9, 13);

  private static final JsonFactory JSON = new JsonFactory();

  private FloorProgram() {}

  /** What one pass over a corpus found; see the class description. */
  public record Counts(
      long docs,
      long skipped,
      long shingles,
      long buckets,
      long links,
      long clusters,
      long dupDocs) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: FloorProgram CORPUS.jsonl");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Counts c = run(Path.of(args[0]));
    print(c, (System.nanoTime() - t0) / 1e9, System.out);
  }

  /** Prints the {@code RESULT floorProgram} line of counts {@code c} found in {@code seconds}. */
  public static void print(Counts c, double seconds, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "RESULT floorProgram docs=%d skipped=%d shingles=%d buckets=%d"
            + " links=%d clusters=%d dup_docs=%d sec=%.3f docs_per_s=%.0f%n",
        c.docs(),
        c.skipped(),
        c.shingles(),
        c.buckets(),
        c.links(),
        c.clusters(),
        c.dupDocs(),
        seconds,
        c.docs() / seconds);
  }

  /** Reads, shingles, MinHashes and buckets every article of {@code corpus}. */
  public static Counts run(Path corpus) throws IOException {
    Pass pass = new Pass();
    try (InputStream in = Files.newInputStream(corpus)) {
      byte[] buf = new byte[1 << 20];
      int start = 0; // first byte of the current line
      int end = 0; // end of the bytes read
      while (true) {
        int scan = end; // bytes before it (from start) hold no newline
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          break;
        }
        end += n;
        for (int i = scan; i < end; i++) {
          if (buf[i] == '\n') {
            pass.line(buf, start, i);
            start = i + 1;
          }
        }
        if (start > 0) { // keep the unfinished line at the start of the buffer
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        }
        if (end == buf.length) { // a line longer than the buffer
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
      if (end > start) {
        pass.line(buf, start, end);
      }
    }
    return pass.counts();
  }

  /** The state of one pass: kernels, buckets and groups. */
  private static final class Pass {
    private final Shingler shingler = new Shingler(Shingler.DEFAULT_K);
    private final MinHasher minHasher =
        new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);
    private final Buckets buckets = new Buckets();
    private int[] parent = new int[1 << 16];
    private int docs;
    private long skipped;
    private long shingles;

    /** One line, {@code buf[from, to)} without its newline. */
    void line(byte[] buf, int from, int to) throws IOException {
      if (to > from && buf[to - 1] == '\r') {
        to--;
      }
      String text = text(buf, from, to - from);
      if (text == null) {
        skipped++;
        return;
      }
      int doc = docs++;
      if (doc == parent.length) {
        parent = Arrays.copyOf(parent, doc * 2);
      }
      parent[doc] = doc;
      long[] set = shingler.shingles(text);
      if (set.length == 0) {
        return;
      }
      shingles += set.length;
      for (long key : BANDS.bandKeys(minHasher.signature(set))) {
        int first = buckets.add(key, doc);
        if (first >= 0) {
          union(first, doc);
        }
      }
    }

    /** The {@code text} of a JSON object with string {@code id} and {@code text}; else null. */
    private static String text(byte[] buf, int offset, int length) throws IOException {
      boolean id = false;
      String text = null;
      try (JsonParser p = JSON.createParser(buf, offset, length)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (value == JsonToken.VALUE_STRING && name.equals("text")) {
            text = p.getText();
          } else if (value == JsonToken.VALUE_STRING && name.equals("id")) {
            id = true;
          } else {
            p.skipChildren();
          }
        }
      } catch (JsonProcessingException e) {
        return null; // not JSON, or cut short
      }
      return id ? text : null;
    }

    private int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    private void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }

    Counts counts() {
      long clusters = 0;
      for (int i = 0; i < docs; i++) {
        if (find(i) == i) {
          clusters++;
        }
      }
      return new Counts(
          docs, skipped, shingles, buckets.shared(), buckets.links(), clusters, docs - clusters);
    }
  }

  /**
   * Open-addressing map from band key to the first article in its bucket and the bucket's size
   * (linear probing, at most half full; key 0 is kept aside, as 0 marks a free slot).
   */
  static final class Buckets {
    private long[] keys = new long[1 << 16];
    private int[] first = new int[keys.length];
    private int[] sizes = new int[keys.length]; // 0: free slot
    private int used;
    private int zeroFirst = -1;
    private int zeroSize;

    /**
     * Adds {@code doc} to the bucket of {@code key}; returns the bucket's first article, or -1 if
     * {@code doc} is the first.
     */
    int add(long key, int doc) {
      if (key == 0) {
        zeroSize++;
        if (zeroFirst < 0) {
          zeroFirst = doc;
          return -1;
        }
        return zeroFirst;
      }
      int mask = keys.length - 1;
      int i = (int) Mix64.fmix64(key) & mask;
      while (sizes[i] != 0) {
        if (keys[i] == key) {
          sizes[i]++;
          return first[i];
        }
        i = (i + 1) & mask;
      }
      keys[i] = key;
      first[i] = doc;
      sizes[i] = 1;
      if (++used * 2 > keys.length) {
        grow();
      }
      return -1;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldFirst = first;
      int[] oldSizes = sizes;
      keys = new long[oldKeys.length * 2];
      first = new int[keys.length];
      sizes = new int[keys.length];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldSizes[j] != 0) {
          int i = (int) Mix64.fmix64(oldKeys[j]) & mask;
          while (sizes[i] != 0) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          first[i] = oldFirst[j];
          sizes[i] = oldSizes[j];
        }
      }
    }

    /** Buckets of at least two articles. */
    long shared() {
      long n = zeroSize >= 2 ? 1 : 0;
      for (int s : sizes) {
        if (s >= 2) {
          n++;
        }
      }
      return n;
    }

    /** Members of buckets beyond their first. */
    long links() {
      long n = Math.max(0, zeroSize - 1);
      for (int s : sizes) {
        n += Math.max(0, s - 1);
      }
      return n;
    }
  }
}
