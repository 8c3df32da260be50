package io.newsdedup.core.canonical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Lists of known wire agencies and known aggregators. Entries are publisher names ("Associated
 * Press") or domains ("apnews.com"); one per line, {@code #} starts a comment. An article matches
 * an entry when its normalised {@code source} equals the entry, or its {@code source} or URL host
 * is the entry's domain or a subdomain of it. Names are compared lower-cased, without a leading
 * "the", "www." or punctuation.
 */
public final class SourceLists implements Serializable {
  private final Set<String> wire;
  private final Set<String> aggregators;

  private SourceLists(Set<String> wire, Set<String> aggregators) {
    this.wire = wire;
    this.aggregators = aggregators;
  }

  /** The bundled lists ({@code wire-sources.txt}, {@code aggregator-sources.txt}). */
  public static SourceLists defaults() {
    return new SourceLists(
        parse(resourceLines("wire-sources.txt")), parse(resourceLines("aggregator-sources.txt")));
  }

  public static SourceLists of(List<String> wireLines, List<String> aggregatorLines) {
    return new SourceLists(parse(wireLines), parse(aggregatorLines));
  }

  /** These lists with more entries added. */
  public SourceLists plus(List<String> moreWire, List<String> moreAggregators) {
    Set<String> w = new TreeSet<>(wire);
    w.addAll(parse(moreWire));
    Set<String> a = new TreeSet<>(aggregators);
    a.addAll(parse(moreAggregators));
    return new SourceLists(w, a);
  }

  public boolean isWire(String source, String url) {
    return matches(wire, source, url);
  }

  public boolean isAggregator(String source, String url) {
    return matches(aggregators, source, url);
  }

  private static boolean matches(Set<String> entries, String source, String url) {
    String name = normalise(source);
    if (name != null && (entries.contains(name) || matchesDomain(entries, name))) {
      return true;
    }
    String host = host(url);
    return host != null && matchesDomain(entries, host);
  }

  private static boolean matchesDomain(Set<String> entries, String host) {
    for (String h = host; h.indexOf('.') > 0; h = h.substring(h.indexOf('.') + 1)) {
      if (entries.contains(h)) {
        return true;
      }
    }
    return false;
  }

  static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String h = URI.create(url.trim()).getHost();
      return h == null ? null : normalise(h);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}.]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static String normalise(String s) {
    if (s == null) {
      return null;
    }
    String n = s.trim().toLowerCase(Locale.ROOT);
    if (n.startsWith("the ")) {
      n = n.substring(4);
    }
    if (n.startsWith("www.")) {
      n = n.substring(4);
    }
    n = SPACES.matcher(NOT_NAME.matcher(n).replaceAll(" ").trim()).replaceAll(" ");
    return n.isEmpty() ? null : n;
  }

  private static Set<String> parse(List<String> lines) {
    Set<String> out = new TreeSet<>();
    for (String line : lines) {
      int hash = line.indexOf('#');
      String entry = normalise(hash >= 0 ? line.substring(0, hash) : line);
      if (entry != null) {
        out.add(entry);
      }
    }
    return out;
  }

  private static List<String> resourceLines(String name) {
    try (InputStream in = SourceLists.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + name);
      }
      List<String> lines = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          lines.add(l);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
