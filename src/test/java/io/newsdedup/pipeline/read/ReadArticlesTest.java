package io.newsdedup.pipeline.read;

import static io.newsdedup.testing.GzipBytes.gzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.testing.TestPipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadArticlesTest {
  @TempDir Path dir;

  private String base() {
    return dir.toString() + "/";
  }

  @Test
  void everyRecordIsAnArticleOrARejectionWithItsOrigin() throws IOException {
    Files.writeString(
        dir.resolve("feed.jsonl"),
        "{\"id\":\"a1\",\"text\":\"First story.\"}\n"
            + "\n"
            + "{\"id\":\"a2\",\"text\":\"Second\n"
            + "{\"id\":\"a3\",\"title\":\"No body\"}\r\n"
            + "{\"id\":\"a4\",\"text\":\"Fourth story.\"}\r\n");
    Files.write(dir.resolve("more.ndjson.gz"), gzip("{\"id\":\"g1\",\"text\":\"Zipped.\"}\n"));
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/story.txt"), "Headline\n\nA plain text body.\n");
    Files.writeString(dir.resolve("notes.csv"), "a,b,c\n");

    TestPipeline p = TestPipelines.create();
    WithFailures.Result<PCollection<Article>, Rejection> r =
        p.apply(ReadArticles.from(List.of(base() + "*", base() + "sub/*.txt", base() + "*.jsonl")));
    PAssert.that(
            r.output()
                .apply(
                    "Ids",
                    MapElements.into(TypeDescriptors.strings())
                        .via(a -> a.id() + " @ " + a.origin())))
        .containsInAnyOrder(
            "a1 @ " + base() + "feed.jsonl:1",
            "a4 @ " + base() + "feed.jsonl:5",
            "g1 @ " + base() + "more.ndjson.gz:1",
            "story.txt @ " + base() + "sub/story.txt");
    PAssert.that(
            r.failures()
                .apply(
                    "Reasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(x -> x.reason() + " @ " + x.origin())))
        .containsInAnyOrder(
            "malformed_json @ " + base() + "feed.jsonl:3",
            "no_text @ " + base() + "feed.jsonl:4",
            "unsupported_format @ " + base() + "notes.csv");
    p.run().waitUntilFinish();
  }

  @Test
  void aTruncatedGzipKeepsWhatWasReadAndRejectsTheRest() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      lines
          .append("{\"id\":\"t")
          .append(i)
          .append("\",\"text\":\"Story number ")
          .append(i)
          .append(" with some words to compress poorly ")
          .append(i * 7919)
          .append("\"}\n");
    }
    byte[] whole = gzip(lines.toString());
    Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length / 2));

    TestPipeline p = TestPipelines.create();
    WithFailures.Result<PCollection<Article>, Rejection> r =
        p.apply(ReadArticles.from(List.of(base() + "cut.jsonl.gz")));
    PAssert.that(r.failures())
        .satisfies(
            rejections -> {
              List<Rejection> all = new ArrayList<>();
              rejections.forEach(all::add);
              assertEquals(1, all.size());
              assertEquals("unreadable_file", all.get(0).reason());
              assertTrue(all.get(0).message().contains("after line"), all.get(0).message());
              return null;
            });
    PAssert.that(r.output())
        .satisfies(
            articles -> {
              long n = StreamSupport.stream(articles.spliterator(), false).count();
              assertTrue(n > 100 && n < 2000, "read " + n);
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void baseDirectoryOfAPattern() {
    assertEquals("testdata/articles/", InputPatterns.baseDirectory("testdata/articles/*"));
    assertEquals("a/", InputPatterns.baseDirectory("a/b*/c.txt"));
    assertEquals("/x/y/", InputPatterns.baseDirectory("/x/y/file.jsonl"));
    assertEquals("", InputPatterns.baseDirectory("*.jsonl"));
    assertEquals("gs://bucket/in/", InputPatterns.baseDirectory("gs://bucket/in/**"));
    assertEquals(List.of("a/*", "b.jsonl"), InputPatterns.split(" a/* , ,b.jsonl "));
  }

  @Test
  void originOrderDecidesDuplicates() {
    List<Origin> l =
        new ArrayList<>(
            List.of(
                Origin.ofLine("b.jsonl", 1),
                Origin.ofLine("a.jsonl", 10),
                Origin.ofLine("a.jsonl", 2)));
    l.sort(Origin.ORDER);
    assertEquals(
        List.of(
            Origin.ofLine("a.jsonl", 2), Origin.ofLine("a.jsonl", 10), Origin.ofLine("b.jsonl", 1)),
        l);
  }
}
