package io.newsdedup.pipeline.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every coder of the project has a round-trip test: a {@code @Test} method named after it ({@code
 * FactsCoder}: {@code factsCoder()}) in a {@code *RoundTripTest} class. The coders are found in the
 * sources: every class that extends {@link Codec} or one of Beam's coder classes.
 */
class EveryCoderRoundTripTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path TEST = Path.of("src/test/java");
  private static final Pattern CODER =
      Pattern.compile(
          "class\\s+(\\w+)(?:<[^>]*>)?\\s+extends\\s+"
              + "(?:Codec|AtomicCoder|CustomCoder|StructuredCoder|Coder)\\s*<");

  @Test
  void everyCoderHasARoundTripTest() throws Exception {
    Set<String> coders = coders();
    // The scan works: it finds coders of several packages, and Codec itself (not a coder).
    assertTrue(
        coders.containsAll(List.of("Codec", "FactsCoder", "QueriesCoder", "MetaCoder")),
        "scanned: " + coders);
    coders.remove("Codec");

    Set<String> tested = testedCoders();
    Set<String> untested = new TreeSet<>(coders);
    untested.removeAll(tested);
    assertEquals(Set.of(), untested, "coders without a round-trip test named after them");
  }

  /** The simple names of the classes in src/main/java that extend a coder class. */
  private static Set<String> coders() throws IOException {
    Set<String> names = new TreeSet<>();
    for (Path f : javaFiles(MAIN)) {
      Matcher m = CODER.matcher(Files.readString(f));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The coders named by the test methods of the round-trip test classes, capitalized. */
  private static Set<String> testedCoders() throws Exception {
    Set<String> names = new TreeSet<>();
    for (Path f : javaFiles(TEST)) {
      if (!f.getFileName().toString().endsWith("RoundTripTest.java")) {
        continue;
      }
      String file = TEST.relativize(f).toString();
      String className =
          file.substring(0, file.length() - ".java".length())
              .replace(f.getFileSystem().getSeparator(), ".");
      for (Method m : Class.forName(className).getDeclaredMethods()) {
        if (m.isAnnotationPresent(Test.class)) {
          names.add(Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1));
        }
      }
    }
    return names;
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
