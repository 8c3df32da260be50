package io.newsdedup.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** The options of {@code news-dedup eval} (scoring a batch output against labels). */
public interface EvalOptions extends PipelineOptions {
  @Description("Labels file (JSONL: id, cluster, optional original, kind).")
  @Validation.Required
  String getTruth();

  void setTruth(String value);

  @Description("The batch output directory to score.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Where to write the scores as JSON.")
  String getJson();

  void setJson(String value);

  @Description("Directory the records' origins are relative to.")
  String getInputRoot();

  void setInputRoot(String value);

  @Description("How many of the worst false merges and misses to list.")
  @Default.Integer(10)
  int getWorst();

  void setWorst(int value);
}
