package io.newsdedup.core.clean;

/**
 * What {@link HtmlExtractor} takes from one HTML page. Any field but {@code text} may be null.
 *
 * @param title og:title, else the first h1 inside the main content, else &lt;title&gt;
 * @param text main text: paragraphs separated by a blank line; navigation, headers, footers,
 *     asides, scripts, styles, forms, figures/captions and other chrome dropped
 * @param siteName og:site_name (publisher)
 * @param canonicalUrl &lt;link rel=canonical&gt;, else og:url (absolute)
 * @param publishedTime article:published_time (or a common equivalent) exactly as written
 */
public record HtmlPage(
    String title, String text, String siteName, String canonicalUrl, String publishedTime) {}
