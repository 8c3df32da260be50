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
 */
@DefaultCoder(InputFile.InputFileCoder.class)
public record InputFile(String resource, String relativePath, String displayPath) {

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
    }

    @Override
    protected InputFile read(DataInputStream in) throws IOException {
      return new InputFile(readString(in), readString(in), readString(in));
    }
  }
}
