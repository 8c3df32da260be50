package io.newsdedup.cli;

import io.newsdedup.report.ReportSettings;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** The options of {@code news-dedup report}. */
public interface ReportOptions extends PipelineOptions {
  @Description(
      "The output directory of a batch run (clusters-*.jsonl, assignments-*.jsonl,"
          + " rejected-*.jsonl, summary.json). Only read.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Directory to write the report into (created; pages of an earlier report there are"
          + " replaced). Must not be the --output directory.")
  String getReport();

  void setReport(String value);

  @Description(
      "Directory that relative origin paths (as the batch --input pattern was written) are"
          + " resolved against when article texts are re-read for the diffs: where batch ran.")
  String getInputRoot();

  void setInputRoot(String value);

  @Description("The largest clusters that get a page with their members and word diffs.")
  @Default.Integer(ReportSettings.DEFAULT_TOP_CLUSTERS)
  int getTopClusters();

  void setTopClusters(int value);

  @Description("The largest clusters listed (searchable) on index.html; clusters.csv lists all.")
  @Default.Integer(ReportSettings.DEFAULT_LIST_CLUSTERS)
  int getListClusters();

  void setListClusters(int value);

  @Description(
      "Members shown on a cluster page, the canonical included; beyond it, the least similar"
          + " duplicates are shown.")
  @Default.Integer(ReportSettings.DEFAULT_MAX_MEMBERS)
  int getMaxMembers();

  void setMaxMembers(int value);

  @Description("Rejected records shown on rejected.html (all are counted).")
  @Default.Integer(ReportSettings.DEFAULT_MAX_REJECTED)
  int getMaxRejected();

  void setMaxRejected(int value);

  @Description(
      "Template-only pages (walls, bot checks, error pages: low_content_reason template_only)"
          + " listed on template-only.html; all are counted, template-only.csv lists all.")
  @Default.Integer(ReportSettings.DEFAULT_MAX_TEMPLATE_ONLY)
  int getMaxTemplateOnly();

  void setMaxTemplateOnly(int value);
}
