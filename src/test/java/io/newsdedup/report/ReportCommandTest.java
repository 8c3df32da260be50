package io.newsdedup.report;

import static io.newsdedup.report.OutputFixture.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.cli.Main;
import io.newsdedup.testing.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code report} command through {@link Main}: help, exit codes, one-line errors. */
class ReportCommandTest {
  @TempDir Path tmp;

  static CommandRun run(String... args) {
    CommandRun r = CommandRun.of(args);
    assertFalse(r.err().contains("\tat "), "a stack trace reached the user:\n" + r.err());
    return r;
  }

  Path output() {
    OutputFixture f = new OutputFixture(tmp);
    f.input("in/a.jsonl", OutputFixture.article("a", "AP", "T", "Some text here.") + "\n");
    f.cluster("cl-1", "singleton", m("a", "AP", "T", "2025-01-01T00:00:00Z", "in/a.jsonl", 1));
    return f.write(1, true);
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    CommandRun r = run("report", "--help");
    assertEquals(0, r.code());
    for (String option :
        new String[] {
          "--output=<string>  (required)",
          "--report=<string>  (default: OUTPUT/report)",
          "--inputRoot=<string>  (default: the current directory)",
          "--topClusters=<int>  (default: 100)",
          "--listClusters=<int>  (default: 5000)",
          "--maxMembers=<int>  (default: 200)",
          "--maxRejected=<int>  (default: 1000)",
          "--maxTemplateOnly=<int>  (default: 1000)"
        }) {
      assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
    }
    assertTrue(run("--help").out().contains("report "));
    assertTrue(run("batch", "--help").out().contains("--report=<string>  (default: none)"));
  }

