package nl.expertpool.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Follows memory: the JVM's heap in use, sampled every 100 ms (live data and garbage not collected
 * yet, so it depends on the maximum heap); the heap still in use after a full collection at the end
 * of a run (what the app keeps: the in-memory engine holds every record it wrote); the process's
 * resident set (its high-water mark {@code VmHWM}, reset at each {@link #reset()}); and the
 * proportional set of the embedded PostgreSQL's processes.
 */
final class Resources implements AutoCloseable {

  /** Peaks since the last reset, in bytes. */
  record Peaks(
      long heapUsed,
      long heapLiveAtStart,
      long heapLive,
      long heapCommitted,
      long rss,
      long postgres) {}

  private final Thread sampler;
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
  private volatile long postmasterPid = -1;
  private long heapUsed;
  private long heapCommitted;
  private long heapLiveAtStart;
  private long postgres;
  private volatile boolean running = true;

  Resources() {
    sampler = Thread.ofPlatform().daemon().name("bench-resources").start(this::sampleLoop);
  }

  /** The embedded PostgreSQL to follow, by the id of one of its server processes. */
  void followPostgres(long backendPid) {
    postmasterPid = parentOf(backendPid);
  }

  /** Starts a run: a full collection first, to know what was live before it. */
  synchronized void reset() {
    System.gc();
    heapLiveAtStart = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    heapUsed = heapCommitted = postgres = 0;
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // Without it VmHWM is the peak since the JVM started; the report says which.
    }
    sample();
  }

  /** Peaks since the last reset; then a full collection, to measure what stays live. */
  Peaks peaks() {
    Peaks peaks;
    synchronized (this) {
      sample();
      peaks =
          new Peaks(
              heapUsed, heapLiveAtStart, 0, heapCommitted, status("self", "VmHWM:"), postgres);
    }
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new Peaks(
        peaks.heapUsed(),
        peaks.heapLiveAtStart(),
        live,
        peaks.heapCommitted(),
        peaks.rss(),
        peaks.postgres());
  }

  private void sampleLoop() {
    int tick = 0;
    while (running) {
      synchronized (this) {
        sample();
        if (tick++ % 5 == 0) {
          postgres = Math.max(postgres, postgresPss());
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    heapUsed = Math.max(heapUsed, heap.getUsed());
    heapCommitted = Math.max(heapCommitted, heap.getCommitted());
  }

  /** The PostgreSQL server and every process it forked, each counted for its share of memory. */
  private long postgresPss() {
    long postmaster = postmasterPid;
    if (postmaster <= 0) {
      return 0;
    }
    Set<Long> pids;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      pids =
          procs
              .map(p -> p.getFileName().toString())
              .filter(n -> n.chars().allMatch(Character::isDigit))
              .map(Long::parseLong)
              .filter(pid -> pid == postmaster || parentOf(pid) == postmaster)
              .collect(Collectors.toSet());
    } catch (IOException e) {
      return 0;
    }
    long total = 0;
    for (long pid : pids) {
      total += field(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:");
    }
    return total;
  }

  private static long parentOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(afterName[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long status(String pid, String key) {
    return field(Path.of("/proc", pid, "status"), key);
  }

  /** A "Key: 123 kB" line of a /proc file, in bytes; 0 when it cannot be read. */
  private static long field(Path file, String key) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .filter(l -> l.startsWith(key))
          .findFirst()
          .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]) * 1024)
          .orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
