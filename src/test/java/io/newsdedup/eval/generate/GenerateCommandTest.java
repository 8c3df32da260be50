package io.newsdedup.eval.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code eval generate} through {@link Main}: options, help, exit codes. */
class GenerateCommandTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** {@code news-dedup eval generate ARGS}, as the jar runs it. */
  private int run(String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "eval";
    command[1] = "generate";
    System.arraycopy(args, 0, command, 2, args.length);
    return Main.run(
        command,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stories() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("stories"));
    Files.writeString(
        d.resolve("01-a.txt"),
        "title: A headline\nsource: AP\n\nOne.\n\nTwo.\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        d.resolve("02-b.txt"),
        "Plain headline\n\nBody one.\n\nBody two.\n",
        StandardCharsets.UTF_8);
    return d.toString();
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--stories"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--bogus=1",
        "--copies=5..2",
        "--copies=x..3",
        "--copies=1..2..3",
        "--copies=0..2",
        "--seed=abc",
        "--kinds=original,teleport",
        "--kinds=reprint,aggregator",
        "--formats=jsonl,pdf",
        "--formats=txt",
        "--copyShare=1.5",
        "--copyShare=x",
        "--distractorShare=-0.1",
        "--overwrite=maybe",
        "positional"
      })
  void badOptionsAreUsageErrors(String bad) throws IOException {
    String s = stories();
    assertEquals(2, run("--stories=" + s, "--output=" + tmp.resolve("o"), bad), bad);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).startsWith("news-dedup eval generate: "),
        err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.notExists(tmp.resolve("o")));
  }

  @Test
  void missingOutputOrStoriesOrDuplicateOption() throws IOException {
    String s = stories();
    assertEquals(2, run("--stories=" + s));
    assertEquals(2, run("--output=" + tmp.resolve("o")));
    assertEquals(2, run("--stories=" + s, "--stories=" + s, "--output=" + tmp.resolve("o")));
    assertEquals(2, run("--stories=" + tmp.resolve("none/*.txt"), "--output=" + tmp.resolve("o")));
    assertEquals(
        2,
        run(
            "--stories=" + s,
            "--output=" + tmp.resolve("o"),
            "--labels=" + tmp.resolve("o/labels.jsonl")));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    assertEquals(0, run("--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String opt :
        List.of(
            "--stories=",
            "--output=",
            "--labels=",
            "--seed=",
            "--kinds=",
            "--copies=",
            "--copyShare=",
            "--formats=",
            "--distractorShare=",
            "--overwrite",
            "--help")) {
      assertTrue(help.contains(opt), opt);
    }
    assertTrue(help.contains("default: " + GeneratorConfig.DEFAULT_SEED));
    assertTrue(help.contains("default: original,reprint,aggregator,scraped,edited"));
    assertTrue(help.contains("default: 1..4"));
    assertTrue(help.contains("default: 0.7"));
    assertTrue(help.contains("default: jsonl,html,txt"));
    assertTrue(help.contains("template_page"), help);
    assertTrue(help.contains("reworded"), help);
    assertTrue(
        help.contains(
            "off by default: excerpt,paywall,distractor_boilerplate," + "template_page,reworded"),
        help);
  }

  @Test
  void newKindsAreEnabledByName() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("many"));
    for (int i = 0; i < 12; i++) {
      Files.writeString(
          d.resolve(String.format("%02d.txt", i)),
          "title: Council approves budget "
              + "for harbour district number "
              + i
              + "\nsource: AP\n\nThe council said on Monday it "
              + "had approved "
              + (i + 3)
              + " projects. Officials said the plan would cost about $"
              + (i + 2)
              + " million.\n\nResidents said they were pleased because roads would be "
              + "repaired. The work will begin next month, the council said.\n",
          StandardCharsets.UTF_8);
    }
    Path o = tmp.resolve("new/articles");
    assertEquals(
        0,
        run(
            "--stories=" + d,
            "--output=" + o,
            "--copies=2..2",
            "--copyShare=1",
            "--kinds=original,template-page,reworded"));
    String summary = out.toString(StandardCharsets.UTF_8);
    assertTrue(summary.contains("template_page=12") && summary.contains("reworded=12"), summary);
    long pages =
        TestSupport.readLabels(tmp.resolve("new/labels.jsonl")).stream()
            .filter(l -> l.get("kind").asText().equals("template_page"))
            .count();
    assertEquals(12, pages);
  }

  @Test
  void writesCorpusAndRefusesToOverwriteUnlessAsked() throws IOException {
    String s = stories();
    Path o = tmp.resolve("corpus/articles");
    assertEquals(0, run("--stories=" + s, "--output=" + o, "--copies=2..3", "--copyShare=1"));
    Path labels = tmp.resolve("corpus/labels.jsonl");
    assertTrue(Files.exists(labels));
    int n = TestSupport.readLabels(labels).size();
    assertTrue(n >= 6, "articles: " + n);
    assertEquals(n, TestSupport.readCorpus(o).size());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("articles: " + n));

    assertEquals(1, run("--stories=" + s, "--output=" + o));
    assertEquals(n, TestSupport.readCorpus(o).size(), "nothing changed on refusal");

    Files.writeString(o.resolve("keep.md"), "not a corpus file", StandardCharsets.UTF_8);
    assertEquals(0, run("--stories=" + s, "--output=" + o, "--overwrite", "--copyShare=0"));
    assertEquals(2, TestSupport.readLabels(labels).size());
    assertEquals(
        2, TestSupport.readCorpus(o).keySet().stream().filter(k -> !k.equals("keep.md")).count());
    assertTrue(Files.exists(o.resolve("keep.md")));
  }

  @Test
  void malformedStoryIsARuntimeError() throws IOException {
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(bad, "{oops\n", StandardCharsets.UTF_8);
    assertEquals(1, run("--stories=" + bad, "--output=" + tmp.resolve("o")));
  }
}
