package io.newsdedup.bench;

/**
 * What {@code bench} measures and how ({@link Bench#endToEnd}); the command line's options, read by
 * the {@code bench} command.
 *
 * @param articles how many articles to generate (unless {@code corpus})
 * @param copyShare the share of generated articles that are copies
 * @param seed the generator's seed
 * @param corpus an existing JSONL corpus to measure instead, or null
 * @param workDir where the corpus, the runs' logs and outputs go
 * @param reps repetitions (0: only generate the corpus)
 * @param runner the runner of the batch runs (a Beam runner's simple name)
 * @param xmx the batch JVMs' heap ({@code -Xmx} value)
 * @param batchArgs more arguments of every batch run, space-separated ("" for none)
 * @param floor whether to time the floor program too
 * @param runnerFloor whether to time the runner floor too
 * @param stages whether to time each stage too
 * @param baseline another build's class path to time alternately, or "" for none
 * @param jvmArgs our batch JVMs' options besides {@code -Xmx} ("" for none)
 * @param baselineJvmArgs the baseline's JVM options ("" for none)
 * @param asUser whether batch runs as {@code java -jar JAR batch --input --output}, with the jar's
 *     own choice of runner, heap and JIT
 */
public record BenchSettings(
    int articles,
    double copyShare,
    long seed,
    String corpus,
    String workDir,
    int reps,
    String runner,
    String xmx,
    String batchArgs,
    boolean floor,
    boolean runnerFloor,
    boolean stages,
    String baseline,
    String jvmArgs,
    String baselineJvmArgs,
    boolean asUser) {
  public static final int DEFAULT_ARTICLES = 5000;
  public static final double DEFAULT_COPY_SHARE = 0.3;
  public static final long DEFAULT_SEED = 1;

  public BenchSettings {
    if (articles < 1 || reps < 0 || copyShare < 0 || copyShare > 1) {
      throw new IllegalArgumentException(
          "--articles must be at least 1, --reps at least 0 and --copyShare within 0..1");
    }
  }
}
