package nl.expertpool.engine.embedded;

import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RecordFeed;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import nl.expertpool.runtime.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The real Zeebe 8.8 workflow engine, with its gRPC gateway on a port of the loopback address, so
 * that nothing beyond this machine reaches it; given a credential, it takes calls only from a
 * client that has it, so that other users of the machine cannot either. Given a folder, it keeps
 * its log there on disk ({@link FileLogStorage}), each append forced to the disk before the engine
 * goes on, and at start it rebuilds its state by replaying that log, as a broker recovers: running
 * projects survive a restart. Without one (the tests) the log is in memory. Its state is in RocksDB
 * (as on a broker) in a temporary folder that goes when the engine stops ({@link
 * RocksDbEngineFactory}), rebuilt at each start from the last snapshot and the log after it. Its
 * clock is wall time plus the total the app moved it forward, kept beside the log; {@link #clock()}
 * shows the app the same time.
 *
 * <p>Given a projection of its records to keep with it ({@link #keepSnapshots}), it takes a
 * snapshot now and then and when it stops ({@link EngineSnapshots}): the state store's checkpoint
 * and the projection, after which the log before both is dropped. So the log, the memory it takes
 * and the replay at start stay as small as what happened since the last snapshot, however long the
 * app has run.
 */
public final class EmbeddedZeebe implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebe.class);
  private static final String STATE_PREFIX = "expertpool-engine-state-";
  static final String LOG_FILE = "log";
  static final String CLOCK_FILE = "clock";
  private static final Duration REPLAY_LIMIT = Duration.ofMinutes(10);

  private final ZeebeTestEngine engine;
  private final LongFunction<RecordFeed> feeds;
  private final StreamProcessor streamProcessor;
  private final ZeebeDb<ZbColumnFamilies> state;
  private final int port;
  private final Path stateDir;
  private final FileLogStorage logStorage;
  private final Path clockFile;
  private final EngineSnapshots snapshots;
  private final EngineSnapshots.Part keptProjection;
  private final Recovery recovery;
  private volatile Duration offset = Duration.ZERO;
  private volatile Supplier<EngineSnapshots.Part> projection;
  private ScheduledExecutorService snapshotter;
  private long snapshotPosition = -1;
  private final java.util.List<Runnable> afterClose =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * What the engine found at start.
   *
   * @param durable whether its log is on disk
   * @param position the highest position of the log it replayed; -1 for an empty log
   * @param blocks how many blocks of records the log held
   * @param snapshotPosition the position its snapshot held the state at; -1 without a snapshot
   * @param replay how long starting took, replay included
   * @param cutOff bytes of a torn last block cut off at start; 0 when none
   */
  public record Recovery(
      boolean durable,
      long position,
      int blocks,
      long snapshotPosition,
      Duration replay,
      long cutOff) {}

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
    this(port, authorization, null);
  }

  /**
   * An engine whose gateway takes only calls with this {@code authorization} header and whose log
   * and clock are kept in this folder.
   *
   * @param folder where the log and the clock are kept (created when missing); null keeps the log
   *     in memory, lost when the engine stops
   */
  public EmbeddedZeebe(int port, String authorization, Path folder) {
    this.port = port;
    ensureFree(port);
    this.stateDir = stateDir();
    this.clockFile = folder == null ? null : folder.resolve(CLOCK_FILE);
    this.snapshots = folder == null ? null : new EngineSnapshots(folder);
    FileLogStorage storage = null;
    try {
      var kept = snapshots == null ? Optional.<EngineSnapshots.Kept>empty() : snapshots.open();
      kept.ifPresent(k -> copy(k.state(), stateDir));
      this.keptProjection = kept.map(EngineSnapshots.Kept::projection).orElse(null);
      this.snapshotPosition = kept.map(EngineSnapshots.Kept::position).orElse(-1L);
      storage = folder == null ? null : new FileLogStorage(folder.resolve(LOG_FILE), true);
      var created = RocksDbEngineFactory.create(port, stateDir, authorization, storage);
      this.engine = created.engine();
      this.feeds = created.feeds();
      this.streamProcessor = created.streamProcessor();
      this.state = created.state();
      this.logStorage = storage;
    } catch (RuntimeException e) {
      FileSystemUtils.deleteRecursively(stateDir.toFile());
      if (storage != null) {
        storage.close();
      }
      throw e;
    }
    Duration kept = EngineClockFile.read(clockFile);
    if (!kept.isZero()) {
      engine.increaseTime(kept);
      offset = kept;
    }
    // What the log holds before the engine adds to it: what is replayed.
    long recovered = logStorage == null ? -1 : logStorage.lastPosition();
    int blocks = logStorage == null ? 0 : logStorage.blockCount();
    long started = System.nanoTime();
    try {
      engine.start();
      awaitReplay();
    } catch (RuntimeException e) {
      close();
      if (hasCause(e, BindException.class)) {
        throw portInUse(port, e);
      }
      throw e;
    }
    this.recovery =
        new Recovery(
            logStorage != null,
            recovered,
            blocks,
            snapshotPosition,
            Duration.ofNanos(System.nanoTime() - started),
            logStorage == null ? 0 : logStorage.cutOffAtOpen());
    if (logStorage != null && recovery.blocks() == 0) {
      log.info("Embedded Zeebe engine keeps its log in {}: a new one", folder.resolve(LOG_FILE));
    } else if (logStorage != null) {
      log.info(
          "Embedded Zeebe engine recovered its log {}: {}{} blocks up to position {}, replayed in {}"
              + " ms; its clock {} ahead",
          folder.resolve(LOG_FILE),
          snapshotPosition < 0 ? "" : "a snapshot at position " + snapshotPosition + " and ",
          recovery.blocks(),
          recovery.position(),
          recovery.replay().toMillis(),
          offset);
    }
    log.info(
        "Embedded Zeebe engine listening on {}:{} ({})",
        InetAddress.getLoopbackAddress().getHostAddress(),
        port,
        authorization == null ? "any local client" : "this app's client only");
  }

  /**
   * Waits until the stream processor has replayed the log and processes commands: the app's workers
   * and pages then meet the state as it was.
   */
  private void awaitReplay() {
    long deadline = System.nanoTime() + REPLAY_LIMIT.toNanos();
    while (!processing()) {
      if (streamProcessor.isFailed()) {
        throw new IllegalStateException("The engine failed while replaying its log");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The engine did not replay its log within " + REPLAY_LIMIT.toMinutes() + " minutes");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the engine replayed its log", e);
      }
    }
  }

  /** What the engine found and replayed at start. */
  public Recovery recovery() {
    return recovery;
  }

  /**
   * Whether the engine has replayed its log and processes new commands; false while it replays or
   * after it failed.
   */
  public boolean processing() {
    try {
      return !streamProcessor.isFailed()
          && streamProcessor.getCurrentPhase().join() == StreamProcessor.Phase.PROCESSING;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The highest position the engine has processed. */
  public long processedPosition() {
    return streamProcessor.getLastProcessedPositionAsync().join();
  }

  ZeebeTestEngine engine() {
    return engine;
  }

  /** A new follower of the engine's records from the first on, keeping none of them. */
  public RecordFeed newFeed() {
    return feeds.apply(-1);
  }

  /** Runs this once the engine has stopped and its log is closed. */
  public void whenClosed(Runnable action) {
    afterClose.add(action);
  }

  /** A new follower of the engine's records after this position, keeping none of them. */
  RecordFeed newFeed(long after) {
    return feeds.apply(after);
  }

  /** The projection's part of the snapshot found at start; empty without one. */
  Optional<EngineSnapshots.Part> keptProjection() {
    return Optional.ofNullable(keptProjection);
  }

  /**
   * Takes a snapshot with the projection's part every {@code period} (and when the engine stops),
   * after which the log before it is dropped. Only with a log on disk; the projection must follow
   * the records from the start of the log, or from the kept projection's position on.
   */
  public synchronized void keepSnapshots(Supplier<EngineSnapshots.Part> part, Duration period) {
    if (logStorage == null || projection != null) {
      return;
    }
    this.projection = part;
    this.snapshotter =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("engine-snapshot").factory());
    snapshotter.scheduleWithFixedDelay(
        this::snapshotQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void snapshotQuietly() {
    try {
      snapshot();
    } catch (RuntimeException e) {
      log.warn("Could not take a snapshot of the engine; its log is kept whole", e);
    }
  }

  /**
   * Takes a snapshot now, if anything was processed since the last, and drops the log before it.
   *
   * @return the position up to which the log was dropped; empty when no snapshot was taken
   */
  public synchronized OptionalLong snapshot() {
    if (projection == null || !processing()) {
      return OptionalLong.empty();
    }
    long processed = processedPosition();
    if (processed <= snapshotPosition) {
      return OptionalLong.empty();
    }
    long started = System.nanoTime();
    var part = projection.get();
    snapshots.write(dir -> state.createSnapshot(dir.toFile()), processed, part);
    snapshotPosition = processed;
    long upTo = Math.min(processed, part.position());
    int dropped = logStorage.compact(upTo);
    log.debug(
        "Took a snapshot of the engine at position {} in {} ms; dropped {} blocks of its log",
        processed,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        dropped);
    return OptionalLong.of(upTo);
  }

  public int port() {
    return port;
  }

  /** The app's clock: it moves with the engine's. */
  public Clock clock() {
    return new EngineClock(ZoneOffset.UTC);
  }

  public synchronized Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("The engine clock only moves forward");
    }
    engine.increaseTime(duration);
    offset = offset.plus(duration);
    EngineClockFile.write(clockFile, offset);
    return Instant.now().plus(offset);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (snapshotter != null) {
        snapshotter.shutdownNow();
        snapshotQuietly(); // the next start then replays nothing
      }
    }
    try {
      engine.stop();
    } finally {
      if (logStorage != null) {
        logStorage.close();
      }
      FileSystemUtils.deleteRecursively(stateDir.toFile());
      afterClose.forEach(Runnable::run);
    }
    log.info("Embedded Zeebe engine stopped");
  }

  private static void copy(Path from, Path to) {
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the engine's snapshot from " + from, e);
    }
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
