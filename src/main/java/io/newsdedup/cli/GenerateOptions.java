package io.newsdedup.cli;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * The options of {@code news-dedup eval generate}. Options that another command declares with
 * another default ({@code seed}, {@code copyShare}: bench) have none here: Beam wants one default
 * per name, so the command applies its own.
 */
public interface GenerateOptions extends PipelineOptions {
  @Description(
      "Story directory, file or glob (.txt with an optional 'key: value' header, or"
          + " .jsonl/.ndjson/.jsonl.gz lines with id, title, text and optional source,"
          + " published_at, url).")
  @Validation.Required
  String getStories();

  void setStories(String value);

  @Description("Flat output directory for the articles.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Labels file.")
  String getLabels();

  void setLabels(String value);

  @Description("Random seed.")
  Long getSeed();

  void setSeed(Long value);

  @Description("Copy kinds, comma-separated; must include original.")
  String getKinds();

  void setKinds(String value);

  @Description("Copies per story that gets copies: MIN..MAX.")
  String getCopies();

  void setCopies(String value);

  @Description("Share of the stories that get copies, 0..1.")
  Double getCopyShare();

  void setCopyShare(Double value);

  @Description(
      "Output formats jsonl,html,txt, comma-separated; with only jsonl, pages go to the html"
          + " field.")
  String getFormats();

  void setFormats(String value);

  @Description(
      "Share of copy-less stories of at most 200 words posted only inside the boilerplate"
          + " aggregator's wrapper; needs the distractor_boilerplate kind.")
  Double getDistractorShare();

  void setDistractorShare(Double value);

  @Description("Replace corpus files already in --output.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);
}
