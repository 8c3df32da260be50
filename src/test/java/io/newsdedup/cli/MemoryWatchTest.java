package io.newsdedup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** A heap counts as thrashing when collections took most of the last 30 s and it stays full. */
class MemoryWatchTest {
  /** {@code seconds} one-second samples, {@code gcShare} of each in GC, {@code full} after GC. */
  private static Deque<MemoryWatch.Sample> samples(int seconds, double gcShare, double full) {
    Deque<MemoryWatch.Sample> window = new ArrayDeque<>();
    for (int s = 0; s <= seconds; s++) {
      window.addLast(new MemoryWatch.Sample(5_000 + s * 1000L, (long) (s * 1000 * gcShare), full));
    }
    return window;
  }

  @Test
  void collectingMostOfTheTimeWithAFullHeapIsThrashing() {
    assertEquals(
        "the Java heap is exhausted: garbage collection took 92% of the last 30 s, and the"
            + " heap is still 97% full after it",
        MemoryWatch.thrashing(samples(30, 0.92, 0.97)));
  }

  @Test
  void aBusyCollectorWithRoomLeftIsNot() {
    assertNull(MemoryWatch.thrashing(samples(30, 0.95, 0.6)));
  }

  @Test
  void aFullHeapThatIsRarelyCollectedIsNot() {
    assertNull(MemoryWatch.thrashing(samples(30, 0.3, 0.99)));
  }

  @Test
  void lessThanAWindowOfSamplesDecidesNothing() {
    assertNull(MemoryWatch.thrashing(samples(20, 1.0, 1.0)));
  }

  @Test
  void onlyTheLastWindowCounts() {
    Deque<MemoryWatch.Sample> window = samples(30, 0.0, 0.99); // 30 calm seconds...
    long gc = window.peekLast().gcMillis();
    long t = window.peekLast().wallMillis();
    for (int s = 1; s <= 30; s++) { // ...then 30 thrashing ones
      window.addLast(new MemoryWatch.Sample(t + s * 1000L, gc + s * 950L, 0.99));
    }
    assertEquals(
        "the Java heap is exhausted: garbage collection took 95% of the last 30 s, and the"
            + " heap is still 99% full after it",
        MemoryWatch.thrashing(window));
    assertEquals(31, window.size());
  }
}
