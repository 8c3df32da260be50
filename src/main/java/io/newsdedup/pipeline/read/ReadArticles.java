package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.progress.Progress;
import io.newsdedup.pipeline.shard.Shards;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads articles from files matching one or more patterns. Every record read ends up in exactly one
 * of the two outputs: {@code output()} (articles) or {@code failures()} (rejections with origin,
 * reason and raw payload). A file matched by several patterns is read once.
 */
public final class ReadArticles
    extends PTransform<PBegin, WithFailures.Result<PCollection<Article>, Rejection>> {

  public static final String NAMESPACE = "read";

  /**
   * The prefix of the counters of records read that are not articles, by kind ({@link
   * io.newsdedup.core.read.SkipKinds}): {@code skipped_request}, {@code skipped_http_4xx}, ...
   */
  public static final String SKIPPED = "skipped_";

  /** Articles kept with no timestamp because their published_at could not be parsed. */
  public static final String UNPARSEABLE_TIMESTAMPS = "published_at_unparseable";

  static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  static final TupleTag<Rejection> REJECTED = new TupleTag<>() {};

  private final List<String> patterns;
  private final int shards;

  private ReadArticles(List<String> patterns, int shards) {
    this.patterns = List.copyOf(patterns);
    this.shards = shards;
  }

  public static ReadArticles from(List<String> patterns) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("at least one input pattern is required");
    }
    return new ReadArticles(patterns, Shards.DEFAULT);
  }

  /** Files, and parts of large files, are spread over this many shards ({@link Shards}). */
  public ReadArticles withShards(int n) {
    Shards.check(n);
    return new ReadArticles(patterns, n);
  }

  @Override
  public WithFailures.Result<PCollection<Article>, Rejection> expand(PBegin input) {
    PCollectionTuple parsed =
        input
            .apply("Patterns", Create.of(patterns))
            .apply("Match", ParDo.of(new MatchFn(shards)))
            .setCoder(KvCoder.of(VarIntCoder.of(), InputFile.InputFileCoder.of()))
            .apply("FilesOfShard", GroupByKey.create())
            .apply("OneReadPerFile", ParDo.of(new DistinctFilesFn()))
            .apply("Parts", ParDo.of(new PartsFn(shards)))
            .setCoder(KvCoder.of(VarIntCoder.of(), InputFile.InputFileCoder.of()))
            .apply("PartsOfShard", GroupByKey.create())
            .apply(
                "Parse",
                ParDo.of(new ParseFn()).withOutputTags(ARTICLES, TupleTagList.of(REJECTED)));
    return WithFailures.Result.of(
        parsed.get(ARTICLES).setCoder(CoreCoders.ArticleCoder.INSTANCE),
        parsed.get(REJECTED).setCoder(CoreCoders.RejectionCoder.INSTANCE));
  }

  /** (shard of the file, file): spreads the reading over workers. */
  static final class MatchFn extends DoFn<String, KV<Integer, InputFile>> {
    private final int shards;
    private final Counter files = Metrics.counter(NAMESPACE, "files_matched");

    MatchFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element String pattern, OutputReceiver<KV<Integer, InputFile>> out)
        throws IOException {
      for (InputFile f : InputPatterns.match(pattern)) {
        files.inc();
        out.output(KV.of(Shards.of(f.resource(), shards), f));
      }
    }
  }

  /** A file matched by several patterns is read once, named by its smallest display path. */
  static final class DistinctFilesFn extends DoFn<KV<Integer, Iterable<InputFile>>, InputFile> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<InputFile>> shard, OutputReceiver<InputFile> out) {
      Map<String, InputFile> byResource = new TreeMap<>();
      for (InputFile f : shard.getValue()) {
        byResource.merge(
            f.key(), f, (a, b) -> a.displayPath().compareTo(b.displayPath()) <= 0 ? a : b);
      }
      byResource.values().forEach(out::output);
    }
  }

  /** Bytes per part of a big uncompressed JSONL file (or .warc.gz), read in parallel. */
  static final long PART_BYTES = 16L << 20;

  /**
   * A big uncompressed JSONL file (or a big .warc.gz, at gzip members) is cut into parts that are
   * read in parallel.
   */
  static final class PartsFn extends DoFn<InputFile, KV<Integer, InputFile>> {
    private final int shards;
    private final Counter parts = Metrics.counter(NAMESPACE, "file_parts");

    PartsFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element InputFile file, OutputReceiver<KV<Integer, InputFile>> out) {
      List<InputFile> split;
      try {
        split = FileRecords.parts(file, PART_BYTES);
      } catch (IOException e) {
        split = List.of(file); // reading it whole will report the problem
      }
      for (InputFile part : split) {
        parts.inc();
        out.output(KV.of(Shards.of(part.resource() + "@" + part.start(), shards), part));
      }
    }
  }

  static final class ParseFn extends DoFn<KV<Integer, Iterable<InputFile>>, Article> {
    private final Counter records = Metrics.counter(NAMESPACE, "records_read");
    private final Counter articles = Metrics.counter(NAMESPACE, "articles_parsed");
    private final Counter rejected = Metrics.counter(NAMESPACE, "records_rejected");
    private final Counter blank = Metrics.counter(NAMESPACE, "blank_lines_skipped");
    private final Counter unparseableTimestamps =
        Metrics.counter(NAMESPACE, UNPARSEABLE_TIMESTAMPS);

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<InputFile>> shard, MultiOutputReceiver out) {
      for (InputFile file : shard.getValue()) {
        FileRecords.Tally tally = new FileRecords.Tally();
        FileRecords.read(file, (Parsed p) -> emit(p, out), tally);
        blank.inc(tally.blankLines);
        tally.skipped.forEach(
            (kind, n) -> {
              records.inc(n); // read, and counted as skipped: not an article, not a rejection
              Progress.READ.add(n);
              Metrics.counter(NAMESPACE, SKIPPED + kind).inc(n);
            });
      }
    }

    private void emit(Parsed p, MultiOutputReceiver out) {
      records.inc();
      Progress.READ.add(1);
      if (p.article() != null) {
        articles.inc();
        if (p.unparseableTimestamp()) {
          unparseableTimestamps.inc();
        }
        out.get(ARTICLES).output(p.article());
      } else {
        rejected.inc();
        Metrics.counter(NAMESPACE, "rejected_" + p.rejection().reason()).inc();
        out.get(REJECTED).output(p.rejection());
      }
    }
  }
}
