/**
 * The stream's incremental dedup index, in plain Java: {@link io.newsdedup.core.index.StreamIndex}
 * decides each {@link io.newsdedup.core.index.Arrival} against the articles indexed so far and
 * keeps their clusters exactly batch's, over key-value {@link io.newsdedup.core.index.IndexTables}
 * that the Beam job backs with one key's state and tests with hash maps. Postings and the pairs an
 * arrival changes: {@link io.newsdedup.core.index.IndexPostings}; one article's verified edges:
 * {@link io.newsdedup.core.index.NeighbourSearch}; components, clusters and their stable ids:
 * {@link io.newsdedup.core.index.ClusterRebuild}; how long an article stays: {@link
 * io.newsdedup.core.index.Retention}.
 */
package io.newsdedup.core.index;
