package nl.expertpool.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives {@code projects} lifecycles through one driver, {@code concurrency} of them at a time on
 * one shared clock, and measures what that took.
 */
final class LevelRun {

  /** Everything measured about one run; the report derives the rates. */
  record Outcome(
      String driver,
      int concurrency,
      int experts,
      int interviews,
      long wallNanos,
      List<ProjectSimulation.Result> lifecycles,
      RecordWatch.Snapshot jobsBefore,
      RecordWatch.Snapshot jobsAfter,
      long[] jobLatenciesMillis,
      java.util.Map<String, long[]> jobLatenciesByType,
      DatabaseWrites.Counts databaseWrites,
      Resources.Peaks peaks,
      int clockAdvances) {}

  private LevelRun() {}

  static Outcome run(
      Driver driver,
      DatabaseWrites database,
      Resources resources,
      int concurrency,
      int projects,
      int experts,
      int interviews)
      throws InterruptedException {
    var clock = new SimClock(driver);
    DatabaseWrites.Counts dbBefore = database == null ? null : database.read();
    RecordWatch jobs = driver.records();
    RecordWatch.Snapshot before = jobs.snapshot();
    resources.reset();

    var next = new AtomicInteger();
    var results = new ArrayList<ProjectSimulation.Result>();
    int threads = Math.min(concurrency, projects);
    for (int i = 0; i < threads; i++) {
      clock.join();
    }
    long start = System.nanoTime();
    var finished = new AtomicInteger();
    var progress =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    while (true) {
                      Thread.sleep(30_000);
                      System.out.printf(
                          "    %s, %d at once: %d of %d lifecycles done after %.0f s%n",
                          driver.name(),
                          concurrency,
                          finished.get(),
                          projects,
                          (System.nanoTime() - start) / 1e9);
                    }
                  } catch (InterruptedException e) {
                    // The level is over.
                  }
                });
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory());
    try {
      var done = new ExecutorCompletionService<List<ProjectSimulation.Result>>(pool);
      for (int i = 0; i < threads; i++) {
        done.submit(
            () -> {
              var mine = new ArrayList<ProjectSimulation.Result>();
              try {
                while (next.getAndIncrement() < projects) {
                  mine.add(new ProjectSimulation(driver, clock, experts, interviews).run());
                  finished.incrementAndGet();
                }
              } finally {
                clock.leave();
              }
              return mine;
            });
      }
      // The first failure stops the others at once rather than after their own timeouts.
      for (int i = 0; i < threads; i++) {
        results.addAll(done.take().get());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          driver.name() + " at concurrency " + concurrency + " failed: " + e.getCause(),
          e.getCause());
    } finally {
      clock.close();
      progress.interrupt();
      pool.shutdownNow();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
    long wall = System.nanoTime() - start;

    RecordWatch.Snapshot after = jobs.snapshot();
    Resources.Peaks peaks = resources.peaks();
    DatabaseWrites.Counts written = database == null ? null : database.read().minus(dbBefore);
    return new Outcome(
        driver.name(),
        concurrency,
        experts,
        interviews,
        wall,
        results,
        before,
        after,
        jobs.latenciesBetween(before, after),
        jobs.latenciesByType(before, after),
        written,
        peaks,
        clock.advances());
  }
}
