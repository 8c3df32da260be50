package io.newsdedup.pipeline.verify;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.fingerprint.LshParams;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.pipeline.candidates.FindCandidates;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.testing.TestPipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

class VerifyCandidatesTest {
  private static final MinHasher MINHASH = new MinHasher(128, MinHasher.DEFAULT_SEED);

  static Fingerprint doc(String id, long from, long to) {
    long[] shingles =
        LongStream.range(from, to).map(x -> x * 0x9E3779B97F4A7C15L).sorted().toArray();
    return new Fingerprint(
        new ArticleFacts(
            id, null, null, id, null, Origin.ofFile(id), shingles.length, 0, null, false),
        shingles,
        MINHASH.signature(shingles));
  }

  private static PCollection<Fingerprint> docs(TestPipeline p) {
    return p.apply(
        "Docs",
        Create.of(
                List.of(
                    doc("orig", 0, 400),
                    doc("near", 20, 400), // Jaccard 0.95
                    doc("half", 0, 200), // Jaccard 0.5, containment 1
                    doc("excerpt", 0, 60), // Jaccard 0.15, containment 1
                    doc("related", 300, 800), // Jaccard 0.14 with orig, containment 0.25
                    doc("other", 10_000, 10_400),
                    doc("empty", 0, 0)))
            .withCoder(CoreCoders.FingerprintCoder.of()));
  }

  @Test
  void candidatesComeFromSharedBandsOnly() {
    TestPipeline p = TestPipelines.create();
    PCollection<Fingerprint> docs =
        p.apply(
            "Docs",
            Create.of(
                    List.of(
                        doc("orig", 0, 400),
                        doc("near", 20, 400),
                        doc("half", 0, 200),
                        doc("other", 10_000, 10_400),
                        doc("empty", 0, 0),
                        doc("empty2", 0, 0)))
                .withCoder(CoreCoders.FingerprintCoder.of()));
    // (37, 3) banding: a pair at Jaccard 0.5 shares a band with probability 0.993.
    PCollection<KV<String, String>> pairs =
        docs.apply(FindCandidates.withBanding(LshParams.optimal(0.3, 128, 0.5, 0.5)));
    PAssert.that(pairs)
        .containsInAnyOrder(KV.of("near", "orig"), KV.of("half", "orig"), KV.of("half", "near"));
    p.run().waitUntilFinish();
  }

  @Test
  void pairsAreKeptWhenTheEstimatesPassTheRule() {
    TestPipeline p = TestPipelines.create();
    PCollection<Fingerprint> docs = docs(p);
    PCollection<KV<String, String>> pairs =
        p.apply(
            "Pairs",
            Create.of(
                    List.of(
                        KV.of("near", "orig"),
                        KV.of("half", "orig"),
                        KV.of("excerpt", "orig"),
                        KV.of("orig", "other"),
                        KV.of("empty", "orig"),
                        KV.of("orig", "related")))
                .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    PAssert.that(pairs.apply(VerifyCandidates.against(docs, MatchRule.defaults())))
        .containsInAnyOrder(KV.of("near", "orig"), KV.of("half", "orig"), KV.of("excerpt", "orig"));
    p.run().waitUntilFinish();
  }

  @Test
  void aHotBucketOfIdenticalArticlesYieldsLinearlyManyPairs() {
    int n = 3000;
    List<Fingerprint> copies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      copies.add(doc(String.format("copy%05d", i), 0, 300));
    }
    TestPipeline p = TestPipelines.create();
    PCollection<KV<String, String>> pairs =
        p.apply(Create.of(copies).withCoder(CoreCoders.FingerprintCoder.of()))
            .apply(FindCandidates.withBanding(LshParams.optimal(0.3, 128, 0.5, 0.5)));
    // Every band puts all copies in one bucket. In id order it yields the star from the first copy
    // (n - 1 pairs) and each later copy with its next 4: 4 (n - 5) + 3 + 2 + 1 pairs; all bands
    // yield the same pairs. 5n - 15 = 14,985 instead of n (n - 1) / 2 = 4,498,500.
    PAssert.that(pairs.apply(org.apache.beam.sdk.transforms.Count.globally()))
        .containsInAnyOrder(5L * n - 15);
    p.run().waitUntilFinish();
  }
}
