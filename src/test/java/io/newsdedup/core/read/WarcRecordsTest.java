package io.newsdedup.core.read;

import static io.newsdedup.testing.WarcFiles.T0;
import static io.newsdedup.testing.WarcFiles.newsPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.read.InputRecords.Raw;
import io.newsdedup.testing.WarcFiles;
import io.newsdedup.testing.WarcFiles.Gzip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WARC files read record by record: what each record is, where it is, its page as text. */
class WarcRecordsTest {
  @TempDir Path dir;

  static final String STORY =
      newsPage(
          "Harbor ferry budget approved",
          "2025-03-03T08:00:00Z",
          null,
          "The city council approved the harbor ferry budget on Monday after a long debate.",
          "The ferries will run every twenty minutes from April, the transport office said.");

  /** One record of every kind: warcinfo, request, page, metadata, 404, image, revisit, resource. */
  static WarcFiles everyKind() {
    return new WarcFiles()
        .warcinfo()
        .request("https://harbor.example/ferry", T0)
        .page("https://harbor.example/ferry", T0, STORY)
        .metadata("https://harbor.example/ferry", T0)
        .response(
            "https://harbor.example/gone",
            T0,
            404,
            "text/html",
            "<html><body><p>Not found</p></body></html>".getBytes(StandardCharsets.UTF_8))
        .response("https://harbor.example/logo.png", T0, 200, "image/png", new byte[] {1, 2, 3})
        .revisit("https://harbor.example/ferry", T0.plus(Duration.ofHours(1)))
        .resource(
            "https://harbor.example/ferry-resource",
            T0,
            "text/html",
            STORY.getBytes(StandardCharsets.UTF_8));
  }

  static List<Raw> readAll(Path file) throws IOException {
    List<Raw> out = new ArrayList<>();
    try (InputRecords records = InputRecords.open(file)) {
      for (Raw r; (r = records.next()) != null; ) {
        out.add(r);
      }
    }
    return out;
  }

  static String kind(Raw r) {
    if (r.skipped()) {
      return r.crawl().skip();
    }
    if (r.malformed()) {
      return "malformed";
    }
    return r.tooLarge() ? "too_large" : "page";
  }

  @ParameterizedTest
  @EnumSource(Gzip.class)
  void everyRecordIsAPageOrASkipOfItsKindAtItsOffset(Gzip gzip) throws IOException {
    WarcFiles w = everyKind();
    Path file = w.write(dir.resolve(gzip == Gzip.NONE ? "a.warc" : "a.warc.gz"), gzip);
    List<Raw> got = readAll(file);
    assertEquals(
        List.of(
            "warcinfo",
            "request",
            "page",
            "metadata",
            "http_4xx",
            SkipKinds.NOT_HTML,
            "revisit",
            "page"),
        got.stream().map(WarcRecordsTest::kind).toList());
    for (int i = 0; i < got.size(); i++) {
      long offset = gzip == Gzip.WHOLE ? 0 : w.offsets().get(i);
      long inMember = gzip == Gzip.WHOLE ? w.offsets().get(i) : 0;
      assertEquals(offset, got.get(i).crawl().offset(), "record " + i);
      assertEquals(inMember, got.get(i).crawl().inMember(), "record " + i);
    }
    Raw page = got.get(2);
    assertEquals(STORY, page.text());
    assertEquals("https://harbor.example/ferry", page.crawl().target());
    assertEquals(T0, page.crawl().capture().crawledAt());
    assertTrue(page.crawl().capture().complete());
    Article a = InputFormat.WARC.parse(page, "a.warc", page.origin("a.warc")).article();
    assertEquals("https://harbor.example/ferry", a.id());
    assertEquals("https://harbor.example/ferry", a.url());
    assertEquals("Harbor ferry budget approved", a.title());
    assertEquals("2025-03-03T08:00:00Z", a.publishedAt().toString());
    assertEquals(T0, a.crawledAt());
    assertTrue(a.body().contains("every twenty minutes"), a.body());
    assertEquals(Origin.ofRecord("a.warc", offset(w, gzip, 2), inMember(w, gzip, 2)), a.origin());
  }

  private static long offset(WarcFiles w, Gzip gzip, int i) {
    return gzip == Gzip.WHOLE ? 0 : w.offsets().get(i);
  }

  private static long inMember(WarcFiles w, Gzip gzip, int i) {
    return gzip == Gzip.WHOLE ? w.offsets().get(i) : 0;
  }

