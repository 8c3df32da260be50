package io.newsdedup.report;

import static io.newsdedup.testing.WarcFiles.T0;
import static io.newsdedup.testing.WarcFiles.newsPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.OriginRef;
import io.newsdedup.report.TextLoader.Text;
import io.newsdedup.testing.WarcFiles;
import io.newsdedup.testing.WarcFiles.Gzip;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report re-reads the texts of WARC members at their offsets, for its diffs. */
class TextLoaderWarcTest {
  @TempDir Path dir;

  static Member member(String id, OriginRef origin) {
    return new Member(
        id, null, null, null, null, null, false, null, null, null, origin, Map.of(), null);
  }

  @Test
  void warcMembersAreReadAtTheirOffsetsWhateverTheCompression() throws IOException {
    WarcFiles w =
        new WarcFiles()
            .warcinfo()
            .page(
                "https://a.example/one",
                T0,
                newsPage("One", null, null, "The first page's text about the harbour ferries."))
            .request("https://a.example/two", T0)
            .page(
                "https://a.example/two",
                T0,
                newsPage(
                    "Dwa",
                    null,
                    "https://a.example/dwa",
                    "Druga strona: łódź wróciła do portu w Gdańsku."),
                Charset.forName("windows-1250"));
    for (Gzip gzip : Gzip.values()) {
      String name = "c-" + gzip + (gzip == Gzip.NONE ? ".warc" : ".warc.gz");
      w.write(dir.resolve(name), gzip);
      List<Long> at = w.offsets();
      OriginRef one =
          gzip == Gzip.WHOLE
              ? new OriginRef(name, 0, null, 0, at.get(1))
              : new OriginRef(name, 0, null, at.get(1), 0);
      OriginRef two =
          gzip == Gzip.WHOLE
              ? new OriginRef(name, 0, null, 0, at.get(3))
              : new OriginRef(name, 0, null, at.get(3), 0);
      OriginRef nothing = new OriginRef(name, 0, null, at.get(2), gzip == Gzip.WHOLE ? 7 : 0);
      List<Member> members = new ArrayList<>();
      members.add(member("https://a.example/one", one));
      members.add(member("https://a.example/dwa", two));
      members.add(member("https://a.example/gone", nothing));
      Map<OriginRef, Text> got = TextLoader.load(dir, members, 1 << 20);
      assertEquals("The first page's text about the harbour ferries.", body(got, one));
      assertTrue(body(got, two).contains("łódź wróciła do portu"), body(got, two));
      assertNull(got.get(nothing).body(), gzip.toString());
      assertTrue(
          got.get(nothing).problem().contains("changed since the run"), got.get(nothing).problem());
    }
  }

  private static String body(Map<OriginRef, Text> got, OriginRef o) {
    Text t = got.get(o);
    return t.body() != null ? t.body() : "PROBLEM " + t.problem();
  }
}
