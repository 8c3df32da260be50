package io.newsdedup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child JVM's command line, and what the supervisor says when a run ends badly. */
class SupervisorTest {
  @Test
  void theChildKeepsTheJvmOptionsAndExitsAtTheFirstOutOfMemory() {
    assertEquals(
        List.of(
            "/usr/bin/java",
            "-Xmx2g",
            "-Dx=y",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseParallelGC",
            "-cp",
            "a.jar",
            "io.newsdedup.cli.Main",
            "batch",
            "--input=x"),
        Supervisor.childCommand(
            "/usr/bin/java",
            List.of("-Xmx2g", "-Dx=y"),
            "a.jar",
            new String[] {"batch", "--input=x"}));
  }

  /** java -jar honours the manifest's Add-Exports; the child, run with -cp, is given them. */
  @Test
  void theChildGetsWhatTheJarsManifestGrants(@TempDir Path dir) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .putValue("Add-Exports", "java.base/sun.nio.ch java.base/sun.security.x509");
    manifest.getMainAttributes().putValue("Add-Opens", "java.base/java.lang");
    Path jar = dir.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.flush();
    }
    List<String> command =
        Supervisor.childCommand("java", List.of(), jar.toString(), new String[] {"batch"});
    assertEquals(
        List.of(
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=java.base/sun.security.x509=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-cp",
            jar.toString()),
        command.subList(3, 8));
    assertEquals(List.of(), Supervisor.manifestAccess(dir.resolve("missing.jar").toString()));
    assertEquals(List.of(), Supervisor.manifestAccess("target/classes"));
  }

  /** A JVM that a run starts (bench's timed batch runs) inherits the variable: it is no child. */
  @Test
  void onlyTheSupervisorsOwnChildRunsAsItsChild() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    long parentPid = parent.orElseThrow().pid();
    assertTrue(Supervisor.isChild(Long.toString(parentPid), parent));
    assertFalse(Supervisor.isChild(Long.toString(parentPid + 1), parent));
    assertFalse(Supervisor.isChild(null, parent));
    assertFalse(Supervisor.isChild("x", parent));
    assertFalse(Supervisor.isChild(Long.toString(parentPid), Optional.empty()));
  }

  @Test
  void aUsersCollectorIsKeptAndAStreamKeepsG1() {
    assertEquals(
        List.of(
            "java",
            "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            "a.jar",
            "io.newsdedup.cli.Main",
            "batch"),
        Supervisor.childCommand("java", List.of("-XX:+UseG1GC"), "a.jar", new String[] {"batch"}));
    assertEquals(
        List.of(
            "java",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            "a.jar",
            "io.newsdedup.cli.Main",
            "stream"),
        Supervisor.childCommand("java", List.of(), "a.jar", new String[] {"stream"}));
  }

  @Test
  void aUsersOwnOutOfMemoryChoiceIsKept() {
    assertEquals(
        List.of(
            "java",
            "-XX:-ExitOnOutOfMemoryError",
            "-cp",
            "a.jar",
            "io.newsdedup.cli.Main",
            "stream"),
        Supervisor.childCommand(
            "java", List.of("-XX:-ExitOnOutOfMemoryError"), "a.jar", new String[] {"stream"}));
    assertEquals(
        List.of(
            "java",
            "-XX:OnOutOfMemoryError=kill -9 %p",
            "-cp",
            "a.jar",
            "io.newsdedup.cli.Main",
            "stream"),
        Supervisor.childCommand(
            "java",
            List.of("-XX:OnOutOfMemoryError=kill -9 %p"),
            "a.jar",
            new String[] {"stream"}));
  }

  @Test
  void outOfMemorySaysHowMuchHeapThereWasAndWhatToDo() {
    String batch = Supervisor.outOfMemory(new String[] {"batch"}, 700L << 20);
    assertTrue(
        batch.startsWith(
            "news-dedup batch: out of memory: the run needed more than its 700"
                + " MB of Java heap and was stopped. Nothing was published (no _SUCCESS)"),
        batch);
    assertTrue(batch.contains("java -Xmx2g -jar news-dedup.jar"), batch);
    assertTrue(batch.contains("--runner=FlinkRunner"), batch);
    String stream = Supervisor.outOfMemory(new String[] {"stream"}, 6L << 30);
    assertTrue(
        stream.startsWith(
            "news-dedup stream: out of memory: the run needed more than its"
                + " 6.0 GB of Java heap and was stopped. Give it more heap (java -Xmx12g"),
        stream);
    assertEquals(
        "news-dedup eval: out of memory: the run needed more than its 1.0 GB of Java heap"
            + " and was stopped. Give it more heap (java -Xmx2g -jar news-dedup.jar ...).",
        Supervisor.outOfMemory(new String[] {"eval"}, 1L << 30));
  }

  @Test
  void anInterruptedBatchSaysNothingWasPublished() {
    assertTrue(Supervisor.interrupted(new String[] {"batch"}).contains("nothing was published"));
    assertEquals(
        "news-dedup stream: interrupted (SIGTERM or Ctrl-C); the run was stopped.",
        Supervisor.interrupted(new String[] {"stream"}));
  }

  @Test
  void aChildKilledByAnotherSignalIsNamed() {
    assertEquals(
        "news-dedup batch: the run's JVM was killed by signal 9 (SIGKILL: if nobody sent"
            + " it, the system's out-of-memory killer did; give the run a smaller -Xmx than the"
            + " machine's free memory).",
        Supervisor.killed(new String[] {"batch"}, 9));
    assertEquals(
        "news-dedup stream: the run's JVM was killed by signal 6.",
        Supervisor.killed(new String[] {"stream"}, 6));
  }
}
