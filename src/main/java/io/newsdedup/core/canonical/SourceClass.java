package io.newsdedup.core.canonical;

/** What kind of publisher an article comes from, best first. */
public enum SourceClass {
  /** A known wire agency (AP, Reuters, AFP, ...): the origin of most copied stories. */
  WIRE,
  /** Any publisher that is neither a known wire nor a known or evident repost. */
  PUBLISHER,
  /** A known aggregator, or a text that points to its original ("Read original article here"). */
  REPOST
}
