package io.newsdedup.eval.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The text aggregators wrap around reposted stories, one template per aggregator ("clickhere",
 * "sourcelink", "fullstory", "newsletter", "googlenews", and "harvest": the identical long header
 * and footer of the boilerplate aggregator). Written for this project in the style such sites use.
 */
final class AggregatorBoilerplate {
  private AggregatorBoilerplate() {}

  static final List<String> CATEGORIES =
      List.of("World", "Business", "Sports", "Automobiles", "Tech");

  /** Header and footer blocks plus an optional block for the middle of the story. */
  record Wrap(List<Block> header, Block middle, List<Block> footer) {}

  /** The wrap {@code aggregator} puts around {@code story}. */
  static Wrap wrap(
      Outlets.Outlet aggregator,
      Story story,
      Instant shownTime,
      List<String> otherTitles,
      SplittableRandom rng) {
    String agg = aggregator.name();
    String source = story.source() != null ? story.source() : "the original publisher";
    String cat = Texts.pick(rng, CATEGORIES);
    List<Block> header = new ArrayList<>();
    List<Block> footer = new ArrayList<>();
    Block middle = null;
    switch (aggregator.template()) {
      case "clickhere" -> {
        footer.add(new Block.Boiler("For all the latest " + cat + " News Click Here "));
        footer.add(new Block.Boiler(" For the latest news and updates, follow us on Google News"));
        footer.add(new Block.Boiler("Read original article here"));
        footer.add(
            new Block.Boiler(
                "Denial of responsibility! "
                    + agg
                    + " is an automatic aggregator that collects stories from media outlets around"
                    + " the world. Everything published here is already freely available online; we"
                    + " simply bring it together on one platform for information purposes. Each"
                    + " post links to its original source. All trademarks remain the property of"
                    + " their owners and all texts belong to their authors. Copyright holders who"
                    + " object to a post can write to us at [email protected] and it will be taken"
                    + " down within 24 hours."));
      }
      case "sourcelink" -> {
        footer.add(new Block.Boiler("Source link"));
        footer.add(
            new Block.Boiler(
                "Disclaimer: This story is auto-aggregated by a computer"
                    + " program and has not been created or edited by "
                    + agg
                    + ". Publisher: "
                    + source));
      }
      case "fullstory" -> {
        String crumb =
            story.title().length() > 40
                ? story.title().substring(0, 40).strip() + "…"
                : story.title();
        header.add(new Block.Boiler("Home » " + cat + " » " + crumb));
        footer.add(new Block.Boiler("Read the full story at " + source));
        List<String> others = new ArrayList<>(otherTitles);
        for (int i = 0; i < 2 && !others.isEmpty(); i++) {
          footer.add(new Block.Boiler("Also read: " + others.remove(rng.nextInt(others.size()))));
        }
        footer.add(
            new Block.Boiler(
                "Follow "
                    + agg
                    + " on Facebook, X and Telegram for the latest "
                    + cat.toLowerCase(Locale.ROOT)
                    + " updates."));
      }
      case "newsletter" -> {
        middle =
            new Block.Boiler(
                "Sign up for the Morning Brief from "
                    + agg
                    + " — the five"
                    + " stories you need before breakfast, free in your inbox every weekday.");
        footer.add(new Block.Boiler("Source: " + source));
        footer.add(
            new Block.Boiler(
                "Disclaimer: "
                    + agg
                    + " republishes syndicated content from third-party outlets for informational"
                    + " purposes. The views expressed are those of the original authors and do not"
                    + " necessarily reflect ours. "
                    + agg
                    + " has not created or edited this story."));
      }
      case "googlenews" -> {
        if (shownTime != null) {
          LocalDate d = shownTime.atOffset(aggregator.offset()).toLocalDate();
          header.add(
              new Block.Boiler(
                  "Last updated: "
                      + Datelines.MONTHS_EN.get(d.getMonthValue() - 1)
                      + " "
                      + d.getDayOfMonth()
                      + ", "
                      + d.getYear()));
        }
        footer.add(new Block.Boiler("For the latest news and updates, follow us on Google News"));
        footer.add(new Block.Boiler("Read original article here"));
        footer.add(
            new Block.Boiler(
                "Disclaimer: This story is auto-aggregated by a computer"
                    + " program and has not been created or edited by "
                    + agg
                    + "."));
      }
      case "harvest" -> {
        header.addAll(HARVEST_HEADER);
        footer.addAll(HARVEST_FOOTER);
      }
      default -> throw new IllegalStateException("unknown template " + aggregator.template());
    }
    return new Wrap(header, middle, footer);
  }

  /** The boilerplate aggregator's header: the same on every page. */
  static final List<Block> HARVEST_HEADER =
      List.of(
          new Block.Boiler(
              "HeadlineHarvest | Home | World | Business | Tech | Sports | Entertainment"
                  + " | Health | Science | Opinion | Video"),
          new Block.Boiler(
              "Breaking news and top stories from around the web, gathered in one place and updated"
                  + " every minute. Join more than two million readers who start their day with the"
                  + " HeadlineHarvest morning edition."));

  /** The boilerplate aggregator's footer: the same on every page. */
  static final List<Block> HARVEST_FOOTER =
      List.of(
          new Block.Boiler("Read original article here"),
          new Block.Boiler(
              "Stay informed wherever you are: download the free HeadlineHarvest app for iOS and"
                  + " Android and switch on notifications to receive breaking news alerts the"
                  + " moment stories happen. Follow us on Google News, Facebook, X, Instagram and"
                  + " Telegram for the latest world, business, sports, technology and entertainment"
                  + " updates, and subscribe to our weekly newsletter for the best long reads of"
                  + " the week."),
          new Block.Boiler(
              "Denial of responsibility! HeadlineHarvest is an automatic aggregator of publicly"
                  + " available news. We do not write, edit or verify the stories that appear on"
                  + " this page; they are collected by a computer program from the websites of"
                  + " their publishers, each of which is linked as the original source. All"
                  + " trademarks, logos and texts remain the property of their respective owners."
                  + " If you hold the rights to this material and would like it removed, please"
                  + " email [email protected] with the address of the page and we will delete it"
                  + " within 24 hours."),
          new Block.Boiler(
              "Copyright © 2025 HeadlineHarvest. All rights reserved. About Us | Contact |"
                  + " Privacy Policy | Terms of Use | Cookie Settings | Advertise With Us | DMCA"));
}
