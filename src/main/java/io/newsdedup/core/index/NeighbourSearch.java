package io.newsdedup.core.index;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.candidates.BucketPairs;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.index.IndexTables.Overlay;
import io.newsdedup.core.index.IndexValues.AnchorRef;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.core.verify.Sketch;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verified candidate edges of one article, found in the postings as batch finds them ({@link
 * NeighbourSearch#verifiedNeighbours}).
 */
final class NeighbourSearch implements Serializable {
  private final MatchingSettings settings;
  private final IndexPostings postings;

  NeighbourSearch(MatchingSettings settings, IndexPostings postings) {
    this.settings = settings;
    this.postings = postings;
  }

  /**
   * The articles {@code v} has a verified candidate edge with, found as batch finds them: shared
   * LSH band buckets and title buckets (the pairs {@link BucketPairs} gives), anchors (one hit of a
   * short querying text is enough, else {@code minShared} hits), then {@link Sketch#mayMatch} on
   * both sketches.
   */
  Set<String> verifiedNeighbours(Overlay t, Arrival v) {
    Fingerprint f = v.fingerprint();
    ArticleFacts facts = f.facts();
    Set<String> candidates = new HashSet<>();
    if (!f.isEmpty() && !facts.lowContent()) {
      for (long key : settings.lsh().bandKeys(f.signature())) {
        partners(t.bands.get(key), v.id(), candidates);
      }
    }
    if (settings.titleCandidates() && facts.titleKey() != 0) {
      partners(t.titles.get(facts.titleKey()), v.id(), candidates);
    }
    if (settings.anchors() != null && !facts.lowContent()) {
      Map<String, Integer> hits = new HashMap<>();
      long[] anchors = settings.anchors().of(f.shingles());
      for (int i = 0; i < anchors.length; i++) {
        List<AnchorRef> refs = t.anchors.get(anchors[i]);
        if (refs == null || refs.size() < 2 || refs.size() > settings.maxAnchorBucket()) {
          continue;
        }
        int mine = postings.role(anchors, i);
        for (AnchorRef r : refs) {
          if (r.id().equals(v.id())) {
            continue;
          }
          if (mine == IndexPostings.SHORT_QUERY || r.role() == IndexPostings.SHORT_QUERY) {
            candidates.add(r.id());
          } else if (mine == IndexPostings.QUERY || r.role() == IndexPostings.QUERY) {
            hits.merge(r.id(), 1, Integer::sum);
          }
        }
      }
      hits.forEach(
          (id, n) -> {
            if (n >= settings.anchors().minShared()) {
              candidates.add(id);
            }
          });
    }
    Set<String> verified = new HashSet<>();
    Sketch mine = sketch(v);
    for (String c : candidates) {
      Arrival w = t.entries.get(c);
      if (w != null
          && Sketch.mayMatch(mine, sketch(w), settings.rule(), Sketch.DEFAULT_CONFIDENCE_Z)) {
        verified.add(c);
      }
    }
    return verified;
  }

  private void partners(List<String> bucket, String id, Set<String> out) {
    if (bucket == null || bucket.size() < 2) {
      return;
    }
    int pos = Collections.binarySearch(bucket, id);
    if (pos >= 0) {
      BucketPairs.partners(
          bucket, pos, settings.hotBucketSize(), settings.hotBucketNeighbours(), out::add);
    }
  }

  private static Sketch sketch(Arrival a) {
    Fingerprint f = a.fingerprint();
    return new Sketch(
        f.id(),
        f.shingles().length,
        Sketch.lowBits(f.signature()),
        f.facts().titleKey(),
        f.facts().lowContent());
  }
}
