package io.newsdedup.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for tests: loads a page from disk with no network and returns the DOM after its
 * scripts ran, with the browser's log (console errors, CSP violations); takes screenshots. Tests
 * using it are skipped when Chromium is not installed ({@code .ci/run} installs it).
 */
final class Chromium {
  private Chromium() {}

  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 90;

  static void assumeAvailable() {
    Assumptions.assumeTrue(
        Files.isExecutable(BINARY),
        "Chromium is not installed at " + BINARY + " (apt-get install -y chromium)");
  }

  /** A loaded page: the DOM after scripts ran and the browser's log. */
  record Page(String dom, String log) {
    Document doc() {
      return Jsoup.parse(dom);
    }

    String status() {
      return doc().body().attr("data-status");
    }

    /** Status "ok" (set by report.js at its end), no script error, no CSP violation. */
    void assertLoadedCleanly(String what) {
      assertTrue("ok".equals(status()), what + ": data-status=" + status() + "\n" + log);
      assertFalse(log.contains("Uncaught"), what + ": script error\n" + log);
      assertFalse(log.contains("Content Security Policy"), what + ": CSP violation\n" + log);
    }
  }

  /** Loads {@code url} (a file: URL) and dumps the DOM. */
  static Page load(String url, Path work) {
    Path out = work.resolve("dom-" + System.nanoTime() + ".html");
    Path log = work.resolve("log-" + System.nanoTime() + ".txt");
    run(work, out, log, "--enable-logging=stderr", "--v=0", "--dump-dom", url);
    try {
      return new Page(
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Page load(Path file, Path work) {
    return load(file.toUri().toString(), work);
  }

  /** A PNG screenshot of {@code file} at the given window size. */
  static Path screenshot(Path file, Path png, int width, int height, Path work) {
    run(
        work,
        work.resolve("shot-out.txt"),
        work.resolve("shot-log.txt"),
        "--hide-scrollbars",
        "--screenshot=" + png.toAbsolutePath(),
        "--window-size=" + width + "," + height,
        file.toUri().toString());
    assertTrue(Files.exists(png), "no screenshot written");
    return png;
  }

  private static void run(Path work, Path stdout, Path stderr, String... args) {
    Path profile;
    try {
      profile = Files.createTempDirectory(work, "chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-extensions",
                "--mute-audio",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError("Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }
}
