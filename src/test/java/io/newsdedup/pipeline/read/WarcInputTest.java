package io.newsdedup.pipeline.read;

import static io.newsdedup.testing.WarcFiles.T0;
import static io.newsdedup.testing.WarcFiles.newsPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser.Parsed;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.read.SkipKinds;
import io.newsdedup.testing.TestPipelines;
import io.newsdedup.testing.WarcFiles;
import io.newsdedup.testing.WarcFiles.Gzip;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WARC files read by the pipeline: every record an article, a rejection or a skip of its kind; a
 * truncated archive; big archives in parts; captures of one page, of which the later complete one
 * is kept.
 */
class WarcInputTest {
  @TempDir Path dir;

  @BeforeAll
  static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  static final String FERRY =
      newsPage(
          "Harbor ferry budget approved",
          "2025-03-03T08:00:00Z",
          null,
          "The city council approved the harbor ferry budget on Monday after a long debate.",
          "The ferries will run every twenty minutes from April, the transport office said.");

  static final String POLISH =
      newsPage(
          "Żółta łódź wróciła do portu w Gdańsku",
          null,
          null,
          "Załoga statku świętowała powrót po długim rejsie przez Bałtyk, mówią rybacy.");

  /** Every kind of record, a Polish page in windows-1250 and a page with no text among them. */
  static WarcFiles everyKind() {
    return new WarcFiles()
        .warcinfo()
        .request("https://harbor.example/ferry", T0)
        .page("https://harbor.example/ferry", T0, FERRY)
        .metadata("https://harbor.example/ferry", T0)
        .response(
            "https://harbor.example/gone",
            T0,
            404,
            "text/html",
            "<html><body><p>Not found</p></body></html>".getBytes(StandardCharsets.UTF_8))
        .response("https://harbor.example/moved", T0, 301, "text/html", "<html></html>".getBytes())
        .response("https://harbor.example/logo.png", T0, 200, "image/png", new byte[] {1, 2, 3})
        .revisit("https://harbor.example/ferry", T0.plus(Duration.ofHours(1)))
        .page("https://gazeta.example/lodz", T0, POLISH, Charset.forName("windows-1250"))
        .page("https://harbor.example/empty", T0, "<html><body><nav>Menu</nav></body></html>");
  }

  /** What reading a file gives: "article ORIGIN ID", "rejected ORIGIN REASON", skips by kind. */
  static List<String> read(List<InputFile> parts, Map<String, Long> skipped) {
    List<String> out = new ArrayList<>();
    for (InputFile p : parts) {
      FileRecords.Tally tally = new FileRecords.Tally();
      FileRecords.read(
          p,
          (Parsed r) ->
              out.add(
                  r.article() != null
                      ? "article " + r.article().origin() + " " + r.article().id()
                      : "rejected " + r.rejection().origin() + " " + r.rejection().reason()),
          tally);
      tally.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
    }
    return out;
  }

  static InputFile file(Path f) throws IOException {
    String name = f.getFileName().toString();
    return new InputFile(f.toString(), name, "in/" + name, Files.size(f), 0, -1, 1);
  }

  @Test
  void everyRecordIsAnArticleARejectionOrASkipOfItsKind() throws IOException {
    for (Gzip gzip : Gzip.values()) {
      WarcFiles w = everyKind();
      String name = "crawl-" + gzip + (gzip == Gzip.NONE ? ".warc" : ".warc.gz");
      Path f = w.write(dir.resolve(name), gzip);
      Map<String, Long> skipped = new TreeMap<>();
      List<String> got = read(List.of(file(f)), skipped);
      List<Long> at = w.offsets();
      String p = "in/" + name + "@";
      String ferry = gzip == Gzip.WHOLE ? p + "0+" + at.get(2) : p + at.get(2);
      String lodz = gzip == Gzip.WHOLE ? p + "0+" + at.get(8) : p + at.get(8);
      String empty = gzip == Gzip.WHOLE ? p + "0+" + at.get(9) : p + at.get(9);
      assertEquals(
          List.of(
              "article " + ferry + " https://harbor.example/ferry",
              "article " + lodz + " https://gazeta.example/lodz",
              "rejected " + empty + " no_text"),
          got,
          gzip.toString());
      assertEquals(
          Map.of(
              "warcinfo",
              1L,
              "request",
              1L,
              "metadata",
              1L,
              "http_4xx",
              1L,
              "http_3xx",
              1L,
              SkipKinds.NOT_HTML,
              1L,
              "revisit",
              1L),
          skipped,
          gzip.toString());
    }
  }

  @Test
  void aTruncatedArchiveKeepsEveryRecordBeforeTheDamage() throws IOException {
    WarcFiles w = everyKind();
    byte[] whole = w.bytes(Gzip.PER_RECORD);
    long lastRecord = w.offsets().get(9);
    // cut inside the second-to-last record (the Polish page): it and the last are lost
    long cutAt = w.offsets().get(8) + (lastRecord - w.offsets().get(8)) / 2;
    Path f = dir.resolve("cut.warc.gz");
    Files.write(f, Arrays.copyOf(whole, (int) cutAt));
    Map<String, Long> skipped = new TreeMap<>();
    List<String> got = read(List.of(file(f)), skipped);
    assertEquals(
        List.of(
            "article in/cut.warc.gz@" + w.offsets().get(2) + " https://harbor.example/ferry",
            "rejected in/cut.warc.gz@" + w.offsets().get(8) + " unreadable_file"),
        got);
    assertEquals(7, skipped.values().stream().mapToLong(Long::longValue).sum());
  }

