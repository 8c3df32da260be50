package io.newsdedup.pipeline.read;

import static io.newsdedup.pipeline.coders.CoderChecks.roundTripEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.core.article.Capture;
import io.newsdedup.core.article.Origin;
import io.newsdedup.pipeline.read.UniqueIds.Claim;
import io.newsdedup.pipeline.read.UniqueIds.ClaimCoder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claims UniqueIds shuffles keep their id, origin and capture. */
class UniqueIdsRoundTripTest {
  @Test
  void claimCoder() throws Exception {
    Instant t = Instant.parse("2025-03-04T10:00:00.123456789Z");
    for (Claim c :
        List.of(
            new Claim("a-1", Origin.ofLine("feeds/łódź.jsonl", 9_876_543_210L), null),
            new Claim("北京", Origin.ofFile("a.html"), null),
            new Claim(
                "https://example.org/x",
                Origin.ofRecord("c.warc.gz", 1234, 0),
                new Capture(t, true)),
            new Claim(
                "https://example.org/x",
                Origin.ofRecord("c.warc.gz", 0, 77),
                new Capture(t, false)))) {
      Claim copy = new Claim(c.id(), c.origin(), c.capture());
      assertEquals(c, roundTripEqual(ClaimCoder.INSTANCE, c, copy));
    }
  }
}