  @Test
  void aPageWithoutTimeHasNoneAndItsCanonicalUrlIsItsId() throws IOException {
    String html =
        newsPage(
            "Ferry",
            null,
            "https://harbor.example/news/ferry",
            "A long enough paragraph about the harbor ferry and the council's budget vote.");
    Path file =
        new WarcFiles()
            .page("https://harbor.example/ferry?utm_source=feed", T0, html)
            .write(dir.resolve("b.warc.gz"), Gzip.PER_RECORD);
    Raw r = readAll(file).get(0);
    Article a = InputFormat.WARC.parse(r, "b.warc.gz", r.origin("b.warc.gz")).article();
    assertEquals("https://harbor.example/news/ferry", a.id());
    assertEquals("https://harbor.example/news/ferry", a.url());
    assertNull(a.publishedAt(), "the crawl time is not the publication time");
    assertEquals(T0, a.crawledAt());
  }

  @Test
  void theCharsetOfTheHttpHeaderDecodesThePage() throws IOException {
    String polish =
        newsPage(
            "Żółta łódź wróciła do portu w Gdańsku",
            null,
            null,
            "Załoga statku świętowała powrót po długim rejsie przez Bałtyk, mówią rybacy.");
    String chinese =
        newsPage("北京地铁新线路今日开通", null, null, "北京市交通委员会表示，新线路将缓解城市东部的交通压力，每天可运送乘客二十万人次。");
    Path file =
        new WarcFiles()
            .page("https://gazeta.example/lodz", T0, polish, Charset.forName("windows-1250"))
            .page("https://news.example/ditie", T0, chinese, Charset.forName("GBK"))
            .write(dir.resolve("c.warc.gz"), Gzip.PER_RECORD);
    List<Raw> got = readAll(file);
    assertEquals(polish, got.get(0).text());
    assertEquals(chinese, got.get(1).text());
    Article a = InputFormat.WARC.parse(got.get(0), "c", got.get(0).origin("c")).article();
    assertEquals("Żółta łódź wróciła do portu w Gdańsku", a.title());
  }

  @Test
  void withoutACharsetInTheHeaderTheMetaOfThePageDecodesIt() throws IOException {
    String html =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\">"
            + "<title>Łódź</title></head><body><p>Zażółć gęślą jaźń.</p></body></html>";
    Path file =
        new WarcFiles()
            .response(
                "https://gazeta.example/a",
                T0,
                200,
                "text/html",
                html.getBytes(Charset.forName("windows-1250")))
            .write(dir.resolve("d.warc"), Gzip.NONE);
    assertEquals(html, readAll(file).get(0).text());
  }

  @Test
  void aTruncatedLastRecordIsDamageAfterEveryRecordBeforeIt() throws IOException {
    for (Gzip gzip : Gzip.values()) {
      WarcFiles w = everyKind();
      byte[] whole = w.bytes(gzip);
      byte[] cut = Arrays.copyOf(whole, whole.length - 40);
      Path file = dir.resolve("t-" + gzip + (gzip == Gzip.NONE ? ".warc" : ".warc.gz"));
      Files.write(file, cut);
      try (InputRecords records = InputRecords.open(file)) {
        List<String> kinds = new ArrayList<>();
        IOException e =
            assertThrows(
                IOException.class,
                () -> {
                  for (Raw r; (r = records.next()) != null; ) {
                    kinds.add(kind(r));
                  }
                });
        assertEquals(
            List.of(
                "warcinfo",
                "request",
                "page",
                "metadata",
                "http_4xx",
                SkipKinds.NOT_HTML,
                "revisit"),
            kinds,
            gzip + ": " + e);
        assertEquals(offset(w, gzip, 7), records.brokenAt(), gzip.toString());
        assertThrows(IOException.class, records::next, "and at every later call");
      }
    }
  }

