package io.newsdedup.pipeline.candidates;

import io.newsdedup.core.candidates.BucketPairs;
import io.newsdedup.core.fingerprint.AnchorFilter;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.pipeline.coders.LongArrayCoder;
import io.newsdedup.pipeline.shard.Shards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Candidate pairs from three indexes, merged: LSH banding (articles that share a band of their
 * MinHash signature: near-duplicates), anchors ({@link Anchors}: a text whose query anchors hit
 * another at least {@code minShared} times: excerpts and truncations, whose Jaccard is low) and
 * titles (articles with the same informative title, {@link io.newsdedup.core.article.Titles}: the
 * only way a low-content page — a paywall, a bare headline — finds its story). Low-content articles
 * take part through their title only. Output: distinct pairs (a, b) with a &lt; b. Buckets are
 * grouped by shard and split in memory; a hot LSH or title bucket yields a linear number of pairs
 * ({@link BucketPairs}); an anchor shared by more than {@code maxAnchorBucket} articles (a stock
 * phrase, leftover boilerplate, or a big group of identical copies that LSH already links) is
 * ignored.
 */
public final class FindCandidates
    extends PTransform<PCollection<Fingerprint>, PCollection<KV<String, String>>> {

  public static final String NAMESPACE = "candidates";
  public static final int DEFAULT_FULL_PAIRS_UP_TO = 50;
  public static final int DEFAULT_NEIGHBOURS = 4;
  public static final int DEFAULT_MAX_ANCHOR_BUCKET = 100;

  /** Marks a pair found by LSH or titles (always a candidate), as opposed to one anchor hit. */
  private static final int BY_LSH = 0;

  private static final int BY_ANCHOR = 1;

  private static final TupleTag<KV<Integer, KV<Long, String>>> BAND_KEYS = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, KV<Long, String>>> TITLE_KEYS = new TupleTag<>() {};
  private static final TupleTag<KV<String, long[]>> ANCHORED = new TupleTag<>() {};

  /**
   * Anchor roles of an article: indexed only, querying, querying with fewer anchors than needed.
   */
  private static final int INDEXED = 0;

  private static final int QUERY = 1;
  private static final int SHORT_QUERY = 2;

  private final LshParams lsh;
  private final int fullPairsUpTo;
  private final int neighbours;
  private final Anchors anchors;
  private final int maxAnchorBucket;
  private final boolean titles;
  private final int shards;

  private FindCandidates(
      LshParams lsh,
      int fullPairsUpTo,
      int neighbours,
      Anchors anchors,
      int maxAnchorBucket,
      boolean titles,
      int shards) {
    this.lsh = lsh;
    this.fullPairsUpTo = fullPairsUpTo;
    this.neighbours = neighbours;
    this.anchors = anchors;
    this.maxAnchorBucket = maxAnchorBucket;
    this.titles = titles;
    this.shards = shards;
  }

  public static FindCandidates withBanding(LshParams lsh) {
    return new FindCandidates(
        lsh,
        DEFAULT_FULL_PAIRS_UP_TO,
        DEFAULT_NEIGHBOURS,
        Anchors.defaults(),
        DEFAULT_MAX_ANCHOR_BUCKET,
        true,
        Shards.DEFAULT);
  }

  /** Buckets larger than {@code n} are "hot": star plus neighbours instead of all pairs. */
  public FindCandidates withFullPairsUpTo(int n) {
    return new FindCandidates(lsh, n, neighbours, anchors, maxAnchorBucket, titles, shards);
  }

  public FindCandidates withNeighbours(int k) {
    return new FindCandidates(lsh, fullPairsUpTo, k, anchors, maxAnchorBucket, titles, shards);
  }

  /** Anchor candidates with these parameters; null turns them off (LSH only). */
  public FindCandidates withAnchors(Anchors a) {
    return new FindCandidates(lsh, fullPairsUpTo, neighbours, a, maxAnchorBucket, titles, shards);
  }

  public FindCandidates withMaxAnchorBucket(int n) {
    return new FindCandidates(lsh, fullPairsUpTo, neighbours, anchors, n, titles, shards);
  }

  /**
   * Whether articles with the same informative title are candidates (low-content pages need it).
   */
  public FindCandidates withTitles(boolean on) {
    return new FindCandidates(lsh, fullPairsUpTo, neighbours, anchors, maxAnchorBucket, on, shards);
  }

  public FindCandidates withShards(int n) {
    return new FindCandidates(lsh, fullPairsUpTo, neighbours, anchors, maxAnchorBucket, titles, n);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<Fingerprint> docs) {
    if (fullPairsUpTo < 2 || neighbours < 1 || maxAnchorBucket < 2) {
      throw new IllegalArgumentException(
          "fullPairsUpTo and maxAnchorBucket must be >= 2, neighbours >= 1");
    }
    Shards.check(shards);
    // One pass over the fingerprints makes the keys of every index: on Flink each consumer of a
    // collection gets its own serialised copy of every element, and fingerprints are large.
    PCollectionTuple keys =
        docs.apply(
            "Keys",
            ParDo.of(new KeysFn(lsh, titles, anchors, shards))
                .withOutputTags(BAND_KEYS, TupleTagList.of(TITLE_KEYS).and(ANCHORED)));
    keys.get(BAND_KEYS).setCoder(bucketKeyCoder());
    keys.get(TITLE_KEYS).setCoder(bucketKeyCoder());
    PCollection<KV<String, long[]>> anchored =
        keys.get(ANCHORED).setCoder(KvCoder.of(StringUtf8Coder.of(), LongArrayCoder.INSTANCE));
    PCollectionList<KV<Integer, KV<KV<String, String>, Integer>>> found =
        PCollectionList.of(bucketPairs(keys.get(BAND_KEYS), "Bands"));
    if (titles) {
      found = found.and(bucketPairs(keys.get(TITLE_KEYS), "Titles"));
    }
    if (anchors != null) {
      // The anchor keys wait for the queried anchors of all articles, and on most runners what
      // waits is materialised: each article's (id, anchors), not its fingerprint.
      PCollectionView<long[]> queried =
          anchored.apply(
              "QueriedAnchors", Combine.globally(new AnchorQueries(anchors)).asSingletonView());
      found =
          found.and(
              anchored
                  .apply(
                      "AnchorKeys",
                      ParDo.of(new AnchorKeysFn(anchors, shards, queried)).withSideInputs(queried))
                  .setCoder(
                      KvCoder.of(
                          VarIntCoder.of(),
                          KvCoder.of(
                              VarLongCoder.of(),
                              KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))))
                  .apply("AnchorsByShard", GroupByKey.create())
                  .apply("AnchorPairs", ParDo.of(new AnchorPairsFn(maxAnchorBucket, shards)))
                  .setCoder(taggedPairCoder()));
    }
    return found
        .apply("AllPairs", Flatten.pCollections())
        .apply("PairsByShard", GroupByKey.create())
        .apply("SelectPairs", ParDo.of(new SelectFn(anchors == null ? 1 : anchors.minShared())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** The pairs of the buckets that articles are keyed to (LSH bands, titles). */
  private PCollection<KV<Integer, KV<KV<String, String>, Integer>>> bucketPairs(
      PCollection<KV<Integer, KV<Long, String>>> keys, String name) {
    return keys.apply(name + "ByShard", GroupByKey.create())
        .apply(name + "Pairs", ParDo.of(new PairsFn(fullPairsUpTo, neighbours, shards)))
        .setCoder(taggedPairCoder());
  }

  private static KvCoder<Integer, KV<Long, String>> bucketKeyCoder() {
    return KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()));
  }

  private static KvCoder<Integer, KV<KV<String, String>, Integer>> taggedPairCoder() {
    return KvCoder.of(
        VarIntCoder.of(),
        KvCoder.of(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), VarIntCoder.of()));
  }

  private static KV<Integer, KV<KV<String, String>, Integer>> tagged(
      String a, String b, int how, int shards) {
    return KV.of(Shards.of(a, shards), KV.of(KV.of(a, b), how));
  }

  /**
   * The keys of one article in every index: (shard of band key, (band key, id)) for each LSH band
   * of an article with content, (shard of title key, (title key, id)) when its title is informative
   * and titles are on, and (id, anchors) when anchors are on and it has content.
   */
  static final class KeysFn extends DoFn<Fingerprint, KV<Integer, KV<Long, String>>> {
    private final LshParams lsh;
    private final boolean titles;
    private final Anchors anchors;
    private final int shards;

    KeysFn(LshParams lsh, boolean titles, Anchors anchors, int shards) {
      this.lsh = lsh;
      this.titles = titles;
      this.anchors = anchors;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Fingerprint f, MultiOutputReceiver out) {
      boolean content = !f.facts().lowContent();
      if (content && !f.isEmpty()) {
        for (long key : lsh.bandKeys(f.signature())) {
          out.get(BAND_KEYS).output(KV.of(Shards.of(key, shards), KV.of(key, f.id())));
        }
      }
      long title = f.facts().titleKey();
      if (titles && title != 0) {
        out.get(TITLE_KEYS).output(KV.of(Shards.of(title, shards), KV.of(title, f.id())));
      }
      if (anchors != null && content) {
        out.get(ANCHORED).output(KV.of(f.id(), anchors.of(f.shingles())));
      }
    }
  }

  /** All pairs (or star plus neighbours, when hot) of each LSH band bucket or title bucket. */
  static final class PairsFn
      extends DoFn<
          KV<Integer, Iterable<KV<Long, String>>>, KV<Integer, KV<KV<String, String>, Integer>>> {
    private final int fullPairsUpTo;
    private final int neighbours;
    private final int shards;
    private final Counter hotBuckets = Metrics.counter(NAMESPACE, "hot_buckets");
    private final Counter pairs = Metrics.counter(NAMESPACE, "bucket_pairs");
    private final Distribution sizes = Metrics.distribution(NAMESPACE, "shared_bucket_size");

    PairsFn(int fullPairsUpTo, int neighbours, int shards) {
      this.fullPairsUpTo = fullPairsUpTo;
      this.neighbours = neighbours;
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Long, String>>> shard,
        OutputReceiver<KV<Integer, KV<KV<String, String>, Integer>>> out) {
      Map<Long, List<String>> buckets = new HashMap<>();
      for (KV<Long, String> e : shard.getValue()) {
        buckets.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2)).add(e.getValue());
      }
      for (List<String> ids : buckets.values()) {
        if (ids.size() < 2) {
          continue;
        }
        ids.sort(null);
        sizes.update(ids.size());
        if (ids.size() > fullPairsUpTo) {
          hotBuckets.inc();
        }
        BucketPairs.pairs(
            ids,
            fullPairsUpTo,
            neighbours,
            (a, b) -> {
              if (!a.equals(b)) {
                pairs.inc();
                out.output(tagged(a, b, BY_LSH, shards));
              }
            });
      }
    }
  }

  /**
   * (shard of anchor, (anchor, (id, role))): the role says whether the anchor is one of the
   * article's queries, and whether the article has fewer anchors than the hits a pair needs (a
   * short excerpt), in which case one hit is enough. An article indexes only the anchors that some
   * article queries ({@link AnchorFilter}): the others cannot make a pair.
   */
  static final class AnchorKeysFn
      extends DoFn<KV<String, long[]>, KV<Integer, KV<Long, KV<String, Integer>>>> {
    private final Anchors anchors;
    private final int shards;
    private final PCollectionView<long[]> queried;
    private transient AnchorFilter filter;
    private final Counter postings = Metrics.counter(NAMESPACE, "anchor_postings");
    private final Counter skipped = Metrics.counter(NAMESPACE, "anchor_postings_unqueried");

    AnchorKeysFn(Anchors anchors, int shards, PCollectionView<long[]> queried) {
      this.anchors = anchors;
      this.shards = shards;
      this.queried = queried;
    }

    @ProcessElement
    public void process(
        @Element KV<String, long[]> article,
        ProcessContext c,
        OutputReceiver<KV<Integer, KV<Long, KV<String, Integer>>>> out) {
      if (filter == null) {
        filter = AnchorFilter.fromWords(c.sideInput(queried)); // batch: one filter for all
      }
      long[] a = article.getValue();
      int queryRole = a.length < anchors.minShared() ? SHORT_QUERY : QUERY;
      int emitted = 0;
      for (int i = 0; i < a.length; i++) {
        boolean query = anchors.isQuery(i);
        if (query || filter.mightContain(a[i])) {
          emitted++;
          out.output(
              KV.of(
                  Shards.of(a[i], shards),
                  KV.of(a[i], KV.of(article.getKey(), query ? queryRole : INDEXED))));
        }
      }
      postings.inc(emitted);
      skipped.inc(a.length - emitted);
    }
  }

  /** Per anchor: each article that queries it, with every other article indexed under it. */
  static final class AnchorPairsFn
      extends DoFn<
          KV<Integer, Iterable<KV<Long, KV<String, Integer>>>>,
          KV<Integer, KV<KV<String, String>, Integer>>> {
    private final int maxBucket;
    private final int shards;
    private final Counter hotAnchors = Metrics.counter(NAMESPACE, "hot_anchors_ignored");
    private final Counter hits = Metrics.counter(NAMESPACE, "anchor_hits");

    AnchorPairsFn(int maxBucket, int shards) {
      this.maxBucket = maxBucket;
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Long, KV<String, Integer>>>> shard,
        OutputReceiver<KV<Integer, KV<KV<String, String>, Integer>>> out) {
      Map<Long, List<KV<String, Integer>>> buckets = new HashMap<>();
      for (KV<Long, KV<String, Integer>> e : shard.getValue()) {
        buckets.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2)).add(e.getValue());
      }
      for (List<KV<String, Integer>> bucket : buckets.values()) {
        if (bucket.size() < 2) {
          continue;
        }
        if (bucket.size() > maxBucket) {
          hotAnchors.inc();
          continue;
        }
        Map<KV<String, String>, Integer> pairs = new HashMap<>();
        for (KV<String, Integer> q : bucket) {
          if (q.getValue() == INDEXED) {
            continue;
          }
          int how = q.getValue() == SHORT_QUERY ? BY_LSH : BY_ANCHOR;
          for (KV<String, Integer> d : bucket) {
            int c = q.getKey().compareTo(d.getKey());
            if (c != 0) {
              pairs.merge(
                  c < 0 ? KV.of(q.getKey(), d.getKey()) : KV.of(d.getKey(), q.getKey()),
                  how,
                  Math::min);
            }
          }
        }
        pairs.forEach(
            (p, how) -> {
              hits.inc();
              out.output(tagged(p.getKey(), p.getValue(), how, shards));
            });
      }
    }
  }

  /** Distinct pairs found by LSH, or by at least {@code minShared} anchors. */
  static final class SelectFn
      extends DoFn<KV<Integer, Iterable<KV<KV<String, String>, Integer>>>, KV<String, String>> {
    private final int minShared;
    private final Counter byLsh = Metrics.counter(NAMESPACE, "candidate_pairs_lsh");
    private final Counter byAnchors = Metrics.counter(NAMESPACE, "candidate_pairs_anchors_only");

    SelectFn(int minShared) {
      this.minShared = minShared;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<KV<String, String>, Integer>>> shard,
        OutputReceiver<KV<String, String>> out) {
      Map<KV<String, String>, Integer> anchorHits = new HashMap<>();
      Set<KV<String, String>> lshPairs = new HashSet<>();
      for (KV<KV<String, String>, Integer> e : shard.getValue()) {
        if (e.getValue() == BY_LSH) {
          lshPairs.add(e.getKey());
        } else {
          anchorHits.merge(e.getKey(), 1, Integer::sum);
        }
      }
      for (KV<String, String> p : lshPairs) {
        byLsh.inc();
        out.output(p);
      }
      anchorHits.forEach(
          (p, n) -> {
            if (n >= minShared && !lshPairs.contains(p)) {
              byAnchors.inc();
              out.output(p);
            }
          });
    }
  }
}
