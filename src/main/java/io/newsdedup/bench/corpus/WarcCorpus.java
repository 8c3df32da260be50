package io.newsdedup.bench.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.SplittableRandom;
import org.jsoup.nodes.Entities;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A JSONL corpus (as {@link SyntheticCorpus} writes it) captured into a crawl archive, to time WARC
 * input against the same articles as JSONL: a {@code .warc.gz} gzipped record by record, as
 * crawlers and CC-NEWS write them, with a {@code warcinfo} record, then for each article a {@code
 * request} and a {@code response} (HTTP 200, {@code text/html; charset=utf-8}) at its URL, crawled
 * an hour after it was published. The page carries the article (title, source, time, canonical URL,
 * paragraphs) in page chrome: a header and navigation, a footer, and an inline script of
 * pseudo-random text (deterministic per article) that compresses about as badly as the scripts of
 * real news pages, so that the archive's bytes per article are closer to a real crawl's.
 */
public final class WarcCorpus {
  private WarcCorpus() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Characters of the inline script of each page. */
  static final int SCRIPT_CHARS = 6_000;

  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** Writes the articles of {@code jsonl} into {@code warc}; returns how many. */
  public static long write(Path jsonl, Path warc) throws IOException {
    long n = 0;
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8);
        WarcWriter out =
            new WarcWriter(
                FileChannel.open(
                    warc,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
      out.write(new Warcinfo.Builder().date(start).filename(warc.getFileName().toString()).build());
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode a = JSON.readTree(line);
        String id = a.path("id").asText();
        String url = a.hasNonNull("url") ? a.get("url").asText() : "https://news.example/" + id;
        Instant published =
            a.hasNonNull("published_at") ? Instant.parse(a.get("published_at").asText()) : start;
        Instant crawled = published.plusSeconds(3600);
        URI uri = URI.create(url);
        out.write(
            new WarcRequest.Builder(uri)
                .date(crawled)
                .body(
                    new HttpRequest.Builder("GET", uri.getRawPath())
                        .addHeader("Host", uri.getHost())
                        .addHeader("User-Agent", "news-dedup-bench")
                        .build())
                .build());
        byte[] page = page(a, url, id).getBytes(StandardCharsets.UTF_8);
        out.write(
            new WarcResponse.Builder(uri)
                .date(crawled)
                .body(
                    new HttpResponse.Builder(200, "OK")
                        .addHeader("Server", "bench")
                        .body(MediaType.parse("text/html; charset=utf-8"), page)
                        .build())
                .build());
        n++;
      }
    }
    return n;
  }

  /** The article as a news page. */
  static String page(JsonNode a, String url, String id) {
    String title = Entities.escape(a.path("title").asText(""));
    String source = Entities.escape(a.path("source").asText(""));
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(title)
        .append(" | ")
        .append(source)
        .append("</title><meta property=\"og:title\" content=\"")
        .append(title)
        .append("\"><meta property=\"og:site_name\" content=\"")
        .append(source)
        .append("\">");
    if (a.hasNonNull("published_at")) {
      sb.append("<meta property=\"article:published_time\" content=\"")
          .append(a.get("published_at").asText())
          .append("\">");
    }
    sb.append("<link rel=\"canonical\" href=\"").append(Entities.escape(url)).append("\">");
    sb.append("<script>window.__STATE__=\"");
    SplittableRandom r = new SplittableRandom(id.hashCode());
    for (int i = 0; i < SCRIPT_CHARS; i++) {
      sb.append(BASE64.charAt(r.nextInt(BASE64.length())));
    }
    sb.append("\";</script></head><body><header><a href=\"/\">")
        .append(source)
        .append("</a><nav><a href=\"/world\">World</a> <a href=\"/business\">Business</a>")
        .append(" <a href=\"/sport\">Sport</a> <a href=\"/opinion\">Opinion</a></nav></header>")
        .append("<main><article><h1>")
        .append(title)
        .append("</h1>");
    for (String p : a.path("text").asText("").split("\n")) {
      if (!p.isBlank()) {
        sb.append("<p>").append(Entities.escape(p)).append("</p>");
      }
    }
    sb.append("</article></main><footer><p>© ")
        .append(source)
        .append(". All rights reserved.</p><a href=\"/privacy\">Privacy</a>")
        .append(" <a href=\"/terms\">Terms</a></footer></body></html>");
    return sb.toString();
  }
}