  @Test
  void aGzipContentEncodingAndAChunkedTransferAreUndone() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(STORY.getBytes(StandardCharsets.UTF_8));
    }
    byte[] zipped = gz.toByteArray();
    int half = zipped.length / 2;
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    chunked.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.write(zipped, 0, half);
    chunked.write(
        ("\r\n" + Integer.toHexString(zipped.length - half) + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    chunked.write(zipped, half, zipped.length - half);
    chunked.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    Path file =
        new WarcFiles()
            .response(
                "https://a.example/zipped",
                T0,
                200,
                "text/html; charset=utf-8",
                chunked.toByteArray(),
                false,
                "Content-Encoding",
                "gzip",
                "Transfer-Encoding",
                "chunked")
            .write(dir.resolve("z.warc.gz"), Gzip.PER_RECORD);
    assertEquals(STORY, readAll(file).get(0).text());
  }

  @Test
  void aPayloadLongerThanTheLimitIsTooLargeWithItsHeadAndTheFileGoesOn() throws IOException {
    String big = newsPage("Big", null, null, "word ".repeat(20_000));
    Path file =
        new WarcFiles()
            .page("https://a.example/big", T0, big)
            .page("https://a.example/small", T0, STORY)
            .write(dir.resolve("e.warc.gz"), Gzip.PER_RECORD);
    List<Raw> got = new ArrayList<>();
    try (InputRecords records = InputRecords.open(file, 10_000)) {
      for (Raw r; (r = records.next()) != null; ) {
        got.add(r);
      }
    }
    assertTrue(got.get(0).tooLarge());
    assertTrue(big.startsWith(got.get(0).head()));
    assertEquals(STORY, got.get(1).text());
  }

  @Test
  void aRecordWithBadHttpHeadersIsMalformedAndTheNextIsRead() throws IOException {
    WarcFiles w =
        new WarcFiles()
            .page("https://a.example/one", T0, STORY)
            .page("https://a.example/two", T0, STORY);
    byte[] plain = w.bytes(Gzip.NONE);
    String s = new String(plain, StandardCharsets.ISO_8859_1);
    int http = s.indexOf("HTTP/1.1 200");
    // "HTTP/1.1 200" -> "HTTX/1.1 200": not an HTTP status line (same length)
    plain[http + 3] = 'X';
    // each record its own gzip member again
    List<Long> offsets = w.offsets();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < offsets.size(); i++) {
      int from = offsets.get(i).intValue();
      int to = i + 1 < offsets.size() ? offsets.get(i + 1).intValue() : plain.length;
      ByteArrayOutputStream member = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
        gz.write(plain, from, to - from);
      }
      out.write(member.toByteArray());
    }
    Path file = dir.resolve("f.warc.gz");
    Files.write(file, out.toByteArray());
    List<Raw> got = readAll(file);
    assertEquals(List.of("malformed", "page"), got.stream().map(WarcRecordsTest::kind).toList());
    assertTrue(got.get(0).head().contains("WARC-Target-URI"), got.get(0).head());
    assertEquals(0, got.get(0).crawl().offset());
    assertFalse(got.get(1).crawl().offset() == 0);
  }

  @Test
  void aDamagedWarcHeaderIsOneMalformedRecordInItsMemberAndDamageInAPlainFile() throws IOException {
    WarcFiles w =
        new WarcFiles()
            .page("https://a.example/one", T0, STORY)
            .page("https://a.example/two", T0, STORY)
            .page("https://a.example/three", T0, STORY);
    byte[] plain = w.bytes(Gzip.NONE);
    List<Long> at = w.offsets();
    plain[at.get(1).intValue() + 3] = 'X'; // "WARC/1.1" -> "WARX/1.1"
    // record by record in gzip members: that member is one malformed record, the next is read
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Long> members = new ArrayList<>();
    for (int i = 0; i < at.size(); i++) {
      members.add((long) out.size());
      int from = at.get(i).intValue();
      int to = i + 1 < at.size() ? at.get(i + 1).intValue() : plain.length;
      try (GZIPOutputStream gz = new GZIPOutputStream(out) {}) {
        gz.write(plain, from, to - from);
        gz.finish();
      }
    }
    Path gz = dir.resolve("h.warc.gz");
    Files.write(gz, out.toByteArray());
    List<Raw> got = readAll(gz);
    assertEquals(
        List.of("page", "malformed", "page"), got.stream().map(WarcRecordsTest::kind).toList());
    assertEquals(members.get(1), got.get(1).crawl().offset());
    assertTrue(got.get(1).crawl().problem().contains("WARC header"), got.get(1).crawl().problem());
    // uncompressed, there is no telling where the next record starts: damage from there on
    Path file = dir.resolve("h.warc");
    Files.write(file, plain);
    try (InputRecords records = InputRecords.open(file)) {
      assertEquals("page", kind(records.next()));
      assertThrows(IOException.class, records::next);
      assertEquals(at.get(1), records.brokenAt());
    }
  }

  @ParameterizedTest
  @EnumSource(Gzip.class)
  void selectGoesToTheOffsetsWanted(Gzip gzip) throws IOException {
    WarcFiles w = everyKind();
    Path file = w.write(dir.resolve("g" + (gzip == Gzip.NONE ? ".warc" : ".warc.gz")), gzip);
    TreeSet<Long> wanted = new TreeSet<>(List.of(offset(w, gzip, 2), offset(w, gzip, 7)));
    List<Raw> got = new ArrayList<>();
    try (InputRecords records = InputRecords.open(file)) {
      records.select(wanted, got::add);
    }
    List<Raw> pages = got.stream().filter(r -> r.text() != null).toList();
    assertEquals(2, pages.size(), got.toString());
    assertEquals(
        List.of(
            Map.entry(offset(w, gzip, 2), inMember(w, gzip, 2)),
            Map.entry(offset(w, gzip, 7), inMember(w, gzip, 7))),
        pages.stream().map(r -> Map.entry(r.crawl().offset(), r.crawl().inMember())).toList());
  }
}
