package io.newsdedup.pipeline.index;

import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.read.UniqueIds;
import io.newsdedup.pipeline.shard.Shards;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * This run's articles together with the index of earlier runs: every indexed article, and every
 * input article; an input article whose id is already indexed (the same file run again) replaces
 * the indexed one and remembers its previous cluster. Input records named in {@link #without} (e.g.
 * those that gave up their id) are dropped here, before they could replace an indexed one.
 */
public final class MergeWithIndex extends PTransform<PCollection<Cleaned>, PCollection<Cleaned>> {
  public static final String NAMESPACE = "index";

  private static final TupleTag<Cleaned> INPUT = new TupleTag<>() {};
  private static final TupleTag<Cleaned> INDEXED = new TupleTag<>() {};

  private final PCollection<Cleaned> indexed;
  private final int shards;
  private final PCollectionView<Map<String, String>> dropped;

  private MergeWithIndex(
      PCollection<Cleaned> indexed, int shards, PCollectionView<Map<String, String>> dropped) {
    this.indexed = indexed;
    this.shards = shards;
    this.dropped = dropped;
  }

  public static MergeWithIndex of(PCollection<Cleaned> indexed) {
    return new MergeWithIndex(indexed, Shards.DEFAULT, null);
  }

  public MergeWithIndex withShards(int n) {
    return new MergeWithIndex(indexed, n, dropped);
  }

  /** Drops the input records whose origin (as a string) is a key of {@code view} (null: none). */
  public MergeWithIndex without(PCollectionView<Map<String, String>> view) {
    return new MergeWithIndex(indexed, shards, view);
  }

  @Override
  public PCollection<Cleaned> expand(PCollection<Cleaned> input) {
    int n = shards;
    var coder = KvCoder.of(VarIntCoder.of(), CoreCoders.CleanedCoder.of());
    return KeyedPCollectionTuple.of(
            INPUT,
            input
                .apply("InputByShard", WithKeys.of((Cleaned c) -> Shards.of(c.id(), n)))
                .setCoder(coder))
        .and(
            INDEXED,
            indexed
                .apply("IndexedByShard", WithKeys.of((Cleaned c) -> Shards.of(c.id(), n)))
                .setCoder(coder))
        .apply("ById", CoGroupByKey.create())
        .apply(
            "Merge",
            dropped == null
                ? ParDo.of(new MergeFn(null))
                : ParDo.of(new MergeFn(dropped)).withSideInputs(dropped))
        .setCoder(CoreCoders.CleanedCoder.of());
  }

  static final class MergeFn extends DoFn<KV<Integer, CoGbkResult>, Cleaned> {
    private final Counter fromIndex = Metrics.counter(NAMESPACE, "articles_from_index");
    private final Counter again = Metrics.counter(NAMESPACE, "input_articles_already_indexed");
    private final PCollectionView<Map<String, String>> dropped;
    private transient Map<String, String> toDrop;

    MergeFn(PCollectionView<Map<String, String>> dropped) {
      this.dropped = dropped;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, CoGbkResult> shard,
        OutputReceiver<Cleaned> out,
        ProcessContext context) {
      if (toDrop == null) { // batch, global window: the same side input for every element
        toDrop = dropped == null ? Map.of() : context.sideInput(dropped);
      }
      Map<String, Cleaned> indexedById = new HashMap<>();
      for (Cleaned c : shard.getValue().getAll(INDEXED)) {
        indexedById.put(c.id(), c);
      }
      for (Cleaned c : shard.getValue().getAll(INPUT)) {
        if (UniqueIds.isDropped(toDrop, c.origin())) {
          continue; // rejected by whoever named it
        }
        Cleaned before = indexedById.remove(c.id());
        if (before != null) {
          again.inc();
          out.output(c.withPrevious(before.previousClusterId()));
        } else {
          out.output(c);
        }
      }
      for (Cleaned c : indexedById.values()) {
        fromIndex.inc();
        out.output(c);
      }
    }
  }
}
