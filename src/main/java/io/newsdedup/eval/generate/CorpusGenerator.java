package io.newsdedup.eval.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a labelled corpus from stories: for every story its original and, for a share of
 * stories, several copies of mixed {@link CopyKind kinds} from other outlets.
 *
 * <p>Deterministic: stories are processed in sorted id order, each with a {@link SplittableRandom}
 * seeded from the corpus seed and the story id, and the final article order is a seeded shuffle (so
 * copies of one story are not adjacent in the output files and file numbers say nothing about
 * clusters). The same stories and config give the same articles, byte for byte, on every machine.
 * {@link CopyKind#TEMPLATE_PAGE Template pages} get their sites in a second pass over the whole
 * corpus ({@link TemplatePageCopy#assign}), so that each site carries pages of several stories.
 *
 * <p>A story without {@code published_at} gets a synthetic time in 2025 derived from the seed and
 * its id; a story without {@code source} is attributed to a catalogued paper.
 */
public final class CorpusGenerator {

  private static final Instant SYNTHETIC_BASE = Instant.parse("2025-01-01T00:00:00Z");
  private static final Set<CopyKind> COPY_KINDS =
      EnumSet.of(
          CopyKind.REPRINT,
          CopyKind.AGGREGATOR,
          CopyKind.SCRAPED,
          CopyKind.EDITED,
          CopyKind.EXCERPT,
          CopyKind.PAYWALL,
          CopyKind.TEMPLATE_PAGE,
          CopyKind.REWORDED);

  private final GeneratorConfig config;

  public CorpusGenerator(GeneratorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The config this generator uses. */
  public GeneratorConfig config() {
    return config;
  }

  /**
   * Generates the corpus.
   *
   * @param stories stories with distinct ids, in any order
   * @return the articles in output order; ids and URLs are unique and every story has exactly one
   *     article with {@code isOriginal}
   * @throws IllegalArgumentException on duplicate story ids
   */
  public List<GeneratedArticle> generate(List<Story> stories) {
    List<Story> sorted = new ArrayList<>(stories);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("duplicate story id " + sorted.get(i).id());
      }
    }
    List<String> titles = sorted.stream().map(Story::title).toList();
    Set<String> urls = new HashSet<>();
    Set<String> ids = new HashSet<>();
    List<Draft> drafts = new ArrayList<>();
    List<TemplatePageCopy.Pending> pages = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      forStory(sorted.get(i), i, titles, urls, ids, drafts, pages);
    }
    if (!pages.isEmpty()) {
      List<Draft> made = TemplatePageCopy.assign(pages, config.seed());
      for (int k = 0; k < pages.size(); k++) {
        TemplatePageCopy.Pending p = pages.get(k);
        Draft d = made.get(k);
        d.related = p.related;
        place(d, p.storyTime, p.placeRng, urls, ids);
        drafts.set(p.slot, d);
      }
    }
    SplittableRandom order = Texts.random(config.seed(), "#order");
    for (int i = drafts.size() - 1; i > 0; i--) {
      int j = order.nextInt(i + 1);
      Draft tmp = drafts.get(i);
      drafts.set(i, drafts.get(j));
      drafts.set(j, tmp);
    }
    List<GeneratedArticle> out = new ArrayList<>(drafts.size());
    int fileNo = 0;
    for (Draft d : drafts) {
      String id;
      String file;
      if (d.format == OutputFormat.JSONL) {
        file = d.jsonlFile;
        id = d.idInFile ? d.jsonId : d.url;
      } else {
        file =
            String.format(Locale.ROOT, "%04d-%s.%s", ++fileNo, d.outlet.slug(), d.format.label());
        id = file;
      }
      String time =
          d.format == OutputFormat.TXT ? null : Times.format(d.publishedAt, d.outlet.offset());
      String text = d.htmlContent ? null : TextRender.render(d.blocks);
      String html =
          !d.htmlContent
              ? null
              : d.kind == CopyKind.TEMPLATE_PAGE
                  ? TemplatePages.render(d, d.url, time)
                  : HtmlPages.render(d, d.url, time, d.related);
      boolean original = d.kind == CopyKind.ORIGINAL || d.kind == CopyKind.DISTRACTOR_BOILERPLATE;
      out.add(
          new GeneratedArticle(
              id,
              d.url,
              d.outlet.name(),
              d.title,
              text,
              html,
              time,
              d.format,
              d.story.id(),
              d.kind,
              original,
              file,
              d.format != OutputFormat.JSONL || d.idInFile));
    }
    return out;
  }

  /**
   * Appends the drafts of one story to {@code out}, placed; a template page is appended as a null
   * slot and added to {@code pages}, to be drafted and placed once all stories are done.
   */
  private void forStory(
      Story raw,
      int index,
      List<String> titles,
      Set<String> urls,
      Set<String> ids,
      List<Draft> out,
      List<TemplatePageCopy.Pending> pages) {
    SplittableRandom rng = Texts.random(config.seed(), raw.id());
    Outlets.Outlet own =
        raw.source() != null
            ? Outlets.forSource(raw.source(), raw.language())
            : Texts.pick(rng, papersFor(raw.language()));
    Story s = effective(raw, own);
    Instant t0 =
        s.publishedAt() != null
            ? s.publishedAt()
            : SYNTHETIC_BASE.plusSeconds(rng.nextLong(365L * 24 * 3600));
    List<String> related = related(titles, index, rng);
    boolean distractorOn = config.kinds().contains(CopyKind.DISTRACTOR_BOILERPLATE);
    boolean wantsCopies = !s.isDistractor() && rng.nextDouble() < config.copyShare();
    int n = wantsCopies ? rng.nextInt(config.minCopies(), config.maxCopies() + 1) : 0;
    List<Draft> drafts = new ArrayList<>();
    List<TemplatePageCopy.Pending> pending = new ArrayList<>();
    if (distractorOn
        && (s.isDistractor()
            || (!wantsCopies
                && config.distractorShare() > 0
                && s.wordCount() <= 200
                && rng.nextDouble() < config.distractorShare()))) {
      drafts.add(DistractorCopy.make(s, t0, rng.split()));
    } else {
      Draft original = OriginalCopy.make(s, own, t0, rng.split());
      drafts.add(original);
      Set<String> used = new HashSet<>();
      used.add(own.name());
      for (CopyKind kind : chooseKinds(s, n, rng)) {
        SplittableRandom r = rng.split();
        if (kind == CopyKind.TEMPLATE_PAGE) {
          drafts.add(null); // its site is chosen when all stories are drafted
          pending.add(new TemplatePageCopy.Pending(s, original, r));
          continue;
        }
        Draft copy =
            switch (kind) {
              case REPRINT ->
                  ReprintCopy.make(s, original, outlet(papersFor(s.language()), used, r), r);
              case EDITED ->
                  EditedCopy.make(s, original, outlet(papersFor(s.language()), used, r), r);
              case AGGREGATOR ->
                  AggregatorCopy.make(
                      s, original, outlet(Outlets.AGGREGATORS, used, r), related, r);
              case EXCERPT ->
                  ExcerptCopy.make(s, original, outlet(Outlets.AGGREGATORS, used, r), r);
              case PAYWALL ->
                  PaywallCopy.make(s, original, outlet(papersFor(s.language()), used, r), r);
              case SCRAPED ->
                  ScrapedCopy.make(
                      s,
                      original,
                      outlet(
                          Texts.chance(r, 0.6) ? Outlets.SCRAPERS : papersFor(s.language()),
                          used,
                          r),
                      r);
              case REWORDED ->
                  RewordedCopy.make(s, original, outlet(papersFor(s.language()), used, r), r);
              default -> throw new IllegalStateException("not a copy kind: " + kind);
            };
        drafts.add(copy);
      }
    }
    int next = 0;
    for (Draft d : drafts) {
      if (d == null) {
        TemplatePageCopy.Pending p = pending.get(next++);
        p.slot = out.size();
        p.storyTime = t0;
        p.related = related;
        p.placeRng = rng.split();
        pages.add(p);
      } else {
        d.related = related;
        place(d, t0, rng, urls, ids);
      }
      out.add(d);
    }
  }

  /** The story with a source and a kind filled in. */
  private static Story effective(Story s, Outlets.Outlet own) {
    String source = s.source() != null ? s.source() : own.name();
    String kind =
        s.kind() != null ? s.kind() : Outlets.agency(source) != null ? Story.WIRE : Story.PUBLISHER;
    if (Objects.equals(source, s.source()) && Objects.equals(kind, s.kind())) {
      return s;
    }
    return new Story(
        s.id(),
        source,
        kind,
        s.publishedAt(),
        s.dateline(),
        s.url(),
        s.title(),
        s.paragraphs(),
        s.language());
  }

  /** Up to six headlines of other stories. */
  private static List<String> related(List<String> titles, int self, SplittableRandom rng) {
    List<String> out = new ArrayList<>();
    if (titles.size() < 2) {
      return out;
    }
    for (int k = 0; k < 6; k++) {
      int j = rng.nextInt(titles.size() - 1);
      String t = titles.get(j >= self ? j + 1 : j);
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<Outlets.Outlet> papersFor(String lang) {
    List<Outlets.Outlet> p = Outlets.PAPERS.stream().filter(o -> o.speaks(lang)).toList();
    return p.isEmpty() ? Outlets.PAPERS.stream().filter(o -> o.speaks("en")).toList() : p;
  }

  /** An outlet from {@code pool} not used yet for this story (reusing one only when all are). */
  private static Outlets.Outlet outlet(
      List<Outlets.Outlet> pool, Set<String> used, SplittableRandom rng) {
    List<Outlets.Outlet> fresh = pool.stream().filter(o -> !used.contains(o.name())).toList();
    Outlets.Outlet o = Texts.pick(rng, fresh.isEmpty() ? pool : fresh);
    used.add(o.name());
    return o;
  }

  private static final Map<CopyKind, double[]> WEIGHTS =
      new EnumMap<>(
          Map.of(
              // {wire, publisher}
              CopyKind.REPRINT, new double[] {4.0, 1.5},
              CopyKind.AGGREGATOR, new double[] {3.0, 3.0},
              CopyKind.SCRAPED, new double[] {2.0, 2.5},
              CopyKind.EDITED, new double[] {1.5, 1.5},
              CopyKind.EXCERPT, new double[] {1.0, 1.0},
              CopyKind.PAYWALL, new double[] {0.5, 0.8},
              CopyKind.TEMPLATE_PAGE, new double[] {0.5, 0.8},
              CopyKind.REWORDED, new double[] {1.5, 1.5}));

  /**
   * {@code n} copy kinds: as many distinct kinds as are enabled (weighted by how often such copies
   * occur for wire or publisher stories), then further weighted picks.
   */
  private List<CopyKind> chooseKinds(Story s, int n, SplittableRandom rng) {
    List<CopyKind> avail = new ArrayList<>();
    for (CopyKind k : config.kinds()) {
      if (COPY_KINDS.contains(k)) {
        avail.add(k);
      }
    }
    List<CopyKind> out = new ArrayList<>();
    if (avail.isEmpty()) {
      return out;
    }
    int col = s.isWire() ? 0 : 1;
    List<CopyKind> distinct = new ArrayList<>(avail);
    for (int i = 0; i < n; i++) {
      List<CopyKind> from = distinct.isEmpty() ? avail : distinct;
      double total = 0;
      for (CopyKind k : from) {
        total += WEIGHTS.get(k)[col];
      }
      double x = rng.nextDouble() * total;
      CopyKind chosen = from.get(from.size() - 1);
      for (CopyKind k : from) {
        x -= WEIGHTS.get(k)[col];
        if (x < 0) {
          chosen = k;
          break;
        }
      }
      out.add(chosen);
      distinct.remove(chosen);
    }
    return out;
  }

  /** Decides format, output file, URL and JSONL id of a draft. */
  private void place(
      Draft d, Instant t0, SplittableRandom storyRng, Set<String> urls, Set<String> ids) {
    SplittableRandom rng = storyRng.split();
    OutputFormat wanted = wantedFormat(d, rng);
    Set<OutputFormat> enabled = config.formats();
    OutputFormat f;
    if (enabled.contains(wanted)) {
      f = wanted;
    } else if (enabled.contains(OutputFormat.JSONL)) {
      f = OutputFormat.JSONL;
    } else if (d.kind == CopyKind.SCRAPED || !enabled.contains(OutputFormat.TXT)) {
      f = OutputFormat.HTML;
    } else {
      f = OutputFormat.TXT;
    }
    d.format = f;
    d.htmlContent =
        f != OutputFormat.TXT
            && (f == OutputFormat.HTML
                || wanted == OutputFormat.HTML
                || d.kind == CopyKind.SCRAPED);
    if (f == OutputFormat.JSONL) {
      d.jsonlFile = jsonlFile(d);
      d.idInFile = !Texts.chance(rng, 0.05);
    }
    String url = url(d, t0, rng);
    String unique = url;
    for (int k = 2; urls.contains(unique); k++) {
      unique =
          url.endsWith("/") ? url.substring(0, url.length() - 1) + "-" + k + "/" : url + "-" + k;
    }
    urls.add(unique);
    d.url = unique;
    String id;
    do {
      id = d.outlet.slug() + "-" + Texts.hex(rng, 10);
    } while (!ids.add(id));
    d.jsonId = id;
  }

  private static OutputFormat wantedFormat(Draft d, SplittableRandom rng) {
    double x = rng.nextDouble();
    return switch (d.kind) {
      // Never .txt: a text file has no publisher or timestamp, so nothing could tell that it is
      // the original.
      case ORIGINAL ->
          d.story.isWire() ? OutputFormat.JSONL : x < 0.7 ? OutputFormat.JSONL : OutputFormat.HTML;
      case REPRINT ->
          x < 0.75 ? OutputFormat.JSONL : x < 0.9 ? OutputFormat.TXT : OutputFormat.HTML;
      case AGGREGATOR -> x < 0.85 ? OutputFormat.JSONL : OutputFormat.HTML;
      case SCRAPED -> x < 0.5 ? OutputFormat.JSONL : OutputFormat.HTML;
      case EDITED -> x < 0.5 ? OutputFormat.JSONL : OutputFormat.TXT;
      case EXCERPT, DISTRACTOR_BOILERPLATE -> OutputFormat.JSONL;
      case PAYWALL, TEMPLATE_PAGE -> x < 0.7 ? OutputFormat.JSONL : OutputFormat.HTML;
      case REWORDED ->
          x < 0.75 ? OutputFormat.JSONL : x < 0.9 ? OutputFormat.TXT : OutputFormat.HTML;
    };
  }

  private static String jsonlFile(Draft d) {
    if (d.htmlContent) {
      return "scraped.jsonl.gz";
    }
    return switch (d.kind) {
      case AGGREGATOR, EXCERPT, DISTRACTOR_BOILERPLATE -> "aggregators.jsonl";
      case ORIGINAL ->
          d.story.isWire()
              ? "wire.jsonl"
              : d.outlet.syndicated() ? "syndication.ndjson" : "papers.jsonl";
      default -> d.outlet.syndicated() ? "syndication.ndjson" : "papers.jsonl";
    };
  }

  private static String url(Draft d, Instant t0, SplittableRandom rng) {
    if (d.kind == CopyKind.ORIGINAL && d.story.url() != null) {
      return d.story.url();
    }
    Outlets.Outlet o = d.outlet;
    String slug = Texts.slug(d.title, 8);
    LocalDate day = (d.publishedAt != null ? d.publishedAt : t0).atOffset(o.offset()).toLocalDate();
    String ymd =
        String.format(
            Locale.ROOT, "%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    return switch (o.type()) {
      case AGENCY ->
          switch (o.name()) {
            case "AP" -> "https://apnews.com/article/" + slug + "-" + Texts.hex(rng, 32);
            case "Reuters" -> "https://www.reuters.com/world/" + slug + "-" + day + "/";
            default -> "https://www.afp.com/en/news/" + (100000 + rng.nextInt(900000)) + "/" + slug;
          };
      case PAPER ->
          "https://www."
              + o.domain()
              + "/"
              + Texts.pick(rng, List.of("news", "world", "business", "local", "nation"))
              + "/"
              + ymd
              + "/"
              + slug
              + "/";
      case AGGREGATOR ->
          switch (rng.nextInt(3)) {
            case 0 -> "https://" + o.domain() + "/" + slug + "/";
            case 1 ->
                "https://"
                    + o.domain()
                    + "/"
                    + ymd
                    + "/"
                    + slug
                    + "-"
                    + rng.nextInt(1000, 99999)
                    + "/";
            default -> "https://" + o.domain() + "/news/" + rng.nextInt(100000, 9999999);
          };
      case SCRAPER ->
          "https://"
              + o.domain()
              + "/"
              + Texts.pick(rng, List.of("world", "business", "news", "latest"))
              + "/"
              + slug
              + "-"
              + rng.nextInt(10000, 999999)
              + ".html";
    };
  }
}
