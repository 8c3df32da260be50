package io.newsdedup.core.cluster;

import java.util.HashMap;
import java.util.Map;

/** Union-find over string nodes; every set is represented by its smallest member. */
public final class UnionFind {
  private final Map<String, String> parent = new HashMap<>();

  public String find(String x) {
    parent.putIfAbsent(x, x);
    String root = x;
    for (String p; (p = parent.get(root)) != null && !p.equals(root); ) {
      root = p;
    }
    for (String cur = x, p; !cur.equals(root); cur = p) {
      p = parent.get(cur);
      parent.put(cur, root);
    }
    return root;
  }

  public void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    int c = ra.compareTo(rb);
    if (c < 0) {
      parent.put(rb, ra);
    } else if (c > 0) {
      parent.put(ra, rb);
    }
  }

  /** Every node seen, mapped to its set's smallest member. */
  public Map<String, String> roots() {
    Map<String, String> out = new HashMap<>();
    for (String node : parent.keySet()) {
      out.put(node, find(node));
    }
    return out;
  }
}
