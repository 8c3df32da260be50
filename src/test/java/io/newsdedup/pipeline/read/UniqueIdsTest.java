package io.newsdedup.pipeline.read;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.testing.TestPipelines;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class UniqueIdsTest {

  static Article article(String id, String file, long line, String body) {
    return new Article(id, null, null, null, body, null, Origin.ofLine(file, line));
  }

  @Test
  void theFirstOriginKeepsTheIdWhateverTheInputOrder() {
    TestPipeline p = TestPipelines.create();
    PCollection<Article> in = p.apply(Create.of(List.of(
            article("x", "b.jsonl", 1, "later file"),
            article("x", "a.jsonl", 9, "first file, later line"),
            article("x", "a.jsonl", 3, "first file, first line"),
            article("y", "b.jsonl", 2, "unique")))
        .withCoder(CoreCoders.ArticleCoder.INSTANCE));
    WithFailures.Result<PCollection<Article>, Rejection> r = in.apply(UniqueIds.create());
    PAssert.that(r.output().apply("Kept", MapElements.into(TypeDescriptors.strings())
            .via(a -> a.id() + ":" + a.body())))
        .containsInAnyOrder("x:first file, first line", "y:unique");
    PAssert.that(r.failures().apply("Dropped", MapElements.into(TypeDescriptors.strings())
            .via(f -> f.reason() + " " + f.origin() + " " + f.message())))
        .containsInAnyOrder(
            "duplicate_id b.jsonl:1 id \"x\" is already used by the record at a.jsonl:3",
            "duplicate_id a.jsonl:9 id \"x\" is already used by the record at a.jsonl:3");
    p.run().waitUntilFinish();
  }
}
