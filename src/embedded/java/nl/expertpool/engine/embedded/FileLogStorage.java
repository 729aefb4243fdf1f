package nl.expertpool.engine.embedded;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's log in one file, as a broker keeps it on disk: every block of records the engine
 * appends is written and forced to the disk ({@code fdatasync}) before the engine hears it is
 * written, and so before a command is acknowledged to a client. Reading is from memory: the file is
 * read once, at start, and a broker's stream processor then replays it to rebuild its state.
 *
 * <p>A block is framed as {@code magic, lowest position, highest position, length, CRC-32C, bytes}.
 * A process killed while writing leaves a last block cut short or unchecked: at start it is cut
 * off, with one log line. That block was never acknowledged, since acknowledgement follows the
 * force.
 */
final class FileLogStorage implements LogStorage, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FileLogStorage.class);

  static final int MAGIC = 0x5A4C4F47; // "ZLOG"
  static final int HEADER = 4 + 8 + 8 + 4 + 4;

  /** No block is this long; a length beyond it is a damaged header. */
  private static final int MAX_BLOCK = 128 * 1024 * 1024;

  private final Path file;
  private FileChannel channel;
  private final boolean force;
  private final List<ByteBuffer> blocks = new ArrayList<>();

  /** The sequence number of the first block held; it grows as the log is compacted. */
  private long first;

  private final ConcurrentSkipListMap<Long, Long> sequenceByLowest = new ConcurrentSkipListMap<>();
  private final List<Long> lowestPositions = new ArrayList<>();
  private final List<Long> highestPositions = new ArrayList<>();
  private final List<Long> offsets = new ArrayList<>();
  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  private long lastPosition = -1;
  private long cutOff;

  /**
   * Opens the log in this file, creating it, and reads what it holds.
   *
   * @param force whether each append waits for the disk; false only where a lost log costs nothing
   */
  FileLogStorage(Path file, boolean force) {
    this.file = file;
    this.force = force;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      this.channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      load();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the engine's log " + file, e);
    }
  }

  /** Reads every whole, checked block; cuts off a torn or damaged tail. */
  private void load() throws IOException {
    long size = channel.size();
    long offset = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    while (offset < size) {
      header.clear();
      if (size - offset < HEADER || channel.read(header, offset) < HEADER) {
        break;
      }
      header.flip();
      int magic = header.getInt();
      long lowest = header.getLong();
      long highest = header.getLong();
      int length = header.getInt();
      int crc = header.getInt();
      if (magic != MAGIC || length < 0 || length > MAX_BLOCK || size - offset - HEADER < length) {
        break;
      }
      ByteBuffer block = ByteBuffer.allocate(length);
      while (block.hasRemaining() && channel.read(block, offset + HEADER + block.position()) > 0) {
        // read on: a channel may give fewer bytes than asked
      }
      if (block.hasRemaining()) {
        break;
      }
      block.flip();
      if (crc != checksum(lowest, highest, block)) {
        break;
      }
      add(lowest, highest, block, offset);
      offset += HEADER + length;
    }
    if (offset < size) {
      cutOff = size - offset;
      log.warn(
          "The engine's log {} ended in a block cut short (the app stopped while writing it):"
              + " cut off its last {} bytes, after position {}; that block was never acknowledged",
          file,
          cutOff,
          lastPosition);
      channel.truncate(offset);
      channel.force(true);
    }
    channel.position(offset);
  }

  private static int checksum(long lowest, long highest, ByteBuffer block) {
    var crc = new CRC32C();
    ByteBuffer positions = ByteBuffer.allocate(16).putLong(lowest).putLong(highest).flip();
    crc.update(positions);
    crc.update(block.duplicate());
    return (int) crc.getValue();
  }

  private void add(long lowest, long highest, ByteBuffer block, long offset) {
    blocks.add(block);
    lowestPositions.add(lowest);
    highestPositions.add(highest);
    offsets.add(offset);
    sequenceByLowest.put(lowest, first + blocks.size() - 1);
    lastPosition = highest;
  }

  /** The highest position in the log; -1 when it is empty. */
  synchronized long lastPosition() {
    return lastPosition;
  }

  /** How many blocks the log holds. */
  synchronized int blockCount() {
    return blocks.size();
  }

  /** How many bytes of a torn tail were cut off when the log was opened; 0 when none. */
  long cutOffAtOpen() {
    return cutOff;
  }

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
    ByteBuffer block = ByteBuffer.allocate(writer.getLength());
    writer.write(new UnsafeBuffer(block), 0);
    append(lowestPosition, highestPosition, block, listener);
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, ByteBuffer block, AppendListener listener) {
    long index;
    synchronized (this) {
      long offset;
      ByteBuffer frame = ByteBuffer.allocate(HEADER + block.remaining());
      frame
          .putInt(MAGIC)
          .putLong(lowestPosition)
          .putLong(highestPosition)
          .putInt(block.remaining())
          .putInt(checksum(lowestPosition, highestPosition, block))
          .put(block.duplicate())
          .flip();
      try {
        offset = channel.position();
        while (frame.hasRemaining()) {
          channel.write(frame);
        }
        if (force) {
          channel.force(false);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the engine's log " + file, e);
      }
      add(lowestPosition, highestPosition, block, offset);
      index = first + blocks.size();
    }
    listener.onWrite(index, highestPosition);
    listener.onCommit(index, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  /**
   * Drops every block that ends before this position, keeping the one that holds it: the file is
   * rewritten with the blocks kept (a new file, forced, then moved over the old one, so that a stop
   * at any moment leaves one whole log) and memory lets the dropped ones go.
   *
   * @return how many blocks were dropped
   */
  synchronized int compact(long position) {
    int drop = 0;
    while (drop < blocks.size() - 1 && highestPositions.get(drop) < position) {
      drop++;
    }
    if (drop == 0) {
      return 0;
    }
    long from = offsets.get(drop);
    Path next = file.resolveSibling(file.getFileName() + ".compacting");
    try (var out =
        FileChannel.open(
            next,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      long size = channel.size();
      long copied = 0;
      while (copied < size - from) {
        copied += channel.transferTo(from + copied, size - from - copied, out);
      }
      out.force(true);
      channel.close();
      try {
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(file.toAbsolutePath().getParent());
      } finally {
        // The new file, or the old one whole if it could not be replaced.
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compact the engine's log " + file, e);
    }
    sequenceByLowest.headMap(lowestPositions.get(drop)).clear();
    blocks.subList(0, drop).clear();
    lowestPositions.subList(0, drop).clear();
    highestPositions.subList(0, drop).clear();
    offsets.subList(0, drop).clear();
    offsets.replaceAll(offset -> offset - from);
    first += drop;
    return drop;
  }

  /** Makes a move within the folder durable (where the file system allows it). */
  private static void forceFolder(Path folder) {
    try (var dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      log.debug("Could not force the folder {} to the disk", folder, e);
    }
  }

  /** The sequence number of the first block held: how many blocks compaction has dropped. */
  synchronized long firstBlock() {
    return first;
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  @Override
  public synchronized void close() {
    try {
      if (channel.isOpen()) {
        channel.force(true);
        channel.close();
      }
    } catch (IOException e) {
      log.warn("Could not close the engine's log {}", file, e);
    }
  }

  /**
   * The block with this sequence number, or the first held if it was dropped; null past the end.
   */
  private synchronized ByteBuffer block(long sequence) {
    long index = Math.max(sequence, first) - first;
    return index < blocks.size() ? blocks.get((int) index) : null;
  }

  /**
   * Reads the blocks in order; {@link #seek} goes to the block that may hold a position. A reader
   * behind the first block held (it was dropped) goes on from that block.
   */
  private final class Reader implements LogStorageReader {

    private long next;

    @Override
    public void seek(long position) {
      var before = sequenceByLowest.lowerEntry(position);
      next = before == null ? firstBlock() : before.getValue();
    }

    @Override
    public boolean hasNext() {
      return block(next) != null;
    }

    @Override
    public DirectBuffer next() {
      synchronized (FileLogStorage.this) {
        next = Math.max(next, first);
        ByteBuffer block = block(next);
        if (block == null) {
          throw new NoSuchElementException();
        }
        next++;
        return new UnsafeBuffer(block);
      }
    }

    @Override
    public void close() {}
  }
}
