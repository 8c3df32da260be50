package io.newsdedup.report;

import static io.newsdedup.report.html.Html.el;

import io.newsdedup.report.html.Html;
import io.newsdedup.report.html.Tag;
import java.util.Locale;

/**
 * Bar charts as inline SVG (no script, no external library), built as elements: labels are
 * untrusted text; every bar carries a {@code <title>} tooltip with its exact value.
 */
final class Charts {
  private Charts() {}

  private static final int W = 560;
  private static final int H = 250;
  private static final int LEFT = 52;
  private static final int RIGHT = 14;
  private static final int TOP = 22;
  private static final int BOTTOM = 46;

  /** A marker line on a histogram: at value {@code at}, labelled. */
  record Marker(double at, String label) {}

  /**
   * Vertical bars, one per category.
   *
   * @param cls CSS class per bar ({@code bar}, {@code bar alt}, {@code bar neg}); null: all "bar"
   */
  static Tag bars(String title, String[] labels, long[] values, String[] cls, String yLabel) {
    Tag svg = open(title, H);
    int n = values.length;
    double max = niceMax(max(values));
    axes(svg, max, yLabel);
    double pw = (double) (W - LEFT - RIGHT) / n;
    for (int i = 0; i < n; i++) {
      double x = LEFT + i * pw;
      bar(
          svg,
          x + pw * 0.12,
          pw * 0.76,
          values[i],
          max,
          cls == null ? "bar" : cls[i],
          labels[i].replace('\n', ' ') + ": " + fmt(values[i]));
      svg.add(text(x + pw / 2, H - BOTTOM + 14, "middle", labels[i], n > 10 ? 9.5 : 10.5));
    }
    return close(svg, values);
  }

  /**
   * A histogram of {@code counts} over [0, 1] in equal bins, edges labelled every 0.1, with marker
   * lines (thresholds).
   */
  static Tag histogram(String title, long[] counts, String xLabel, Marker... markers) {
    Tag svg = open(title, H);
    int n = counts.length;
    double max = niceMax(max(counts));
    axes(svg, max, "duplicates");
    double pw = (double) (W - LEFT - RIGHT) / n;
    for (int i = 0; i < n; i++) {
      double from = (double) i / n;
      double to = (double) (i + 1) / n;
      bar(
          svg,
          LEFT + i * pw + 1,
          pw - 2,
          counts[i],
          max,
          "bar",
          String.format(Locale.ROOT, "%.2f–%.2f: %s", from, to, fmt(counts[i])));
    }
    for (int t = 0; t <= 10; t++) {
      double x = LEFT + t / 10.0 * (W - LEFT - RIGHT);
      svg.add(line("axis", x, H - BOTTOM, x, H - BOTTOM + 4));
      svg.add(text(x, H - BOTTOM + 16, "middle", String.format(Locale.ROOT, "%.1f", t / 10.0), 11));
    }
    svg.add(text(LEFT + (W - LEFT - RIGHT) / 2.0, H - 8, "middle", xLabel, 11));
    for (Marker m : markers) {
      if (m.at() >= 0 && m.at() <= 1) {
        double x = LEFT + m.at() * (W - LEFT - RIGHT);
        svg.add(line("thr", x, TOP - 6, x, H - BOTTOM));
        boolean right = m.at() > 0.75;
        svg.add(
            el("text")
                .cls("thr-label")
                .attr("x", f1(right ? x - 5 : x + 5))
                .attr("y", TOP - 8)
                .attr("text-anchor", right ? "end" : "start")
                .text(m.label()));
      }
    }
    return close(svg, counts);
  }

