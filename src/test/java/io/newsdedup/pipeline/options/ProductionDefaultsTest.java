package io.newsdedup.pipeline.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionDefaultsTest {
  private static List<String> apply(String... args) {
    return List.of(ProductionDefaults.apply(args));
  }

  /**
   * Flink's default only on Flink: naming a Flink option would register Flink's options for every
   * run ({@link DeferredOptions}).
   */
  @Test
  void flinksDefaultOnlyWhenTheRunnerIsFlink() {
    assertEquals(
        List.of("--input=x", "--enforceImmutability=false", "--enforceEncodability=false"),
        apply("--input=x"));
    assertEquals(
        List.of(
            "--runner=FlinkRunner",
            "--enforceImmutability=false",
            "--enforceEncodability=false",
            "--fasterCopy=true"),
        apply("--runner=FlinkRunner"));
    assertEquals(
        List.of(
            "--runner=SparkRunner", "--enforceImmutability=false", "--enforceEncodability=false"),
        apply("--runner=SparkRunner"));
  }

  @Test
  void whatTheCommandLineSetsIsKept() {
    assertEquals(
        List.of(
            "--runner=org.apache.beam.runners.flink.FlinkRunner",
            "--fasterCopy=false",
            "--enforceImmutability=true",
            "--enforceEncodability=false"),
        apply(
            "--runner=org.apache.beam.runners.flink.FlinkRunner",
            "--fasterCopy=false",
            "--enforceImmutability=true"));
  }
}
