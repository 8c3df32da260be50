package io.newsdedup.bench;

import io.newsdedup.bench.corpus.SyntheticCorpus;
import io.newsdedup.bench.corpus.WarcCorpus;
import io.newsdedup.bench.floor.FloorProgram;
import io.newsdedup.bench.kernels.KernelBench;
import io.newsdedup.pipeline.options.UsageException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.RunnerException;

/**
 * {@code bench}: end-to-end throughput of the batch job. Generates (or takes) a JSONL corpus, runs
 * {@code batch} on it in a fresh JVM per repetition, and prints wall time, articles/s and the JVM's
 * peak resident memory; the summary line gives the median.
 */
public final class Bench {
  private Bench() {}

  /** The input of the README's first command, relative to the repository's top directory. */
  public static final String README_INPUT = "testdata/articles/*";

  /** The goals of performance.md ("Goals"), printed beside the figures (TARGET lines). */
  static final double FIXED_COST_GOAL_S = 5.0;

  static final double FLOOR_RATIO_GOAL = 4.0;
  static final double FLOOR_RATIO_GOAL_AT_1M = 2.5;
  static final long PEAK_RSS_GOAL_MB_AT_1M = 3072;
  static final long ONE_MILLION = 1_000_000;

  /** {@code bench kernels}: JMH benchmarks of the per-article kernels. */
  public static int kernels(PrintStream out, PrintStream err) throws IOException {
    try {
      return KernelBench.kernels(out);
    } catch (RunnerException e) {
      err.println("news-dedup bench kernels failed: " + e.getMessage());
      return 1;
    }
  }

  /** {@code bench accuracy}: the MinHash estimate's error against exact Jaccard. */
  public static int accuracy(PrintStream out, int pairs) {
    return KernelBench.accuracy(out, pairs);
  }

