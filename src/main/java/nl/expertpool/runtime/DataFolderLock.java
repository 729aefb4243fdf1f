package nl.expertpool.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One app per data folder: the app holds a lock on {@code app.lock} in it for as long as it runs,
 * and the operating system lets go of it when the process ends, however it ends ({@code kill -9}
 * included). A second app on the same folder is refused before it touches the engine's log or the
 * database; whatever is left running from an app that holds the lock no more (its PostgreSQL) is an
 * orphan, safe to stop. The lock is taken once per process, by the first part that needs it, and
 * let go when the last part that holds it stops (an app stopped and started again in one JVM, as
 * the benchmark does).
 */
public final class DataFolderLock {

  static final String FILE = "app.lock";

  /** The lock of a folder and how many parts of the app hold it. */
  private record Held(FileLock lock, int holders) {}

  private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

  private DataFolderLock() {}

  /**
   * Holds the lock of this data folder until {@link #release} (or this process ends).
   *
   * @throws StartupProblem when another live app holds it
   */
  public static void hold(Path folder) {
    HELD.compute(
        folder.toAbsolutePath().normalize(),
        (path, held) ->
            held == null ? new Held(acquire(path), 1) : new Held(held.lock(), held.holders() + 1));
  }

  /** One holder lets go; the last one gives the lock back. */
  public static void release(Path folder) {
    HELD.computeIfPresent(
        folder.toAbsolutePath().normalize(),
        (path, held) -> {
          if (held.holders() > 1) {
            return new Held(held.lock(), held.holders() - 1);
          }
          closeQuietly(held.lock().channel());
          return null;
        });
  }

  private static FileLock acquire(Path folder) {
    Path file = folder.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(folder);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
        channel.close();
        throw new StartupProblem(
            "Another instance of the app%s is running on the data folder %s."
                .formatted(holder.isEmpty() ? "" : " (process " + holder + ")", folder),
            "Stop it first, or give this one a folder of its own with EXPERTPOOL_DATA_DIR.");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
      return lock;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StartupProblem(
          "Cannot lock the data folder %s: %s".formatted(folder, e.getMessage()),
          "Set EXPERTPOOL_DATA_DIR to a folder this user can write.",
          e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // nothing held: nothing to give back
    }
  }
}
