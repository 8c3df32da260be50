package io.newsdedup.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The first {@code k} elements in {@code order} of a stream, in O(k) memory. */
final class BoundedTop<T> {
  private final int k;
  private final Comparator<? super T> order;
  private final PriorityQueue<T> heap; // the last kept element at its head
  private long offered;

  BoundedTop(int k, Comparator<? super T> order) {
    this.k = k;
    this.order = order;
    this.heap = new PriorityQueue<>(Math.max(1, Math.min(k, 1024)), order.reversed());
  }

  /** Whether an element ordered like {@code probe} would be kept now. */
  boolean wouldKeep(T probe) {
    return k > 0 && (heap.size() < k || order.compare(probe, heap.peek()) < 0);
  }

  void offer(T t) {
    offered++;
    if (!wouldKeep(t)) {
      return;
    }
    heap.add(t);
    if (heap.size() > k) {
      heap.poll();
    }
  }

  /** How many were offered in all. */
  long offered() {
    return offered;
  }

  /** The kept elements, first in order first. */
  List<T> sorted() {
    List<T> out = new ArrayList<>(heap);
    out.sort(order);
    return out;
  }
}
