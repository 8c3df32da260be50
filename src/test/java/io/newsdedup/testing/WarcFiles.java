package io.newsdedup.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;

/**
 * WARC files for tests, written with jwarc's writer: records are added one by one and the file is
 * written plain, gzipped record by record (as crawlers and Common Crawl write them) or gzipped
 * whole. {@link #offsets} are where each record starts in the written file (for a file gzipped
 * whole, in its uncompressed data).
 */
public final class WarcFiles {
  /** How the file is compressed. */
  public enum Gzip {
    NONE,
    PER_RECORD,
    WHOLE
  }

  public static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");

  /** Each record made anew for each file written: a record's body can be read once. */
  private final List<Record> records = new ArrayList<>();

  private interface Record {
    WarcRecord make() throws IOException;
  }

  private final List<Long> offsets = new ArrayList<>();

  public WarcFiles warcinfo() {
    records.add(() -> new Warcinfo.Builder().date(T0).filename("test.warc.gz").build());
    return this;
  }

  /** A response of status 200 with an HTML page in UTF-8. */
  public WarcFiles page(String url, Instant date, String html) {
    return response(
        url, date, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  /** A response of status 200 with a page in {@code charset}, declared in its HTTP header. */
  public WarcFiles page(String url, Instant date, String html, Charset charset) {
    return response(url, date, 200, "text/html; charset=" + charset.name(), html.getBytes(charset));
  }

  public WarcFiles response(String url, Instant date, int status, String contentType, byte[] body) {
    return response(url, date, status, contentType, body, false);
  }

  /** A response with more HTTP headers (name, value, name, value, ...). */
  public WarcFiles response(
      String url,
      Instant date,
      int status,
      String contentType,
      byte[] body,
      boolean truncated,
      String... headers) {
    records.add(
        () -> {
          HttpResponse.Builder http = new HttpResponse.Builder(status, "Status " + status);
          for (int i = 0; i + 1 < headers.length; i += 2) {
            http.addHeader(headers[i], headers[i + 1]);
          }
          HttpResponse built =
              contentType == null
                  ? http.body(null, body).build()
                  : http.body(MediaType.parse(contentType), body).build();
          WarcResponse.Builder b = new WarcResponse.Builder(URI.create(url)).date(date).body(built);
          if (truncated) {
            b.truncated(WarcTruncationReason.LENGTH);
          }
          return b.build();
        });
    return this;
  }

  /** A {@code resource} record: the page itself, no HTTP (as wget and Browsertrix store some). */
  public WarcFiles resource(String url, Instant date, String contentType, byte[] body) {
    records.add(
        () ->
            new WarcResource.Builder(URI.create(url))
                .date(date)
                .body(MediaType.parse(contentType), body)
                .build());
    return this;
  }

  public WarcFiles request(String url, Instant date) {
    records.add(
        () -> {
          HttpRequest http =
              new HttpRequest.Builder("GET", URI.create(url).getRawPath())
                  .addHeader("Host", URI.create(url).getHost())
                  .build();
          return new WarcRequest.Builder(URI.create(url)).date(date).body(http).build();
        });
    return this;
  }

  public WarcFiles metadata(String url, Instant date) {
    records.add(
        () ->
            new WarcMetadata.Builder()
                .targetURI(url)
                .date(date)
                .body(MediaType.parse("application/warc-fields"), "fetchTimeMs: 120\r\n".getBytes())
                .build());
    return this;
  }

  /** A revisit of {@code url}: the payload is identical to an earlier capture's. */
  public WarcFiles revisit(String url, Instant date) {
    records.add(
        () ->
            new WarcRevisit.Builder(URI.create(url), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_0)
                .date(date)
                .build());
    return this;
  }

  /** Where each record starts in the file last written ({@link #write}). */
  public List<Long> offsets() {
    return List.copyOf(offsets);
  }

  /** The file's bytes. */
  public byte[] bytes(Gzip gzip) {
    offsets.clear();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OutputStream target = gzip == Gzip.WHOLE ? new GZIPOutputStream(out) : out;
      org.netpreserve.jwarc.WarcWriter w =
          new org.netpreserve.jwarc.WarcWriter(
              Channels.newChannel(target),
              gzip == Gzip.PER_RECORD ? WarcCompression.GZIP : WarcCompression.NONE);
      for (Record r : records) {
        offsets.add(w.position());
        w.write(r.make());
      }
      w.close();
      target.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the file to {@code file}. */
  public Path write(Path file, Gzip gzip) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, bytes(gzip));
    return file;
  }

  /** A small news page: title, time (if not null), canonical URL (if not null) and paragraphs. */
  public static String newsPage(
      String title, String publishedAt, String canonical, String... paragraphs) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">");
    sb.append("<title>").append(title).append("</title>");
    if (publishedAt != null) {
      sb.append("<meta property=\"article:published_time\" content=\"")
          .append(publishedAt)
          .append("\">");
    }
    if (canonical != null) {
      sb.append("<link rel=\"canonical\" href=\"").append(canonical).append("\">");
    }
    sb.append("</head><body><nav><a href=\"/\">Home</a></nav><article><h1>")
        .append(title)
        .append("</h1>");
    for (String p : paragraphs) {
      sb.append("<p>").append(p).append("</p>");
    }
    return sb.append("</article></body></html>").toString();
  }
}
