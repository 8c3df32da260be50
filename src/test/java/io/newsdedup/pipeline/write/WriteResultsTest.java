package io.newsdedup.pipeline.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.cluster.ClusterMember;
import io.newsdedup.core.verify.Similarity;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.testing.TestPipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteResultsTest {
  @TempDir Path dir;

  static List<String> lines(Path dir, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith(prefix + "-")).toList()) {
        out.addAll(Files.readAllLines(f));
      }
    }
    out.sort(null);
    return out;
  }

  /** 0: one TextIO write per output; otherwise one {@link WriteLineSets}. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3})
  void writesClustersAssignmentsAndRejectionsAsJsonLines(int numShards) throws IOException {
    ArticleFacts wire =
        new ArticleFacts(
            "w1",
            "https://apnews.com/a",
            "AP",
            "Title",
            Instant.parse("2024-05-01T10:00:00Z"),
            Origin.ofLine("in/wire.jsonl", 3),
            100,
            0,
            "AP",
            false);
    ArticleFacts copy =
        new ArticleFacts(
            "c1",
            null,
            "Gazette",
            "Other title",
            null,
            Origin.ofFile("in/c1.txt"),
            60,
            2,
            null,
            false);
    Cluster c =
        new Cluster(
            "cl-1",
            wire,
            "wire_source",
            List.of(
                new ClusterMember(wire, true, Similarity.IDENTICAL, null),
                new ClusterMember(copy, false, new Similarity(0.6, 1.0), "w1")));
    Rejection bad = Rejection.of(Origin.ofLine("in/wire.jsonl", 4), "malformed_json", "oops", "{x");

    TestPipeline p = TestPipelines.create();
    p.apply("Clusters", Create.of(List.of(c)).withCoder(CoreCoders.ClusterCoder.INSTANCE))
        .apply(
            WriteResults.to(
                    dir.toString(),
                    p.apply(
                        "Rejected",
                        Create.of(List.of(bad)).withCoder(CoreCoders.RejectionCoder.INSTANCE)))
                .withNumShards(numShards));
    p.run().waitUntilFinish();

    assertEquals(
        List.of(
            "{\"cluster_id\":\"cl-1\",\"size\":2,\"flagged_for_review\":false,\"canonical\":{\"id\":\"w1\",\"url\":\"https://apnews.com/a\","
                + "\"source\":\"AP\",\"title\":\"Title\",\"published_at\":\"2024-05-01T10:00:00Z\"},"
                + "\"canonical_reason\":\"wire_source\",\"members\":["
                + "{\"id\":\"w1\",\"url\":\"https://apnews.com/a\",\"source\":\"AP\",\"title\":\"Title\","
                + "\"published_at\":\"2024-05-01T10:00:00Z\",\"role\":\"canonical\",\"jaccard\":1.0,"
                + "\"containment\":1.0,\"matched_via\":null,\"low_content\":false,\"low_content_reason\":null,\"truncated\":false,\"origin\":{\"file\":\"in/wire.jsonl\",\"line\":3}},{\"id\":\"c1\",\"url\":null,\"source\":\"Gazette\",\"title\":\"Other"
                + " title\","
                + "\"published_at\":null,\"role\":\"duplicate\",\"jaccard\":0.6,\"containment\":1.0,"
                + "\"matched_via\":\"w1\",\"low_content\":false,\"low_content_reason\":null,\"truncated\":false,\"origin\":{\"file\":\"in/c1.txt\"}}]}"),
        lines(dir, "clusters"));
    assertEquals(
        List.of(
            "{\"id\":\"c1\",\"cluster_id\":\"cl-1\",\"canonical_id\":\"w1\",\"is_canonical\":false,"
                + "\"jaccard\":0.6,\"containment\":1.0,\"low_content\":false,\"low_content_reason\":null,\"truncated\":false}",
            "{\"id\":\"w1\",\"cluster_id\":\"cl-1\",\"canonical_id\":\"w1\",\"is_canonical\":true,"
                + "\"jaccard\":1.0,\"containment\":1.0,\"low_content\":false,\"low_content_reason\":null,\"truncated\":false}"),
        lines(dir, "assignments"));
    assertEquals(
        List.of(
            "{\"origin\":{\"file\":\"in/wire.jsonl\",\"line\":4},\"reason\":\"malformed_json\","
                + "\"message\":\"oops\",\"raw\":\"{x\"}"),
        lines(dir, "rejected"));
    if (numShards > 0) {
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(3 * numShards, files.count(), "numShards files per output, empty ones too");
      }
    }
  }
}
