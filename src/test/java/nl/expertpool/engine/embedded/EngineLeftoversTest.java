package nl.expertpool.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state folder of an engine whose process was killed goes at the next start. */
class EngineLeftoversTest {

  @TempDir Path tmp;

  @Test
  void removesTheStateOfEnginesWhoseProcessIsGoneAndKeepsTheRest() throws Exception {
    var ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path killed =
        Files.createDirectory(tmp.resolve("expertpool-engine-state-" + ended.pid() + "-1"));
    Files.writeString(Files.createDirectory(killed.resolve("runtime")).resolve("000001.sst"), "x");
    Path running =
        Files.createDirectory(
            tmp.resolve("expertpool-engine-state-" + ProcessHandle.current().pid() + "-2"));
    Path earlierVersion = Files.createDirectory(tmp.resolve("expertpool-engine-state-123456789"));
    Path other = Files.createDirectory(tmp.resolve("something-else-1-2"));

    EmbeddedZeebe.removeLeftovers(tmp);

    assertThat(killed).doesNotExist();
    assertThat(running).exists();
    assertThat(earlierVersion).exists();
    assertThat(other).exists();
  }
}
