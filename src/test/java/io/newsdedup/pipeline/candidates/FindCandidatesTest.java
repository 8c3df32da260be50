package io.newsdedup.pipeline.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Anchors;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.testing.TestPipelines;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindCandidatesTest {
  private static final MinHasher MINHASH = new MinHasher(128, MinHasher.DEFAULT_SEED);

  /** An article whose shingles are the (mixed) numbers from..to-1. */
  private static Fingerprint doc(String id, long from, long to) {
    long[] shingles =
        LongStream.range(from, to).map(x -> x * 0x9E3779B97F4A7C15L).sorted().toArray();
    return new Fingerprint(
        new ArticleFacts(
            id, null, null, id, null, Origin.ofFile(id), shingles.length, 0, null, false),
        shingles,
        MINHASH.signature(shingles));
  }

  /** LSH tuned for Jaccard 0.8: excerpts and halves are found by anchors only. */
  private static FindCandidates highLshWithAnchors() {
    return FindCandidates.withBanding(LshParams.optimal(0.8, 128, 0.5, 0.5))
        .withAnchors(Anchors.defaults())
        .withTitles(false);
  }

  @Test
  void anchorsFindExcerptsAndTruncationsButNotUnrelatedStories() {
    List<Fingerprint> docs =
        new ArrayList<>(List.of(doc("orig", 0, 400), doc("half", 0, 200), doc("excerpt", 0, 60)));
    for (int i = 0; i < 50; i++) { // distinct stories: their anchors are queried by nobody else
      docs.add(doc(String.format("other%02d", i), 10_000 + 1_000 * i, 10_400 + 1_000 * i));
    }
    TestPipeline p = TestPipelines.create();
    PCollection<KV<String, String>> pairs =
        p.apply(Create.of(docs).withCoder(CoreCoders.FingerprintCoder.of()))
            .apply(highLshWithAnchors());
    PAssert.that(pairs)
        .satisfies(
            found -> {
              Set<KV<String, String>> all = new HashSet<>();
              found.forEach(all::add);
              assertTrue(all.contains(KV.of("half", "orig")), "truncation: " + all);
              assertTrue(all.contains(KV.of("excerpt", "orig")), "excerpt: " + all);
              assertTrue(
                  all.stream()
                      .noneMatch(
                          kv ->
                              kv.getKey().startsWith("other") || kv.getValue().startsWith("other")),
                  "no pair with an unrelated story: " + all);
              return null;
            });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long indexed = counter(result, "anchor_postings");
    long skipped = counter(result, "anchor_postings_unqueried");
    // 53 articles with about 50 anchors each; each queries with 8. The unrelated stories index
    // only their own queries (and the filter's rare false positives).
    assertTrue(
        skipped > 50 * 30,
        "anchors nobody queries are not indexed: " + skipped + " of " + (skipped + indexed));
    assertTrue(indexed < 53 * 8 + 150 && indexed >= 53 * 8, "indexed " + indexed);
  }

  /** Like {@link #doc}, with a title key and a low-content flag. */
  private static Fingerprint doc(String id, long from, long to, long titleKey, boolean low) {
    Fingerprint f = doc(id, from, to);
    ArticleFacts a = f.facts();
    return new Fingerprint(
        new ArticleFacts(
            a.id(),
            a.url(),
            a.source(),
            a.title(),
            a.publishedAt(),
            a.origin(),
            a.shingleCount(),
            0,
            null,
            false,
            titleKey,
            low ? io.newsdedup.core.article.LowContent.TOO_SHORT : null,
            false,
            false,
            null,
            null),
        f.shingles(),
        f.signature());
  }

  /**
   * Each index on or off: LSH links the near-duplicates, anchors (at least) the excerpt, titles the
   * low-content page with its story; a low-content article takes part through its title only.
   */
  @ParameterizedTest
  @CsvSource({"false,false", "true,false", "false,true", "true,true"})
  void eachIndexAddsItsOwnPairsAndNoOther(boolean anchors, boolean titles) {
    List<Fingerprint> docs =
        List.of(
            doc("copy", 0, 400),
            doc("orig", 0, 400, 77L, false),
            doc("excerpt", 0, 60),
            doc("paywall", 5_000, 5_010, 77L, true),
            doc("lowtwin", 0, 400, 0L, true),
            doc("other", 10_000, 10_400, 99L, false));
    FindCandidates find =
        FindCandidates.withBanding(LshParams.optimal(0.8, 128, 0.5, 0.5))
            .withTitles(titles)
            .withAnchors(anchors ? Anchors.defaults() : null);
    TestPipeline p = TestPipelines.create();
    PCollection<KV<String, String>> pairs =
        p.apply(Create.of(docs).withCoder(CoreCoders.FingerprintCoder.of())).apply(find);
    PAssert.that(pairs)
        .satisfies(
            found -> {
              Set<KV<String, String>> all = new HashSet<>();
              found.forEach(all::add);
              assertTrue(all.contains(KV.of("copy", "orig")), "LSH: " + all);
              assertTrue(!anchors || all.contains(KV.of("excerpt", "orig")), "anchors: " + all);
              assertEquals(
                  titles, all.contains(KV.of("orig", "paywall")), "titles " + titles + ": " + all);
              assertTrue(
                  all.stream()
                      .noneMatch(
                          kv ->
                              kv.getKey().equals("lowtwin")
                                  || kv.getValue().equals("lowtwin")
                                  || kv.getKey().equals("other")
                                  || kv.getValue().equals("other")),
                  "low content without a title, unrelated: " + all);
              assertTrue(
                  titles || all.stream().noneMatch(kv -> kv.getValue().equals("paywall")),
                  "" + all);
              return null;
            });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(anchors, counter(result, "anchor_postings") > 0, "anchors " + anchors);
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(FindCandidates.NAMESPACE, name))
                    .build())
            .getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
