package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@link CopyKind#TEMPLATE_PAGE}: the story's page on a site whose scraped text is only the site's
 * template ({@link TemplateCatalogue}): the title is the story's headline (with the site's name
 * appended on sites that do so), about a third of the pages start with the story's first sentence
 * as a teaser, and the rest is the template, which the same site shows on the pages of 2–6
 * different stories of the corpus. Labelled with its story, like {@link CopyKind#PAYWALL}: a dedup
 * system may only join it to the story on the strong evidence of the same headline, and must never
 * join two such pages of different stories because their text is alike.
 *
 * <p>Sites are assigned after all stories are drafted ({@link #assign}): the pages are shuffled
 * with the corpus seed and cut into groups of 2–6 pages of different stories, and each group gets
 * its own site: the catalogue's sites in a seeded order, then more sites of the same shapes under
 * new names ({@link TemplateCatalogue#another}) when the corpus has more groups than the catalogue
 * has sites.
 */
final class TemplatePageCopy {
  private TemplatePageCopy() {}

  /** Fewest and most pages per site. */
  static final int MIN_PAGES = 2;

  static final int MAX_PAGES = 6;

  /** Share of pages with a one-sentence teaser before the template. */
  static final double TEASER_SHARE = 1.0 / 3;

  /** A template page drafted for a story, waiting for its site. */
  static final class Pending {
    final Story story;
    final Draft original;

    /** The page's own random source, split off its story's. */
    final SplittableRandom rng;

    /** Where its draft goes in the corpus's draft list. */
    int slot;

    Instant storyTime;
    List<String> related = List.of();

    /** Random source for {@code place}, split off the story's when the others were placed. */
    SplittableRandom placeRng;

    Pending(Story story, Draft original, SplittableRandom rng) {
      this.story = story;
      this.original = original;
      this.rng = rng;
    }
  }

  /**
   * Drafts the pages: groups of 2–6 pages of different stories (fewer only when the corpus has a
   * single template page, or one story has more template pages than there are other stories), one
   * site per group.
   *
   * @param pending in story order (the order is part of the determinism)
   * @return the drafts, index by index with {@code pending}
   */
  static List<Draft> assign(List<Pending> pending, long seed) {
    SplittableRandom rng = Texts.random(seed, "#template-sites");
    List<List<Integer>> groups = groups(pending, rng);
    List<TemplateCatalogue.Site> sites = new ArrayList<>(TemplateCatalogue.SITES);
    shuffle(sites, rng);
    Set<String> names = new HashSet<>();
    for (TemplateCatalogue.Site s : TemplateCatalogue.SITES) {
      names.add(s.name());
    }
    Draft[] out = new Draft[pending.size()];
    for (int g = 0; g < groups.size(); g++) {
      TemplateCatalogue.Site site =
          g < sites.size()
              ? sites.get(g)
              : TemplateCatalogue.another(sites.get(g % sites.size()), names, rng);
      for (int i : groups.get(g)) {
        out[i] = make(pending.get(i), site);
      }
    }
    return List.of(out);
  }

  /** Indexes of {@code pending} in groups of 2–6 of different stories. */
  static List<List<Integer>> groups(List<Pending> pending, SplittableRandom rng) {
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      rest.add(i);
    }
    shuffle(rest, rng);
    List<List<Integer>> groups = new ArrayList<>();
    while (!rest.isEmpty()) {
      int size = MIN_PAGES + rng.nextInt(MAX_PAGES - MIN_PAGES + 1);
      int left = rest.size();
      if (size >= left) {
        size = left;
      } else if (left - size == 1) {
        size = size < MAX_PAGES ? size + 1 : size - 1; // never leave a single page over
      }
      List<Integer> group = new ArrayList<>();
      Set<String> stories = new HashSet<>();
      for (int k = 0; k < rest.size() && group.size() < size; ) {
        int i = rest.get(k);
        if (stories.add(pending.get(i).story.id())) {
          group.add(i);
          rest.remove(k);
        } else {
          k++;
        }
      }
      groups.add(group);
    }
    // A group of one page (only when pages of one story were left over): into a group with room.
    for (int g = groups.size() - 1; g >= 0 && groups.size() > 1; g--) {
      List<Integer> group = groups.get(g);
      if (group.size() != 1) {
        continue;
      }
      String story = pending.get(group.get(0)).story.id();
      for (List<Integer> other : groups) {
        if (other != group
            && other.size() < MAX_PAGES
            && other.stream().noneMatch(i -> pending.get(i).story.id().equals(story))) {
          other.add(group.get(0));
          groups.remove(g);
          break;
        }
      }
    }
    return groups;
  }

  /** The page of {@code p} on {@code site}. */
  static Draft make(Pending p, TemplateCatalogue.Site site) {
    SplittableRandom rng = p.rng;
    Story story = p.story;
    List<Block> blocks = new ArrayList<>();
    if (Texts.chance(rng, TEASER_SHARE)) {
      List<String> paras = p.original.storyParagraphs();
      if (!paras.isEmpty()) {
        List<String> sentences = Texts.sentences(paras.get(0));
        if (!sentences.isEmpty()) {
          blocks.add(new Block.Para(sentences.get(0)));
        }
      }
    }
    Instant t =
        p.original.publishedAt == null
            ? null
            : p.original.publishedAt.plus(Duration.ofSeconds(1800 + rng.nextLong(12 * 3600)));
    for (String para : site.fill(rng, t).split("\n\n")) {
      blocks.add(new Block.Boiler(para));
    }
    Draft d =
        new Draft(
            story,
            CopyKind.TEMPLATE_PAGE,
            site.outlet(),
            site.title(story.title()),
            blocks,
            t,
            rng.split());
    d.site = site;
    return d;
  }

  private static <T> void shuffle(List<T> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }
}
