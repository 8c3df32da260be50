package io.newsdedup.pipeline.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.fingerprint.MinHasher;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.testing.TestPipelines;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;

class FingerprintArticlesTest {
  static final String STORY =
      "The central bank held its key rate at 12.5 percent on Tuesday, saying inflation had eased"
          + " for a third month but that risks from fuel prices remained.\n\n"
          + "Governor Amina Odhiambo told reporters the committee would watch food prices closely"
          + " before the next meeting in May.";

  static Article article(String id, String body) {
    return new Article(id, null, null, null, body, null, Origin.ofFile(id));
  }

  @Test
  void aWrappedRepostGetsTheSameFingerprintAsItsOriginalAndTheCleanerFacts() {
    String repost =
        "NAIROBI (AP) — "
            + STORY
            + "\n\n"
            + "For the latest news and updates, follow us on Google News\n\n"
            + "Read original article here\n\n"
            + "Denial of responsibility! SomeSite is an automatic aggregator of the global media.";
    TestPipeline p = TestPipelines.create();
    var docs =
        p.apply(
                Create.of(
                        List.of(
                            article("orig", STORY),
                            article("repost", repost),
                            article("empty", "!!! ... ???")))
                    .withCoder(CoreCoders.ArticleCoder.INSTANCE))
            .apply(FingerprintArticles.create());
    PAssert.that(docs)
        .satisfies(
            all -> {
              Map<String, Fingerprint> byId = new HashMap<>();
              all.forEach(f -> byId.put(f.id(), f));
              Fingerprint o = byId.get("orig");
              Fingerprint r = byId.get("repost");
              assertArrayEquals(o.shingles(), r.shingles());
              assertArrayEquals(o.signature(), r.signature());
              assertEquals(MinHasher.DEFAULT_NUM_HASHES, o.signature().length);
              assertEquals(o.shingles().length, o.facts().shingleCount());
              assertEquals(0, o.facts().boilerplateMarkers());
              assertTrue(
                  r.facts().boilerplateMarkers() >= 3, "markers " + r.facts().boilerplateMarkers());
              assertTrue(r.facts().pointsToOriginal());
              assertFalse(o.facts().pointsToOriginal());
              assertEquals("AP", r.facts().wireAgency());
              assertTrue(byId.get("empty").isEmpty());
              assertEquals(0, byId.get("empty").signature().length);
              return null;
            });
    p.run().waitUntilFinish();
  }
}
