package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hard news cases of the matching, end to end through main. */
class NewsCasesTest {
  static final Path SEED = Path.of("../shared/examples/aggregator-repost-thedailycheck.txt");

  @TempDir Path tmp;

  static String line(String id, String source, String title, String text, String publishedAt) {
    ObjectNode o = BatchOutputs.JSON.createObjectNode();
    o.put("id", id);
    o.put("source", source);
    o.put("title", title);
    o.put("text", text);
    if (publishedAt != null) {
      o.put("published_at", publishedAt);
    }
    return o.toString();
  }

  private Map<String, String> canonicalOf(Path out) {
    Map<String, String> m = new TreeMap<>();
    for (JsonNode a : BatchOutputs.json(out, "assignments")) {
      m.put(a.get("id").asText(), a.get("canonical_id").asText());
    }
    return m;
  }

  private Path run(List<String> lines, String... options) throws IOException {
    Path in = tmp.resolve("in.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    List<String> args = new ArrayList<>(List.of("batch", "--input=" + in, "--output=" + out));
    args.addAll(List.of(options));
    assertEquals(0, BatchOnTestdataTest.main(args.toArray(String[]::new)));
    return out;
  }

  @Test
  void aHugeArticleIsCutAndFlaggedAndABigClusterIsFlaggedForReview() throws IOException {
    StringBuilder big = new StringBuilder();
    for (int i = 0; big.length() < 50_000; i++) {
      big.append("Sentence ").append(i).append(" of a very long report on river levels. ");
    }
    String text = big.toString();
    Path out =
        run(
            List.of(
                line("big", "Herald", "A very long report on river levels", text, null),
                line(
                    "copy1",
                    "Courier",
                    "A long report on river levels",
                    text.substring(0, 3000),
                    null),
                line("copy2", "Ledger", "River levels report", text.substring(0, 2500), null)),
            "--maxArticleChars=2000",
            "--reviewClusterSize=2");
    JsonNode cluster = BatchOutputs.json(out, "clusters").get(0);
    assertEquals(3, cluster.get("size").asInt());
    assertTrue(cluster.get("flagged_for_review").asBoolean());
    for (JsonNode m : cluster.get("members")) {
      assertTrue(m.get("truncated").asBoolean(), m.toString());
    }
    JsonNode s = BatchOutputs.summary(out);
    assertEquals(3, s.at("/counts/truncated").asLong());
    assertEquals(1, s.at("/counts/clusters_flagged_for_review").asLong());
  }

  /**
   * The real aggregator repost in ../shared/examples and its original (the same text without the
   * aggregator's additions) form one cluster whose canonical is the original, although the repost
   * says it was published first.
   */
  @Test
  void theSeedRepostJoinsItsOriginalWhichStaysCanonical() throws IOException {
    Assumptions.assumeTrue(Files.exists(SEED), "the shared example is not here");
    List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
    String title = lines.get(0).strip();
    String repost = String.join("\n", lines.subList(1, lines.size()));
    List<String> kept = new ArrayList<>();
    boolean skipCaption = false;
    for (String l : lines.subList(1, lines.size())) {
      String s = l.strip();
      if (s.equals("CHINA-US-DIPLOMACY")) {
        skipCaption = true;
        continue;
      }
      if (skipCaption && s.startsWith("US Secretary of State Antony Blinken, left,")) {
        continue;
      }
      if (s.startsWith("LEAH MILLIS")
          || s.startsWith("For all the latest")
          || s.startsWith("For the latest news")
          || s.equals("Read original article here")
          || s.startsWith("Denial of responsibility!")) {
        continue;
      }
      kept.add(l);
    }
    String original = String.join("\n", kept);
    assertTrue(original.length() < repost.length() - 500);
    Path out =
        run(
            List.of(
                line("thedailycheck-1", "TheDailyCheck", title, repost, "2023-06-19T06:00:00Z"),
                line("cbs-1", "CBS News", title, original, "2023-06-19T08:00:00Z")));
    assertEquals(Map.of("cbs-1", "cbs-1", "thedailycheck-1", "cbs-1"), canonicalOf(out));
    JsonNode cluster = BatchOutputs.json(out, "clusters").get(0);
    assertEquals("not_a_repost", cluster.get("canonical_reason").asText());
    assertEquals(1.0, cluster.at("/members/1/containment").asDouble(), 1e-9);
  }

  @Test
  void paywallPagesOfDifferentStoriesStayApartAndJoinTheirOwnStory() throws IOException {
    String wall =
        "Subscribe to keep reading this story and everything else on our site, for less than a"
            + " coffee a week. Your subscription supports the reporters of the Valley Bugle.";
    String t1 = "Night bus routes to reach the eastern suburbs in May";
    String t2 = "Late frost damages a quarter of the valley's apple blossom";
    String story1 =
        "The city council voted on Tuesday to extend the night bus service to the eastern suburbs,"
            + " a change that will take effect in May and cost about 1.2 million dollars a"
            + " year.\n\n"
            + "Councillor Ines Moreau said the vote ended a three-year campaign by residents.";
    String story2 =
        "A late frost damaged a quarter of the apple blossom in the upper valley, growers said on"
            + " Monday.\n\n"
            + "The cooperative expects a smaller harvest for the second season.";
    Path out =
        run(
            List.of(
                line("story1", "Valley Herald", t1, story1, "2025-03-04T08:00:00Z"),
                line("story2", "Valley Herald", t2, story2, "2025-03-05T08:00:00Z"),
                line("wall1", "Valley Bugle", t1, wall, "2025-03-04T10:00:00Z"),
                line("wall2", "Valley Bugle", t2, wall, "2025-03-05T10:00:00Z"),
                line(
                    "wall3",
                    "Valley Bugle",
                    "A completely different headline about the river",
                    wall,
                    "2025-03-06T10:00:00Z"),
                line("wall4", "Valley Bugle", "Just a moment...", wall, "2025-03-06T10:00:00Z")));
    Map<String, String> canonical = canonicalOf(out);
    assertEquals("story1", canonical.get("wall1"));
    assertEquals("story2", canonical.get("wall2"));
    assertEquals("wall3", canonical.get("wall3"));
    assertEquals("wall4", canonical.get("wall4"));
    for (JsonNode a : BatchOutputs.json(out, "assignments")) {
      assertEquals(a.get("id").asText().startsWith("wall"), a.get("low_content").asBoolean());
    }
  }

  @Test
  void anExcerptWithAPointerJoinsItsOriginal() throws IOException {
    StringBuilder story = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      story
          .append("Paragraph ")
          .append(i)
          .append(" of the harbour report says that crane number ")
          .append(i * 7)
          .append(" was repaired by the night crew after the storm of week ")
          .append(i + 3)
          .append(", and that the port authority expects full traffic again.\n\n");
    }
    String full = story.toString().strip();
    String excerpt =
        full.substring(0, full.indexOf("Paragraph 3")).strip()
            + "\n\nRead the full story at Harbour Times";
    Path out =
        run(
            List.of(
                line(
                    "full",
                    "Harbour Times",
                    "Harbour cranes repaired after the storm",
                    full,
                    "2025-01-01T10:00:00Z"),
                line(
                    "excerpt",
                    "NewsPulse",
                    "Cranes back in service at the harbour",
                    excerpt,
                    "2025-01-01T09:00:00Z")));
    assertEquals(Map.of("excerpt", "full", "full", "full"), canonicalOf(out));
  }
}
