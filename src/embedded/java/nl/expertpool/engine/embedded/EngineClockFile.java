package nl.expertpool.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How far the app moved the embedded engine's clock (the demo clock), kept beside its log as an
 * ISO-8601 duration such as {@code PT504H}: after a restart the engine's timers meet the same time.
 * Written whole to a new file, forced to the disk, and moved over the old one, so that a crash
 * leaves the old value or the new, never half of one.
 */
final class EngineClockFile {

  private EngineClockFile() {}

  /** The kept offset; zero without a file (a first start, or a log in memory). */
  static Duration read(Path file) {
    if (file == null || !Files.exists(file)) {
      return Duration.ZERO;
    }
    try {
      return Duration.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the engine's clock " + file, e);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          "The engine's clock " + file + " holds no duration: " + e.getMessage(), e);
    }
  }

  static void write(Path file, Duration offset) {
    if (file == null) {
      return;
    }
    Path next = file.resolveSibling(file.getFileName() + ".next");
    try {
      try (var channel =
          FileChannel.open(
              next,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(
            java.nio.ByteBuffer.wrap(offset.toString().getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      }
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the engine's clock in " + file, e);
    }
  }
}
