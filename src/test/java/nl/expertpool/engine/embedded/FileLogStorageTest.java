package nl.expertpool.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.logstreams.storage.LogStorage.AppendListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's log on disk: kept across opening it again, a torn tail cut off at open, and the
 * blocks a snapshot covers dropped.
 */
class FileLogStorageTest {

  @TempDir Path dir;

  private static final AppendListener NOBODY = new AppendListener() {};

  @Test
  void whatWasAppendedIsReadAgainAfterOpeningTheLogAnew() {
    Path file = dir.resolve("log");
    try (var log = new FileLogStorage(file, true)) {
      append(log, 1, 3, "first");
      append(log, 4, 4, "second");
      append(log, 5, 9, "third");
    }
    try (var log = new FileLogStorage(file, true)) {
      assertThat(log.blockCount()).isEqualTo(3);
      assertThat(log.lastPosition()).isEqualTo(9);
      assertThat(log.cutOffAtOpen()).isZero();
      assertThat(read(log, -1)).containsExactly("first", "second", "third");
      // seek goes to the block that may hold the position; a reader reads on from there
      assertThat(read(log, 5)).containsExactly("second", "third");
      append(log, 10, 10, "fourth");
    }
    try (var log = new FileLogStorage(file, true)) {
      assertThat(read(log, -1)).containsExactly("first", "second", "third", "fourth");
    }
  }

  @Test
  void aLogWhoseLastBlockWasCutShortOpensWithoutIt() throws IOException {
    Path file = dir.resolve("log");
    try (var log = new FileLogStorage(file, true)) {
      append(log, 1, 1, "kept");
      append(log, 2, 2, "torn by a kill -9");
    }
    long whole = Files.size(file);
    // The process died while writing: the last block's bytes stop halfway.
    try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(whole - 7);
    }
    try (var log = new FileLogStorage(file, true)) {
      assertThat(read(log, -1)).containsExactly("kept");
      assertThat(log.cutOffAtOpen()).isPositive();
      assertThat(log.lastPosition()).isEqualTo(1);
      append(log, 2, 2, "written again");
    }
    try (var log = new FileLogStorage(file, true)) {
      assertThat(read(log, -1)).containsExactly("kept", "written again");
      assertThat(log.cutOffAtOpen()).isZero();
    }
  }

  @Test
  void aLastBlockWhoseBytesDoNotMatchItsChecksumIsCutOff() throws IOException {
    Path file = dir.resolve("log");
    try (var log = new FileLogStorage(file, true)) {
      append(log, 1, 1, "kept");
      append(log, 2, 2, "damaged");
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x55; // the sector with the block's end never reached the disk
    Files.write(file, bytes);
    // and half a header after it, from a write that began
    Files.write(file, new byte[] {0x5A, 0x4C}, StandardOpenOption.APPEND);
    try (var log = new FileLogStorage(file, true)) {
      assertThat(read(log, -1)).containsExactly("kept");
      assertThat(log.cutOffAtOpen()).isEqualTo(FileLogStorage.HEADER + "damaged".length() + 2);
    }
    assertThat(Files.size(file)).isEqualTo(FileLogStorage.HEADER + "kept".length());
  }

  @Test
  void compactionDropsTheBlocksBeforeAPositionFromTheFileAndAReaderGoesOn() {
    Path file = dir.resolve("log");
    try (var log = new FileLogStorage(file, true)) {
      append(log, 1, 3, "first");
      append(log, 4, 4, "second");
      append(log, 5, 9, "third");
      try (var reader = log.newReader()) {
        reader.seek(1);
        reader.next(); // "first": this reader goes on after compaction

        // The block that holds position 6 is kept, with what follows.
        assertThat(log.compact(6)).isEqualTo(2);

        assertThat(reader.next().getStringWithoutLengthUtf8(0, "third".length()))
            .as("a reader on a dropped block goes on from the first held")
            .isEqualTo("third");
      }
      assertThat(read(log, -1)).containsExactly("third");
      assertThat(read(log, 7)).containsExactly("third");
      assertThat(log.compact(6)).as("nothing more to drop").isZero();
      append(log, 10, 10, "fourth");
    }
    try (var log = new FileLogStorage(file, true)) {
      assertThat(read(log, -1)).containsExactly("third", "fourth");
      assertThat(log.lastPosition()).isEqualTo(10);
      assertThat(log.compact(100)).as("the last block always stays").isEqualTo(1);
      assertThat(read(log, -1)).containsExactly("fourth");
    }
    assertThat(dir.resolve("log.compacting")).doesNotExist();
  }

  @Test
  void anEmptyOrMissingLogOpensEmpty() {
    try (var log = new FileLogStorage(dir.resolve("engine").resolve("log"), true)) {
      assertThat(log.blockCount()).isZero();
      assertThat(log.lastPosition()).isEqualTo(-1);
      assertThat(read(log, -1)).isEmpty();
    }
  }

  private static void append(FileLogStorage log, long lowest, long highest, String text) {
    log.append(lowest, highest, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), NOBODY);
  }

  private static List<String> read(FileLogStorage log, long position) {
    List<String> texts = new ArrayList<>();
    try (var reader = log.newReader()) {
      if (position >= 0) {
        reader.seek(position);
      }
      while (reader.hasNext()) {
        DirectBuffer block = reader.next();
        texts.add(block.getStringWithoutLengthUtf8(0, block.capacity()));
      }
    }
    return texts;
  }
}
