package io.newsdedup.bench.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code bench stream}: publish-to-decision latency and throughput of the stream job, measured as a
 * user sees it. Starts the Pub/Sub emulator, runs {@code stream} as a user does (its own JVM, the
 * runner options of {@code --streamArgs}), waits until a first article is decided (the job is up),
 * then publishes the corpus's articles at a fixed rate and pulls the decisions: the latency of an
 * article is from just before its publish request to the moment its decision is pulled (pulls run
 * continuously, every few milliseconds). With {@code --stateBackendStoragePath} among the stream's
 * options, the size of the last checkpoint per article is reported too.
 */
public final class StreamBench {
  private StreamBench() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param corpus JSONL articles; the first {@code articles} are published
   * @param rate articles per second
   * @param streamArgs the stream's runner options, e.g. {@code --runner=FlinkRunner ...}
   * @param xmx the stream JVM's heap
   */
  public record Settings(
      Path corpus,
      int articles,
      double rate,
      List<String> streamArgs,
      String emulator,
      Path work,
      String xmx) {}

  /** Latencies in milliseconds. */
  public record Result(
      int articles,
      int decided,
      double readySeconds,
      double publishedPerSecond,
      double decidedPerSecond,
      long p50,
      long p95,
      long p99,
      long max,
      long stateBytes) {}

