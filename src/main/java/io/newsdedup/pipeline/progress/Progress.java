package io.newsdedup.pipeline.progress;

import java.util.concurrent.atomic.LongAdder;

/**
 * How far the jobs running in this JVM have come, stage by stage, for a progress line while they
 * run (Beam's metrics are the record of a run; they are not readable while a Flink or Spark job
 * runs, and not at all on a remote worker). Each stage adds what it has done beside its Beam
 * counter; on a cluster these stay in the workers' JVMs and the command shows only the time.
 */
public enum Progress {
  READ("read"),
  CLEANED("cleaned"),
  FINGERPRINTED("fingerprinted"),
  PAIRS_VERIFIED("pairs verified"),
  WRITTEN("articles written");

  private final String label;
  private final LongAdder done = new LongAdder();

  Progress(String label) {
    this.label = label;
  }

  public void add(long n) {
    done.add(n);
  }

  public long done() {
    return done.sum();
  }

  public String label() {
    return label;
  }
}
