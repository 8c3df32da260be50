package io.newsdedup.eval.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link CopyKind#REPRINT}: a paper runs a wire or partner story under its own headline, keeping
 * the first 60–100% of the paragraphs (and at least 60% of the words), sometimes without the agency
 * dateline and sometimes with a sign-off line; published 1–10 hours after the original.
 */
final class ReprintCopy {
  private ReprintCopy() {}

  static Draft make(Story story, Draft original, Outlets.Outlet paper, SplittableRandom rng) {
    List<String> all = original.storyParagraphs();
    int total = Texts.wordCount(all);
    int keep = (int) Math.ceil(all.size() * (0.6 + 0.4 * rng.nextDouble()));
    keep = Math.max(1, Math.min(all.size(), keep));
    while (keep < all.size() && Texts.wordCount(all.subList(0, keep)) < 0.6 * total) {
      keep++;
    }
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < keep; i++) {
      blocks.add(new Block.Para(all.get(i)));
    }
    if (story.isWire() && Texts.chance(rng, 0.4)) {
      blocks.set(0, new Block.Para(story.paragraphs().get(0)));
    }
    if (Texts.chance(rng, 0.55)) {
      blocks.add(new Block.Added(signOff(story, rng)));
    }
    String title = Headlines.rewrite(story.title(), story, paper, rng);
    Instant t =
        original.publishedAt == null
            ? null
            : original.publishedAt.plus(Duration.ofSeconds(3600 + rng.nextLong(9 * 3600)));
    return new Draft(story, CopyKind.REPRINT, paper, title, blocks, t, rng.split());
  }

  /** "The Associated Press contributed to this report." and the like, by agency and language. */
  static String signOff(Story story, SplittableRandom rng) {
    Outlets.Outlet agency = Outlets.agency(story.source());
    String city =
        story.dateline() == null ? null : Datelines.titleCase(Datelines.city(story.dateline()));
    String r1 = Texts.pick(rng, Outlets.REPORTERS);
    String r2 = Texts.pick(rng, Outlets.REPORTERS);
    String e1 = Texts.pick(rng, Outlets.EDITORS);
    String e2 = Texts.pick(rng, Outlets.EDITORS);
    if ("es".equals(story.language())) {
      return agency != null
          ? "Con información de " + agency.name() + "."
          : "Este artículo se publicó originalmente en " + story.source() + ".";
    }
    if ("ru".equals(story.language())) {
      return agency != null && agency.name().equals("Reuters")
          ? "По материалам агентства Рейтер."
          : "По материалам " + story.source() + ".";
    }
    if (agency == null) {
      String src =
          story.source() == null
              ? "our partners"
              : story.source().startsWith("The ") ? story.source() : "the " + story.source();
      return Texts.chance(rng, 0.5)
          ? "This story was originally published by " + src + " and is republished with permission."
          : "This article first appeared in " + src + ".";
    }
    return switch (agency.name()) {
      case "AP" ->
          city != null && Texts.chance(rng, 0.5)
              ? "Associated Press writer " + r1 + " in " + city + " contributed to this report."
              : "The Associated Press contributed to this report.";
      case "Reuters" ->
          Texts.chance(rng, 0.5)
              ? "Reporting by "
                  + r1
                  + (city == null ? "" : " in " + city)
                  + "; Additional reporting by "
                  + r2
                  + "; Editing by "
                  + e1
                  + " and "
                  + e2
              : "Reporting by " + r1 + "; Editing by " + e1;
      default -> Texts.chance(rng, 0.5) ? "With AFP" : "— Agence France-Presse";
    };
  }
}
