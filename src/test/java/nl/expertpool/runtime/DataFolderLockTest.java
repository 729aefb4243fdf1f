package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One app per data folder: a second one is refused while the first lives, and gets the folder once
 * the first is killed ({@code kill -9}), since the operating system lets go of a dead process's
 * lock.
 */
class DataFolderLockTest {

  @TempDir Path data;

  @Test
  void aSecondAppIsRefusedWhileTheFirstLivesAndGetsTheFolderOnceItIsKilled() throws Exception {
    Process first =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .start();
    try {
      var out =
          new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("held"));
      if (line == null) {
        throw new AssertionError("the first app did not take the lock");
      }

      assertThatThrownBy(() -> DataFolderLock.hold(data))
          .isInstanceOf(StartupProblem.class)
          .hasMessageContaining("Another instance of the app (process " + first.pid() + ")")
          .hasMessageContaining(data.toString());
    } finally {
      first.destroyForcibly(); // kill -9
      first.waitFor(30, TimeUnit.SECONDS);
    }
    assertThatCode(() -> DataFolderLock.hold(data)).doesNotThrowAnyException();
    DataFolderLock.release(data);
  }

  /**
   * The database and the engine each hold the lock; it is given back when both have let go, so that
   * an app stopped and started again in one JVM (the benchmark) takes it anew.
   */
  @Test
  void theLockIsGivenBackWhenItsLastHolderLetsGo() throws Exception {
    DataFolderLock.hold(data);
    DataFolderLock.hold(data);
    DataFolderLock.release(data);
    try (var channel =
        java.nio.channels.FileChannel.open(
            data.resolve(DataFolderLock.FILE), java.nio.file.StandardOpenOption.WRITE)) {
      assertThatThrownBy(channel::tryLock)
          .as("still held by this process")
          .isInstanceOf(java.nio.channels.OverlappingFileLockException.class);
    }
    DataFolderLock.release(data);
    try (var channel =
        java.nio.channels.FileChannel.open(
            data.resolve(DataFolderLock.FILE), java.nio.file.StandardOpenOption.WRITE)) {
      var lock = channel.tryLock();
      assertThat(lock).as("given back").isNotNull();
      lock.release();
    }
  }

  /** The first app: holds the folder's lock until it is killed. */
  public static final class Holder {
    public static void main(String[] args) throws InterruptedException {
      DataFolderLock.hold(Path.of(args[0]));
      System.out.println("held");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