  /** Horizontal bars, one per row (sources), longest first as given. */
  static Tag hbars(String title, String[] labels, long[] values) {
    int n = values.length;
    int rowH = 20;
    int left = 190;
    Tag svg = open(title, 16 + n * rowH + 10);
    long max = Math.max(1, max(values));
    for (int i = 0; i < n; i++) {
      int y = 8 + i * rowH;
      double w = (double) values[i] / max * (W - left - 70);
      svg.add(text(left - 6, y + 13, "end", Html.clip(labels[i], 30), 11));
      svg.add(
          el("rect")
              .cls("bar alt")
              .attr("x", left)
              .attr("y", y + 2)
              .attr("width", f1(Math.max(w, values[i] > 0 ? 1 : 0)))
              .attr("height", rowH - 5)
              .add(el("title").text(labels[i] + ": " + fmt(values[i]))));
      svg.add(text(left + w + 5, y + 13, "start", fmt(values[i]), 11));
    }
    if (n == 0) {
      svg.add(text(W / 2.0, 24, "middle", "no data", 12));
    }
    return svg;
  }

  private static Tag open(String title, int height) {
    return el("svg")
        .cls("chart")
        .attr("viewBox", "0 0 " + W + " " + height)
        .attr("role", "img")
        .attr("aria-label", title);
  }

  private static Tag close(Tag svg, long[] values) {
    if (max(values) == 0) {
      svg.add(text(LEFT + (W - LEFT - RIGHT) / 2.0, TOP + 60, "middle", "no data", 13));
    }
    return svg;
  }

  private static void axes(Tag svg, double max, String yLabel) {
    int ph = H - TOP - BOTTOM;
    long step = niceStep((long) max);
    int steps = (int) Math.round(max / step);
    for (int t = 0; t <= steps; t++) {
      double y = H - BOTTOM - (double) t / steps * ph;
      svg.add(line(t == 0 ? "axis" : "grid", LEFT, y, W - RIGHT, y));
      svg.add(text(LEFT - 6, y + 4, "end", fmt(step * t), 10.5));
    }
    String mid = f1(TOP + ph / 2.0);
    svg.add(
        el("text")
            .attr("x", 12)
            .attr("y", mid)
            .attr("text-anchor", "middle")
            .attr("transform", "rotate(-90 12 " + mid + ")")
            .text(yLabel));
  }

  private static void bar(Tag svg, double x, double w, long v, double max, String cls, String tip) {
    int ph = H - TOP - BOTTOM;
    double h = max == 0 ? 0 : v / max * ph;
    if (v > 0 && h < 1) {
      h = 1;
    }
    svg.add(
        el("rect")
            .cls(cls)
            .attr("x", f1(x))
            .attr("y", f1(H - BOTTOM - h))
            .attr("width", f1(Math.max(0.5, w)))
            .attr("height", f1(h))
            .add(el("title").text(tip)));
    if (v > 0) {
      svg.add(text(x + w / 2, H - BOTTOM - h - 3, "middle", fmt(v), w < 18 ? 8.5 : 10.5));
    }
  }

  private static Tag line(String cls, double x1, double y1, double x2, double y2) {
    return el("line")
        .cls(cls)
        .attr("x1", f1(x1))
        .attr("y1", f1(y1))
        .attr("x2", f1(x2))
        .attr("y2", f1(y2));
  }

  /** A label; a line break in {@code s} starts a second line below the first. */
  private static Tag text(double x, double y, String anchor, String s, double size) {
    Tag t =
        el("text")
            .attr("x", f1(x))
            .attr("y", f1(y))
            .attr("text-anchor", anchor)
            .attr("font-size", f1(size));
    String[] lines = s.split("\n", -1);
    if (lines.length == 1) {
      return t.text(s);
    }
    for (int i = 0; i < lines.length; i++) {
      t.add(el("tspan").attr("x", f1(x)).attr("dy", i == 0 ? "0" : "1.15em").text(lines[i]));
    }
    return t;
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static long max(long[] values) {
    long m = 0;
    for (long v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * The top of the y axis: {@code ticks(v)} steps of 1, 2 or 5 × 10^k (at least 1), the smallest
   * such step that covers {@code v} in at most 5 steps.
   */
  static double niceMax(long v) {
    long step = niceStep(v);
    return step * Math.max(1, (v + step - 1) / step);
  }

  static long niceStep(long v) {
    for (long p = 1; ; p *= 10) {
      for (long f : new long[] {1, 2, 5}) {
        if (f * p * 5 >= v) {
          return f * p;
        }
      }
    }
  }

  static String fmt(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
