package nl.expertpool.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of an app that was killed ({@code kill -9}, an out-of-memory kill, a
 * crash) lives on without it, holding the data folder. Called with the folder's {@link
 * DataFolderLock} held, so that no live app owns it, this stops such a server cleanly: a fast
 * shutdown by its own {@code pg_ctl}, else a polite signal, waiting for it to end. What it finds
 * and does goes to the log in a line each.
 */
final class OrphanedPostgres {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private OrphanedPostgres() {}

  /**
   * Stops the server {@code postmaster.pid} in the cluster folder names, when it still runs.
   *
   * @return whether there was one to stop
   */
  static boolean stop(Path cluster) {
    Optional<ProcessHandle> server = server(cluster);
    if (server.isEmpty()) {
      return false;
    }
    ProcessHandle postgres = server.get();
    log.warn(
        "A PostgreSQL (process {}) still runs on {}, left by an app that ended without stopping it;"
            + " stopping it",
        postgres.pid(),
        cluster);
    if (!fastShutdown(postgres, cluster)) {
      postgres.destroy(); // SIGTERM: a smart shutdown, quick now that its clients are gone
    }
    try {
      postgres.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StartupProblem(
          "The PostgreSQL (process %d) left running on %s did not stop within %d s."
              .formatted(postgres.pid(), cluster, WAIT.toSeconds()),
          "Stop process %d yourself, then start the app again.".formatted(postgres.pid()),
          e);
    }
    log.info("Stopped the PostgreSQL (process {}) left running on {}", postgres.pid(), cluster);
    return true;
  }

  /** The live process {@code postmaster.pid} names, if it is a PostgreSQL server. */
  private static Optional<ProcessHandle> server(Path cluster) {
    Path pidFile = cluster.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
      long pid = Long.parseLong(lines.getFirst().strip());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    } catch (IOException | RuntimeException e) {
      log.debug("Could not read {}", pidFile, e);
      return Optional.empty();
    }
  }

  /** Asks the server's own {@code pg_ctl}, beside its binary, for a fast shutdown. */
  private static boolean fastShutdown(ProcessHandle postgres, Path cluster) {
    Optional<Path> pgCtl =
        postgres
            .info()
            .command()
            .map(c -> Path.of(c).resolveSibling("pg_ctl"))
            .filter(Files::isExecutable);
    if (pgCtl.isEmpty()) {
      return false;
    }
    try {
      Process stop =
          new ProcessBuilder(
                  pgCtl.get().toString(), "stop", "-D", cluster.toString(), "-m", "fast", "-w")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return stop.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) && stop.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
