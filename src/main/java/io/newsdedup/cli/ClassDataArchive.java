package io.newsdedup.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The class-data-sharing archive (AppCDS) of the jar: the ~6,000 classes a {@code batch} run loads,
 * already parsed and verified, which the run's JVM maps instead of loading them from the jar. It
 * takes about 2 s off every command's start on the development machine (a {@code testdata/} batch:
 * 7.0–7.8 s against 9.3–9.7 s in process).
 *
 * <p>{@code mvn package} makes it ({@code pom.xml}, the {@code class-data-archive} execution):
 * after shading, it runs {@code batch} on {@code testdata/} with {@code
 * -XX:ArchiveClassesAtExit=target/news-dedup.jsa}. The archive belongs to that jar and that JVM:
 * {@link Supervisor} gives it to the run's JVM when it lies next to the jar, and the JVM ignores
 * it, silently, when either has changed since (a rebuilt jar, another java). Without it everything
 * works as before, only slower to start.
 *
 * @param file the archive
 */
record ClassDataArchive(Path file) {
  /** The archive's name beside {@code news-dedup.jar}. */
  static final String SUFFIX = ".jsa";

  /**
   * The archive of the class path {@code classPath} when it is one jar with an archive beside it
   * ({@code target/news-dedup.jar}: {@code target/news-dedup.jsa}), and the JVM options leave class
   * data sharing to us; else empty.
   */
  static Optional<ClassDataArchive> of(String classPath, List<String> jvmOptions) {
    if (!Supervisor.isOneJar(classPath)
        || jvmOptions.stream().anyMatch(ClassDataArchive::setsSharing)) {
      return Optional.empty();
    }
    Path jar = Path.of(classPath);
    String name = jar.getFileName().toString();
    Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + SUFFIX);
    return Files.isRegularFile(archive)
        ? Optional.of(new ClassDataArchive(archive))
        : Optional.empty();
  }

  /** Whether a JVM option already decides class data sharing. */
  static boolean setsSharing(String option) {
    return option.startsWith("-Xshare")
        || option.startsWith("-XX:SharedArchiveFile")
        || option.startsWith("-XX:ArchiveClassesAtExit");
  }

  /**
   * The JVM options that use the archive: a JVM that cannot (another jar or java) says so only in
   * the CDS log, which they turn off, and runs as without it.
   */
  List<String> jvmOptions() {
    return List.of(
        "-XX:SharedArchiveFile=" + file, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }
}