  /** Many pages, each its own gzip member, some other records between them. */
  static WarcFiles manyPages(int n) {
    WarcFiles w = new WarcFiles().warcinfo();
    for (int i = 0; i < n; i++) {
      w.request("https://paper" + i % 7 + ".example/story-" + i, T0);
      w.page(
          "https://paper" + i % 7 + ".example/story-" + i,
          T0.plusSeconds(i),
          newsPage(
              "Story number " + i,
              null,
              null,
              "Paragraph one of story " + i + " about the harbour and its ferries, été, 中文.",
              "Paragraph two of story " + i + " with a few more words " + (i * 7919L) + "."));
    }
    return w;
  }

  @Test
  void aBigArchiveIsReadInPartsThatStartAtGzipMembersAsItIsReadWhole() throws IOException {
    WarcFiles w = manyPages(300);
    Path f = w.write(dir.resolve("big.warc.gz"), Gzip.PER_RECORD);
    InputFile whole = file(f);
    Map<String, Long> skippedWhole = new TreeMap<>();
    List<String> expected = read(List.of(whole), skippedWhole);
    assertEquals(300, expected.size());
    for (long partBytes : new long[] {2_000, 9_999, 50_000}) {
      List<InputFile> parts = FileRecords.parts(whole, partBytes);
      assertTrue(parts.size() > 2, partBytes + ": " + parts.size());
      for (InputFile part : parts) {
        assertTrue(w.offsets().contains(part.start()), "a part starts at a member: " + part);
      }
      Map<String, Long> skipped = new TreeMap<>();
      assertEquals(expected, read(parts, skipped), "parts of " + partBytes);
      assertEquals(skippedWhole, skipped);
    }
    // gzipped whole, it cannot be cut; uncompressed, it is not
    for (Gzip gzip : new Gzip[] {Gzip.WHOLE, Gzip.NONE}) {
      Path g = w.write(dir.resolve("big-" + gzip + ".warc.gz"), gzip);
      assertEquals(1, FileRecords.parts(file(g), 2_000).size(), gzip.toString());
    }
  }

  @Test
  void recordsAtReadsWarcRecordsByOffset() throws IOException {
    WarcFiles w = everyKind();
    Path f = w.write(dir.resolve("r.warc.gz"), Gzip.PER_RECORD);
    InputFile in = file(f);
    Origin ferry = Origin.ofRecord("in/r.warc.gz", w.offsets().get(2), 0);
    Origin lodz = Origin.ofRecord("in/r.warc.gz", w.offsets().get(8), 0);
    Map<Origin, String> got = new TreeMap<>(Origin.ORDER);
    FileRecords.recordsAt(in, List.of(lodz, ferry), (o, r) -> got.put(o, r.text()), 1 << 20);
    assertEquals(FERRY, got.get(ferry));
    assertEquals(POLISH, got.get(lodz));
    assertEquals(2, got.size());
  }

  /**
   * The same story captured three times (two files; one capture cut by the crawler, the latest):
   * one article, the later complete capture; the others counted as skipped, not rejected, and
   * dropped; the same whatever the shards.
   */
  @Test
  void aPageCapturedAgainIsOneArticleTheLaterCompleteCapture() throws IOException {
    String url = "https://harbor.example/ferry";
    WarcFiles day1 = new WarcFiles();
    day1.page(url, at(0), FERRY)
        .response(
            url,
            at(5),
            200,
            "text/html; charset=utf-8",
            FERRY.getBytes(StandardCharsets.UTF_8),
            true)
        .write(dir.resolve("day1.warc.gz"), Gzip.PER_RECORD);
    long cut = day1.offsets().get(1);
    WarcFiles day2 = new WarcFiles().page("https://other.example/x", at(1), POLISH);
    day2.page(url, at(3), FERRY);
    day2.write(dir.resolve("day2.warc.gz"), Gzip.PER_RECORD);
    long kept = day2.offsets().get(1);
    String pattern = dir + "/*.warc.gz";
    for (int shards : new int[] {1, 3}) {
      TestPipeline p = TestPipelines.create();
      WithFailures.Result<PCollection<Article>, Rejection> read =
          p.apply(ReadArticles.from(List.of(pattern)));
      UniqueIds.Result r = read.output().apply(UniqueIds.of(List.of(pattern)).withShards(shards));
      PAssert.that(r.rejected()).empty();
      String why =
          "a capture of \""
              + url
              + "\" kept instead: the one at "
              + dir
              + "/day2.warc.gz@"
              + kept
              + ", crawled at "
              + at(3);
      PAssert.that(UniqueIdsTest.droppedOf(p, r))
          .containsInAnyOrder(
              dir + "/day1.warc.gz@0 -> " + why, dir + "/day1.warc.gz@" + cut + " -> " + why);
      PAssert.that(
              read.output()
                  .apply(
                      MapElements.into(TypeDescriptors.strings())
                          .via((Article a) -> a.origin() + " " + a.crawledAt())))
          .containsInAnyOrder(
              dir + "/day1.warc.gz@0 " + at(0),
              dir + "/day1.warc.gz@" + cut + " " + at(5),
              dir + "/day2.warc.gz@0 " + at(1),
              dir + "/day2.warc.gz@" + kept + " " + at(3));
      PipelineResult result = p.run();
      result.waitUntilFinish();
      assertEquals(2L, counter(result, ReadArticles.SKIPPED + SkipKinds.DUPLICATE_CAPTURE));
    }
  }

  static long counter(PipelineResult result, String name) {
    long sum = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(ReadArticles.NAMESPACE, name))
                    .build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  /** A crawl time: minutes after {@link WarcFiles#T0}. */
  static java.time.Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }
}
