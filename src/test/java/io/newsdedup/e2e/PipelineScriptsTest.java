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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the scripts in pipelines/ the way a user would, as far as this machine allows: batch-flink
 * on an embedded Flink cluster (directly, and through Flink's own `flink run` client), and
 * batch-dataflow up to the checks it makes before it would contact Google Cloud. The scripts run
 * from the test class path ({@code NEWS_DEDUP_CLASSPATH}), since `mvn test` builds no jar.
 */
class PipelineScriptsTest {
  @TempDir Path tmp;

  record Result(int code, String output) {}

  static Result script(String script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", script));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("NEWS_DEDUP_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("JAVA_OPTS", "-Xmx1g");
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), script + " did not finish");
    return new Result(p.exitValue(), output);
  }

  static void assertTestdataRun(Path out, Result r) {
    assertTestdataRun(out, r, "FlinkRunner");
  }

  static void assertTestdataRun(Path out, Result r, String runner) {
    assertEquals(0, r.code(), r.output());
    JsonNode s = BatchOutputs.summary(out);
    assertEquals(runner, s.at("/parameters/runner").asText());
    assertEquals(199, s.at("/counts/read").asLong());
    assertEquals(199, s.at("/counts/articles").asLong());
    assertEquals(55, s.at("/counts/clusters").asLong());
    assertEquals(199, BatchOutputs.lines(out, "assignments").size());
  }

  @Test
  void batchLocalRunsWithItsOptionsAndCommandLineOverrides() throws Exception {
    Path out = tmp.resolve("out");
    // options.txt sets --numShards=1; the command line's --numShards=2 replaces it.
    Result r =
        script(
            "pipelines/batch-local/run.sh",
            Map.of(),
            "testdata/articles/*",
            out.toString(),
            "--numShards=2");
    assertTestdataRun(out, r, "DirectRunner");
    assertEquals(2, BatchOutputs.files(out, "assignments").size());
  }

  @Test
  void reportScriptWritesTheReportOfAFinishedRunOnly() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(
        0, BatchOnTestdataTest.main("batch", "--input=testdata/mixed/*", "--output=" + out));
    Result r = script("pipelines/report/run.sh", Map.of(), out.toString(), "--topClusters=5");
    assertEquals(0, r.code(), r.output());
    assertTrue(Files.exists(out.resolve("report/index.html")));
    Files.delete(out.resolve("_SUCCESS"));
    Result unfinished = script("pipelines/report/run.sh", Map.of(), out.toString());
    assertEquals(2, unfinished.code(), unfinished.output());
  }

  @Test
  void batchFlinkRunsOnAnEmbeddedCluster() throws Exception {
    Path out = tmp.resolve("out");
    Result r =
        script("pipelines/batch-flink/run.sh", Map.of(), "testdata/articles/*", out.toString());
    assertTestdataRun(out, r);
  }

  /**
   * SUBMIT=flink goes through Flink's command-line client ({@code flink run -c Main JAR ...}), here
   * the client class from the test class path with execution target "local" instead of a cluster;
   * the jar it is given is empty, so Main comes from the class path.
   */
  @Test
  void batchFlinkSubmitsThroughFlinkRun() throws Exception {
    Path conf = Files.createDirectories(tmp.resolve("flink-conf"));
    Files.writeString(conf.resolve("config.yaml"), "execution:\n  target: local\n");
    Path flink = tmp.resolve("flink");
    Files.writeString(
        flink,
        "#!/usr/bin/env bash\nexec java -Xmx1g -cp \"$NEWS_DEDUP_CLASSPATH\""
            + " org.apache.flink.client.cli.CliFrontend \"$@\"\n");
    assertTrue(flink.toFile().setExecutable(true));
    Path jar = tmp.resolve("empty.jar");
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    new JarOutputStream(Files.newOutputStream(jar), m).close();
    Path out = tmp.resolve("out");
    Result r =
        script(
            "pipelines/batch-flink/run.sh",
            Map.of(
                "SUBMIT",
                "flink",
                "FLINK",
                flink.toString(),
                "FLINK_CONF_DIR",
                conf.toString(),
                "NEWS_DEDUP_JAR",
                jar.toString()),
            "testdata/articles/*",
            out.toString());
    assertTestdataRun(out, r);
  }

  @Test
  void batchDataflowStopsClearlyWithoutAProjectOrCredentials() throws Exception {
    String script = "pipelines/batch-dataflow/run.sh";
    Map<String, String> noCredentials =
        Map.of("HOME", tmp.toString(), "GOOGLE_APPLICATION_CREDENTIALS", "", "CLOUDSDK_CONFIG", "");
    Result usage = script(script, noCredentials);
    assertEquals(2, usage.code(), usage.output());
    assertTrue(usage.output().contains("usage:"), usage.output());

    Result noProject = script(script, noCredentials, "gs://b/in/*", "gs://b/out");
    assertEquals(2, noProject.code(), noProject.output());
    assertTrue(noProject.output().contains("set PROJECT"), noProject.output());

    Map<String, String> project = new HashMap<>(noCredentials);
    project.putAll(Map.of("PROJECT", "p", "REGION", "europe-west1", "BUCKET", "b"));
    Result noCreds = script(script, project, "gs://b/in/*", "gs://b/out");
    assertEquals(2, noCreds.code(), noCreds.output());
    assertTrue(noCreds.output().contains("no Google Cloud credentials"), noCreds.output());
  }

  /**
   * stream-flink's embedded command reaches the command's own validation with every option of
   * options-flink.txt and the emulator's (so Beam knows them all); SUBMIT=flink hands `flink run`
   * the savepoint, the main class, the jar and the same options. (StreamOnFlinkTest runs the job
   * itself with these options.)
   */
  @Test
  void streamFlinkComposesTheDocumentedCommands() throws Exception {
    Result embedded =
        script("pipelines/stream-flink/run.sh", Map.of(), "emulator", "--windowMinutes=0");
    assertEquals(2, embedded.code(), embedded.output());
    assertTrue(embedded.output().contains("--windowMinutes must be >= 1"), embedded.output());
    Path flink = tmp.resolve("flink");
    Files.writeString(flink, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
    assertTrue(flink.toFile().setExecutable(true));
    Result submit =
        script(
            "pipelines/stream-flink/run.sh",
            Map.of(
                "SUBMIT", "flink",
                "FLINK", flink.toString(),
                "FLINK_RUN_ARGS", "-d",
                "STATE", "file:///var/state",
                "SAVEPOINT", "file:///var/state/j/chk-7",
                "NEWS_DEDUP_JAR", "/opt/news-dedup.jar"),
            "pubsub");
    assertEquals(0, submit.code(), submit.output());
    List<String> args = List.of(submit.output().strip().split("\n"));
    assertEquals(
        List.of("run", "-d", "-s", "file:///var/state/j/chk-7", "-c", "io.newsdedup.cli.Main"),
        args.subList(0, 6));
    assertEquals(List.of("/opt/news-dedup.jar", "stream"), args.subList(6, 8));
    for (String option :
        List.of(
            "--runner=FlinkRunner",
            "--stateBackend=rocksdb",
            "--checkpointingInterval=10000",
            "--stateBackendStoragePath=file:///var/state",
            "--outputTopic=projects/MY-PROJECT/topics/dedup-decisions")) {
      assertTrue(args.contains(option), option + " in " + args);
    }
    assertTrue(args.stream().noneMatch(a -> a.startsWith("--flinkMaster")), args.toString());
    Result usage = script("pipelines/stream-flink/run.sh", Map.of(), "flink");
    assertEquals(2, usage.code(), usage.output());
    Result kafka =
        script(
            "pipelines/stream-flink/run.sh",
            Map.of("SUBMIT", "flink", "FLINK", flink.toString()),
            "kafka");
    assertEquals(0, kafka.code(), kafka.output());
    assertTrue(
        kafka.output().contains("--kafkaInputTopic=articles")
            && kafka.output().contains("--stateBackend=rocksdb")
            && !kafka.output().contains("--outputTopic="),
        kafka.output());
  }

  @Test
  void streamDataflowStopsClearlyWithoutAProjectOrCredentials() throws Exception {
    String script = "pipelines/stream-pubsub/dataflow.sh";
    Map<String, String> noCredentials =
        Map.of("HOME", tmp.toString(), "GOOGLE_APPLICATION_CREDENTIALS", "", "CLOUDSDK_CONFIG", "");
    Result noProject = script(script, noCredentials);
    assertEquals(2, noProject.code(), noProject.output());
    assertTrue(noProject.output().contains("set PROJECT"), noProject.output());
    Map<String, String> project = new HashMap<>(noCredentials);
    project.putAll(Map.of("PROJECT", "p", "REGION", "europe-west1", "BUCKET", "b"));
    Result noCreds = script(script, project);
    assertEquals(2, noCreds.code(), noCreds.output());
    assertTrue(noCreds.output().contains("no Google Cloud credentials"), noCreds.output());
  }
}
