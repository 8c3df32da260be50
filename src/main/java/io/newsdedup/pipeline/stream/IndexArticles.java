package io.newsdedup.pipeline.stream;

import io.newsdedup.core.article.Rejection.Reasons;
import io.newsdedup.core.fingerprint.Fingerprinting;
import io.newsdedup.core.index.Arrival;
import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.IndexTables;
import io.newsdedup.core.index.IndexValues.AnchorRef;
import io.newsdedup.core.index.IndexValues.Assignment;
import io.newsdedup.core.index.IndexValues.ClusterInfo;
import io.newsdedup.core.index.IndexValues.Meta;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.pipeline.coders.IndexCoders;
import io.newsdedup.pipeline.index.IndexSeeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Gauge;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.MapState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful index: every arrival goes to one key, whose state holds the whole {@link
 * StreamIndex} ({@link IndexTables} backed by {@code MapState}, so a runner with a key-value state
 * backend reads and writes only the entries an arrival touches). Emits {@link #DECISIONS} and, for
 * an id already indexed with other content or an article the index fails on, {@link #REJECTED}. An
 * event-time timer expires articles ({@code --indexRetention}); it is set to the earliest pending
 * expiry and produces no output, so it holds no watermark.
 *
 * <p>One key means one worker holds the index and processes arrivals one at a time: the price of
 * exactly the batch's results (a candidate edge may join any two articles, and a component is
 * rebuilt as a whole). Memory per indexed article is about its shingle set (8 bytes per distinct
 * shingle, a few KB for a news story) plus its signature (8 bytes per hash, 1 KB at 128), its
 * facts, its postings (one per LSH band, one per anchor, one per title) and its edges. For big
 * streams, run on Flink with the RocksDB state backend.
 */
public final class IndexArticles extends PTransform<PCollection<Arrival>, PCollectionTuple> {

  public static final String NAMESPACE = FingerprintMessages.NAMESPACE;
  public static final TupleTag<Decision> DECISIONS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> REJECTED = new TupleTag<>() {};

  private final StreamIndex index;
  private final MatchingSettings settings;
  private final String seedIndex;

  private IndexArticles(MatchingSettings settings, Retention retention, String seedIndex) {
    this.index = new StreamIndex(settings, retention);
    this.settings = settings;
    this.seedIndex = seedIndex;
  }

  public static IndexArticles with(MatchingSettings settings, Retention retention) {
    return new IndexArticles(settings, retention, null);
  }

  /**
   * Before its first arrival, the index takes in the articles of a batch run's index directory
   * ({@link StreamIndex#seed}: no decisions; their stories keep the batch's cluster ids). Once
   * only: the state remembers it, so a job restored from a savepoint does not seed again. Null: no
   * seeding.
   */
  public IndexArticles seededFrom(String batchIndex) {
    return new IndexArticles(settings, index.retention(), batchIndex);
  }

  @Override
  public PCollectionTuple expand(PCollection<Arrival> arrivals) {
    PCollectionTuple out =
        arrivals
            .apply("OneKey", WithKeys.of(0))
            .setCoder(KvCoder.of(VarIntCoder.of(), IndexCoders.ArrivalCoder.of()))
            .apply(
                "Index",
                ParDo.of(new IndexFn(index, settings, seedIndex))
                    .withOutputTags(DECISIONS, TupleTagList.of(REJECTED)));
    out.get(DECISIONS).setCoder(IndexCoders.DecisionCoder.of());
    out.get(REJECTED).setCoder(DeadLetter.DeadLetterCoder.of());
    return out;
  }

  static final class IndexFn extends DoFn<KV<Integer, Arrival>, Decision> {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFn.class);

    private final StreamIndex index;
    private final MatchingSettings settings;
    private final String seedIndex;
    private final String parameters;

    @StateId("seeded")
    private final StateSpec<ValueState<Boolean>> seededSpec = StateSpecs.value(BooleanCoder.of());

    /** The matching parameters the state was built with (a restored job must have the same). */
    @StateId("parameters")
    private final StateSpec<ValueState<String>> parametersSpec =
        StateSpecs.value(StringUtf8Coder.of());

    @StateId("entries")
    private final StateSpec<MapState<String, Arrival>> entriesSpec =
        StateSpecs.map(StringUtf8Coder.of(), IndexCoders.ArrivalCoder.of());

    @StateId("assignments")
    private final StateSpec<MapState<String, Assignment>> assignmentsSpec =
        StateSpecs.map(StringUtf8Coder.of(), IndexCoders.AssignmentCoder.INSTANCE);

    @StateId("edges")
    private final StateSpec<MapState<String, List<String>>> edgesSpec =
        StateSpecs.map(StringUtf8Coder.of(), IndexCoders.IdsCoder.INSTANCE);

    @StateId("bands")
    private final StateSpec<MapState<Long, List<String>>> bandsSpec =
        StateSpecs.map(BigEndianLongCoder.of(), IndexCoders.IdsCoder.INSTANCE);

    @StateId("titles")
    private final StateSpec<MapState<Long, List<String>>> titlesSpec =
        StateSpecs.map(BigEndianLongCoder.of(), IndexCoders.IdsCoder.INSTANCE);

    @StateId("anchors")
    private final StateSpec<MapState<Long, List<AnchorRef>>> anchorsSpec =
        StateSpecs.map(BigEndianLongCoder.of(), IndexCoders.AnchorRefsCoder.INSTANCE);

    @StateId("clusters")
    private final StateSpec<MapState<String, ClusterInfo>> clustersSpec =
        StateSpecs.map(StringUtf8Coder.of(), IndexCoders.ClusterInfoCoder.INSTANCE);

    @StateId("expiries")
    private final StateSpec<MapState<Long, List<String>>> expiriesSpec =
        StateSpecs.map(BigEndianLongCoder.of(), IndexCoders.IdsCoder.INSTANCE);

    @StateId("meta")
    private final StateSpec<ValueState<Meta>> metaSpec =
        StateSpecs.value(IndexCoders.MetaCoder.INSTANCE);

    @TimerId("expiry")
    private final TimerSpec expirySpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    private final Counter indexed = Metrics.counter(NAMESPACE, "articles_indexed");
    private final Counter notIndexed = Metrics.counter(NAMESPACE, "articles_too_old_not_indexed");
    private final Counter duplicateDeliveries =
        Metrics.counter(NAMESPACE, "duplicate_deliveries_ignored");
    private final Counter duplicateIds = Metrics.counter(NAMESPACE, "duplicate_ids_rejected");
    private final Counter failures = Metrics.counter(NAMESPACE, "index_processing_errors");
    private final Counter decidedNew = Metrics.counter(NAMESPACE, "decisions_new");
    private final Counter decidedDuplicate = Metrics.counter(NAMESPACE, "decisions_duplicate");
    private final Counter decidedChanged =
        Metrics.counter(NAMESPACE, "decisions_canonical_changed");
    private final Counter expired = Metrics.counter(NAMESPACE, "articles_expired");
    private final Counter reassigned = Metrics.counter(NAMESPACE, "articles_reassigned_on_expiry");
    private final Counter retired = Metrics.counter(NAMESPACE, "clusters_retired_on_expiry");
    private final Distribution componentSize = Metrics.distribution(NAMESPACE, "component_size");
    private final Gauge size = Metrics.gauge(NAMESPACE, "indexed_articles");

    private final Counter seeded = Metrics.counter(NAMESPACE, "articles_seeded_from_index");
    private final Counter seedsTooOld =
        Metrics.counter(NAMESPACE, "index_articles_too_old_not_seeded");

    IndexFn(StreamIndex index, MatchingSettings settings, String seedIndex) {
      this.index = index;
      this.settings = settings;
      this.seedIndex = seedIndex;
      this.parameters =
          "index layout " + StreamIndex.LAYOUT + ", " + settings.indexParameters(false);
    }

    /**
     * Refuses state built with other matching parameters (a job restored from a savepoint with
     * other options): its postings and edges were computed with them, and every decision would be
     * wrong. The job fails with this message; restart it with the options it was started with, or
     * without the savepoint.
     */
    void checkParameters(ValueState<String> stored) {
      String was = stored.read();
      if (was == null) {
        stored.write(parameters);
      } else if (!was.equals(parameters)) {
        throw new IllegalStateException(
            "the stream's index was built with another layout or other matching parameters: "
                + was
                + ", now "
                + parameters
                + "; restart from this savepoint only with the options it was taken with");
      }
    }

    /**
     * Seeds the index from the batch index, once, before the first arrival. Articles without a
     * published_at take the seeding time as event time (for retention).
     */
    private void seedOnce(IndexTables tables, ValueState<Boolean> done, Timer timer) {
      if (seedIndex == null || Boolean.TRUE.equals(done.read())) {
        return;
      }
      long started = System.nanoTime();
      long now = Instant.now().getMillis();
      Fingerprinting fingerprinting = settings.fingerprinting();
      long[] timerAt = {StreamIndex.NEVER};
      long n;
      try {
        n =
            IndexSeeds.read(
                seedIndex,
                c -> {
                  long eventTime = c.publishedAt() == null ? now : c.publishedAt().toEpochMilli();
                  Arrival a =
                      new Arrival(
                          fingerprinting.of(c), "", Arrival.SEEDED, eventTime, null, Map.of());
                  StreamIndex.Outcome o = index.seed(tables, a, c.previousClusterId());
                  switch (o.kind()) {
                    case INDEXED -> seeded.inc();
                    case NOT_INDEXED -> seedsTooOld.inc();
                    default -> {}
                  }
                  timerAt[0] = Math.min(timerAt[0], o.timerAt());
                });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the batch index " + seedIndex, e);
      }
      if (timerAt[0] != StreamIndex.NEVER) {
        timer.withNoOutputTimestamp().set(new Instant(timerAt[0]));
      }
      done.write(true);
      LOG.info(
          "seeded the index with {} articles of {} in {} s",
          n,
          seedIndex,
          (System.nanoTime() - started) / 1_000_000_000);
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Arrival> element,
        @StateId("entries") MapState<String, Arrival> entries,
        @StateId("assignments") MapState<String, Assignment> assignments,
        @StateId("edges") MapState<String, List<String>> edges,
        @StateId("bands") MapState<Long, List<String>> bands,
        @StateId("titles") MapState<Long, List<String>> titles,
        @StateId("anchors") MapState<Long, List<AnchorRef>> anchors,
        @StateId("clusters") MapState<String, ClusterInfo> clusters,
        @StateId("expiries") MapState<Long, List<String>> expiries,
        @StateId("meta") ValueState<Meta> meta,
        @StateId("seeded") ValueState<Boolean> seededState,
        @StateId("parameters") ValueState<String> builtWith,
        @TimerId("expiry") Timer timer,
        MultiOutputReceiver out) {
      checkParameters(builtWith);
      IndexTables tables =
          BeamTables.of(
              entries, assignments, edges, bands, titles, anchors, clusters, expiries, meta);
      seedOnce(tables, seededState, timer);
      Arrival a = element.getValue();
      StreamIndex.Outcome o;
      try {
        o = index.arrive(tables, a, Instant.now().getMillis());
      } catch (RuntimeException e) {
        // nothing was written (the index buffers an arrival's changes): the article is rejected
        failures.inc();
        LOG.warn("the index failed on article {} (message {})", a.id(), a.messageId(), e);
        out.get(REJECTED)
            .output(
                DeadLetter.of(
                    a.messageId(),
                    Reasons.PROCESSING_ERROR,
                    "the index failed on this article: " + e,
                    a.raw(),
                    a.attributes()));
        return;
      }
      switch (o.kind()) {
        case INDEXED -> indexed.inc();
        case NOT_INDEXED -> notIndexed.inc();
        case DUPLICATE_DELIVERY -> duplicateDeliveries.inc();
        case DUPLICATE_ID -> {
          duplicateIds.inc();
          out.get(REJECTED)
              .output(
                  DeadLetter.of(
                      a.messageId(), Reasons.DUPLICATE_ID, o.message(), a.raw(), a.attributes()));
        }
        default -> throw new IllegalStateException(String.valueOf(o.kind()));
      }
      for (Decision d : o.decisions()) {
        switch (d.status()) {
          case Decision.NEW -> decidedNew.inc();
          case Decision.DUPLICATE -> decidedDuplicate.inc();
          default -> decidedChanged.inc();
        }
        out.get(DECISIONS).output(d);
      }
      o.componentSizes().forEach(componentSize::update);
      if (o.timerAt() != StreamIndex.NEVER) {
        timer.withNoOutputTimestamp().set(new Instant(o.timerAt()));
      }
      size.set(tables.meta().size());
    }

    /**
     * Expires what is due. The time is the timer's firing time ({@code fireTimestamp()}): the timer
     * has no output timestamp, so {@code @Timestamp} would be the end of time.
     */
    @OnTimer("expiry")
    public void onExpiry(
        OnTimerContext context,
        @StateId("entries") MapState<String, Arrival> entries,
        @StateId("assignments") MapState<String, Assignment> assignments,
        @StateId("edges") MapState<String, List<String>> edges,
        @StateId("bands") MapState<Long, List<String>> bands,
        @StateId("titles") MapState<Long, List<String>> titles,
        @StateId("anchors") MapState<Long, List<AnchorRef>> anchors,
        @StateId("clusters") MapState<String, ClusterInfo> clusters,
        @StateId("expiries") MapState<Long, List<String>> expiries,
        @StateId("meta") ValueState<Meta> meta,
        @TimerId("expiry") Timer timer) {
      IndexTables tables =
          BeamTables.of(
              entries, assignments, edges, bands, titles, anchors, clusters, expiries, meta);
      StreamIndex.Expiry x = index.expire(tables, context.fireTimestamp().getMillis());
      expired.inc(x.expired());
      reassigned.inc(x.reassigned());
      retired.inc(x.retiredClusters());
      x.componentSizes().forEach(componentSize::update);
      if (x.nextTimer() != StreamIndex.NEVER) {
        timer.withNoOutputTimestamp().set(new Instant(x.nextTimer()));
      }
      size.set(tables.meta().size());
    }
  }

  /** {@link IndexTables} over the DoFn's state cells. */
  static final class BeamTables {
    private BeamTables() {}

    static IndexTables of(
        MapState<String, Arrival> entries,
        MapState<String, Assignment> assignments,
        MapState<String, List<String>> edges,
        MapState<Long, List<String>> bands,
        MapState<Long, List<String>> titles,
        MapState<Long, List<AnchorRef>> anchors,
        MapState<String, ClusterInfo> clusters,
        MapState<Long, List<String>> expiries,
        ValueState<Meta> meta) {
      return new IndexTables(
          new MapTable<>(entries),
          new MapTable<>(assignments),
          new MapTable<>(edges),
          new MapTable<>(bands),
          new MapTable<>(titles),
          new MapTable<>(anchors),
          new MapTable<>(clusters),
          new MapTable<>(expiries),
          new ValueCell<>(meta));
    }
  }

  static final class MapTable<K, V> implements IndexTables.Table<K, V> {
    private final MapState<K, V> state;

    MapTable(MapState<K, V> state) {
      this.state = state;
    }

    @Override
    public V get(K key) {
      return state.get(key).read();
    }

    @Override
    public void put(K key, V value) {
      state.put(key, value);
    }

    @Override
    public void remove(K key) {
      state.remove(key);
    }

    @Override
    public Iterable<K> keys() {
      List<K> keys = new ArrayList<>();
      state.keys().read().forEach(keys::add);
      return keys;
    }
  }

  static final class ValueCell<V> implements IndexTables.Cell<V> {
    private final ValueState<V> state;

    ValueCell(ValueState<V> state) {
      this.state = state;
    }

    @Override
    public V get() {
      return state.read();
    }

    @Override
    public void put(V value) {
      state.write(value);
    }
  }
}
