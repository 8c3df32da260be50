package io.newsdedup.pipeline.batch;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.core.cluster.Cluster;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.pipeline.candidates.FindCandidates;
import io.newsdedup.pipeline.cluster.BuildClusters;
import io.newsdedup.pipeline.cluster.ConnectedComponents;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.pipeline.fingerprint.FingerprintArticles;
import io.newsdedup.pipeline.index.MergeWithIndex;
import io.newsdedup.pipeline.index.ReadIndex;
import io.newsdedup.pipeline.index.WriteIndex;
import io.newsdedup.pipeline.read.ReadArticles;
import io.newsdedup.pipeline.read.UniqueIds;
import io.newsdedup.pipeline.verify.VerifyCandidates;
import io.newsdedup.pipeline.write.WriteResults;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * The stages of the batch job, one method each, in the order they are applied: read → clean →
 * (merge with the index) → fingerprint → candidates → verify → components → clusters → write.
 * {@link BatchPipeline#build} chains them all; a benchmark may stop after any of them.
 */
public final class BatchStages {
  /**
   * What reading gives: the articles and the records rejected on the way; beside them, unique ids
   * name the records that give up their id, which the merge or the fingerprinting drops.
   */
  public record Read(
      WithFailures.Result<PCollection<Article>, Rejection> articles, UniqueIds.Result unique) {}

  private final Pipeline p;
  private final BatchSettings s;
  private final FingerprintArticles fingerprint;

  /** The stages of a job with these settings, applied to {@code p} as they are called. */
  public BatchStages(Pipeline p, BatchSettings s) {
    this.p = p;
    this.s = s;
    CoreCoders.registerAll(p);
    this.fingerprint =
        FingerprintArticles.create()
            .withRules(s.rules())
            .withLearning(s.learning())
            .withMinShingles(s.minShingles())
            .withShingleSize(s.shingleSize())
            .withNumHashes(s.numHashes())
            .withMaxChars(s.maxArticleChars())
            .withShards(s.shards());
  }

  public Read read() {
    WithFailures.Result<PCollection<Article>, Rejection> read =
        p.apply("ReadArticles", ReadArticles.from(s.inputs()).withShards(s.shards()));
    return new Read(
        read, read.output().apply("UniqueIds", UniqueIds.of(s.inputs()).withShards(s.shards())));
  }

  /**
   * Cleaned articles; with an index, merged with the indexed ones. The records that gave up their
   * id are dropped at the first step that waits anyway: the merge with the index, else the
   * fingerprinting (which waits for the learned boilerplate).
   */
  public PCollection<Cleaned> clean(Read read) {
    PCollection<Cleaned> cleaned = read.articles().output().apply("Clean", fingerprint.cleaning());
    if (s.index() != null) {
      cleaned =
          cleaned.apply(
              "MergeWithIndex",
              MergeWithIndex.of(p.apply("ReadIndex", ReadIndex.from(s.index())))
                  .without(read.unique().dropped())
                  .withShards(s.shards()));
    }
    return cleaned;
  }

  public PCollection<Fingerprint> fingerprint(Read read, PCollection<Cleaned> cleaned) {
    return cleaned.apply(
        "Fingerprint",
        fingerprint.fingerprinting(s.index() != null ? null : read.unique().dropped()));
  }

  /** Candidate pairs of article ids. */
  public PCollection<KV<String, String>> candidates(PCollection<Fingerprint> docs) {
    return docs.apply(
        "FindCandidates",
        FindCandidates.withBanding(s.lsh())
            .withFullPairsUpTo(s.hotBucketSize())
            .withNeighbours(s.hotBucketNeighbours())
            .withAnchors(s.anchors())
            .withMaxAnchorBucket(s.maxAnchorBucket())
            .withTitles(s.titleCandidates())
            .withShards(s.shards()));
  }

  /** The candidate pairs that the matching rule confirms: the edges. */
  public PCollection<KV<String, String>> verify(
      PCollection<Fingerprint> docs, PCollection<KV<String, String>> candidates) {
    return candidates.apply(
        "VerifyCandidates", VerifyCandidates.against(docs, s.rule()).withShards(s.shards()));
  }

  /** (article id, component id) for every article with an edge. */
  public PCollection<KV<String, String>> components(PCollection<KV<String, String>> edges) {
    return edges.apply(
        "ConnectedComponents",
        ConnectedComponents.create().withRounds(s.componentRounds()).withShards(s.shards()));
  }

  public PCollection<Cluster> clusters(
      PCollection<Fingerprint> docs, PCollection<KV<String, String>> components) {
    return docs.apply(
        "BuildClusters", BuildClusters.from(components, s.builder()).withShards(s.shards()));
  }

  /**
   * Writes the clusters and every rejection into {@code writeTo} (the output directory or a staging
   * directory), and the next index into {@code indexTo} when there is an index.
   */
  public void write(
      Read read,
      PCollection<Cleaned> cleaned,
      PCollection<Cluster> clusters,
      String writeTo,
      String indexTo) {
    PCollection<Rejection> rejected =
        PCollectionList.of(read.articles().failures())
            .and(read.unique().rejected())
            .apply("AllRejections", Flatten.pCollections());
    clusters.apply(
        "WriteResults",
        WriteResults.to(writeTo, rejected)
            .withNumShards(s.numShards())
            .withReviewAbove(s.reviewClusterSize())
            .withIncremental(s.index() != null));
    if (s.index() != null) {
      clusters.apply(
          "WriteIndex",
          WriteIndex.to(indexTo, cleaned).withRetention(s.indexRetention()).withShards(s.shards()));
    }
  }
}
