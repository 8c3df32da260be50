package io.newsdedup.report;

import java.util.Locale;

/**
 * Bar charts as inline SVG (no script, no external library). Labels are untrusted text and are
 * escaped; every bar carries a {@code <title>} tooltip with its exact value.
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
  static String bars(String title, String[] labels, long[] values, String[] cls, String yLabel) {
    StringBuilder sb = open(title);
    int n = values.length;
    double max = niceMax(max(values));
    axes(sb, max, yLabel);
    double pw = (double) (W - LEFT - RIGHT) / n;
    for (int i = 0; i < n; i++) {
      double x = LEFT + i * pw;
      bar(sb, x + pw * 0.12, pw * 0.76, values[i], max, cls == null ? "bar" : cls[i],
          labels[i].replace('\n', ' ') + ": " + fmt(values[i]));
      text(sb, x + pw / 2, H - BOTTOM + 14, "middle", labels[i], n > 10 ? 9.5 : 10.5);
    }
    return close(sb, values);
  }

  /**
   * A histogram of {@code counts} over [0, 1] in equal bins, edges labelled every 0.1, with
   * marker lines (thresholds).
   */
  static String histogram(String title, long[] counts, String xLabel, Marker... markers) {
    StringBuilder sb = open(title);
    int n = counts.length;
    double max = niceMax(max(counts));
    axes(sb, max, "duplicates");
    double pw = (double) (W - LEFT - RIGHT) / n;
    for (int i = 0; i < n; i++) {
      double from = (double) i / n;
      double to = (double) (i + 1) / n;
      bar(sb, LEFT + i * pw + 1, pw - 2, counts[i], max, "bar",
          String.format(Locale.ROOT, "%.2f–%.2f: %s", from, to, fmt(counts[i])));
    }
    for (int t = 0; t <= 10; t++) {
      double x = LEFT + t / 10.0 * (W - LEFT - RIGHT);
      sb.append(String.format(Locale.ROOT,
          "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
          x, H - BOTTOM, x, H - BOTTOM + 4));
      text(sb, x, H - BOTTOM + 16, "middle", String.format(Locale.ROOT, "%.1f", t / 10.0), 11);
    }
    text(sb, LEFT + (W - LEFT - RIGHT) / 2.0, H - 8, "middle", xLabel, 11);
    for (Marker m : markers) {
      if (m.at() >= 0 && m.at() <= 1) {
        double x = LEFT + m.at() * (W - LEFT - RIGHT);
        sb.append(String.format(Locale.ROOT,
            "<line class=\"thr\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, TOP - 6, x,
            H - BOTTOM));
        boolean right = m.at() > 0.75;
        sb.append(String.format(Locale.ROOT,
            "<text class=\"thr-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">",
            right ? x - 5 : x + 5, TOP - 8, right ? "end" : "start"))
            .append(Html.text(m.label())).append("</text>");
      }
    }
    return close(sb, counts);
  }

  /** Horizontal bars, one per row (sources), longest first as given. */
  static String hbars(String title, String[] labels, long[] values) {
    int n = values.length;
    int rowH = 20;
    int left = 190;
    int h = 16 + n * rowH + 10;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(h)
        .append("\" role=\"img\" aria-label=\"").append(Html.text(title)).append("\">");
    long max = Math.max(1, max(values));
    for (int i = 0; i < n; i++) {
      int y = 8 + i * rowH;
      double w = (double) values[i] / max * (W - left - 70);
      text(sb, left - 6, y + 13, "end", Html.clip(labels[i], 30), 11);
      sb.append(String.format(Locale.ROOT,
          "<rect class=\"bar alt\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>", left, y + 2,
          Math.max(w, values[i] > 0 ? 1 : 0), rowH - 5))
          .append(Html.text(labels[i] + ": " + fmt(values[i]))).append("</title></rect>");
      text(sb, left + w + 5, y + 13, "start", fmt(values[i]), 11);
    }
    if (n == 0) {
      text(sb, W / 2.0, 24, "middle", "no data", 12);
    }
    return sb.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    return new StringBuilder().append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ')
        .append(H).append("\" role=\"img\" aria-label=\"").append(Html.text(title)).append("\">");
  }

  private static String close(StringBuilder sb, long[] values) {
    if (max(values) == 0) {
      text(sb, LEFT + (W - LEFT - RIGHT) / 2.0, TOP + 60, "middle", "no data", 13);
    }
    return sb.append("</svg>").toString();
  }

  private static void axes(StringBuilder sb, double max, String yLabel) {
    int ph = H - TOP - BOTTOM;
    long step = niceStep((long) max);
    int steps = (int) Math.round(max / step);
    for (int t = 0; t <= steps; t++) {
      double y = H - BOTTOM - (double) t / steps * ph;
      sb.append(String.format(Locale.ROOT,
          "<line class=\"%s\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", t == 0 ? "axis" : "grid",
          LEFT, y, W - RIGHT, y));
      text(sb, LEFT - 6, y + 4, "end", fmt(step * t), 10.5);
    }
    sb.append(String.format(Locale.ROOT,
        "<text x=\"12\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 12 %.1f)\">",
        TOP + ph / 2.0, TOP + ph / 2.0)).append(Html.text(yLabel)).append("</text>");
  }

  private static void bar(StringBuilder sb, double x, double w, long v, double max, String cls,
      String tip) {
    int ph = H - TOP - BOTTOM;
    double h = max == 0 ? 0 : v / max * ph;
    if (v > 0 && h < 1) {
      h = 1;
    }
    sb.append(String.format(Locale.ROOT,
        "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>", cls, x,
        H - BOTTOM - h, Math.max(0.5, w), h)).append(Html.text(tip)).append("</title></rect>");
    if (v > 0) {
      text(sb, x + w / 2, H - BOTTOM - h - 3, "middle", fmt(v), w < 18 ? 8.5 : 10.5);
    }
  }

  /** A label; a line break in {@code s} starts a second line below the first. */
  private static void text(StringBuilder sb, double x, double y, String anchor, String s,
      double size) {
    sb.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%.1f\">", x, y, anchor, size));
    String[] lines = s.split("\n", -1);
    if (lines.length == 1) {
      sb.append(Html.text(s));
    } else {
      for (int i = 0; i < lines.length; i++) {
        sb.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" dy=\"%s\">", x,
            i == 0 ? "0" : "1.15em")).append(Html.text(lines[i])).append("</tspan>");
      }
    }
    sb.append("</text>");
  }

  private static long max(long[] values) {
    long m = 0;
    for (long v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * The top of the y axis: {@code ticks(v)} steps of 1, 2 or 5 × 10^k (at least 1), the
   * smallest such step that covers {@code v} in at most 5 steps.
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
