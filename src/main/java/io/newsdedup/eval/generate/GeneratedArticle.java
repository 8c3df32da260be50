package io.newsdedup.eval.generate;

/**
 * One article of the generated corpus, ready to be written.
 *
 * @param id the id the pipeline will see: the JSONL {@code id}, the URL for a JSONL line written
 *     without an id, or the file name of a {@code .txt}/{@code .html} file
 * @param url address of the article (also written for file articles, in the page's meta tags or
 *     only in the labels for {@code .txt})
 * @param source publisher, agency or aggregator name
 * @param title headline
 * @param text plain-text body (paragraphs separated by blank lines), or null when {@code html} is
 *     set
 * @param html whole HTML page, or null when {@code text} is set
 * @param publishedAt ISO-8601 time with offset ("2025-03-04T09:15:00Z",
 *     "2025-03-04T11:15:00+02:00"), or null when the article carries none
 * @param format the container it is written in
 * @param storyId the story it comes from: its cluster label
 * @param kind how it was made from the story
 * @param isOriginal true for exactly one article per story
 * @param file output file name inside the output directory (a shared JSONL file or its own file)
 * @param idInFile false for a JSONL line written without {@code id} (then {@code id} is the URL)
 */
public record GeneratedArticle(
    String id,
    String url,
    String source,
    String title,
    String text,
    String html,
    String publishedAt,
    OutputFormat format,
    String storyId,
    CopyKind kind,
    boolean isOriginal,
    String file,
    boolean idInFile) {

  /** The body as written: {@code text}, or {@code html} when there is no text. */
  public String content() {
    return text != null ? text : html;
  }
}