  /**
   * The end-to-end bench: generates (or takes) a JSONL corpus, runs {@code batch} on it in a fresh
   * JVM per repetition, and prints wall time, articles/s and peak resident memory, then the medians
   * and the ratios to what else it timed.
   */
  public static int endToEnd(BenchSettings o, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Path work = Path.of(o.workDir());
    Files.createDirectories(work);
    Path corpus;
    long articles;
    if (o.corpus() != null) {
      corpus = Path.of(o.corpus());
      try (var lines = Files.lines(corpus)) {
        articles = lines.filter(l -> !l.isBlank()).count();
      }
    } else {
      int n = o.articles();
      corpus = work.resolve("synthetic-" + n + "-s" + o.seed() + ".jsonl");
      if (!Files.exists(corpus)) {
        long t0 = System.nanoTime();
        SyntheticCorpus.Stats s =
            new SyntheticCorpus(40_000)
                .write(
                    n,
                    o.copyShare(),
                    o.seed(),
                    corpus,
                    work.resolve(corpus.getFileName() + ".labels.jsonl"));
        out.printf(
            "generated %s: %d originals, %d copies in %.1f s%n",
            corpus, s.originals(), s.copies(), (System.nanoTime() - t0) / 1e9);
      }
      articles = n;
    }
    int reps = o.reps();
    if (reps == 0) { // only the corpus, e.g. to run batch on it as a user would
      out.println("corpus: " + corpus + " (" + articles + " articles); --reps=0: nothing timed");
      return 0;
    }
    String baseline = o.baseline();
    boolean withFloor = o.floor();
    boolean withRunnerFloor = o.runnerFloor();
    double[] walls = new double[reps];
    double[] runnerFloorWalls = new double[reps];
    double[] baseWalls = new double[reps];
    double[] floorWalls = new double[reps];
    long[] rss = new long[reps];
    String ours = System.getProperty("java.class.path");
    for (int rep = 0; rep < reps; rep++) {
      for (boolean isBase : baselineOrNot(rep, !baseline.isEmpty())) {
        String name = (isBase ? "baseline-" : "run-") + rep + ".log";
        Run r =
            runJava(
                batchCommand(
                    o,
                    isBase ? baseline : ours,
                    isBase ? o.baselineJvmArgs() : o.jvmArgs(),
                    corpus,
                    work,
                    "io.newsdedup.cli.Main",
                    "batch"),
                work.resolve(name).toFile());
        if (r.exit() != 0) {
          err.println("bench: batch failed (exit " + r.exit() + "), see " + r.log());
          return 1;
        }
        if (isBase) {
          baseWalls[rep] = r.seconds();
          out.printf(
              "baseline rep %d: %.2f s, %.0f articles/s, peak RSS %d MB%n",
              rep + 1, r.seconds(), articles / r.seconds(), r.peakRssKb() / 1024);
        } else {
          walls[rep] = r.seconds();
          rss[rep] = r.peakRssKb();
          out.printf(
              "rep %d: %.2f s, %.0f articles/s, peak RSS %d MB%n",
              rep + 1, walls[rep], articles / walls[rep], rss[rep] / 1024);
        }
      }
      if (withRunnerFloor) {
        Run r =
            runJava(
                runnerFloorCommand(o, ours, corpus, work),
                work.resolve("runner-floor-" + rep + ".log").toFile());
        if (r.exit() != 0) {
          err.println("bench: the runner floor failed (exit " + r.exit() + "), see " + r.log());
          return 1;
        }
        runnerFloorWalls[rep] = r.seconds();
        out.printf(
            "runner floor rep %d: %.2f s, %s%n",
            rep + 1, r.seconds(), Files.readString(work.resolve("runner-floor.txt")).strip());
      }
      if (withFloor) {
        Run r =
            runJava(floorCommand(o, ours, corpus), work.resolve("floor-" + rep + ".log").toFile());
        if (r.exit() != 0) {
          err.println("bench: the floor program failed (exit " + r.exit() + "), see " + r.log());
          return 1;
        }
        floorWalls[rep] = r.seconds();
        out.printf("floor rep %d: %.2f s, %s%n", rep + 1, r.seconds(), floorCounts(r.log()));
      }
    }
    double median = median(walls);
    if (o.stages()) {
      double before = 0;
      out.printf("%-12s %12s %9s%n", "stage", "cumulative_s", "stage_s");
      for (StageRun.Stage stage : StageRun.Stage.values()) {
        String name = stage.name().toLowerCase(Locale.ROOT);
        double cumulative = median;
        if (stage != StageRun.Stage.WRITE) {
          double[] times = new double[reps];
          for (int rep = 0; rep < reps; rep++) {
            Run r =
                runJava(
                    batchCommand(
                        o, ours, o.jvmArgs(), corpus, work, StageRun.class.getName(), name),
                    work.resolve("stage-" + name + "-" + rep + ".log").toFile());
            if (r.exit() != 0) {
              err.println("bench: stage run failed (exit " + r.exit() + "), see " + r.log());
              return 1;
            }
            times[rep] = r.seconds();
          }
          cumulative = median(times);
        }
        out.printf(
            "%-12s %12.2f %9.2f%n",
            stage == StageRun.Stage.WRITE ? "clusters+write" : name,
            cumulative,
            cumulative - before);
        out.printf(
            "RESULT stage=%s cumulative_s=%.2f stage_s=%.2f%n",
            name, cumulative, cumulative - before);
        before = cumulative;
      }
    }
    long[] rs = rss.clone();
    Arrays.sort(rs);
    out.printf(
        "RESULT runner=%s articles=%d reps=%d median_wall_s=%.2f articles_per_s=%.0f"
            + " median_peak_rss_mb=%d%n",
        runnerName(o), articles, reps, median, articles / median, rs[reps / 2] / 1024);
    if (withRunnerFloor) {
      printComparison(out, "runnerFloor", articles, walls, runnerFloorWalls);
    }
    if (withFloor) {
      printComparison(out, "floor", articles, walls, floorWalls);
      double goal = articles >= ONE_MILLION ? FLOOR_RATIO_GOAL_AT_1M : FLOOR_RATIO_GOAL;
      double ratio = median / median(floorWalls);
      out.printf(
          "TARGET floor_ratio runner=%s articles=%d ratio=%.2f goal=%.1f met=%b%n",
          runnerName(o), articles, ratio, goal, ratio <= goal);
      if (withRunnerFloor) {
        printComparison(out, "runnerFloor_over_floor", articles, runnerFloorWalls, floorWalls);
      }
    }
    if (articles >= ONE_MILLION) {
      long mb = rs[reps / 2] / 1024;
      out.printf(
          "TARGET peak_rss runner=%s articles=%d mb=%d goal_mb=%d met=%b%n",
          runnerName(o), articles, mb, PEAK_RSS_GOAL_MB_AT_1M, mb <= PEAK_RSS_GOAL_MB_AT_1M);
    }
    if (o.asUser()) {
      out.printf(
          "TARGET default_command articles=%d completed=true median_wall_s=%.2f"
              + " median_peak_rss_mb=%d%n",
          articles, median, rs[reps / 2] / 1024);
    }
    if (!baseline.isEmpty()) {
      printComparison(out, "baseline", articles, walls, baseWalls);
    }
    return 0;
  }

  /**
   * Which runs repetition {@code rep} makes, in order: ours (false) and, with a baseline, the
   * baseline's (true). Comparisons run next to each other, the baseline first in every other
   * repetition, so that a machine whose speed drifts favours neither side.
   */
  private static boolean[] baselineOrNot(int rep, boolean withBaseline) {
    if (!withBaseline) {
      return new boolean[] {false};
    }
    return rep % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
  }