  @Test
  void writesTheReportAndSaysWhere() {
    Path out = output();
    CommandRun r = run("report", "--output=" + out, "--inputRoot=" + tmp);
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("report of 1 clusters (1 articles, 0 duplicates), 1 cluster pages"),
        r.out());
    assertTrue(Files.exists(out.resolve("report/index.html")));
  }

  static final String NO_SUCCESS =
      "this output has no _SUCCESS: the run did not finish, or its"
          + " accounting did not hold; the numbers may be incomplete";

  /** The HTML pages of a report. */
  static List<Path> pages(Path report) throws IOException {
    try (Stream<Path> all = Files.walk(report)) {
      return all.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  /**
   * An output without _SUCCESS (a run that did not finish, or whose accounting did not hold) is
   * reported, exit code 0, with a warning banner on every page and the same warning on stderr; with
   * _SUCCESS, neither.
   */
  @Test
  void anOutputWithoutSuccessIsReportedWithAWarningOnEveryPage() throws IOException {
    Path out = output();
    Files.delete(out.resolve("_SUCCESS"));
    CommandRun r = run("report", "--output=" + out, "--inputRoot=" + tmp);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("news-dedup report: warning: " + NO_SUCCESS), r.err());
    List<Path> pages = pages(out.resolve("report"));
    // index, rejected, template-only and one cluster page
    assertEquals(4, pages.size(), pages.toString());
    for (Path page : pages) {
      Element banner = Jsoup.parse(page.toFile()).selectFirst("body > div.banner#incomplete");
      assertTrue(banner != null, page + " has no banner");
      assertEquals("Incomplete run. T" + NO_SUCCESS.substring(1) + ".", banner.text());
    }
    assertFalse(
        OutputFixture.JSON
            .readTree(out.resolve("report/summary.json").toFile())
            .path("report")
            .path("complete")
            .asBoolean(true));

    Files.writeString(out.resolve("_SUCCESS"), "");
    CommandRun ok = run("report", "--output=" + out, "--inputRoot=" + tmp);
    assertEquals(0, ok.code(), ok.err());
    assertFalse(ok.err().contains("_SUCCESS"), ok.err());
    for (Path page : pages(out.resolve("report"))) {
      assertEquals(null, Jsoup.parse(page.toFile()).selectFirst("#incomplete"), page.toString());
      assertFalse(Files.readString(page).contains("_SUCCESS"), page.toString());
    }
    assertTrue(
        OutputFixture.JSON
            .readTree(out.resolve("report/summary.json").toFile())
            .path("report")
            .path("complete")
            .asBoolean(false));
    assertTrue(run("report", "--help").out().contains("An output without _SUCCESS"));
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    Path out = output();
    CommandRun missing = run("report", "--output=" + tmp.resolve("nope"));
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("does not exist"), missing.err());
    assertEquals(2, run("report").code());
    assertEquals(2, run("report", "--output=" + out, "--topClustrs=3").code());
    assertEquals(2, run("report", "--output=" + out, "--topClusters=many").code());
    assertEquals(2, run("report", "--output=" + out, "--topClusters=-1").code());
    assertEquals(2, run("report", "--output=" + out, "--maxMembers=0").code());
    assertEquals(2, run("report", "--output=" + out, "--maxTemplateOnly=-1").code());
    assertEquals(2, run("report", "--output=" + out, "stray").code());
    CommandRun same = run("report", "--output=" + out, "--report=" + out);
    assertEquals(2, same.code());
    assertTrue(same.err().contains("must not be the --output directory"), same.err());
    assertTrue(Files.exists(out.resolve("summary.json")));
    CommandRun intoRun = run("report", "--output=" + out, "--report=" + out + "/../out/.");
    assertEquals(2, intoRun.code(), intoRun.err());
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(other.resolve("clusters-00000-of-00001.jsonl"), "");
    CommandRun batchDir = run("report", "--output=" + out, "--report=" + other);
    assertEquals(2, batchDir.code());
    assertTrue(batchDir.err().contains("holds the outputs of a batch run"), batchDir.err());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CommandRun nothing = run("report", "--output=" + empty);
    assertEquals(2, nothing.code());
    assertTrue(nothing.err().contains("holds no batch outputs"), nothing.err());
    CommandRun batchReportIntoOutput =
        run(
            "batch",
            "--input=" + tmp + "/in/*",
            "--output=" + out,
            "--report=" + out,
            "--overwrite");
    assertEquals(2, batchReportIntoOutput.code(), batchReportIntoOutput.err());
  }

  @Test
  void unreadableContentExitsWithOneNamingFileAndLine() throws IOException {
    Path out = output();
    Path clusters = out.resolve("clusters-00000-of-00001.jsonl");
    String good = Files.readString(clusters);
    Files.writeString(clusters, good + "{\"cluster_id\": \"x\", \"members\": [\n");
    CommandRun corrupt = run("report", "--output=" + out);
    assertEquals(1, corrupt.code());
    assertTrue(
        corrupt.err().contains("clusters-00000-of-00001.jsonl line 2: not valid JSON"),
        corrupt.err());
    Files.writeString(clusters, good + "[1, 2]\n");
    CommandRun notCluster = run("report", "--output=" + out);
    assertEquals(1, notCluster.code());
    assertTrue(notCluster.err().contains("line 2: not a JSON object"), notCluster.err());
    Files.writeString(clusters, good + "{\"cluster_id\": \"x\", \"members\": [3]}\n");
    assertEquals(1, run("report", "--output=" + out).code());
    Files.writeString(clusters, good);

    Files.writeString(out.resolve("summary.json"), "{ not json");
    CommandRun summary = run("report", "--output=" + out);
    assertEquals(1, summary.code());
    assertTrue(summary.err().contains("summary.json is not valid JSON"), summary.err());
    Files.writeString(out.resolve("summary.json"), "{}");

    Files.writeString(out.resolve("rejected-00000-of-00001.jsonl"), "\u0000garbage\n");
    CommandRun rejected = run("report", "--output=" + out);
    assertEquals(1, rejected.code());
    assertTrue(rejected.err().contains("rejected-00000-of-00001.jsonl line 1"), rejected.err());
    Files.writeString(out.resolve("rejected-00000-of-00001.jsonl"), "");

    Files.move(clusters, out.resolve("clusters-00000-of-00002.jsonl"));
    CommandRun incomplete = run("report", "--output=" + out);
    assertEquals(1, incomplete.code());
    assertTrue(
        incomplete.err().contains("clusters-00001-of-00002.jsonl is missing"), incomplete.err());
  }
}
