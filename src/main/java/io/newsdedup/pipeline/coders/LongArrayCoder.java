package io.newsdedup.pipeline.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** A long[] as its length and values. */
public final class LongArrayCoder extends Codec<long[]> {
  public static final LongArrayCoder INSTANCE = new LongArrayCoder();

  @Override
  protected void write(long[] v, DataOutputStream out) throws IOException {
    writeLongs(v, out);
  }

  @Override
  protected long[] read(DataInputStream in) throws IOException {
    return readLongs(in);
  }
}
