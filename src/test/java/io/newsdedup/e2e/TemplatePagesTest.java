package io.newsdedup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages of sites whose templates the rules have never seen (testdata/templates: consent walls, a
 * bot check, error pages, forms, a player shell, in English, German, Polish, Arabic and Chinese),
 * each under its own story's headline: no two share a cluster, each is low-content as
 * template-only, and each joins its own story when the story is there too.
 */
class TemplatePagesTest {
  static final Path PAGES = Path.of("testdata/templates/pages");
  static final Path LABELS = Path.of("testdata/templates/labels.jsonl");

  @TempDir Path tmp;

  /** id -> label line. */
  static Map<String, JsonNode> labels() throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    for (String l : Files.readAllLines(LABELS)) {
      JsonNode n = BatchOutputs.JSON.readTree(l);
      out.put(n.get("id").asText(), n);
    }
    return out;
  }

  static Map<String, JsonNode> assignments(Path out) {
    Map<String, JsonNode> m = new TreeMap<>();
    for (JsonNode a : BatchOutputs.json(out, "assignments")) {
      m.put(a.get("id").asText(), a);
    }
    return m;
  }

  @Test
  void theFixtureHoldsEightShapesOrMoreTwoPagesEachInFiveLanguages() throws IOException {
    Map<String, Set<String>> pagesByShape = new TreeMap<>();
    for (JsonNode l : labels().values()) {
      if (l.get("kind").asText().equals("template_page")) {
        pagesByShape
            .computeIfAbsent(l.get("shape").asText(), k -> new TreeSet<>())
            .add(l.get("id").asText());
      }
    }
    assertTrue(pagesByShape.size() >= 8, pagesByShape.toString());
    pagesByShape.forEach((shape, pages) -> assertTrue(pages.size() >= 2, shape));
    assertTrue(
        pagesByShape
            .keySet()
            .containsAll(Set.of("de_paywall", "pl_consent", "ar_check", "zh_login")));
  }

  @Test
  void noTwoPagesShareAClusterAndEachTemplatePageIsTemplateOnly() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(
        0, BatchOnTestdataTest.main("batch", "--input=" + PAGES + "/*", "--output=" + out));
    Map<String, JsonNode> labels = labels();
    Map<String, JsonNode> assigned = assignments(out);
    assertEquals(labels.keySet(), assigned.keySet());
    Map<String, String> storyOfCluster = new HashMap<>();
    int templates = 0;
    for (var e : labels.entrySet()) {
      JsonNode a = assigned.get(e.getKey());
      String story = e.getValue().get("cluster").asText();
      String before = storyOfCluster.putIfAbsent(a.get("cluster_id").asText(), story);
      assertTrue(
          before == null || before.equals(story),
          e.getKey() + " shares a cluster with a page of " + before);
      if (e.getValue().get("kind").asText().equals("template_page")) {
        templates++;
        assertTrue(a.get("low_content").asBoolean(), e.getKey());
        assertEquals("template_only", a.get("low_content_reason").asText(), e.getKey());
      }
    }
    assertTrue(templates >= 16, "pages: " + templates);
    JsonNode s = BatchOutputs.summary(out);
    assertEquals(templates, s.at("/counts/low_content_by_reason/template_only").asInt());
    assertEquals(labels.size(), s.at("/counts/clusters").asInt());
  }

  @Test
  void aTemplatePageJoinsItsOwnStoryByTheHeadlineAndNothingElse() throws IOException {
    // the stories of six pages, in four languages, with bodies that tell them
    Map<String, String[]> stories =
        new TreeMap<>(
            Map.of(
                "consent-01",
                    new String[] {
                      "City council approves new budget for parks and libraries",
                      "The city council on Tuesday approved a new budget for parks and libraries"
                          + " that adds 14 million dollars for repairs, longer opening hours and"
                          + " two new branch libraries in the northern suburbs, after a debate that"
                          + " lasted four hours."
                    },
                "botcheck-04",
                    new String[] {
                      "Dock workers vote to end three-week strike at container terminal",
                      "Dock workers at the container terminal voted on Sunday to end a three-week"
                          + " strike that had left dozens of ships waiting offshore, after the"
                          + " operator agreed to a seven percent pay rise over two years and new"
                          + " rules on overtime."
                    },
                "de_paywall-18",
                    new String[] {
                      "Stadtrat beschließt neues Radwegenetz für die Innenstadt",
                      "Der Stadtrat hat am Dienstag ein neues Radwegenetz für die Innenstadt"
                          + " beschlossen. Bis 2028 sollen 40 Kilometer geschützte Radwege"
                          + " entstehen, teilte die Stadt mit. Die Opposition kritisierte die hohen"
                          + " Kosten des neuen Netzes."
                    },
                "pl_consent-21",
                    new String[] {
                      "Powódź zalała piwnice w trzech dzielnicach Krakowa",
                      "Ulewne deszcze sprawiły, że powódź zalała w nocy piwnice w trzech"
                          + " dzielnicach Krakowa. Strażacy wypompowywali wodę z ponad dwustu"
                          + " budynków, a kilka ulic zamknięto dla ruchu do czasu opadnięcia wody."
                    },
                "ar_check-22",
                    new String[] {
                      "الحكومة تعلن خطة لبناء محطات تحلية مياه البحر",
                      "أعلنت الحكومة يوم الأحد عن خطة لبناء ثلاث محطات جديدة لتحلية مياه البحر على"
                          + " الساحل الشرقي. وقال وزير المياه إن المحطات ستوفر مياه الشرب لمليوني"
                          + " نسمة بحلول عام 2030 وإن العمل سيبدأ في الربيع المقبل."
                    },
                "zh_login-24",
                    new String[] {
                      "江城地铁三号线正式开通运营",
                      "江城地铁三号线今天上午正式开通运营，全长三十二公里，设站二十四座。市民可以乘坐三号线从"
                          + "火车站直达机场，单程约需四十分钟。市交通局表示，四号线也将在明年年底前开通。"
                    }));
    List<String> lines = new ArrayList<>();
    for (var e : stories.entrySet()) {
      lines.add(
          NewsCasesTest.line(
              "story-" + e.getKey(),
              "Wire",
              e.getValue()[0],
              e.getValue()[1],
              "2025-11-01T08:00:00Z"));
    }
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.write(in.resolve("stories.jsonl"), lines, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    assertEquals(
        0,
        BatchOnTestdataTest.main(
            "batch", "--input=" + PAGES + "/*," + in + "/*", "--output=" + out));
    Map<String, JsonNode> assigned = assignments(out);
    Map<String, Set<String>> members = new TreeMap<>();
    assigned.forEach(
        (id, a) ->
            members.computeIfAbsent(a.get("cluster_id").asText(), k -> new TreeSet<>()).add(id));
    for (String page : stories.keySet()) {
      JsonNode a = assigned.get(page);
      assertEquals("story-" + page, a.get("canonical_id").asText(), page);
      assertEquals(Set.of(page, "story-" + page), members.get(a.get("cluster_id").asText()));
      assertEquals("template_only", a.get("low_content_reason").asText(), page);
      assertNotEquals(true, assigned.get("story-" + page).get("low_content").asBoolean());
    }
  }
}
