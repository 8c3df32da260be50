package io.newsdedup.pipeline.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;

/**
 * A compact, deterministic coder written field by field. Subclasses implement {@link #write} and
 * {@link #read} with the helpers below; nullable values carry a presence byte.
 */
public abstract class Codec<T> extends AtomicCoder<T> {

  protected abstract void write(T value, DataOutputStream out) throws IOException;

  protected abstract T read(DataInputStream in) throws IOException;

  @Override
  public final void encode(T value, OutputStream outStream) throws IOException {
    if (value == null) {
      throw new CoderException("cannot encode null with " + getClass().getSimpleName());
    }
    DataOutputStream out = new DataOutputStream(outStream);
    write(value, out);
    out.flush();
  }

  @Override
  public final T decode(InputStream inStream) throws IOException {
    return read(new DataInputStream(inStream));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return false;
  }

  public static void writeString(String s, DataOutputStream out) throws IOException {
    if (s == null) {
      VarInt.encode(0, out);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    VarInt.encode(b.length + 1, out);
    out.write(b);
  }

  public static String readString(DataInputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    if (n == 0) {
      return null;
    }
    byte[] b = new byte[n - 1];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  public static void writeInstant(Instant t, DataOutputStream out) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  public static Instant readInstant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  /** The length, then the values big-endian, in one write (as writeLong would, 8 bytes each). */
  public static void writeLongs(long[] v, DataOutputStream out) throws IOException {
    VarInt.encode(v.length, out);
    byte[] bytes = new byte[v.length * 8];
    ByteBuffer.wrap(bytes).asLongBuffer().put(v);
    out.write(bytes);
  }

  public static long[] readLongs(DataInputStream in) throws IOException {
    long[] v = new long[VarInt.decodeInt(in)];
    byte[] bytes = new byte[v.length * 8];
    in.readFully(bytes);
    ByteBuffer.wrap(bytes).asLongBuffer().get(v);
    return v;
  }

  /** The length, then the values big-endian, in one write. */
  public static void writeInts(int[] v, DataOutputStream out) throws IOException {
    VarInt.encode(v.length, out);
    byte[] bytes = new byte[v.length * 4];
    ByteBuffer.wrap(bytes).asIntBuffer().put(v);
    out.write(bytes);
  }

  public static int[] readInts(DataInputStream in) throws IOException {
    int[] v = new int[VarInt.decodeInt(in)];
    byte[] bytes = new byte[v.length * 4];
    in.readFully(bytes);
    ByteBuffer.wrap(bytes).asIntBuffer().get(v);
    return v;
  }

  public static void writeVarInt(int v, DataOutputStream out) throws IOException {
    VarInt.encode(v, out);
  }

  public static int readVarInt(DataInputStream in) throws IOException {
    return VarInt.decodeInt(in);
  }

  public static void writeVarLong(long v, DataOutputStream out) throws IOException {
    VarInt.encode(v, out);
  }

  public static long readVarLong(DataInputStream in) throws IOException {
    return VarInt.decodeLong(in);
  }

  /** A string map (message attributes), in key order: a map null or empty is written empty. */
  public static void writeStringMap(Map<String, String> m, DataOutputStream out)
      throws IOException {
    Map<String, String> sorted = m == null ? Map.of() : new TreeMap<>(m);
    writeVarInt(sorted.size(), out);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      writeString(e.getKey(), out);
      writeString(e.getValue(), out);
    }
  }

  /** A map {@link #writeStringMap} wrote, sorted by key. */
  public static Map<String, String> readStringMap(DataInputStream in) throws IOException {
    int n = readVarInt(in);
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      m.put(readString(in), readString(in));
    }
    return m;
  }
}
