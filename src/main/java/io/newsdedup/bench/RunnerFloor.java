package io.newsdedup.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.newsdedup.bench.floor.FloorProgram;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.shingle.Shingler;
import io.newsdedup.pipeline.coders.LongArrayCoder;
import io.newsdedup.pipeline.options.DeferredOptions;
import io.newsdedup.pipeline.options.ProductionDefaults;
import java.io.IOException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The floor program's work as the leanest Beam job we can write: read the JSONL, shingle and
 * MinHash each {@code text} (our kernels: 5-word shingles, OPH MinHash-128), key it by its 9 × 13
 * LSH band keys and group by key; writes one line, {@code buckets=B links=L} (band buckets with at
 * least two articles, and their members beyond the first); a line that is not such an object is
 * skipped and counted. No cleaning, verification, clustering or provenance. {@code bench
 * --runnerFloor=true} times it on the same runner as {@code batch}, which splits our ratio to the
 * floor into what the runner costs any Beam job doing the floor's work and what our pipeline adds
 * to it.
 */
public final class RunnerFloor {
  public static final LshParams BANDS = FloorProgram.BANDS;

  private RunnerFloor() {}

  /** The job's options. */
  public interface Options extends PipelineOptions {
    @Description("JSONL corpus: one article per line, with \"id\" and \"text\" fields.")
    @Validation.Required
    String getInput();

    void setInput(String value);

    @Description("File the one line of counts is written to.")
    @Validation.Required
    String getOutput();

    void setOutput(String value);
  }

  public static void main(String[] args) {
    String[] all = ProductionDefaults.apply(args);
    Options options =
        DeferredOptions.fromArgs(Options.class, all).withValidation().as(Options.class);
    PipelineResult.State state = run(options).waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
  }

  public static PipelineResult run(Options options) {
    Pipeline p = Pipeline.create(options);
    p.apply("Read", TextIO.read().from(options.getInput()))
        .apply("CountBuckets", new CountBuckets())
        .apply("Write", TextIO.write().to(options.getOutput()).withoutSharding());
    return p.run();
  }

  /** JSONL lines to the line of counts. */
  static final class CountBuckets extends PTransform<PCollection<String>, PCollection<String>> {
    @Override
    public PCollection<String> expand(PCollection<String> lines) {
      return lines
          .apply("BandKeys", ParDo.of(new BandKeysFn()))
          .setCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()))
          .apply("Buckets", GroupByKey.create())
          .apply("Links", ParDo.of(new LinksFn()))
          .setCoder(VarLongCoder.of())
          .apply("Sum", Combine.globally(new Counts()).withoutDefaults())
          .apply(
              "Format",
              MapElements.into(TypeDescriptors.strings())
                  .via((long[] c) -> "buckets=" + c[0] + " links=" + c[1]));
    }
  }

  /** (band key, id) for each band of each article with at least one shingle. */
  static final class BandKeysFn extends DoFn<String, KV<Long, String>> {
    private static final JsonFactory JSON = new JsonFactory();
    private transient Shingler shingler;
    private transient MinHasher minHasher;
    private final Counter docs = Metrics.counter("runnerFloor", "docs");
    private final Counter skipped = Metrics.counter("runnerFloor", "lines_skipped");

    @Setup
    public void setup() {
      shingler = new Shingler(Shingler.DEFAULT_K);
      minHasher = new MinHasher(MinHasher.DEFAULT_NUM_HASHES, MinHasher.DEFAULT_SEED);
    }

    @ProcessElement
    public void process(@Element String line, OutputReceiver<KV<Long, String>> out)
        throws IOException {
      String id = null;
      String text = null;
      try (JsonParser p = JSON.createParser(line)) {
        if (p.nextToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("id") && value == JsonToken.VALUE_STRING) {
              id = p.getText();
            } else if (name.equals("text") && value == JsonToken.VALUE_STRING) {
              text = p.getText();
            } else {
              p.skipChildren();
            }
          }
        }
      } catch (JsonProcessingException e) {
        id = null; // not JSON: skipped, like a line without an id or a text
      }
      if (id == null || text == null) {
        skipped.inc();
        return;
      }
      docs.inc();
      long[] shingles = shingler.shingles(text);
      if (shingles.length == 0) {
        return;
      }
      for (long key : BANDS.bandKeys(minHasher.signature(shingles))) {
        out.output(KV.of(key, id));
      }
    }
  }

  /** Per bucket of at least two articles: its size. */
  static final class LinksFn extends DoFn<KV<Long, Iterable<String>>, Long> {
    @ProcessElement
    public void process(@Element KV<Long, Iterable<String>> bucket, OutputReceiver<Long> out) {
      long n = 0;
      for (String ignored : bucket.getValue()) {
        n++;
      }
      if (n >= 2) {
        out.output(n);
      }
    }
  }

  /** Buckets and links (members beyond the first) from the bucket sizes. */
  static final class Counts extends Combine.CombineFn<Long, long[], long[]> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] addInput(long[] acc, Long size) {
      acc[0]++;
      acc[1] += size - 1;
      return acc;
    }

    @Override
    public long[] mergeAccumulators(Iterable<long[]> accs) {
      long[] sum = new long[2];
      for (long[] a : accs) {
        sum[0] += a[0];
        sum[1] += a[1];
      }
      return sum;
    }

    @Override
    public long[] extractOutput(long[] acc) {
      return acc;
    }

    @Override
    public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<Long> input) {
      return LongArrayCoder.INSTANCE;
    }

    @Override
    public Coder<long[]> getDefaultOutputCoder(CoderRegistry registry, Coder<Long> input) {
      return LongArrayCoder.INSTANCE;
    }
  }
}
