package io.newsdedup.pipeline.candidates;

import io.newsdedup.core.fingerprint.AnchorFilter;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.pipeline.coders.Codec;
import io.newsdedup.pipeline.coders.LongArrayCoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.values.KV;

/**
 * Collects the query anchors of all articles (their (id, anchors) from {@code
 * FindCandidates.KeysFn}) into an {@link AnchorFilter} (as its words), so that articles index only
 * the anchors someone queries. The accumulator is the plain list of queries (eight per article), so
 * partial results stay small; the filter is built once, at the end.
 */
final class AnchorQueries extends CombineFn<KV<String, long[]>, AnchorQueries.Queries, long[]> {
  private final Anchors anchors;

  AnchorQueries(Anchors anchors) {
    this.anchors = anchors;
  }

  @Override
  public Queries createAccumulator() {
    return new Queries(new long[64], 0);
  }

  @Override
  public Queries addInput(Queries acc, KV<String, long[]> article) {
    long[] a = article.getValue();
    for (int i = 0; i < a.length && anchors.isQuery(i); i++) {
      acc.add(a[i]);
    }
    return acc;
  }

  /** Appends into the largest accumulator (which it may modify): linear, however runners merge. */
  @Override
  public Queries mergeAccumulators(Iterable<Queries> accs) {
    Queries largest = null;
    for (Queries a : accs) {
      if (largest == null || a.count > largest.count) {
        largest = a;
      }
    }
    if (largest == null) {
      return createAccumulator();
    }
    for (Queries a : accs) {
      if (a != largest) {
        largest.addAll(a);
      }
    }
    return largest;
  }

  @Override
  public long[] extractOutput(Queries acc) {
    return AnchorFilter.of(acc.values, acc.count).words();
  }

  @Override
  public Coder<Queries> getAccumulatorCoder(
      CoderRegistry registry, Coder<KV<String, long[]>> input) {
    return QueriesCoder.INSTANCE;
  }

  @Override
  public Coder<long[]> getDefaultOutputCoder(
      CoderRegistry registry, Coder<KV<String, long[]>> input) {
    return LongArrayCoder.INSTANCE;
  }

  /** A growable list of query anchors. */
  static final class Queries {
    long[] values;
    int count;

    Queries(long[] values, int count) {
      this.values = values;
      this.count = count;
    }

    void addAll(Queries other) {
      if (count + other.count > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, count + other.count));
      }
      System.arraycopy(other.values, 0, values, count, other.count);
      count += other.count;
    }

    void add(long v) {
      if (count == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[count++] = v;
    }
  }

  static final class QueriesCoder extends Codec<Queries> {
    static final QueriesCoder INSTANCE = new QueriesCoder();

    @Override
    protected void write(Queries q, DataOutputStream out) throws IOException {
      writeLongs(Arrays.copyOf(q.values, q.count), out);
    }

    @Override
    protected Queries read(DataInputStream in) throws IOException {
      long[] v = readLongs(in);
      return new Queries(v.length == 0 ? new long[64] : v, v.length);
    }
  }
}