  public static Result run(Settings s, PrintStream out) throws IOException, InterruptedException {
    List<String> payloads = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (Stream<String> lines = Files.lines(s.corpus(), StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines.filter(l -> !l.isBlank())::iterator) {
        if (payloads.size() == s.articles()) {
          break;
        }
        payloads.add(line);
        ids.add(JSON.readTree(line).path("id").asText());
      }
    }
    Files.createDirectories(s.work());
    try (Emulator e = Emulator.start(s.emulator(), s.work().resolve("pubsub-emulator.log"))) {
      for (String t : List.of("articles", "decisions", "rejected")) {
        e.topicWithSubscription(t);
      }
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx" + s.xmx(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.newsdedup.cli.Main",
                  "stream",
                  "--inputSubscription=" + Emulator.subscription("articles-sub"),
                  "--outputTopic=" + Emulator.topic("decisions"),
                  "--deadLetterTopic=" + Emulator.topic("rejected"),
                  "--pubsubRootUrl=" + e.root(),
                  "--project=" + Emulator.PROJECT,
                  "--credentialFactoryClass="
                      + "org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
                  "--indexRetention=0"));
      cmd.addAll(s.streamArgs());
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(s.work().resolve("stream.log").toFile());
      pb.environment().put("NO_GCE_CHECK", "true");
      pb.environment().put("NEWS_DEDUP_IN_PROCESS", "1"); // the job in this one JVM
      Process job = pb.start();
      try {
        return measure(s, e, payloads, ids, job, out);
      } finally {
        job.destroy();
        if (!job.waitFor(30, TimeUnit.SECONDS)) {
          job.destroyForcibly();
        }
      }
    }
  }

  private static Result measure(
      Settings s, Emulator e, List<String> payloads, List<String> ids, Process job, PrintStream out)
      throws InterruptedException, IOException {
    Map<String, Long> decidedAt = new ConcurrentHashMap<>();
    AtomicBoolean pulling = new AtomicBoolean(true);
    Thread puller =
        new Thread(
            () -> {
              while (pulling.get()) {
                List<JsonNode> got;
                try {
                  got = e.pull("decisions-sub");
                } catch (RuntimeException x) {
                  if (!pulling.get()) {
                    return; // stopped while pulling
                  }
                  throw x;
                }
                long now = System.nanoTime();
                for (JsonNode d : got) {
                  if (!d.path("status").asText().equals("canonical_changed")) {
                    decidedAt.putIfAbsent(d.path("id").asText(), now);
                  }
                }
                if (got.isEmpty()) {
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException x) {
                    return;
                  }
                }
              }
            },
            "bench-stream-pull");
    puller.setDaemon(true);
    puller.start();
    try {
      long t0 = System.nanoTime();
      String warmUp =
          "{\"id\": \"bench-warm-up\", \"title\": \"Warm-up\", \"text\": \"The stream bench's"
              + " first article tells it that the job is up and deciding.\"}";
      e.publish("articles", List.of(warmUp));
      while (!decidedAt.containsKey("bench-warm-up")) {
        if (!job.isAlive()) {
          throw new IllegalStateException(
              "the stream exited with "
                  + job.exitValue()
                  + "; see "
                  + s.work().resolve("stream.log"));
        }
        if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(3)) {
          throw new IllegalStateException("no decision within 3 minutes; see the stream's log");
        }
        Thread.sleep(20);
      }
      double ready = (System.nanoTime() - t0) / 1e9;
      long[] sentAt = new long[payloads.size()];
      long start = System.nanoTime();
      int sent = 0;
      while (sent < payloads.size()) {
        long due =
            Math.min(
                payloads.size(),
                (long) Math.floor((System.nanoTime() - start) / 1e9 * s.rate()) + 1);
        if (due > sent) {
          long now = System.nanoTime();
          for (int i = sent; i < due; i++) {
            sentAt[i] = now;
          }
          e.publish("articles", payloads.subList(sent, (int) due));
          sent = (int) due;
        } else {
          Thread.sleep(2);
        }
      }
      double publishSeconds = (System.nanoTime() - start) / 1e9;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && !decidedAt.keySet().containsAll(ids)) {
        Thread.sleep(20);
      }
      long last = start;
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Long d = decidedAt.get(ids.get(i));
        if (d != null) {
          latencies.add((d - sentAt[i]) / 1_000_000);
          last = Math.max(last, d);
        }
      }
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      Result r =
          new Result(
              ids.size(),
              sorted.length,
              ready,
              ids.size() / publishSeconds,
              sorted.length / ((last - start) / 1e9),
              percentile(sorted, 50),
              percentile(sorted, 95),
              percentile(sorted, 99),
              sorted.length == 0 ? -1 : sorted[sorted.length - 1],
              checkpointBytes(s.streamArgs()));
      out.printf(
          "bench stream: %d articles at %.0f/s (%s): ready after %.1f s; published %.0f/s,"
              + " decided %d at %.0f/s; latency ms p50 %d, p95 %d, p99 %d, max %d%s%n",
          r.articles(),
          s.rate(),
          s.streamArgs().isEmpty() ? "DirectRunner" : String.join(" ", s.streamArgs()),
          r.readySeconds(),
          r.publishedPerSecond(),
          r.decided(),
          r.decidedPerSecond(),
          r.p50(),
          r.p95(),
          r.p99(),
          r.max(),
          r.stateBytes() < 0
              ? ""
              : String.format(
                  "; last checkpoint %.1f MB, %.1f KB per indexed article",
                  r.stateBytes() / 1e6, r.stateBytes() / 1e3 / (r.decided() + 1)));
      return r;
    } finally {
      pulling.set(false);
      puller.interrupt();
    }
  }

  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Bytes of the newest complete checkpoint under a local --stateBackendStoragePath, or -1. */
  static long checkpointBytes(List<String> streamArgs) throws IOException {
    Optional<String> path =
        streamArgs.stream()
            .filter(a -> a.startsWith("--stateBackendStoragePath=file:"))
            .map(a -> a.substring(a.indexOf('=') + 1))
            .findFirst();
    if (path.isEmpty()) {
      return -1;
    }
    Path root = Path.of(URI.create(path.get()));
    if (!Files.isDirectory(root)) {
      return -1;
    }
    Optional<Path> newest;
    try (Stream<Path> s = Files.walk(root, 2)) {
      newest =
          s.filter(p -> p.getFileName().toString().startsWith("chk-"))
              .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
              .max(Comparator.comparingLong(StreamBench::modified));
    }
    if (newest.isEmpty()) {
      return -1;
    }
    long bytes = 0;
    List<Path> dirs =
        new ArrayList<>(List.of(newest.get(), newest.get().getParent().resolve("shared")));
    for (Path d : dirs) {
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.walk(d)) {
          bytes += s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
      }
    }
    return bytes;
  }

  private static long modified(Path p) {
    return p.resolve("_metadata").toFile().lastModified();
  }

  /** Splits --streamArgs at spaces. */
  public static List<String> args(String streamArgs) {
    return streamArgs == null || streamArgs.isBlank()
        ? List.of()
        : Arrays.asList(streamArgs.trim().split("\\s+"));
  }
}
