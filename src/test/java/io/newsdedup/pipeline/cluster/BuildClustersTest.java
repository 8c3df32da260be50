package io.newsdedup.pipeline.cluster;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.canonical.CanonicalPolicy;
import io.newsdedup.core.canonical.SourceLists;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterBuilder;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.verify.MatchRule;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.testing.TestPipelines;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class BuildClustersTest {

  static Fingerprint doc(String id, String source, String at, long from, long to) {
    long[] shingles = LongStream.range(from, to).toArray();
    return new Fingerprint(
        new ArticleFacts(
            id,
            null,
            source,
            id,
            at == null ? null : Instant.parse(at),
            Origin.ofFile(id),
            shingles.length,
            0,
            null,
            false),
        shingles,
        new long[0]);
  }

  /** "canonical <- members" with the reason, for compact assertions. */
  static String describe(Cluster c) {
    return c.canonical().id()
        + " <- "
        + c.members().stream().skip(1).map(m -> m.facts().id()).collect(Collectors.joining(","))
        + " ("
        + c.canonicalReason()
        + ")";
  }

  @Test
  void componentsAreSplitAroundTheirCanonicalAndTheRestAreSingletons() {
    TestPipeline p = TestPipelines.create();
    PCollection<Fingerprint> docs =
        p.apply(
            "Docs",
            Create.of(
                    List.of(
                        doc("wire", "Reuters", "2024-01-01T10:00:00Z", 0, 100),
                        doc("paper", "Gazette", "2024-01-01T11:00:00Z", 0, 70),
                        doc("other", "Gazette", "2024-01-01T09:00:00Z", 5000, 5100),
                        doc("alone", "Courier", null, 9000, 9050)))
                .withCoder(CoreCoders.FingerprintCoder.of()));
    // "other" was wrongly put in the wire story's component (e.g. by a noisy estimate).
    PCollection<KV<String, String>> components =
        p.apply(
            "Components",
            Create.of(
                    List.of(
                        KV.of("wire", "other"), KV.of("paper", "other"), KV.of("other", "other")))
                .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    ClusterBuilder builder =
        new ClusterBuilder(new CanonicalPolicy(SourceLists.defaults()), MatchRule.defaults());
    PCollection<Cluster> clusters = docs.apply(BuildClusters.from(components, builder));
    PAssert.that(
            clusters.apply(
                MapElements.into(TypeDescriptors.strings()).via(BuildClustersTest::describe)))
        .containsInAnyOrder(
            "wire <- paper (wire_source)", "other <-  (singleton)", "alone <-  (singleton)");
    p.run().waitUntilFinish();
  }
}
