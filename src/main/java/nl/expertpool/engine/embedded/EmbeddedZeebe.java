package nl.expertpool.engine.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RecordFeed;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.function.Supplier;
import nl.expertpool.runtime.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The real Zeebe 8.8 workflow engine, with its gRPC gateway on a port of the loopback address, so
 * that nothing beyond this machine reaches it; given a credential, it takes calls only from a
 * client that has it, so that other users of the machine cannot either. Its log is in memory; its
 * state is in RocksDB (as on a broker) in a temporary folder that goes when the engine stops
 * ({@link RocksDbEngineFactory}). Its clock is wall time plus the total the app moved it forward;
 * {@link #clock()} shows the app the same time.
 */
public final class EmbeddedZeebe implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebe.class);
  private static final String STATE_PREFIX = "expertpool-engine-state-";

  private final ZeebeTestEngine engine;
  private final Supplier<RecordFeed> feeds;
  private final int port;
  private final Path stateDir;
  private volatile Duration offset = Duration.ZERO;

  /** An engine whose gateway takes every call from this machine (tests, stand-in clusters). */
  public EmbeddedZeebe(int port) {
    this(port, null);
  }

  /**
   * An engine whose gateway takes only calls with this {@code authorization} header.
   *
   * @param authorization such as {@code Basic ...}, as the Camunda client sends it; null takes
   *     every call from this machine
   */
  public EmbeddedZeebe(int port, String authorization) {
    this.port = port;
    ensureFree(port);
    this.stateDir = stateDir();
    try {
      var created = RocksDbEngineFactory.create(port, stateDir, authorization);
      this.engine = created.engine();
      this.feeds = created.feeds();
    } catch (RuntimeException e) {
      FileSystemUtils.deleteRecursively(stateDir.toFile());
      throw e;
    }
    try {
      engine.start();
    } catch (RuntimeException e) {
      close();
      if (hasCause(e, BindException.class)) {
        throw portInUse(port, e);
      }
      throw e;
    }
    log.info(
        "Embedded Zeebe engine listening on {}:{} ({})",
        InetAddress.getLoopbackAddress().getHostAddress(),
        port,
        authorization == null ? "any local client" : "this app's client only");
  }

  ZeebeTestEngine engine() {
    return engine;
  }

  /** A new follower of the engine's records from the first on, keeping none of them. */
  public RecordFeed newFeed() {
    return feeds.get();
  }

  public int port() {
    return port;
  }

  /** The app's clock: it moves with the engine's. */
  public Clock clock() {
    return new EngineClock(ZoneOffset.UTC);
  }

  synchronized Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("The engine clock only moves forward");
    }
    engine.increaseTime(duration);
    offset = offset.plus(duration);
    return Instant.now().plus(offset);
  }

  @Override
  public void close() {
    try {
      engine.stop();
    } finally {
      FileSystemUtils.deleteRecursively(stateDir.toFile());
    }
    log.info("Embedded Zeebe engine stopped");
  }

  private static Path stateDir() {
    try {
      removeLeftovers(Path.of(System.getProperty("java.io.tmpdir")));
      return Files.createTempDirectory(STATE_PREFIX + ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new StartupProblem(
          "Cannot create a temporary folder for the engine's state: " + e.getMessage(),
          "Make the temporary folder (java.io.tmpdir) writable, or point it elsewhere with"
              + " -Djava.io.tmpdir=<folder>.",
          e);
    }
  }

  /**
   * Deletes the state folders in {@code folder} of engines whose process is gone without stopping
   * them (killed or crashed): their log was in memory, so nothing can use them any more. A folder
   * names the process that made it; one whose process still runs stays.
   */
  static void removeLeftovers(Path folder) {
    try (var dirs = Files.newDirectoryStream(folder, STATE_PREFIX + "*")) {
      for (Path dir : dirs) {
        OptionalLong owner = owner(dir);
        if (owner.isPresent() && ProcessHandle.of(owner.getAsLong()).isEmpty()) {
          FileSystemUtils.deleteRecursively(dir);
          log.info(
              "Removed the engine state of process {}, which ended without stopping its engine: {}",
              owner.getAsLong(),
              dir);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Could not look for the state of engines that did not stop in {}", folder, e);
    }
  }

  /** The process in a state folder's name, {@code expertpool-engine-state-<pid>-<random>}. */
  private static OptionalLong owner(Path dir) {
    String rest = dir.getFileName().toString().substring(STATE_PREFIX.length());
    int dash = rest.indexOf('-');
    if (dash < 0) {
      return OptionalLong.empty(); // a folder of an earlier version: its maker is unknown
    }
    try {
      return OptionalLong.of(Long.parseLong(rest.substring(0, dash)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static void ensureFree(int port) {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw portInUse(port, e);
    }
  }

  private static StartupProblem portInUse(int port, Exception cause) {
    return new StartupProblem(
        "Port %d (embedded Zeebe gateway) is already in use.".formatted(port),
        "Stop the program that uses port %d (another instance of this app?), or start with another port, e.g. EXPERTPOOL_ENGINE_PORT=%d."
            .formatted(port, port + 1),
        cause);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private final class EngineClock extends Clock {
    private final ZoneId zone;

    private EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
