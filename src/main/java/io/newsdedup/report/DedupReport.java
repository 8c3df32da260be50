package io.newsdedup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdedup.report.ClusterLine.Detail;
import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.OriginRef;
import io.newsdedup.report.ClusterLine.Parsed;
import io.newsdedup.report.ClusterLine.Summary;
import io.newsdedup.report.ReportData.TemplatePage;
import io.newsdedup.report.html.Html;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the offline report of a batch run: reads the run's output directory once, streaming
 * (memory bounded by the list and page limits, not by the number of articles), re-reads the texts
 * of the largest clusters' members from their origins, and writes into the report directory:
 *
 * <ul>
 *   <li>{@code index.html}: run summary, charts, who copies whom, sources, the searchable list of
 *       the largest clusters, rejected records by reason;
 *   <li>{@code clusters/NNNN.html}: one page per cluster of the top {@code topClusters}, with its
 *       members and a word diff of each against the canonical;
 *   <li>{@code rejected.html}: the first {@code maxRejected} rejected records;
 *   <li>{@code template-only.html}: the first {@code maxTemplateOnly} template-only pages (walls,
 *       bot checks, error pages) with the cluster each is in;
 *   <li>{@code summary.json}, {@code sources.csv}, {@code clusters.csv} (every cluster), {@code
 *       template-only.csv} (every template-only page).
 * </ul>
 *
 * Pages need no server and no network: styles, script and charts are inline. An output without
 * {@code _SUCCESS} (a run that did not finish, or whose accounting did not hold) is reported all
 * the same, with {@link #INCOMPLETE} in a banner on every page.
 */
public final class DedupReport {
  private DedupReport() {}

  static final ObjectMapper JSON = new ObjectMapper();

  /** Article text kept in memory for the diffs, in characters. */
  static final long TEXT_BUDGET_CHARS = 150_000_000L;

  static final String TEMPLATE_ONLY_HTML = "template-only.html";
  static final String TEMPLATE_ONLY_CSV = "template-only.csv";
  private static final Pattern PAGE_FILE = Pattern.compile("\\d{4,7}\\.html");
  private static final Pattern BATCH_FILE =
      Pattern.compile("(clusters|assignments|rejected)-\\d+-of-\\d+\\.jsonl");

  /** The files of a report besides the cluster pages ({@code clusters/NNNN.html}). */
  private static final Set<String> REPORT_FILES =
      Set.of(
          "index.html",
          "rejected.html",
          TEMPLATE_ONLY_HTML,
          TEMPLATE_ONLY_CSV,
          "sources.csv",
          "clusters.csv",
          "summary.json");

  /**
   * Whether a path inside a report directory ({@code /}-separated) is of a file the report writes:
   * what a batch run's {@code --overwrite} may delete of a report it wrote into its output.
   */
  public static boolean isReportFile(String relative) {
    return REPORT_FILES.contains(relative)
        || (relative.startsWith("clusters/")
            && PAGE_FILE.matcher(relative.substring("clusters/".length())).matches());
  }

  /**
   * What the report says of an output without {@code _SUCCESS}, in a banner on every page (and
   * {@code report} on stderr).
   */
  public static final String INCOMPLETE =
      "this output has no _SUCCESS: the run did not finish,"
          + " or its accounting did not hold; the numbers may be incomplete";

  /**
   * What was written; {@code complete}: whether the run finished with its accounting holding (else
   * every page carries the {@link #INCOMPLETE} banner).
   */
  public record Result(
      Path index,
      long clusters,
      long articles,
      long duplicates,
      int pages,
      List<String> warnings,
      boolean complete) {}

  /**
   * Checks that {@code report} may receive a report of {@code output} without touching the run's
   * files: not the output directory itself, not another run's output directory, not a file.
   */
  public static void checkTarget(Path output, Path report) {
    Path out = output.toAbsolutePath().normalize();
    Path rep = report.toAbsolutePath().normalize();
    if (out.equals(rep)) {
      throw ReportException.usage(
          "--report must not be the --output directory (the report's"
              + " summary.json would replace the run's); use e.g. --report="
              + output.resolve("report"));
    }
    if (Files.exists(rep) && !Files.isDirectory(rep)) {
      throw ReportException.usage("--report " + report + " exists and is not a directory");
    }
    if (Files.isDirectory(rep)) {
      try (Stream<Path> list = Files.list(rep)) {
        if (list.anyMatch(p -> BATCH_FILE.matcher(p.getFileName().toString()).matches())) {
          throw ReportException.usage(
              "--report "
                  + report
                  + " holds the outputs of a batch run;"
                  + " choose an empty or report directory");
        }
      } catch (IOException e) {
        throw ReportException.failed("cannot list " + report + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Writes the report; see the class comment. The run is complete when its output directory holds
   * {@code _SUCCESS}.
   */
  public static Result write(ReportSettings s) {
    return write(s, Files.exists(s.output().resolve(OutputFiles.SUCCESS)));
  }

  /**
   * Writes the report of a run whose completion the caller knows: {@code batch --report} writes the
   * report before {@code _SUCCESS} (the last file of a run), and passes whether it will write it
   * (the run's accounting holds).
   */
  public static Result write(ReportSettings s, boolean complete) {
    OutputFiles files = OutputFiles.in(s.output());
    checkTarget(s.output(), s.report());
    Path pages = prepare(s.report());
    ReportData data = new ReportData(s);
    data.complete = complete;
    readSummary(files, data);
    readClusters(files, data);
    readAssignments(files, data);
    readRejected(files, data);
    crossCheck(data);
    int width = Math.max(4, String.valueOf(s.topClusters()).length());
    for (int i = 0; i < data.details.size(); i++) {
      data.pageOf.put(
          data.details.get(i).summary().clusterId(),
          String.format("clusters/%0" + width + "d.html", i + 1));
    }
    writeClusterPages(data, pages);
    Path index = s.report().resolve("index.html");
    try {
      write(s.report().resolve("rejected.html"), w -> RejectedPage.write(w, data));
      write(s.report().resolve(TEMPLATE_ONLY_HTML), w -> TemplateOnlyPage.write(w, data));
      write(s.report().resolve("sources.csv"), w -> Companions.sources(w, data));
      write(s.report().resolve("summary.json"), w -> Companions.summary(w, data));
      write(index, w -> IndexPage.write(w, data));
    } catch (IOException e) {
      throw ReportException.failed(
          "cannot write the report into " + s.report() + ": " + e.getMessage(), e);
    }
    return new Result(
        index,
        data.agg.clusters,
        data.agg.articles,
        data.agg.duplicates,
        data.details.size(),
        List.copyOf(data.warnings),
        complete);
  }

  private static Path prepare(Path report) {
    Path pages = report.resolve("clusters");
    try {
      Files.createDirectories(pages);
      try (Stream<Path> old = Files.list(pages)) {
        for (Path p : (Iterable<Path>) old::iterator) {
          if (PAGE_FILE.matcher(p.getFileName().toString()).matches()) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw ReportException.failed("cannot prepare " + report + ": " + e.getMessage(), e);
    }
    return pages;
  }

  private static void readSummary(OutputFiles files, ReportData data) {
    Path p = files.summary();
    if (!Files.exists(p)) {
      data.warnings.add(
          "summary.json is missing: counts come from the output files; parameters,"
              + " timings and counters are unknown (did the run finish?)");
      return;
    }
    try {
      JsonNode n = JSON.readTree(p.toFile());
      if (n == null || !n.isObject()) {
        throw ReportException.failed(p + " is not a JSON object");
      }
      data.runSummary = n;
    } catch (JsonProcessingException e) {
      throw ReportException.failed(p + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw ReportException.failed("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode json(String line, String what) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (" + e.getOriginalMessage() + ") in " + what);
    }
  }

  private static void readClusters(OutputFiles files, ReportData data) {
    ReportSettings s = data.settings;
    BoundedTop<Summary> list = new BoundedTop<>(s.listClusters(), ClusterLine.LARGEST_FIRST);
    BoundedTop<Detail> top =
        new BoundedTop<>(
            s.topClusters(), Comparator.comparing(Detail::summary, ClusterLine.LARGEST_FIRST));
    BoundedTop<TemplatePage> templates =
        new BoundedTop<>(s.maxTemplateOnly(), ReportData.TEMPLATE_ORDER);
    Path csv = s.report().resolve("clusters.csv");
    Path templateCsv = s.report().resolve(TEMPLATE_ONLY_CSV);
    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        Writer templateOut = Files.newBufferedWriter(templateCsv, StandardCharsets.UTF_8)) {
      Companions.clustersHeader(out);
      Companions.templateOnlyHeader(templateOut);
      for (Path file : files.shards(OutputFiles.CLUSTERS)) {
        String name = file.getFileName().toString();
        files.forEachShardLine(
            file,
            (line, number) -> {
              Parsed p = ClusterLine.parse(json(line, name));
              data.agg.add(p);
              list.offer(p.summary());
              Detail probe = new Detail(p.summary(), List.of(), 0, Map.of());
              if (top.wouldKeep(probe)) {
                top.offer(p.detail(s.maxMembers()));
              }
              try {
                Companions.clusterRow(out, p.summary());
                if (p.summary().templateOnly() > 0) {
                  for (Member m : p.members()) {
                    if (m.templateOnly()) {
                      Companions.templateOnlyRow(templateOut, m, p.summary());
                      templates.offer(TemplatePage.of(m, p.summary()));
                    }
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
    } catch (IOException | UncheckedIOException e) {
      throw ReportException.failed(
          "cannot write " + csv + " or " + templateCsv + ": " + e.getMessage(), e);
    }
    data.listed = list.sorted();
    data.details = top.sorted();
    data.templateOnlyShown = templates.sorted();
  }

  private static void readAssignments(OutputFiles files, ReportData data) {
    files.forEachLine(
        OutputFiles.ASSIGNMENTS,
        (line, number) -> {
          JsonNode n = json(line, "assignments");
          if (!n.isObject() || !n.has("id")) {
            throw new IllegalArgumentException("not an assignment: " + Html.clip(line, 80));
          }
          data.assignments++;
          if (n.path("is_canonical").asBoolean(false)) {
            data.assignedCanonicals++;
          }
          if (n.has("low_content") || n.has("low_content_reason")) {
            data.assignmentsWithLowContentField++;
            String low = ClusterLine.lowContent(n);
            if (low != null) {
              data.assignedLowContent++;
              if (low.equals(ClusterLine.TEMPLATE_ONLY)) {
                data.assignedTemplateOnly++;
              }
            }
          }
        });
  }

  private static void readRejected(OutputFiles files, ReportData data) {
    int max = data.settings.maxRejected();
    files.forEachLine(
        OutputFiles.REJECTED,
        (line, number) -> {
          JsonNode n = json(line, "rejected");
          if (!n.isObject()) {
            throw new IllegalArgumentException("not a rejected record: " + Html.clip(line, 80));
          }
          data.rejected++;
          String reason = ClusterLine.text(n.get("reason"));
          data.rejectedByReason.merge(reason == null ? "(none)" : reason, 1L, Long::sum);
          if (data.rejectedShown.size() < max) {
            JsonNode o = n.get("origin");
            String origin =
                o == null || !o.isObject() ? ClusterLine.text(o) : OriginRef.of(o).display();
            data.rejectedShown.add(
                new ReportData.Rejected(
                    origin,
                    reason,
                    ClusterLine.text(n.get("message")),
                    ClusterLine.text(n.get("raw"))));
          }
        });
  }

  /** Warnings where the files and summary.json disagree. */
  private static void crossCheck(ReportData d) {
    Aggregates a = d.agg;
    compare(d, "clusters", a.clusters, "cluster lines");
    compare(d, "articles", a.articles, "members in clusters-*.jsonl");
    compare(d, "duplicates", a.duplicates, "duplicates in clusters-*.jsonl");
    compare(
        d,
        "clusters_with_duplicates",
        a.clustersWithDuplicates,
        "clusters with duplicates in clusters-*.jsonl");
    compare(d, "rejected", d.rejected, "lines in rejected-*.jsonl");
    if (d.assignments != a.articles) {
      d.warnings.add(
          String.format(
              "assignments-*.jsonl has %,d lines but clusters-*.jsonl has" + " %,d members",
              d.assignments, a.articles));
    }
    lowContentChecks(d);
    if (a.sizeMismatches > 0) {
      d.warnings.add(
          String.format(
              "%,d clusters have a \"size\" other than their number of" + " members",
              a.sizeMismatches));
    }
    if (d.runSummary != null) {
      String status = ClusterLine.text(d.runSummary.get("status"));
      if (status != null && !status.equals("ok")) {
        d.warnings.add("summary.json reports status \"" + status + "\"");
      }
    }
  }

  /**
   * Where the low-content counts of the outputs, of summary.json and of assignments-*.jsonl
   * disagree. The report shows the members' counts. summary.json's counters also count the indexed
   * articles of an incremental run, which the outputs hold only in part: not compared then.
   */
  private static void lowContentChecks(ReportData d) {
    Aggregates a = d.agg;
    if (!d.incremental()) {
      compare(d, "low_content", a.lowContent, "low-content members in clusters-*.jsonl");
      for (String reason : List.of(ClusterLine.TEMPLATE_ONLY, ClusterLine.TOO_SHORT)) {
        long said = d.runCount("low_content_by_reason", reason);
        long found = a.lowContent(reason);
        if (said >= 0 && said != found) {
          d.warnings.add(
              String.format(
                  "summary.json says low_content_by_reason.%s = %,d but the"
                      + " report found %,d such members in clusters-*.jsonl",
                  reason, said, found));
        }
      }
    }
    if (d.assignments > 0
        && d.assignmentsWithLowContentField == d.assignments
        && (d.assignedLowContent != a.lowContent || d.assignedTemplateOnly != a.templateOnly())) {
      d.warnings.add(
          String.format(
              "assignments-*.jsonl marks %,d articles low-content (%,d"
                  + " template-only) but clusters-*.jsonl marks %,d members (%,d template-only)",
              d.assignedLowContent, d.assignedTemplateOnly, a.lowContent, a.templateOnly()));
    }
    if (a.reasonConflicts > 0) {
      d.warnings.add(
          String.format(
              "%,d members have a low_content_reason but \"low_content\":"
                  + " false; they are counted as not low-content",
              a.reasonConflicts));
    }
  }

  private static void compare(ReportData d, String count, long found, String what) {
    long said = d.runCount(count);
    if (said >= 0 && said != found) {
      d.warnings.add(
          String.format(
              "summary.json says %s = %,d but the report found %,d %s", count, said, found, what));
    }
  }

  private static void writeClusterPages(ReportData data, Path pages) {
    List<Member> wanted = new ArrayList<>();
    for (Detail d : data.details) {
      wanted.addAll(d.shown());
    }
    Map<OriginRef, TextLoader.Text> texts =
        TextLoader.load(data.settings.inputRoot(), wanted, TEXT_BUDGET_CHARS);
    for (int i = 0; i < data.details.size(); i++) {
      Detail d = data.details.get(i);
      int rank = i + 1;
      Path file = data.settings.report().resolve(data.pageOf.get(d.summary().clusterId()));
      try {
        write(file, w -> ClusterPage.write(w, data, d, rank, texts));
      } catch (IOException e) {
        throw ReportException.failed("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Writes through a buffered UTF-8 writer. */
  interface Body {
    void write(Writer w) throws IOException;
  }

  static void write(Path file, Body body) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.write(w);
    }
  }
}
