package io.newsdedup.core.index;

import io.newsdedup.core.index.IndexTables.Table;
import io.newsdedup.core.index.IndexValues.AnchorRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Small operations on the index's sorted, immutable id lists and its tables. */
final class IndexLists {
  private IndexLists() {}

  static final Comparator<AnchorRef> BY_ID = Comparator.comparing(AnchorRef::id);

  static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  static <K, V> void putOrRemove(Table<K, List<V>> table, K key, Collection<V> values) {
    if (values.isEmpty()) {
      table.remove(key);
    } else {
      table.put(key, List.copyOf(values));
    }
  }

  static List<String> append(List<String> l, String id) {
    List<String> out = new ArrayList<>(orEmpty(l));
    out.add(id);
    return List.copyOf(out);
  }

  static List<String> with(List<String> sorted, String id) {
    List<String> out = new ArrayList<>(orEmpty(sorted));
    int pos = Collections.binarySearch(out, id);
    if (pos < 0) {
      out.add(-pos - 1, id);
    }
    return List.copyOf(out);
  }

  static List<String> without(List<String> sorted, String id) {
    List<String> out = new ArrayList<>(orEmpty(sorted));
    int pos = Collections.binarySearch(out, id);
    if (pos >= 0) {
      out.remove(pos);
    }
    return List.copyOf(out);
  }
}
