package io.newsdedup.pipeline.candidates;

import static io.newsdedup.pipeline.coders.CoderChecks.roundTrip;
import static io.newsdedup.pipeline.coders.CoderChecks.sameBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdedup.pipeline.candidates.AnchorQueries.Queries;
import io.newsdedup.pipeline.candidates.AnchorQueries.QueriesCoder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Round trips of the anchor-query accumulator's coder, {@link QueriesCoder}. */
class AnchorQueriesRoundTripTest {

  @Test
  void queriesCoder() throws Exception {
    // Only the first count values are queries; the rest of the array is spare room.
    Queries q = queries();
    Queries decoded = roundTrip(QueriesCoder.INSTANCE, q);
    assertEquals(4, decoded.count);
    assertArrayEquals(
        new long[] {Long.MIN_VALUE, -2, 3_000_000_000L, Long.MAX_VALUE},
        Arrays.copyOf(decoded.values, decoded.count));
    sameBytes(
        QueriesCoder.INSTANCE,
        queries(),
        new Queries(new long[] {Long.MIN_VALUE, -2, 3_000_000_000L, Long.MAX_VALUE}, 4));

    // The decoded accumulator keeps accumulating.
    decoded.add(17);
    decoded.addAll(new Queries(new long[] {18, 19}, 2));
    assertArrayEquals(
        new long[] {Long.MIN_VALUE, -2, 3_000_000_000L, Long.MAX_VALUE, 17, 18, 19},
        Arrays.copyOf(decoded.values, decoded.count));

    Queries empty = roundTrip(QueriesCoder.INSTANCE, new Queries(new long[64], 0));
    assertEquals(0, empty.count);
    empty.add(5);
    assertArrayEquals(new long[] {5}, Arrays.copyOf(empty.values, empty.count));
  }

  private static Queries queries() {
    return new Queries(new long[] {Long.MIN_VALUE, -2, 3_000_000_000L, Long.MAX_VALUE, 99, 98}, 4);
  }
}
