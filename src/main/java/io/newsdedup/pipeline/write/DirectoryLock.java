package io.newsdedup.pipeline.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps two runs from writing into one local directory at once: an exclusive {@link
 * FileChannel#tryLock} on the file {@value #FILE} inside it, held until {@link #close}. The file is
 * never deleted (a run that unlinked it could let a third run lock a new file while a second still
 * holds the old one); it says who holds it ("pid N, started at T") for the message of a run that
 * finds it taken.
 *
 * <p>Locks of this JVM are also kept in a table here and checked first, without opening the file:
 * on POSIX systems closing any channel of a file releases all of the process's locks on it, so a
 * second run in the same JVM must not open and close the file the first one has locked. An {@link
 * OverlappingFileLockException} (a lock taken in this JVM by other means) counts as held.
 */
public final class DirectoryLock implements AutoCloseable {
  public static final String FILE = ".news-dedup.lock";

  /** The lock is held by another run. */
  public static final class Busy extends RuntimeException {
    Busy(String message) {
      super(message);
    }
  }

  /** Lock file → its holder, for the locks this JVM holds; guarded by the class. */
  private static final Map<Path, String> HELD_HERE = new HashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code directory} (which must exist) for this run.
   *
   * @throws Busy when another run holds it: "another run (pid N, started at T) is writing into DIR"
   */
  public static DirectoryLock take(Path directory) throws IOException {
    Path file = directory.resolve(FILE).toAbsolutePath().normalize();
    synchronized (DirectoryLock.class) {
      String holder = HELD_HERE.get(file);
      if (holder != null) {
        throw busy(directory, holder);
      }
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          throw busy(directory, read(channel));
        }
        String me = "pid " + ProcessHandle.current().pid() + ", started at " + Instant.now();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        HELD_HERE.put(file, me);
        return new DirectoryLock(file, channel, lock);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }
  }

  /** Releases {@code lock} when there is one (null: nothing held), failing unchecked. */
  public static void release(DirectoryLock lock, String directory) {
    if (lock == null) {
      return;
    }
    try {
      lock.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + directory, e);
    }
  }

  /** Releases the lock; the file stays. */
  @Override
  public void close() throws IOException {
    synchronized (DirectoryLock.class) {
      try {
        lock.release();
      } finally {
        channel.close();
        HELD_HERE.remove(file);
      }
    }
  }

  private static Busy busy(Path directory, String holder) {
    return new Busy(
        "another run"
            + (holder.isBlank() ? "" : " (" + holder + ")")
            + " is writing into "
            + directory
            + "; wait for it to end");
  }

  /** The holder written in the file, read through the channel already open (see the class). */
  private static String read(FileChannel channel) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(256);
    channel.read(b, 0);
    return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
  }
}
