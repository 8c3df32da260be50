package io.newsdedup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
  @TempDir Path dir;

  @Test
  void theArchiveBesideTheJarIsUsedUnlessTheJvmOptionsDecideSharing() throws IOException {
    Path jar = Files.createFile(dir.resolve("news-dedup.jar"));
    assertEquals(Optional.empty(), ClassDataArchive.of(jar.toString(), List.of()));
    Path archive = Files.createFile(dir.resolve("news-dedup.jsa"));
    Optional<ClassDataArchive> found = ClassDataArchive.of(jar.toString(), List.of("-Xmx1g"));
    assertEquals(Optional.of(new ClassDataArchive(archive)), found);
    assertEquals(
        List.of(
            "-XX:SharedArchiveFile=" + archive,
            "-Xshare:auto",
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off"),
        found.get().jvmOptions());
    for (String own :
        List.of("-Xshare:off", "-XX:SharedArchiveFile=x.jsa", "-XX:ArchiveClassesAtExit=y")) {
      assertEquals(Optional.empty(), ClassDataArchive.of(jar.toString(), List.of(own)), own);
    }
    // classes from directories or several jars (an IDE, tests): no archive
    assertTrue(ClassDataArchive.of(dir.toString(), List.of()).isEmpty());
    assertTrue(ClassDataArchive.of(jar + File.pathSeparator + jar, List.of()).isEmpty());
  }

  /** The JVM maps an archive only for the class path it was made with; another is run without. */
  @Test
  void aJvmGivenAnArchiveOfAnotherBuildRunsSilentlyWithoutIt() throws Exception {
    Path archive = Files.write(dir.resolve("stale.jsa"), new byte[] {1, 2, 3});
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(new ClassDataArchive(archive).jvmOptions());
    command.add("-version");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(!out.contains("cds") && !out.contains("archive"), out);
  }
}
