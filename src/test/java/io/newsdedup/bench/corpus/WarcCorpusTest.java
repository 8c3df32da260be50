package io.newsdedup.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleParser;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.read.InputFormat;
import io.newsdedup.core.read.InputRecords;
import io.newsdedup.core.read.InputRecords.Raw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's WARC corpus holds the JSONL corpus's articles, as pages the pipeline reads back. */
class WarcCorpusTest {
  @TempDir Path dir;

  @Test
  void everyArticleIsAPageThatReadsBackToTheSameArticle() throws IOException {
    Path jsonl = dir.resolve("c.jsonl");
    new SyntheticCorpus(2_000).write(120, 0.3, 5, jsonl, dir.resolve("labels.jsonl"));
    Path warc = dir.resolve("c.warc.gz");
    assertEquals(120, WarcCorpus.write(jsonl, warc));
    List<Article> pages = new ArrayList<>();
    long requests = 0;
    try (InputRecords records = InputRecords.open(warc)) {
      for (Raw r; (r = records.next()) != null; ) {
        if (r.skipped()) {
          requests += r.crawl().skip().equals("request") ? 1 : 0;
        } else {
          pages.add(InputFormat.WARC.parse(r, "c.warc.gz", r.origin("c.warc.gz")).article());
        }
      }
    }
    assertEquals(120, requests);
    List<String> lines = Files.readAllLines(jsonl);
    assertEquals(lines.size(), pages.size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n = json.readTree(lines.get(i));
      Article fromJsonl =
          ArticleParser.parseJsonLine(lines.get(i), Origin.ofLine("c", i + 1)).article();
      Article page = pages.get(i);
      assertEquals(n.get("url").asText(), page.id());
      assertEquals(fromJsonl.title(), page.title());
      assertEquals(fromJsonl.source(), page.source());
      assertEquals(fromJsonl.publishedAt(), page.publishedAt());
      assertEquals(fromJsonl.publishedAt().plusSeconds(3600), page.crawledAt());
      assertEquals(
          fromJsonl.body().replaceAll("\\s+", " ").strip(),
          page.body().replaceAll("\\s+", " ").strip());
    }
    assertTrue(Files.size(warc) > 120 * WarcCorpus.SCRIPT_CHARS / 2, "pages carry their chrome");
  }
}