  /** Whether {@code classPath} is one jar whose manifest runs {@code io.newsdedup.cli.Main}. */
  private static boolean isJarOfMain(String classPath) {
    if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
      return false;
    }
    try (JarFile jar = new JarFile(classPath)) {
      Manifest m = jar.getManifest();
      return m != null
          && "io.newsdedup.cli.Main".equals(m.getMainAttributes().getValue("Main-Class"));
    } catch (IOException e) {
      return false;
    }
  }

  /** The runner named in the RESULT lines: the jar's own choice when batch runs as a user's. */
  private static String runnerName(BenchSettings o) {
    return o.asUser() ? "default" : o.runner();
  }

  /**
   * {@code bench fixed-cost}: the README's first command over {@code input} (a pattern, relative to
   * the working directory: the repository's top directory), {@code --reps} times, JVM start
   * included; with {@code --baseline}, that jar's alternately. The job's fixed cost: on the 199
   * articles of {@code testdata/} nearly all of the time is spent before and around them.
   */
  public static int fixedCost(BenchSettings o, String input, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Path work = Path.of(o.workDir());
    Files.createDirectories(work);
    int reps = Math.max(1, o.reps());
    String ours = System.getProperty("java.class.path");
    double[] walls = new double[reps];
    double[] baseWalls = new double[reps];
    for (int rep = 0; rep < reps; rep++) {
      for (boolean isBase : baselineOrNot(rep, !o.baseline().isEmpty())) {
        String name = (isBase ? "fixed-cost-baseline-" : "fixed-cost-") + rep;
        Run r =
            runJava(
                asUser(isBase ? o.baseline() : ours, input, work.resolve(name + "-out").toString()),
                work.resolve(name + ".log").toFile());
        if (r.exit() != 0) {
          err.println("bench: batch failed (exit " + r.exit() + "), see " + r.log());
          return 1;
        }
        (isBase ? baseWalls : walls)[rep] = r.seconds();
        out.printf(
            "%srep %d: %.2f s, peak RSS %d MB%n",
            isBase ? "baseline " : "", rep + 1, r.seconds(), r.peakRssKb() / 1024);
      }
    }
    double median = median(walls);
    out.printf("RESULT fixed_cost input=%s reps=%d median_wall_s=%.2f%n", input, reps, median);
    out.printf(
        "TARGET fixed_cost median_wall_s=%.2f goal_s=%.1f met=%b%n",
        median, FIXED_COST_GOAL_S, median <= FIXED_COST_GOAL_S);
    if (!o.baseline().isEmpty()) {
      printComparison(out, "baseline", 0, walls, baseWalls);
    }
    return 0;
  }

  /** {@code bench corpus-kernels}: the kernels over a corpus's own texts, one thread. */
  public static int corpusKernels(PrintStream out, Path corpus, int articles, int passes)
      throws IOException {
    if (articles < 1 || passes < 1) {
      throw new IllegalArgumentException("--articles and --passes must be at least 1");
    }
    return KernelBench.corpusKernels(out, corpus, articles, passes);
  }

  /**
   * {@code bench warc --corpus=FILE.jsonl}: the corpus captured into {@code WORK_DIR/NAME.warc.gz}
   * ({@link WarcCorpus}); prints its path.
   */
  public static int warc(PrintStream out, Path corpus, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    String name = corpus.getFileName().toString().replaceFirst("\\.jsonl$", "");
    Path warc = workDir.resolve(name + ".warc.gz");
    long t0 = System.nanoTime();
    long n = WarcCorpus.write(corpus, warc);
    out.printf(
        "%s: %d articles, %d bytes, written in %.1f s%n",
        warc, n, Files.size(warc), (System.nanoTime() - t0) / 1e9);
    return 0;
  }

  /** {@code bench floor --corpus=FILE}: {@link FloorProgram} in this JVM. */
  public static int floor(PrintStream out, Path corpus) throws IOException {
    long t0 = System.nanoTime();
    FloorProgram.Counts counts = FloorProgram.run(corpus);
    FloorProgram.print(counts, (System.nanoTime() - t0) / 1e9, out);
    return 0;
  }

  /**
   * The other side's median and our median over it; also the median of the repetitions' own ratios,
   * each taken from two runs next to each other (steadier on a drifting machine). {@code articles}:
   * the corpus's, for the other side's rate (0: no rate, as for the fixed cost).
   */
  private static void printComparison(
      PrintStream out, String what, long articles, double[] ours, double[] theirs) {
    double[] ratios = new double[ours.length];
    for (int i = 0; i < ours.length; i++) {
      ratios[i] = ours[i] / theirs[i];
    }
    double m = median(theirs);
    String rate = articles > 0 ? String.format(" articles_per_s=%.0f", articles / m) : "";
    out.printf(
        "RESULT %s median_wall_s=%.2f%s ratio=%.2f median_ratio_of_pairs=%.2f%n",
        what, m, rate, median(ours) / m, median(ratios));
  }

  /** The JVM command of one batch run (or one stage prefix run) over the corpus. */
  private static List<String> batchCommand(
      BenchSettings o,
      String classpath,
      String jvmArgs,
      Path corpus,
      Path work,
      String mainClass,
      String first) {
    if (o.asUser() && first.equals("batch")) {
      List<String> cmd = asUser(classpath, corpus.toString(), work.resolve("out").toString());
      cmd.addAll(words(o.batchArgs()));
      return cmd;
    }
    List<String> cmd = java(o, classpath, jvmArgs, mainClass);
    cmd.addAll(
        List.of(
            first,
            "--input=" + corpus,
            "--output=" + work.resolve("out"),
            "--overwrite",
            "--runner=" + o.runner()));
    cmd.addAll(words(o.batchArgs()));
    return cmd;
  }

  /**
   * {@code java -jar JAR batch --input=INPUT --output=OUTPUT --overwrite}: the README's first
   * command, with nothing that would stop the jar from choosing the runner, heap and JIT.
   */
  private static List<String> asUser(String jar, String input, String output) {
    if (!isJarOfMain(jar)) {
      throw new UsageException(
          "running batch as a user does needs the jar (java -jar target/news-dedup.jar bench"
              + " ...), not the class path "
              + jar);
    }
    return new ArrayList<>(
        List.of(
            javaCommand(),
            "-jar",
            jar,
            "batch",
            "--input=" + input,
            "--output=" + output,
            "--overwrite"));
  }

  /** The JVM command of one run of {@link RunnerFloor} over the corpus, on the same runner. */
  private static List<String> runnerFloorCommand(
      BenchSettings o, String classpath, Path corpus, Path work) {
    List<String> cmd = java(o, classpath, o.jvmArgs(), RunnerFloor.class.getName());
    cmd.addAll(
        List.of(
            "--input=" + corpus,
            "--output=" + work.resolve("runner-floor.txt"),
            "--runner=" + o.runner()));
    return cmd;
  }

  /** {@code java -Xmx.. JVMARGS ... -cp CLASSPATH MAINCLASS}, to which the arguments are added. */
  private static List<String> java(
      BenchSettings o, String classpath, String jvmArgs, String mainClass) {
    List<String> cmd = new ArrayList<>(List.of(javaCommand(), "-Xmx" + o.xmx()));
    cmd.addAll(words(jvmArgs));
    cmd.addAll(
        List.of(
            // What the jar's manifest gives `java -jar` (the Spark runner needs it), for -cp too.
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "-cp", classpath, mainClass));
    return cmd;
  }

  /** The space-separated words of an option's value (none when it is blank). */
  private static List<String> words(String value) {
    return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  /** One timed child JVM: wall seconds, peak RSS (with the JVMs it started) and exit code. */
  record Run(double seconds, long peakRssKb, int exit, File log) {}

  private static Run runJava(List<String> cmd, File log) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log);
    // This bench runs in the run's JVM of a supervisor (cli.Supervisor), whose variable marks it
    // so; a timed JVM is a command of its own, as a user's, whatever build it is (a --baseline
    // built before Supervisor checked the variable against its parent would run in process).
    pb.environment().remove("NEWS_DEDUP_CHILD");
    Process p = pb.start();
    // the command's JVM and the JVM it runs the job in (Main's Supervisor): each one's peak
    Map<Long, Long> peaks = new HashMap<>();
    while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
      peaks.merge(p.pid(), peakRssKb(p.pid()), Math::max);
      p.descendants().forEach(d -> peaks.merge(d.pid(), peakRssKb(d.pid()), Math::max));
    }
    long peak = peaks.values().stream().mapToLong(Long::longValue).sum();
    return new Run((System.nanoTime() - t0) / 1e9, peak, p.exitValue(), log);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[values.length / 2];
  }

  /** The java launcher of the JVM running the bench, for the child processes it times. */
  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The JVM command of one run of {@link FloorProgram} over the corpus: {@code -Xmx} of {@code
   * --xmx}, nothing else (the floor is plain Java, with the JVM's defaults).
   */
  static List<String> floorCommand(BenchSettings o, String classpath, Path corpus) {
    return List.of(
        javaCommand(),
        "-Xmx" + o.xmx(),
        "-cp",
        classpath,
        FloorProgram.class.getName(),
        corpus.toString());
  }

  /** {@code buckets=B links=L} of the floor program's line in its log (as the runner floor's). */
  private static String floorCounts(File log) throws IOException {
    Matcher m = Pattern.compile("buckets=\\d+ links=\\d+").matcher(Files.readString(log.toPath()));
    return m.find() ? m.group() : "no counts";
  }

  /** VmHWM of a live process in kB (0 when unknown). */
  static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process has just exited, or this is not Linux
    }
    return 0;
  }
}
