package nl.expertpool.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The engine's snapshot beside its log, as a broker keeps one: its state store (a RocksDB
 * checkpoint) at a processed position, and the app's projection of the records at its own position.
 * With it the log before those positions can go ({@link FileLogStorage#compact}), and a start
 * replays only what follows.
 *
 * <p>One snapshot is kept, in {@code snapshot/}. A new one is written whole to {@code
 * snapshot.new/}, forced to the disk, and then takes the old one's place by two moves; a start
 * finds the old one ({@code snapshot.old/}) if the app stopped between them, and throws away a new
 * one not finished.
 */
final class EngineSnapshots {

  private static final Logger log = LoggerFactory.getLogger(EngineSnapshots.class);

  static final String FOLDER = "snapshot";
  private static final String STATE = "state";
  private static final String PROJECTION = "projection.json";
  private static final String POSITION = "position";

  /** A part of a snapshot written by its owner: the position it holds up to and its bytes. */
  record Part(long position, byte[] bytes) {}

  /**
   * A snapshot found at start.
   *
   * @param state the folder of the state store's checkpoint
   * @param position the processed position of the state store when it was taken (at least)
   * @param projection the projection's part
   */
  record Kept(Path state, long position, Part projection) {}

  private final Path current;
  private final Path next;
  private final Path previous;

  EngineSnapshots(Path engineFolder) {
    this.current = engineFolder.resolve(FOLDER);
    this.next = engineFolder.resolve(FOLDER + ".new");
    this.previous = engineFolder.resolve(FOLDER + ".old");
  }

  /** The snapshot kept, after tidying what a stop in the middle of writing one left. */
  Optional<Kept> open() {
    try {
      FileSystemUtils.deleteRecursively(next);
      if (!Files.exists(current) && Files.exists(previous)) {
        Files.move(previous, current, StandardCopyOption.ATOMIC_MOVE);
        log.info(
            "The engine's snapshot was being replaced when the app stopped: the last one is used");
      }
      FileSystemUtils.deleteRecursively(previous);
      if (!Files.exists(current)) {
        return Optional.empty();
      }
      long position = Long.parseLong(read(current.resolve(POSITION)));
      long projected = Long.parseLong(read(current.resolve(PROJECTION + "." + POSITION)));
      return Optional.of(
          new Kept(
              current.resolve(STATE),
              position,
              new Part(projected, Files.readAllBytes(current.resolve(PROJECTION)))));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "The engine's snapshot in " + current + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a new snapshot and lets it take the old one's place.
   *
   * @param state writes the state store's checkpoint into the folder given (which must not exist)
   * @param position the state store's processed position before the checkpoint was taken
   */
  void write(Consumer<Path> state, long position, Part projection) {
    try {
      FileSystemUtils.deleteRecursively(next);
      Files.createDirectories(next);
      state.accept(next.resolve(STATE));
      write(next.resolve(PROJECTION), projection.bytes());
      write(
          next.resolve(PROJECTION + "." + POSITION),
          Long.toString(projection.position()).getBytes(StandardCharsets.US_ASCII));
      try (var files = Files.list(next.resolve(STATE))) {
        for (Path file : files.toList()) {
          force(file);
        }
      }
      force(next.resolve(STATE));
      // The position last: a snapshot without it is not finished.
      write(next.resolve(POSITION), Long.toString(position).getBytes(StandardCharsets.US_ASCII));
      force(next);
      if (Files.exists(current)) {
        Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
      force(current.getParent());
      FileSystemUtils.deleteRecursively(previous);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the engine's snapshot in " + next, e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII).strip();
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    try (var channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      var buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Forces a file, or a folder's entries where the file system allows it, to the disk. */
  private static void force(Path path) {
    try (var channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      log.debug("Could not force {} to the disk", path, e);
    }
  }
}
