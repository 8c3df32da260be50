package io.newsdedup.eval.generate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One source story from which a cluster of articles (the original and its copies) is generated.
 *
 * @param id stable story id; it becomes the cluster label of every article generated from it
 * @param source who published the story ("AP", "Reuters", "Harbor City Gazette", ...); may be null
 * @param kind {@code wire}, {@code publisher}, {@code distractor} (a short story that is only
 *     posted wrapped in aggregator boilerplate) or null when unknown
 * @param publishedAt when the original was published, or null when unknown
 * @param dateline place line such as "NAIROBI, Kenya", or null
 * @param url address of the original, or null
 * @param title headline, never blank
 * @param paragraphs body paragraphs without the dateline prefix, at least one, none blank
 * @param language ISO 639-1 code of the text ("en" when not given)
 */
public record Story(
    String id,
    String source,
    String kind,
    Instant publishedAt,
    String dateline,
    String url,
    String title,
    List<String> paragraphs,
    String language) {

  /** Story kind of agency copy reprinted by many papers. */
  public static final String WIRE = "wire";

  /** Story kind of an article written by one newspaper or site. */
  public static final String PUBLISHER = "publisher";

  /** Story kind of a short item that only appears wrapped in one aggregator's boilerplate. */
  public static final String DISTRACTOR = "distractor";

  public Story {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("story id is blank");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("story " + id + " has no title");
    }
    paragraphs = List.copyOf(paragraphs);
    if (paragraphs.isEmpty() || paragraphs.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("story " + id + " has no body or a blank paragraph");
    }
    title = title.strip();
    language =
        language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
    kind = kind == null || kind.isBlank() ? null : kind.strip().toLowerCase(Locale.ROOT);
    source = source == null || source.isBlank() ? null : source.strip();
    dateline = dateline == null || dateline.isBlank() ? null : dateline.strip();
    url = url == null || url.isBlank() ? null : url.strip();
  }

  /** True for agency (wire) copy. */
  public boolean isWire() {
    return WIRE.equals(kind);
  }

  /** True for a short story meant for the boilerplate-distractor set. */
  public boolean isDistractor() {
    return DISTRACTOR.equals(kind);
  }

  /** Number of whitespace-separated words in the body. */
  public int wordCount() {
    return Texts.wordCount(paragraphs);
  }
}
