package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One story copied 50,000 times (a wire story every paper runs, whole, cut short or wrapped by an
 * aggregator): every LSH bucket and title bucket of the story holds all its copies. The job must
 * stay linear in them — candidate pairs a small multiple of the copies, not the 1.25 billion pairs
 * of the bucket — and still give one cluster on the wire original, with the other stories apart.
 */
class HotStoryTest {
  private static final int COPIES = 50_000;

  private static final String STORY =
      CopiesUnderNewHeadlinesTest.STORY
          + "\nThe decision comes as neighbouring central banks in the region have begun to cut"
          + " rates, and as the government prepares a budget that economists expect to tighten"
          + " spending on roads and energy projects over the next two years.";

  private static final String[] ENDINGS = {
    "",
    "\nRead original article here.",
    "\nDenial of responsibility! This site is an automatic aggregator of the all world's media."
        + " In each content, the hyperlink to the primary source is specified.",
    "\nSubscribe to our newsletter for the day's top business stories.",
  };

  @TempDir Path tmp;

  @Test
  void fiftyThousandCopiesOfOneStoryMakeOneClusterInLinearWork() throws IOException {
    List<String> lines = new ArrayList<>(COPIES + 10);
    lines.add(
        NewsCasesTest.line(
            "wire",
            "Reuters",
            "Kenya's central bank holds rates as inflation eases",
            STORY,
            "2025-03-04T09:15:00Z"));
    String[] paragraphs = STORY.split("\n");
    for (int i = 1; i < COPIES; i++) {
      // whole, or cut after its third paragraph; with one of the aggregators' endings
      String text =
          (i % 3 == 0 ? String.join("\n", List.of(paragraphs).subList(0, 3)) : STORY)
              + ENDINGS[i % ENDINGS.length];
      lines.add(
          NewsCasesTest.line(
              String.format(Locale.ROOT, "copy-%05d", i),
              "Paper " + (i % 997),
              i % 2 == 0
                  ? "Kenya's central bank holds rates as inflation eases"
                  : "Kenya holds rates",
              text,
              String.format(Locale.ROOT, "2025-03-04T%02d:%02d:00Z", 10 + i % 12, i % 60)));
    }
    lines.add(
        NewsCasesTest.line(
            "other",
            "Lakeside Gazette",
            "Wildfire near Lindale contained",
            CopiesUnderNewHeadlinesTest.BRIEF,
            null));
    Path in = tmp.resolve("hot.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    assertEquals(0, BatchOnTestdataTest.main("batch", "--input=" + in, "--output=" + out));

    Map<String, Integer> sizes = new HashMap<>();
    String wireCluster = null;
    for (JsonNode c : BatchOutputs.json(out, "clusters")) {
      sizes.put(c.get("canonical").get("id").asText(), c.get("size").asInt());
      if (c.get("canonical").get("id").asText().equals("wire")) {
        wireCluster = c.get("canonical_reason").asText();
      }
    }
    assertEquals(Map.of("wire", COPIES, "other", 1), sizes);
    assertEquals("wire_source", wireCluster);

    JsonNode counters = BatchOutputs.summary(out).get("counters");
    long candidates =
        counters.path("candidates/candidate_pairs_lsh").asLong()
            + counters.path("candidates/candidate_pairs_anchors_only").asLong();
    long checked = counters.path("verify/pairs_checked").asLong();
    assertTrue(checked >= COPIES - 1, "every copy is verified against the story: " + checked);
    assertTrue(candidates < 10L * COPIES, "candidate pairs: " + candidates);
    assertTrue(checked < 10L * COPIES, "pairs verified: " + checked);
    assertEquals(COPIES + 1, counters.get("output/articles").asLong());
  }
}
