package io.newsdedup.pipeline.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;
import org.junit.jupiter.api.Test;

class DeferredOptionsTest {
  private static final String SERVICES =
      "META-INF/services/" + PipelineOptionsRegistrar.class.getName();

  /**
   * What the jar registers before any command line: all but the deferred registrars' interfaces.
   */
  private static final Set<Class<? extends PipelineOptions>> JAR_REGISTERED =
      PipelineOptionsFactory.getRegisteredOptions().stream()
          .filter(c -> !DeferredOptions.interfaces().contains(c))
          .collect(Collectors.toSet());

  private static List<Class<? extends PipelineOptions>> neededBy(String... args) {
    return DeferredOptions.neededBy(args, JAR_REGISTERED);
  }

  @Test
  void aRunnersPropertyRegistersItsInterfaceAndNothingElse() {
    assertEquals(
        List.of(FlinkPipelineOptions.class),
        neededBy("batch", "--flinkMaster=[local]", "--input=x"));
    assertTrue(neededBy("--sparkMaster=local[2]").contains(SparkPipelineOptions.class));
    assertTrue(neededBy("--pubsubRootUrl=http://localhost:1").contains(PubsubOptions.class));
    assertTrue(neededBy("--project", "p").contains(GcpOptions.class));
    assertEquals(
        List.of(), neededBy("batch", "--input=x", "--output=y", "--runner=FlinkRunner", "-", "--"));
  }

  /**
   * The shaded jar leaves out the registrar entries of the artifacts pom.xml's shade filters name;
   * every entry of those artifacts must be one {@link DeferredOptions} registers on demand, or its
   * options could not be given on the jar's command line.
   */
  @Test
  void everyRegistrarTheJarLeavesOutIsDeferred() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher filter =
        Pattern.compile(
                "<artifact>org\\.apache\\.beam:([\\w.-]+)</artifact>\\s*<excludes>\\s*<exclude>"
                    + Pattern.quote(SERVICES)
                    + "</exclude>")
            .matcher(pom);
    List<String> artifacts = new ArrayList<>();
    while (filter.find()) {
      artifacts.add(filter.group(1));
    }
    assertEquals(4, artifacts.size(), "the shade filters of pom.xml: " + artifacts);
    List<String> left = new ArrayList<>();
    for (URL url : Collections.list(getClass().getClassLoader().getResources(SERVICES))) {
      String jar = url.toString();
      if (artifacts.stream().noneMatch(a -> jar.contains("/" + a + "-"))) {
        continue;
      }
      try (InputStream in = url.openStream()) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String entry = line.replaceAll("#.*", "").trim();
          if (!entry.isEmpty()) {
            left.add(entry);
          }
        }
      }
    }
    assertEquals(
        DeferredOptions.REGISTRARS.stream().sorted().toList(), left.stream().sorted().toList());
  }
}
