package io.newsdedup.core.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a read that fails (a truncated or corrupt .gz) into the end of the stream and keeps the
 * failure for later. Without it the reader above would lose what it had already decoded in the call
 * that failed: up to a buffer of complete lines before the damage.
 */
final class BreakOff extends FilterInputStream {
  private IOException failure;

  BreakOff(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    if (failure != null) {
      return -1;
    }
    try {
      return in.read();
    } catch (IOException e) {
      failure = e;
      return -1;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (failure != null) {
      return -1;
    }
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      failure = e;
      return -1;
    }
  }

  @Override
  public int available() throws IOException {
    return failure != null ? 0 : super.available();
  }

  boolean broken() {
    return failure != null;
  }

  void throwIfBroken() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }
}
