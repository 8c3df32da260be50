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
 * What verification needs of one side of a pair: its id, shingle count and MinHash signature, and
 * for low-content articles the title key that is their only evidence.
 */
@DefaultCoder(Sketch.SketchCoder.class)
public record Sketch(
    String id, int shingleCount, long[] signature, long titleKey, boolean lowContent) {

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
      writeLongs(s.signature(), out);
      out.writeLong(s.titleKey());
      out.writeBoolean(s.lowContent());
    }

    @Override
    protected Sketch read(DataInputStream in) throws IOException {
      return new Sketch(readString(in), readVarInt(in), readLongs(in), in.readLong(),
          in.readBoolean());
    }
  }
}
