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
 * @param problem why the matched path cannot be read (not a regular file, a link to nothing, a
 *     directory that could not be listed): the reader rejects it without opening it; "" when none
 * @param inode a local file's inode when its name cannot be written back as a string (bytes that
 *     are not UTF-8), else 0 (see {@link LocalFiles#open})
 */
@DefaultCoder(InputFile.InputFileCoder.class)
public record InputFile(
    String resource,
    String relativePath,
    String displayPath,
    long sizeBytes,
    long start,
    long end,
    long firstLine,
    String problem,
    long inode) {

  /** A whole file. */
  public InputFile(String resource, String relativePath, String displayPath) {
    this(resource, relativePath, displayPath, 0, 0, -1, 1);
  }

  /** A readable file or part of one. */
  public InputFile(
      String resource,
      String relativePath,
      String displayPath,
      long sizeBytes,
      long start,
      long end,
      long firstLine) {
    this(resource, relativePath, displayPath, sizeBytes, start, end, firstLine, "", 0);
  }

  /** What tells two matched files apart: the real file (and its inode, when it has one). */
  public String key() {
    return inode == 0 ? resource : resource + "#" + inode;
  }

  public boolean whole() {
    return start == 0 && end < 0;
  }

  /** The part of this file from {@code start} to {@code end}, whose first line is {@code line}. */
  public InputFile part(long start, long end, long line) {
    return new InputFile(
        resource, relativePath, displayPath, sizeBytes, start, end, line, problem, inode);
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
      writeString(f.problem(), out);
      writeVarLong(f.inode(), out);
    }

    @Override
    protected InputFile read(DataInputStream in) throws IOException {
      return new InputFile(
          readString(in),
          readString(in),
          readString(in),
          readVarLong(in),
          readVarLong(in),
          in.readLong(),
          readVarLong(in),
          readString(in),
          readVarLong(in));
    }
  }
}
