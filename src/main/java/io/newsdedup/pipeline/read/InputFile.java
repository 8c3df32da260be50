package io.newsdedup.pipeline.read;

import io.newsdedup.pipeline.coders.Codec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One matched input file.
 *
 * @param resource the file as the file system names it (absolute path or URI)
 * @param relativePath its path relative to the base directory of the pattern that matched it (the
 *     id of a .txt or .html article)
 * @param displayPath the pattern's base directory as the user wrote it plus {@code relativePath}:
 *     the file named in origins
 * @param sizeBytes the file's size (0 when unknown)
 * @param start the byte offset where this part of the file starts (a big JSONL file is read in
 *     parts, each starting at a line)
 * @param end the byte offset where this part ends, or -1 for the end of the file
 * @param firstLine the 1-based number of the part's first line
 */
@DefaultCoder(InputFile.InputFileCoder.class)
public record InputFile(String resource, String relativePath, String displayPath, long sizeBytes,
    long start, long end, long firstLine) {

  /** A whole file. */
  public InputFile(String resource, String relativePath, String displayPath) {
    this(resource, relativePath, displayPath, 0, 0, -1, 1);
  }

  public boolean whole() {
    return start == 0 && end < 0;
  }

  /** The part of this file from {@code start} to {@code end}, whose first line is {@code line}. */
  public InputFile part(long start, long end, long line) {
    return new InputFile(resource, relativePath, displayPath, sizeBytes, start, end, line);
  }

  public static final class InputFileCoder extends Codec<InputFile> {
    public static InputFileCoder of() {
      return new InputFileCoder();
    }

    /** Lets {@code @DefaultCoder} find this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(InputFile.class), of());
    }

    @Override
    protected void write(InputFile f, DataOutputStream out) throws IOException {
      writeString(f.resource(), out);
      writeString(f.relativePath(), out);
      writeString(f.displayPath(), out);
      writeVarLong(f.sizeBytes(), out);
      writeVarLong(f.start(), out);
      out.writeLong(f.end());
      writeVarLong(f.firstLine(), out);
    }

    @Override
    protected InputFile read(DataInputStream in) throws IOException {
      return new InputFile(readString(in), readString(in), readString(in), readVarLong(in),
          readVarLong(in), in.readLong(), readVarLong(in));
    }
  }
}
