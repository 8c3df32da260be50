package io.newsdedup.core.index;

import static io.newsdedup.core.index.IndexLists.BY_ID;
import static io.newsdedup.core.index.IndexLists.orEmpty;
import static io.newsdedup.core.index.IndexLists.putOrRemove;

import io.newsdedup.core.article.ArticleFacts;
import io.newsdedup.core.candidates.BucketPairs;
import io.newsdedup.core.fingerprint.Fingerprint;
import io.newsdedup.core.index.IndexTables.Overlay;
import io.newsdedup.core.index.IndexTables.Table;
import io.newsdedup.core.index.IndexValues.AnchorRef;
import io.newsdedup.core.settings.MatchingSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stream index's postings: which articles share an LSH band bucket, a title bucket or an
 * anchor, kept sorted by id as batch sees them, with the hot-bucket and anchor-bucket rules that
 * decide whose candidate pairs change when an article comes or goes.
 */
public final class IndexPostings implements Serializable {
  /** Anchor roles, as in batch: indexed only, querying, querying with fewer anchors than hits. */
  public static final int INDEXED = 0;

  public static final int QUERY = 1;
  public static final int SHORT_QUERY = 2;

  private final MatchingSettings settings;

  IndexPostings(MatchingSettings settings) {
    this.settings = settings;
  }

  /** Adds the article to its postings; returns the articles whose candidate pairs may change. */
  Set<String> insert(Overlay t, Arrival x) {
    Set<String> affected = new LinkedHashSet<>();
    affected.add(x.id());
    Fingerprint f = x.fingerprint();
    ArticleFacts facts = f.facts();
    if (!f.isEmpty() && !facts.lowContent()) {
      for (long key : settings.lsh().bandKeys(f.signature())) {
        addToBucket(t.bands, key, x.id(), affected);
      }
    }
    if (settings.titleCandidates() && facts.titleKey() != 0) {
      addToBucket(t.titles, facts.titleKey(), x.id(), affected);
    }
    if (settings.anchors() != null && !facts.lowContent()) {
      long[] anchors = settings.anchors().of(f.shingles());
      for (int i = 0; i < anchors.length; i++) {
        List<AnchorRef> refs = new ArrayList<>(orEmpty(t.anchors.get(anchors[i])));
        int pos = Collections.binarySearch(refs, new AnchorRef(x.id(), 0), BY_ID);
        if (pos >= 0) {
          continue;
        }
        refs.add(-pos - 1, new AnchorRef(x.id(), role(anchors, i)));
        t.anchors.put(anchors[i], List.copyOf(refs));
        if (refs.size() == settings.maxAnchorBucket() + 1) {
          // the anchor is now ignored, as in batch: every pair it gave is gone
          refs.forEach(r -> affected.add(r.id()));
        }
      }
    }
    return affected;
  }

  /** Removes the article from its postings; returns the other articles whose pairs may change. */
  Set<String> remove(Overlay t, Arrival x) {
    Set<String> affected = new HashSet<>();
    Fingerprint f = x.fingerprint();
    ArticleFacts facts = f.facts();
    if (!f.isEmpty() && !facts.lowContent()) {
      for (long key : settings.lsh().bandKeys(f.signature())) {
        removeFromBucket(t.bands, key, x.id(), affected);
      }
    }
    if (settings.titleCandidates() && facts.titleKey() != 0) {
      removeFromBucket(t.titles, facts.titleKey(), x.id(), affected);
    }
    if (settings.anchors() != null && !facts.lowContent()) {
      for (long anchor : settings.anchors().of(f.shingles())) {
        List<AnchorRef> refs = new ArrayList<>(orEmpty(t.anchors.get(anchor)));
        int pos = Collections.binarySearch(refs, new AnchorRef(x.id(), 0), BY_ID);
        if (pos < 0) {
          continue;
        }
        refs.remove(pos);
        putOrRemove(t.anchors, anchor, refs);
        if (refs.size() == settings.maxAnchorBucket()) {
          // the anchor counts again: its pairs come back
          refs.forEach(r -> affected.add(r.id()));
        }
      }
    }
    return affected;
  }

  private void addToBucket(
      Table<Long, List<String>> table, long key, String id, Set<String> affected) {
    List<String> ids = new ArrayList<>(orEmpty(table.get(key)));
    int pos = Collections.binarySearch(ids, id);
    if (pos >= 0) {
      return;
    }
    pos = -pos - 1;
    ids.add(pos, id);
    table.put(key, List.copyOf(ids));
    int hot = settings.hotBucketSize();
    if (ids.size() > hot) {
      boolean wasHot = ids.size() - 1 > hot;
      hotChange(ids, pos, wasHot, affected);
    }
  }

  private void removeFromBucket(
      Table<Long, List<String>> table, long key, String id, Set<String> affected) {
    List<String> ids = new ArrayList<>(orEmpty(table.get(key)));
    int pos = Collections.binarySearch(ids, id);
    if (pos < 0) {
      return;
    }
    ids.remove(pos);
    putOrRemove(table, key, ids);
    int hot = settings.hotBucketSize();
    if (ids.size() + 1 > hot) {
      hotChange(ids, pos, ids.size() > hot, affected);
    }
  }

  /**
   * The members of a hot bucket whose pairs ({@link BucketPairs}) change when a member is inserted
   * at, or removed from, position {@code pos}: all of them when the bucket changes between full
   * pairs and star-plus-neighbours or when the first member changes; otherwise those within {@code
   * neighbours + 1} positions (only pairs across {@code pos} change their distance).
   */
  private void hotChange(List<String> ids, int pos, boolean hotBoth, Set<String> affected) {
    if (!hotBoth || pos == 0) {
      affected.addAll(ids);
      return;
    }
    int k = settings.hotBucketNeighbours() + 1;
    for (int j = Math.max(0, pos - k); j <= Math.min(ids.size() - 1, pos + k); j++) {
      affected.add(ids.get(j));
    }
  }

  int role(long[] anchors, int i) {
    if (!settings.anchors().isQuery(i)) {
      return INDEXED;
    }
    return anchors.length < settings.anchors().minShared() ? SHORT_QUERY : QUERY;
  }
}
