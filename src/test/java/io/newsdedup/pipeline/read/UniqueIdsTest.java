package io.newsdedup.pipeline.read;

import static io.newsdedup.testing.GzipBytes.gzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.testing.TestPipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniqueIdsTest {

  @TempDir Path dir;

  static String line(String id, String text) {
    return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}";
  }

  /** What the side input names, as "origin -> why" lines. */
  static PCollection<String> droppedOf(TestPipeline p, UniqueIds.Result r) {
    return p.apply("Once", Impulse.create())
        .apply("Dropped", ParDo.of(new EmitFn(r.dropped())).withSideInputs(r.dropped()));
  }

  static PCollection<String> described(UniqueIds.Result r) {
    return r.rejected()
        .apply(
            "Describe",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Rejection f) ->
                        f.reason() + " " + f.origin() + " " + f.message() + " | " + f.raw()));
  }

  @Test
  void theFirstOriginKeepsTheIdAndTheOthersAreRejectedWithTheirOriginalLine() throws IOException {
    // The second file is listed first: the verdict goes by origin, not by reading order.
    Files.writeString(
        dir.resolve("b.jsonl"),
        line("x", "later file") + "\n" + "  " + line("y", "unique") + "  \n");
    Files.writeString(
        dir.resolve("a.jsonl"),
        "\n\n"
            + line("x", "first file, first line")
            + "\n"
            + "\n".repeat(5)
            + line("x", "first file, later line")
            + "\r\n"
            + line("z", "z")
            + "\n");
    String pattern = dir + "/*.jsonl";
    String a = dir + "/a.jsonl";
    String b = dir + "/b.jsonl";

    TestPipeline p = TestPipelines.create();
    WithFailures.Result<PCollection<Article>, Rejection> read =
        p.apply(ReadArticles.from(List.of(pattern)));
    UniqueIds.Result r = read.output().apply(UniqueIds.of(List.of(pattern)).withShards(3));

    String why = "id \"x\" is already used by the record at " + a + ":3";
    PAssert.that(described(r))
        .containsInAnyOrder(
            "duplicate_id " + b + ":1 " + why + " | " + line("x", "later file"),
            "duplicate_id " + a + ":9 " + why + " | " + line("x", "first file, later line"));
    PAssert.that(droppedOf(p, r)).containsInAnyOrder(b + ":1 -> " + why, a + ":9 -> " + why);
    p.run().waitUntilFinish();
  }

  @Test
  void aWholeFileRecordIsRejectedWithTheFileAsPayload() throws IOException {
    // Text files are named by their path under the pattern's directory: two directories, one id.
    Files.createDirectories(dir.resolve("one"));
    Files.createDirectories(dir.resolve("two"));
    Files.writeString(dir.resolve("one/story.txt"), "Headline\n\nFirst body.\n");
    Files.writeString(dir.resolve("two/story.txt"), "Headline\n\nSecond body.\n");
    List<String> patterns = List.of(dir + "/two/*.txt", dir + "/one/*.txt");

    TestPipeline p = TestPipelines.create();
    UniqueIds.Result r =
        p.apply(ReadArticles.from(patterns)).output().apply(UniqueIds.of(patterns));
    PAssert.that(described(r))
        .containsInAnyOrder(
            "duplicate_id "
                + dir
                + "/two/story.txt id \"story.txt\" is already used by the record at "
                + dir
                + "/one/story.txt | Headline\n\nSecond body.\n");
    p.run().waitUntilFinish();
  }

  @Test
  void aRecordThatCannotBeReadAgainIsStillRejected() {
    // Articles whose file no pattern matches (any more): rejected with an empty payload and why.
    TestPipeline p = TestPipelines.create();
    PCollection<Article> in =
        p.apply(
            Create.of(
                    List.of(
                        new Article(
                            "x", null, null, null, "one", null, Origin.ofLine("gone.jsonl", 4)),
                        new Article(
                            "x", null, null, null, "two", null, Origin.ofLine("gone.jsonl", 2))))
                .withCoder(CoreCoders.ArticleCoder.INSTANCE));
    UniqueIds.Result r = in.apply(UniqueIds.of(List.of(dir + "/nothing-here-*.jsonl")));
    PAssert.that(described(r))
        .containsInAnyOrder(
            "duplicate_id gone.jsonl:4 id \"x\" is already used by the record at gone.jsonl:2 (the"
                + " record could not be read again for this payload: IOException: no input file is"
                + " named gone.jsonl any more) | ");
    p.run().waitUntilFinish();
  }

  @Test
  void aRecordWhoseLineNowHoldsAnotherRecordGetsNoPayload() throws IOException {
    // The file was rewritten after it was read: line 2 no longer holds the article with id x.
    Files.writeString(dir.resolve("a.jsonl"), line("x", "kept") + "\n" + line("y", "new") + "\n");
    String a = dir + "/a.jsonl";
    TestPipeline p = TestPipelines.create();
    PCollection<Article> in =
        p.apply(
            Create.of(
                    List.of(
                        new Article("x", null, null, null, "kept", null, Origin.ofLine(a, 1)),
                        new Article("x", null, null, null, "was here", null, Origin.ofLine(a, 2))))
                .withCoder(CoreCoders.ArticleCoder.INSTANCE));
    UniqueIds.Result r = in.apply(UniqueIds.of(List.of(dir + "/*.jsonl")));
    PAssert.that(described(r))
        .containsInAnyOrder(
            "duplicate_id "
                + a
                + ":2 id \"x\" is already used by the record at "
                + a
                + ":1 (the record could not be read again for this payload: the file has changed"
                + " since it was read) | ");
    p.run().waitUntilFinish();
  }

  @Test
  void rawRecordsReadsTheNumberedLinesAsReadCountsThem() throws IOException {
    Path f = dir.resolve("f.jsonl");
    Files.writeString(f, "one\r\ntwo\rthree\n\nfive");
    InputFile file = new InputFile(f.toString(), "f.jsonl", f.toString());
    assertEquals(Map.of(2L, "two", 3L, "three", 5L, "five"), raw(file, 2L, 3L, 5L, 9L));
    assertEquals(Map.of(), raw(file, 0L));
  }

  @Test
  void aRecordBeforeTheDamageOfATruncatedGzipIsStillReadAgain() throws IOException {
    // Line 2 loses its id to line 1; the file breaks off in its last line, after line 2.
    StringBuilder lines = new StringBuilder(line("x", "one") + "\n" + line("x", "two") + "\n");
    for (int i = 0; i < 2000; i++) {
      lines.append(line("n" + i, "filler " + i + " " + "word ".repeat(i % 50))).append('\n');
    }
    byte[] whole = gzip(lines.toString());
    Path gz = dir.resolve("feed.jsonl.gz");
    Files.write(gz, Arrays.copyOf(whole, whole.length * 2 / 3));
    InputFile file = new InputFile(gz.toString(), "feed.jsonl.gz", gz.toString());
    Map<Long, String> found = new HashMap<>();
    assertThrows(
        IOException.class,
        () -> FileRecords.rawRecords(file, new TreeSet<>(List.of(2L, 1999L)), found::put));
    assertEquals(Map.of(2L, line("x", "two")), found);

    String pattern = dir + "/*.jsonl.gz";
    TestPipeline p = TestPipelines.create();
    UniqueIds.Result r =
        p.apply(ReadArticles.from(List.of(pattern))).output().apply(UniqueIds.of(List.of(pattern)));
    PAssert.that(described(r))
        .containsInAnyOrder(
            "duplicate_id "
                + gz
                + ":2 id \"x\" is already"
                + " used by the record at "
                + gz
                + ":1 | "
                + line("x", "two"));
    p.run().waitUntilFinish();
  }

  static Map<Long, String> raw(InputFile file, Long... lines) throws IOException {
    Map<Long, String> found = new HashMap<>();
    FileRecords.rawRecords(file, new TreeSet<>(List.of(lines)), found::put);
    return found;
  }

  /** Emits the side input's entries. */
  static final class EmitFn extends DoFn<byte[], String> {
    private final PCollectionView<Map<String, String>> view;

    EmitFn(PCollectionView<Map<String, String>> view) {
      this.view = view;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.sideInput(view).forEach((k, v) -> c.output(k + " -> " + v));
    }
  }
}
