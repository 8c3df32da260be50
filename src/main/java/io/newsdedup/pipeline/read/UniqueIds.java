package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Capture;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.article.Rejection.Reasons;
import io.newsdedup.core.read.InputRecords;
import io.newsdedup.core.read.SkipKinds;
import io.newsdedup.pipeline.coders.Codec;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.shard.Shards;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Which records give up their id. When several records share an id, the one whose origin comes
 * first (file path, then line) keeps it, whatever the order the files were read in; the others are
 * rejected as {@code duplicate_id}, naming the record that kept the id.
 *
 * <p>Pages captured by a crawler (WARC records, whose id is their URL) come first, the one to keep
 * by {@link Capture#PREFERRED} (a complete capture before a cut one, then the later one), then by
 * origin. A capture that gives up its id to another capture is the same page captured again, not
 * bad input: it is not rejected but skipped ({@link SkipKinds#DUPLICATE_CAPTURE}, counted as {@code
 * read/skipped_duplicate_capture}).
 *
 * <p>Only (id, origin) pairs are shuffled, and the articles are not filtered here: waiting for the
 * verdict would mean holding every parsed article until all ids are known. The verdict is a side
 * input ({@link Result#dropped()}: origin → reason) that the job's first step which waits anyway
 * (fingerprinting, which waits for the learned boilerplate, or the merge with the index) uses to
 * drop those records. Their rejections carry the original record as payload, read again from its
 * file (the line of a JSONL file, the whole of a text or HTML file): only the files that hold such
 * a record are read again.
 */
public final class UniqueIds extends PTransform<PCollection<Article>, UniqueIds.Result> {

  private final List<String> patterns;
  private final int shards;

  private UniqueIds(List<String> patterns, int shards) {
    this.patterns = List.copyOf(patterns);
    this.shards = shards;
  }

  /** For articles read by {@link ReadArticles#from} these patterns (to read records again). */
  public static UniqueIds of(List<String> patterns) {
    return new UniqueIds(patterns, Shards.DEFAULT);
  }

  public UniqueIds withShards(int n) {
    return new UniqueIds(patterns, n);
  }

  static final TupleTag<KV<Origin, KV<String, String>>> LOSERS = new TupleTag<>() {};
  static final TupleTag<KV<Origin, KV<String, String>>> RECAPTURED = new TupleTag<>() {};

  @Override
  public Result expand(PCollection<Article> articles) {
    Shards.check(shards);
    KvCoder<Origin, KV<String, String>> loserCoder =
        KvCoder.of(
            CoreCoders.OriginCoder.INSTANCE,
            KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    PCollectionTuple verdicts =
        articles
            .apply("IdAndOrigin", ParDo.of(new IdOriginFn(shards)))
            .setCoder(KvCoder.of(VarIntCoder.of(), ClaimCoder.INSTANCE))
            .apply("IdsOfShard", GroupByKey.create())
            .apply(
                "Losers",
                ParDo.of(new LosersFn()).withOutputTags(LOSERS, TupleTagList.of(RECAPTURED)));
    PCollection<KV<Origin, KV<String, String>>> losers = verdicts.get(LOSERS).setCoder(loserCoder);
    PCollection<KV<Origin, KV<String, String>>> recaptured =
        verdicts.get(RECAPTURED).setCoder(loserCoder);
    PCollectionView<Map<String, String>> dropped =
        PCollectionList.of(losers)
            .and(recaptured)
            .apply("AllLosers", Flatten.pCollections())
            .apply(
                "ByOrigin",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(
                        (KV<Origin, KV<String, String>> l) ->
                            KV.of(l.getKey().toString(), l.getValue().getValue())))
            .apply("Dropped", View.asMap());
    PCollection<Rejection> rejected =
        losers
            .apply(
                "ByFile",
                WithKeys.of((KV<Origin, KV<String, String>> l) -> String.valueOf(l.getKey().file()))
                    .withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), losers.getCoder()))
            .apply("LosersOfFile", GroupByKey.create())
            .apply("ReadAgain", ParDo.of(new ReadAgainFn(patterns)))
            .setCoder(CoreCoders.RejectionCoder.INSTANCE);
    return new Result(articles.getPipeline(), dropped, rejected);
  }

  /** Whether the record at {@code origin} is one of {@link Result#dropped()} (given as a map). */
  public static boolean isDropped(Map<String, String> dropped, Origin origin) {
    return !dropped.isEmpty() && dropped.containsKey(origin.toString());
  }

  /** The records to drop (a side input) and their rejections. */
  public static final class Result implements POutput {
    private static final TupleTag<Map<String, String>> DROPPED = new TupleTag<>() {};
    private static final TupleTag<Rejection> REJECTED = new TupleTag<>() {};

    private final Pipeline pipeline;
    private final PCollectionView<Map<String, String>> dropped;
    private final PCollection<Rejection> rejected;

    Result(
        Pipeline pipeline,
        PCollectionView<Map<String, String>> dropped,
        PCollection<Rejection> rejected) {
      this.pipeline = pipeline;
      this.dropped = dropped;
      this.rejected = rejected;
    }

    /**
     * The records that give up their id, by {@link Origin#toString()} (of this run's input: records
     * from the index keep their old origins), with the reason.
     */
    public PCollectionView<Map<String, String>> dropped() {
      return dropped;
    }

    /** One {@code duplicate_id} rejection per dropped record, with its original payload. */
    public PCollection<Rejection> rejected() {
      return rejected;
    }

    @Override
    public Pipeline getPipeline() {
      return pipeline;
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(DROPPED, dropped, REJECTED, rejected);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  /** An article's claim to its id: where it was read, and how it was captured (or null). */
  record Claim(String id, Origin origin, Capture capture) {
    /** Which claim keeps the id: captures first (by {@link Capture#PREFERRED}), then by origin. */
    static final Comparator<Claim> KEEPER =
        Comparator.comparing(Claim::capture, Comparator.nullsLast(Capture.PREFERRED))
            .thenComparing(Claim::origin, Origin.ORDER);
  }

  static final class ClaimCoder extends Codec<Claim> {
    static final ClaimCoder INSTANCE = new ClaimCoder();

    @Override
    protected void write(Claim c, DataOutputStream out) throws IOException {
      writeString(c.id(), out);
      CoreCoders.OriginCoder.INSTANCE.encode(c.origin(), out);
      writeInstant(c.capture() == null ? null : c.capture().crawledAt(), out);
      out.writeBoolean(c.capture() != null && c.capture().complete());
    }

    @Override
    protected Claim read(DataInputStream in) throws IOException {
      String id = readString(in);
      Origin origin = CoreCoders.OriginCoder.INSTANCE.decode(in);
      Instant crawled = readInstant(in);
      boolean complete = in.readBoolean();
      return new Claim(id, origin, crawled == null ? null : new Capture(crawled, complete));
    }
  }

  static final class IdOriginFn extends DoFn<Article, KV<Integer, Claim>> {
    private final int shards;

    IdOriginFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<KV<Integer, Claim>> out) {
      out.output(KV.of(Shards.of(a.id(), shards), new Claim(a.id(), a.origin(), a.capture())));
    }
  }

  /**
   * For each id used more than once: (origin of each loser, (the id, why it gives it up)); a
   * capture that loses to a capture goes to {@link #RECAPTURED}, the others to {@link #LOSERS}.
   */
  static final class LosersFn
      extends DoFn<KV<Integer, Iterable<Claim>>, KV<Origin, KV<String, String>>> {
    private final Counter recaptured =
        Metrics.counter(ReadArticles.NAMESPACE, ReadArticles.SKIPPED + SkipKinds.DUPLICATE_CAPTURE);

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Claim>> shard, MultiOutputReceiver out) {
      Map<String, List<Claim>> byId = new HashMap<>();
      for (Claim c : shard.getValue()) {
        byId.computeIfAbsent(c.id(), k -> new ArrayList<>(1)).add(c);
      }
      byId.forEach(
          (id, claims) -> {
            if (claims.size() < 2) {
              return;
            }
            claims.sort(Claim.KEEPER);
            Claim keeper = claims.get(0);
            for (Claim loser : claims.subList(1, claims.size())) {
              if (keeper.capture() != null && loser.capture() != null) {
                recaptured.inc();
                String why =
                    "a capture of \""
                        + id
                        + "\" kept instead: the one at "
                        + keeper.origin()
                        + ", crawled at "
                        + keeper.capture().crawledAt();
                out.get(RECAPTURED).output(KV.of(loser.origin(), KV.of(id, why)));
              } else {
                String why =
                    "id \"" + id + "\" is already used by the record at " + keeper.origin();
                out.get(LOSERS).output(KV.of(loser.origin(), KV.of(id, why)));
              }
            }
          });
    }
  }

  /**
   * Reads the losers of one file again, for their original payload, and rejects them. A record read
   * again must still be a record with the id it had (the file may have been rewritten since): else
   * the payload is left empty and the message says why.
   */
  static final class ReadAgainFn
      extends DoFn<KV<String, Iterable<KV<Origin, KV<String, String>>>>, Rejection> {
    private final List<String> patterns;
    private transient Map<String, InputFile> byDisplayPath;
    private final Counter duplicates =
        Metrics.counter(ReadArticles.NAMESPACE, "rejected_" + Reasons.DUPLICATE_ID);

    ReadAgainFn(List<String> patterns) {
      this.patterns = patterns;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<Origin, KV<String, String>>>> file,
        OutputReceiver<Rejection> out) {
      List<KV<Origin, KV<String, String>>> losers = new ArrayList<>(); // iterable only once
      file.getValue().forEach(losers::add);
      List<Origin> origins = new ArrayList<>();
      losers.forEach(l -> origins.add(l.getKey()));
      InputFile f = null;
      Map<Origin, InputRecords.Raw> raw = new HashMap<>();
      String problem = null;
      try {
        f = files().get(file.getKey());
        if (f == null) {
          throw new IOException("no input file is named " + file.getKey() + " any more");
        }
        // what came before a failure is kept
        FileRecords.recordsAt(f, origins, raw::put, InputRecords.MAX_RECORD_CHARS);
      } catch (IOException | RuntimeException e) {
        problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      for (KV<Origin, KV<String, String>> loser : losers) {
        Origin origin = loser.getKey();
        String id = loser.getValue().getKey();
        String why = loser.getValue().getValue();
        InputRecords.Raw record = raw.get(origin);
        String payload = record == null ? null : record.text();
        String lost = null; // why the payload is missing
        if (payload == null) {
          lost = problem != null ? problem : CHANGED;
        } else if (!isRecordWithId(f, record, origin, id)) {
          lost = CHANGED;
        }
        duplicates.inc();
        out.output(
            lost == null
                ? Rejection.of(origin, Reasons.DUPLICATE_ID, why, payload)
                : Rejection.of(
                    origin,
                    Reasons.DUPLICATE_ID,
                    why + " (the record could not be read again for this payload: " + lost + ")",
                    ""));
      }
    }

    private static final String CHANGED = "the file has changed since it was read";

    /** Whether {@code raw}, read again at {@code origin}, still parses to an article {@code id}. */
    private static boolean isRecordWithId(
        InputFile f, InputRecords.Raw raw, Origin origin, String id) {
      try {
        Article again = FileRecords.parse(f, raw, origin).article();
        return again != null && id.equals(again.id());
      } catch (RuntimeException e) {
        return false; // as when it was read: not this article
      }
    }

    /** The input files by the name records carry, matched once per instance (rarely needed). */
    private Map<String, InputFile> files() throws IOException {
      if (byDisplayPath == null) {
        Map<String, InputFile> m = new HashMap<>();
        for (String pattern : patterns) {
          for (InputFile f : InputPatterns.match(pattern)) {
            m.putIfAbsent(f.displayPath(), f);
          }
        }
        byDisplayPath = m;
      }
      return byDisplayPath;
    }
  }
}
