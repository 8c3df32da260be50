package io.newsdedup.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The options of {@code news-dedup bench} (end to end), and of its tools ({@code floor}, {@code
 * corpus-kernels}, {@code accuracy}). {@code --runner} is Beam's own option: the runner of the
 * timed batch runs. Options that another command declares with another default ({@code seed},
 * {@code copyShare}: eval generate) have none here; the command applies its own.
 */
public interface BenchOptions extends PipelineOptions {
  @Description(
      "Articles of the generated corpus; with corpus-kernels, how many of the corpus's texts"
          + " (all unless given).")
  Integer getArticles();

  void setArticles(Integer value);

  @Description("Share of the generated articles that are copies.")
  Double getCopyShare();

  void setCopyShare(Double value);

  @Description("Seed of the generated corpus.")
  Long getSeed();

  void setSeed(Long value);

  @Description("A JSONL corpus to measure instead of a generated one (required by the tools).")
  String getCorpus();

  void setCorpus(String value);

  @Description("Where the corpus, the runs' logs and outputs go.")
  @Default.String("target/bench")
  String getWorkDir();

  void setWorkDir(String value);

  @Description("Repetitions; 0 only generates the corpus and prints its path.")
  @Default.Integer(3)
  int getReps();

  void setReps(int value);

  @Description("The Java heap (-Xmx) of every timed JVM.")
  @Default.String("2g")
  String getXmx();

  void setXmx(String value);

  @Description(
      "More arguments of every batch run, space-separated, e.g."
          + " --batchArgs=\"--targetParallelism=2\".")
  String getBatchArgs();

  void setBatchArgs(String value);

  @Description(
      "Also time the floor program (bench floor: read the JSONL, 5-word shingles, OPH"
          + " MinHash-128, 9 x 13 LSH buckets; one thread, no Beam) in a fresh JVM on the same"
          + " corpus after each repetition, and print our ratio to it.")
  @Default.Boolean(false)
  boolean getFloor();

  void setFloor(boolean value);

  @Description(
      "Also time the floor's work as the leanest Beam job (RunnerFloor: read, shingle, MinHash,"
          + " group by LSH band) on the same runner, with the runner's defaults and --jvmArgs, not"
          + " --batchArgs; its ratio to the floor is what the runner costs any job doing that"
          + " work.")
  @Default.Boolean(false)
  boolean getRunnerFloor();

  void setRunnerFloor(boolean value);

  @Description(
      "Also time each stage, as the difference between runs that stop after it (read, clean,"
          + " fingerprint, candidates, verify, components) and the whole job (clusters and"
          + " write); each prefix is run --reps times, medians shown.")
  @Default.Boolean(false)
  boolean getStages();

  void setStages(boolean value);

  @Description(
      "Also time another build's batch (a jar or a class path), run alternately with this one,"
          + " and print the ratio.")
  String getBaseline();

  void setBaseline(String value);

  @Description(
      "Run batch as a user does, as the README's first command: java -jar JAR batch --input=..."
          + " --output=..., with no --runner, -Xmx or JVM options, so that the jar chooses the"
          + " runner, heap and JIT itself (--xmx, --runner and --jvmArgs are not used; --batchArgs"
          + " are). Needs the jar; fixed-cost always runs so.")
  @Default.Boolean(false)
  boolean getAsUser();

  void setAsUser(boolean value);

  @Description(
      "JVM options of our batch runs besides -Xmx, space-separated (an @argfile works too).")
  String getJvmArgs();

  void setJvmArgs(String value);

  @Description(
      "The baseline's JVM options (none unless given: compare two JVM settings with this same"
          + " jar as --baseline).")
  String getBaselineJvmArgs();

  void setBaselineJvmArgs(String value);

  @Description("corpus-kernels: passes over the texts.")
  @Default.Integer(5)
  int getPasses();

  void setPasses(int value);

  @Description("accuracy: pairs of texts compared.")
  @Default.Integer(2000)
  int getPairs();

  void setPairs(int value);

  @Description("stream: articles published per second.")
  @Default.Double(200)
  double getRate();

  void setRate(double value);

  @Description(
      "stream: the stream's runner options, space-separated, e.g. \"--runner=FlinkRunner"
          + " --streaming=true --stateBackend=rocksdb"
          + " --stateBackendStoragePath=file:///tmp/state --checkpointingInterval=10000\".")
  String getStreamArgs();

  void setStreamArgs(String value);

  @Description(
      "stream-index: the states to run the index against, comma-separated, each on the same"
          + " arrivals: heap (objects in hash maps), encoded (the state coders, in memory),"
          + " rocksdb (RocksDB on local disk under --workDir, with the stream job's Bloom"
          + " filter), rocksdb-nobloom (without it).")
  @Default.String("heap,rocksdb")
  String getState();

  void setState(String value);

  @Description("stream: the Pub/Sub emulator to start.")
  @Default.String("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator")
  String getEmulator();

  void setEmulator(String value);
}
