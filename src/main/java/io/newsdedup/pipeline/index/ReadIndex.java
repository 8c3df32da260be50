package io.newsdedup.pipeline.index;

import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.write.WriteResults;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/** The articles of an index directory ({@link IndexRecords}); none when the index is new. */
public final class ReadIndex extends PTransform<PBegin, PCollection<Cleaned>> {
  private final String directory;

  private ReadIndex(String directory) {
    this.directory = directory;
  }

  public static ReadIndex from(String directory) {
    return new ReadIndex(directory);
  }

  @Override
  public PCollection<Cleaned> expand(PBegin input) {
    return input
        .apply(
            "IndexLines",
            TextIO.read()
                .from(WriteResults.prefix(directory, IndexDirectory.ARTICLES) + "-*")
                .withCompression(Compression.AUTO)
                .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("Parse", MapElements.into(TypeDescriptor.of(Cleaned.class)).via(IndexRecords::parse))
        .setCoder(CoreCoders.CleanedCoder.of());
  }
}
