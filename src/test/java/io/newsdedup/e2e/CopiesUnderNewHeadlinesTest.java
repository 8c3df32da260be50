package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other side of never merging through a template: copies must still merge when their headlines
 * are rewritten, when a syndication partner gives them a headline of its own, and when there is no
 * headline at all — verbatim copies are the first thing a dedup must find.
 */
class CopiesUnderNewHeadlinesTest {
  @TempDir Path tmp;

  static final String STORY =
      "The central bank of Kenya held its benchmark lending rate at"
          + " 10.75 percent on Tuesday, saying inflation had eased for a third month in a row.\n"
          + "Governor Patrick Njoroge said the bank would keep rates on hold until price pressures"
          + " were firmly under control, and that the shilling had stabilised since January.\n"
          + "Analysts polled before the meeting had expected no change. The bank's next meeting is"
          + " due in May, when a new inflation target will be discussed.";

  static final String BRIEF =
      "Firefighters contained a wildfire that burned 300 hectares of pine forest near the village"
          + " of Lindale on Sunday, two days after it forced the evacuation of a campsite and a"
          + " children's holiday camp, the regional fire service said.";

  private Map<String, Set<String>> clusters(List<String> lines) throws IOException {
    Path in = tmp.resolve("in-" + System.nanoTime() + ".jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out-" + System.nanoTime());
    assertEquals(0, BatchOnTestdataTest.main("batch", "--input=" + in, "--output=" + out));
    Map<String, Set<String>> byCluster = new TreeMap<>();
    for (JsonNode a : BatchOutputs.json(out, "assignments")) {
      byCluster
          .computeIfAbsent(a.get("cluster_id").asText(), k -> new TreeSet<>())
          .add(a.get("id").asText());
      assertFalse(a.get("low_content").asBoolean(), a.toString());
    }
    return byCluster;
  }

  @Test
  void rewrittenHeadlinesAndSyndicatedHeadlinesStillMerge() throws IOException {
    String[][] copies = {
      {"original", "Reuters", "Kenya's central bank holds rates as inflation eases"},
      {"what-to-know", "Midland Courier", "What to know: Kenya's central bank holds rates"},
      {"question", "Valley Herald", "Will Kenya's central bank keep holding rates?"},
      {"reordered", "Coast Times", "As inflation eases, Kenya central bank holds rates"},
      {"outlet-added", "Nairobi Wire", "Kenya's central bank holds rates | Nairobi Wire"},
      {"syndicated", "Lakeside Gazette", "Nairobi lenders get a pause from Njoroge"},
      {"syndicated-2", "Harbour Daily", "Shilling steadies as CBK stands pat"}
    };
    List<String> lines = new ArrayList<>();
    for (String[] c : copies) {
      lines.add(NewsCasesTest.line(c[0], c[1], c[2], STORY, "2025-03-04T09:15:00Z"));
    }
    // and a different story of the syndication partner, which must stay apart
    lines.add(
        NewsCasesTest.line(
            "other", "Lakeside Gazette", "Wildfire near Lindale contained", BRIEF, null));
    Map<String, Set<String>> c = clusters(lines);
    assertEquals(2, c.size(), c.toString());
    assertEquals(
        Set.of("other"),
        c.values().stream().filter(s -> s.contains("other")).findFirst().orElseThrow());
  }

  @Test
  void verbatimCopiesOfAOneParagraphStoryWithoutHeadlineAreOneCluster() throws IOException {
    for (int n : new int[] {3, 50, 5000}) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        lines.add("{\"id\": \"copy-" + i + "\", \"text\": \"" + BRIEF + "\"}");
      }
      Map<String, Set<String>> c = clusters(lines);
      assertEquals(1, c.size(), n + " copies: " + c.size() + " clusters");
      assertEquals(n, c.values().iterator().next().size());
    }
  }

  @Test
  void verbatimCopiesUnderDifferentHeadlinesThatTheyCarryAreOneCluster() throws IOException {
    String[] headlines = {
      "Wildfire near Lindale contained",
      "Firefighters stop pine forest blaze",
      "Lindale campsite fire under control",
      "Fire service contains forest wildfire"
    };
    for (int n : new int[] {3, 50}) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        lines.add(
            NewsCasesTest.line(
                "copy-" + i, "Site " + i, headlines[i % headlines.length], BRIEF, null));
      }
      Map<String, Set<String>> c = clusters(lines);
      assertEquals(1, c.size(), n + " copies: " + c);
    }
  }
}
