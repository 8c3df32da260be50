package io.newsdedup.report;

import io.newsdedup.report.ClusterLine.Member;
import io.newsdedup.report.ClusterLine.Parsed;
import io.newsdedup.report.html.Html;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates over every cluster line, in memory independent of the clusters' sizes: counts, the
 * cluster-size distribution, histograms of the duplicates' similarity to their canonical and of
 * their repost lag, per-source counts and "who copies whom" pair counts. The only part growing with
 * the input is the per-source list of lags (4 bytes per dated duplicate) kept for exact medians.
 */
final class Aggregates {
  static final int SIMILARITY_BINS = 20;

  /** Distinct low-content reasons counted apart; more (a corrupt output) go to OTHER_REASON. */
  static final int MAX_REASONS = 16;

  static final String OTHER_REASON = "(other)";

  /** Lag bucket edges in seconds; bucket i is [EDGES[i-1], EDGES[i]). */
  static final long[] LAG_EDGES = {
    -86_400, -3_600, 0, 600, 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 86_400, 3 * 86_400, 7 * 86_400
  };

  static final String[] LAG_LABELS = {
    "< −1 d", "−1 d\n… −1 h", "−1 h\n… 0", "0–10\nmin", "10–60\nmin", "1–3 h",
    "3–6 h", "6–12 h", "12–24 h", "1–3 d", "3–7 d", "> 7 d"
  };

  /** Per source: what it published and how it was copied. */
  static final class SourceStats {
    final String source;
    long articles;
    long originals;
    long originalsCopied;
    long reposts;
    long copiesReceived;

    /** Its low-content articles, whatever the reason, and of them the template-only pages. */
    long lowContent;

    long templateOnly;

    /** The template-only page with the smallest id: an example to look at. */
    String templateExampleId;

    String templateExampleUrl;
    private int[] lags = new int[0];
    private int lagCount;

    SourceStats(String source) {
      this.source = source;
    }

    void lag(int seconds) {
      if (lagCount == lags.length) {
        lags = Arrays.copyOf(lags, Math.max(4, lagCount * 2));
      }
      lags[lagCount++] = seconds;
    }

    int datedReposts() {
      return lagCount;
    }

    /** Median repost lag in whole seconds, or null with no dated repost. */
    Long medianLag() {
      if (lagCount == 0) {
        return null;
      }
      int[] sorted = Arrays.copyOf(lags, lagCount);
      Arrays.sort(sorted);
      return median(sorted);
    }

    int[] lags() {
      return Arrays.copyOf(lags, lagCount);
    }
  }

  long clusters;
  long articles;
  long duplicates;
  long clustersWithDuplicates;
  long sizeMismatches;

  /** Duplicates whose matched_via is another duplicate (admitted through a chain). */
  long chained;

  long duplicatesWithoutSimilarity;

  /** Low-content members (canonicals included). */
  long lowContent;

  /**
   * Low-content members by reason ({@link ClusterLine#TEMPLATE_ONLY}, ...), at most MAX_REASONS.
   */
  final TreeMap<String, Long> lowContentByReason = new TreeMap<>();

  /** Of those, the ones in a cluster with other articles (joined a story), by reason. */
  final TreeMap<String, Long> lowContentJoined = new TreeMap<>();

  /** Members carrying a low_content_reason field (0: outputs older than the reasons). */
  long withReasonField;

  /** Members with a reason but "low_content": false (counted as not low-content). */
  long reasonConflicts;

  final TreeMap<Integer, Long> sizes = new TreeMap<>();
  final TreeMap<String, Long> reasons = new TreeMap<>();
  final long[] jaccard = new long[SIMILARITY_BINS];
  final long[] containment = new long[SIMILARITY_BINS];
  final long[] lagBuckets = new long[LAG_EDGES.length + 1];
  long lagMissing;
  long lagNegative;
  final Map<String, SourceStats> sources = new HashMap<>();

  /** repost source → original's source → count. */
  final Map<String, Map<String, long[]>> copies = new HashMap<>();

