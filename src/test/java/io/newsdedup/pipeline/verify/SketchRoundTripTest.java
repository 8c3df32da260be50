package io.newsdedup.pipeline.verify;

import static io.newsdedup.pipeline.coders.CoderChecks.roundTrip;
import static io.newsdedup.pipeline.coders.CoderChecks.sameBytes;
import static io.newsdedup.pipeline.coders.CoderValues.WORLD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.verify.Sketch;
import io.newsdedup.pipeline.coders.CoreCoders.SketchCoder;
import org.junit.jupiter.api.Test;

/** Round trips of {@link SketchCoder}; a sketch's signature makes its equals identity. */
class SketchRoundTripTest {

  @Test
  void sketchCoder() throws Exception {
    Sketch s = roundTrip(SketchCoder.of(), sketch());
    assertEquals("sketch-" + WORLD, s.id());
    assertEquals(1_234_567, s.shingleCount());
    assertArrayEquals(new int[] {Integer.MIN_VALUE, -7, 0, 8, Integer.MAX_VALUE}, s.signature());
    assertEquals(-9_876_543_210L, s.titleKey());
    assertTrue(s.lowContent());
    sameBytes(SketchCoder.of(), sketch(), sketch());

    Sketch empty = roundTrip(SketchCoder.of(), new Sketch("", 0, new int[0], 0L, false));
    assertEquals("", empty.id());
    assertEquals(0, empty.shingleCount());
    assertArrayEquals(new int[0], empty.signature());
    assertEquals(0L, empty.titleKey());
    assertFalse(empty.lowContent());
  }

  private static Sketch sketch() {
    return new Sketch(
        "sketch-" + WORLD,
        1_234_567,
        new int[] {Integer.MIN_VALUE, -7, 0, 8, Integer.MAX_VALUE},
        -9_876_543_210L,
        true);
  }
}
