package io.newsdedup.pipeline.verify;

import io.newsdedup.pipeline.coders.Codec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * What verification needs of one side of a pair: its id, shingle count and MinHash signature (the
 * low 32 bits of each value: half the bytes to join, and equal 32-bit values of unequal 64-bit ones
 * are rare enough, 1 in 4 billion, not to matter to an estimate), and for low-content articles the
 * title key that is their only evidence.
 */
@DefaultCoder(Sketch.SketchCoder.class)
public record Sketch(
    String id, int shingleCount, int[] signature, long titleKey, boolean lowContent) {

  public static int[] lowBits(long[] signature) {
    int[] s = new int[signature.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = (int) signature[i];
    }
    return s;
  }

  /** Share of equal positions: the Jaccard estimate. */
  public static double estimateJaccard(int[] a, int[] b) {
    if (a.length != b.length || a.length == 0) {
      return 0;
    }
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return (double) equal / a.length;
  }

  public static final class SketchCoder extends Codec<Sketch> {
    public static SketchCoder of() {
      return new SketchCoder();
    }

    /** Lets {@code @DefaultCoder} find this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Sketch.class), of());
    }

    @Override
    protected void write(Sketch s, DataOutputStream out) throws IOException {
      writeString(s.id(), out);
      writeVarInt(s.shingleCount(), out);
      writeInts(s.signature(), out);
      out.writeLong(s.titleKey());
      out.writeBoolean(s.lowContent());
    }

    @Override
    protected Sketch read(DataInputStream in) throws IOException {
      return new Sketch(
          readString(in), readVarInt(in), readInts(in), in.readLong(), in.readBoolean());
    }
  }
}