  void add(Parsed p) {
    List<Member> members = p.members();
    Member canonical = members.get(0);
    clusters++;
    articles += members.size();
    if (p.summary().size() != members.size()) {
      sizeMismatches++;
    }
    sizes.merge(members.size(), 1L, Long::sum);
    withReasonField += p.withReasonField();
    reasonConflicts += p.reasonConflicts();
    String reason = p.summary().reason() == null ? "(none)" : p.summary().reason();
    reasons.merge(reason, 1L, Long::sum);
    String original = canonical.sourceKey();
    SourceStats os = source(original);
    os.articles++;
    os.originals++;
    lowContent(canonical, os, members.size());
    if (members.size() > 1) {
      clustersWithDuplicates++;
      os.originalsCopied++;
      os.copiesReceived += members.size() - 1;
    }
    for (int i = 1; i < members.size(); i++) {
      Member m = members.get(i);
      duplicates++;
      if (m.matchedVia() != null && !m.matchedVia().equals(canonical.id())) {
        chained++;
      }
      if (m.jaccard() == null && m.containment() == null) {
        duplicatesWithoutSimilarity++;
      }
      if (m.jaccard() != null) {
        jaccard[bin(m.jaccard())]++;
      }
      if (m.containment() != null) {
        containment[bin(m.containment())]++;
      }
      String repost = m.sourceKey();
      SourceStats rs = source(repost);
      rs.articles++;
      rs.reposts++;
      lowContent(m, rs, members.size());
      copies.computeIfAbsent(repost, k -> new HashMap<>())
          .computeIfAbsent(original, k -> new long[1])[0]++;
      if (m.published() == null || canonical.published() == null) {
        lagMissing++;
      } else {
        long seconds = Duration.between(canonical.published(), m.published()).getSeconds();
        lagBuckets[lagBucket(seconds)]++;
        if (seconds < 0) {
          lagNegative++;
        }
        rs.lag((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds)));
      }
    }
  }

  private void lowContent(Member m, SourceStats s, int clusterSize) {
    if (!m.isLowContent()) {
      return;
    }
    lowContent++;
    s.lowContent++;
    String reason = m.lowContent();
    if (!lowContentByReason.containsKey(reason) && lowContentByReason.size() >= MAX_REASONS) {
      reason = OTHER_REASON;
    }
    lowContentByReason.merge(reason, 1L, Long::sum);
    if (clusterSize > 1) {
      lowContentJoined.merge(reason, 1L, Long::sum);
    }
    if (m.templateOnly()) {
      s.templateOnly++;
      String id = m.id() == null ? "" : m.id();
      if (s.templateExampleId == null || id.compareTo(s.templateExampleId) < 0) {
        s.templateExampleId = Html.clip(id, 300);
        s.templateExampleUrl = m.url() == null || m.url().length() > 4096 ? null : m.url();
      }
    }
  }

  /** Low-content members with this reason. */
  long lowContent(String reason) {
    return lowContentByReason.getOrDefault(reason, 0L);
  }

  /** Low-content members with this reason in a cluster with other articles. */
  long lowContentJoined(String reason) {
    return lowContentJoined.getOrDefault(reason, 0L);
  }

  long templateOnly() {
    return lowContent(ClusterLine.TEMPLATE_ONLY);
  }

  /**
   * Whether the outputs say why articles are low-content: some member carries {@code
   * low_content_reason}, or none is low-content. False for older outputs with low-content articles:
   * then how many are template-only is unknown.
   */
  boolean reasonsKnown() {
    return withReasonField > 0 || lowContent == 0;
  }

  /** Sources with template-only pages, by their number (then name), most first. */
  List<SourceStats> sourcesByTemplateOnly() {
    List<SourceStats> out = new ArrayList<>();
    for (SourceStats s : sources.values()) {
      if (s.templateOnly > 0) {
        out.add(s);
      }
    }
    out.sort(
        Comparator.comparingLong((SourceStats s) -> -s.templateOnly).thenComparing(s -> s.source));
    return out;
  }

  private SourceStats source(String name) {
    return sources.computeIfAbsent(name, SourceStats::new);
  }

  static int bin(double similarity) {
    int b = (int) Math.floor(similarity * SIMILARITY_BINS + 1e-9);
    return Math.max(0, Math.min(SIMILARITY_BINS - 1, b));
  }

  static int lagBucket(long seconds) {
    int i = 0;
    while (i < LAG_EDGES.length && seconds >= LAG_EDGES[i]) {
      i++;
    }
    return i;
  }

  long datedDuplicates() {
    return duplicates - lagMissing;
  }

  /** Median lag over all dated duplicates, or null. */
  Long medianLag() {
    long n = 0;
    for (SourceStats s : sources.values()) {
      n += s.datedReposts();
    }
    if (n == 0 || n > Integer.MAX_VALUE - 8) {
      return null;
    }
    int[] all = new int[(int) n];
    int at = 0;
    for (SourceStats s : sources.values()) {
      int[] l = s.lags();
      System.arraycopy(l, 0, all, at, l.length);
      at += l.length;
    }
    Arrays.sort(all);
    return median(all);
  }

  /** The median of sorted values: the middle one, or the mean of the two middle ones (floored). */
  static long median(int[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : Math.floorDiv((long) sorted[n / 2 - 1] + sorted[n / 2], 2);
  }

  /** Sources by articles (then name), most first. */
  List<SourceStats> sourcesByArticles() {
    List<SourceStats> out = new ArrayList<>(sources.values());
    out.sort(Comparator.comparingLong((SourceStats s) -> -s.articles).thenComparing(s -> s.source));
    return out;
  }

  /** Sources with reposts, by reposts (then name), most first. */
  List<SourceStats> sourcesByReposts() {
    List<SourceStats> out = new ArrayList<>();
    for (SourceStats s : sources.values()) {
      if (s.reposts > 0) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparingLong((SourceStats s) -> -s.reposts).thenComparing(s -> s.source));
    return out;
  }

  /** Sources whose originals were copied, by copies received (then name), most first. */
  List<SourceStats> sourcesByCopiesReceived() {
    List<SourceStats> out = new ArrayList<>();
    for (SourceStats s : sources.values()) {
      if (s.copiesReceived > 0) {
        out.add(s);
      }
    }
    out.sort(
        Comparator.comparingLong((SourceStats s) -> -s.copiesReceived)
            .thenComparing(s -> s.source));
    return out;
  }

  /** A source whose originals a repost source copied, with how often. */
  record Copied(String source, long count) {}

  /** The sources {@code repostSource} copies most, most first, at most {@code k}. */
  List<Copied> copiedBy(String repostSource, int k) {
    List<Copied> out = new ArrayList<>();
    copies.getOrDefault(repostSource, Map.of()).forEach((s, c) -> out.add(new Copied(s, c[0])));
    out.sort(Comparator.comparingLong((Copied c) -> -c.count()).thenComparing(Copied::source));
    return out.size() > k ? out.subList(0, k) : out;
  }
}
