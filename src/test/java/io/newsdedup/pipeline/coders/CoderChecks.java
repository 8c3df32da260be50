package io.newsdedup.pipeline.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * The checks every round-trip test of a coder makes, with Beam's {@link CoderProperties}. What they
 * cannot see (two swapped fields of one type) the tests catch by giving every field its own value
 * and comparing the decoded value with the original, field by field where equals does not compare
 * content (arrays).
 */
public final class CoderChecks {
  private CoderChecks() {}

  /**
   * For a value whose {@code equals} compares content: decodes to an equal value in every context,
   * encodes {@code value} and {@code equalCopy} (built apart, equal to it) to the same bytes, and
   * passes {@link #roundTrip}. Returns the decoded value.
   */
  public static <T> T roundTripEqual(Coder<T> coder, T value, T equalCopy) throws Exception {
    assertEquals(value, equalCopy, "the test's two copies differ");
    CoderProperties.coderDecodeEncodeEqual(coder, value);
    CoderProperties.coderDeterministic(coder, value, equalCopy);
    T decoded = roundTrip(coder, value);
    assertEquals(value, decoded);
    return decoded;
  }

  /**
   * For any value, also one holding arrays (whose {@code equals} is identity): the coder is
   * serializable and deterministic, the decoded value's structural value (its encoding) is the
   * original's in every context, and decoding consumes exactly the encoded bytes. Returns the
   * decoded value, for the caller to compare field by field.
   */
  public static <T> T roundTrip(Coder<T> coder, T value) throws Exception {
    CoderProperties.coderSerializable(coder);
    coder.verifyDeterministic();
    CoderProperties.structuralValueDecodeEncodeEqual(coder, value);
    byte[] bytes = CoderUtils.encodeToByteArray(coder, value);
    T decoded = CoderUtils.decodeFromByteArray(coder, bytes);
    assertArrayEquals(bytes, CoderUtils.encodeToByteArray(coder, decoded), "re-encoded bytes");
    return decoded;
  }

  /** Two values of equal content, built apart, encode to the same bytes (for array holders). */
  public static <T> void sameBytes(Coder<T> coder, T value, T equalCopy) throws Exception {
    assertArrayEquals(
        CoderUtils.encodeToByteArray(coder, value),
        CoderUtils.encodeToByteArray(coder, equalCopy),
        "equal values encode differently");
  }
}
