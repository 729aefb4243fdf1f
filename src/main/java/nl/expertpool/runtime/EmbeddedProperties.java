package nl.expertpool.runtime;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded default.
 *
 * @param enginePort port of the in-memory Zeebe engine's gRPC gateway; 0 picks a free one
 * @param dataDir folder for local data; PostgreSQL keeps its files in {@code postgres/} below it,
 *     the engine its log and clock in {@code engine/}. Empty means a throw-away folder for
 *     PostgreSQL, deleted on shutdown, and the engine's log in memory (tests).
 * @param postgresPort port of the embedded PostgreSQL; 0 picks a free one
 * @param snapshotPeriod how often the engine takes a snapshot of its state, after which the log
 *     before it is dropped (also when it stops); only with a data folder. Zero takes none: the log
 *     grows whole (the benchmark's replay of a long log)
 */
@ConfigurationProperties("expertpool.embedded")
public record EmbeddedProperties(
    int enginePort, Path dataDir, int postgresPort, @DefaultValue("5m") Duration snapshotPeriod) {

  public boolean keepsData() {
    return dataDir != null && !dataDir.toString().isBlank();
  }

  /** Where the engine keeps its log and clock; null when nothing is kept. */
  public Path engineDir() {
    return keepsData() ? dataDir.toAbsolutePath().normalize().resolve("engine") : null;
  }
}
