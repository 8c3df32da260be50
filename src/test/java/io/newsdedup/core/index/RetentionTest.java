package io.newsdedup.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Retention arithmetic cannot overflow, whatever the option and the event time. */
class RetentionTest {
  @Test
  void hugeRetentionsAreUsageErrorsNotArithmeticOnes() {
    assertThrows(IllegalArgumentException.class, () -> Retention.parse("999999999999999999d"));
    assertThrows(IllegalArgumentException.class, () -> Retention.parse("9223372036854775807s"));
    assertEquals(99_999_999L * 86_400_000L, Retention.parse("99999999d").millis());
  }

  @Test
  void expiryNeverOverflows() {
    Retention longest = Retention.parse("99999999d");
    assertEquals(Retention.NEVER, longest.expiryOf(Long.MAX_VALUE - 5));
    long in2100 = 4_102_444_800_000L;
    assertTrue(longest.expiryOf(in2100) >= in2100 + longest.millis());
    Retention week = Retention.parse("7d");
    assertEquals(Retention.NEVER, week.expiryOf(Long.MAX_VALUE));
    // 1 h + 7 d, rounded up to the granularity (7 d / 1024 = 590,625 ms)
    assertEquals(1_031L * 590_625L, week.expiryOf(3_600_000L));
  }
}
