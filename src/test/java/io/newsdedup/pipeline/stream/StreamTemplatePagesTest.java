package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.LowContent;
import io.newsdedup.core.index.Decision;
import io.newsdedup.core.index.IndexTables;
import io.newsdedup.core.index.Retention;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.core.settings.MatchingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream judges template pages with the batch's classes: the pages of unseen sites in
 * testdata/templates stay apart whatever their arrival, as in batch, and are flagged template-only
 * on their own text (the stream learns no boilerplate, so a template that holds one of the
 * headline's words is not flagged, but is not merged either).
 */
class StreamTemplatePagesTest {
  @TempDir Path tmp;

  @Test
  void templatePagesOfUnseenSitesStayApartAndAreFlagged() throws Exception {
    List<Article> pages = StreamTestData.articles(Path.of("testdata/templates/pages"));
    assertEquals(28, pages.size());
    MatchingSettings s = StreamIndexTest.settings();
    IndexTables t = IndexTables.inMemory();
    List<Decision> decisions =
        StreamIndexTest.feed(
            new StreamIndex(s, Retention.FOREVER), t, new MessageParser(s, 1 << 21), pages, 0);
    assertEquals(pages.size(), t.clusters().size(), "every page its own cluster");
    Map<String, Decision> latest = new TreeMap<>();
    for (Decision d : decisions) {
      latest.merge(d.id(), d, (x, y) -> x.seq() > y.seq() ? x : y);
    }
    long templateOnly =
        latest.values().stream()
            .filter(d -> d.lowContentReason() == LowContent.TEMPLATE_ONLY)
            .count();
    assertTrue(templateOnly >= 20, "flagged: " + templateOnly);
    for (Decision d : latest.values()) {
      if (d.id().startsWith("teaser-")) {
        assertEquals(null, d.lowContentReason(), d.id());
      }
    }
    Path dir = Files.createDirectories(tmp.resolve("batch"));
    Map<String, StreamTestData.Assigned> batch = StreamTestData.batch(pages, dir);
    assertEquals(
        StreamTestData.partition(StreamTestData.clusterOf(batch)),
        StreamTestData.partition(StreamIndexTest.clusterOf(t)));
  }
}
