package nl.expertpool.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One engine clock shared by every simulated project. A project that needs time to pass (a
 * recruitment window, a training session, the retention period) waits here; only when every running
 * project waits is the clock moved, to the earliest time any of them waits for (and the waits due
 * within the hour after it). So no project sees more time pass than it asked for, and projects in
 * different phases can share the engine. Before moving it, the clock waits until no job is in
 * flight, so no job's timing spans a jump of the clock.
 */
final class SimClock {

  private static final Duration COALESCE = Duration.ofHours(1);
  private static final Duration QUIET_WAIT = Duration.ofSeconds(60);

  private static final class Wait {
    final Instant until;
    boolean released;

    Wait(Instant until) {
      this.until = until;
    }
  }

  private final Driver driver;
  private final List<Wait> waiting = new ArrayList<>();
  private final List<Thread> tickers = new ArrayList<>();
  private int running;
  private int advances;

  SimClock(Driver driver) {
    this.driver = driver;
  }

  synchronized void join() {
    running++;
  }

  synchronized void leave() {
    running--;
    advanceIfAllWait();
  }

  synchronized int advances() {
    return advances;
  }

  /** Returns once the engine clock has moved on by at least {@code duration}. */
  synchronized void pass(Duration duration) throws InterruptedException {
    var wait = new Wait(driver.now().plus(duration));
    waiting.add(wait);
    advanceIfAllWait();
    while (!wait.released) {
      wait();
    }
  }

  private void advanceIfAllWait() {
    if (waiting.isEmpty() || waiting.size() < running) {
      return;
    }
    Instant first = waiting.stream().map(w -> w.until).min(Comparator.naturalOrder()).orElseThrow();
    Instant to =
        waiting.stream()
            .map(w -> w.until)
            .filter(u -> !u.isAfter(first.plus(COALESCE)))
            .max(Comparator.naturalOrder())
            .orElseThrow();
    awaitNoJobInFlight();
    Duration by = Duration.between(driver.now(), to);
    if (by.isPositive()) {
      driver.advanceClock(by);
      advances++;
      tickAfterJump();
    }
    Instant now = driver.now();
    waiting.removeIf(
        w -> {
          if (!w.until.isAfter(now)) {
            w.released = true;
            return true;
          }
          return false;
        });
    notifyAll();
  }

  /**
   * After a large jump, the in-memory engine at times leaves timers that fell due unfired until its
   * clock moves again (seen with 50 projects of 20 experts: every project waited for its window to
   * close). So for the next 30 s the clock also moves on by 1 ms every 250 ms, which the simulation
   * cannot notice (the engine's clock follows wall time anyway).
   */
  private void tickAfterJump() {
    tickers.removeIf(t -> !t.isAlive());
    var ticker =
        Thread.ofPlatform()
            .daemon()
            .name("bench-clock-tick")
            .start(
                () -> {
                  for (int i = 0; i < 120; i++) {
                    try {
                      Thread.sleep(250);
                    } catch (InterruptedException e) {
                      return;
                    }
                    try {
                      driver.advanceClock(Duration.ofMillis(1));
                    } catch (RuntimeException e) {
                      return; // the engine has stopped
                    }
                  }
                });
    tickers.add(ticker);
  }

  /** Stops moving the clock: the run is over. */
  synchronized void close() {
    tickers.forEach(Thread::interrupt);
    tickers.clear();
  }

  private void awaitNoJobInFlight() {
    long deadline = System.nanoTime() + QUIET_WAIT.toNanos();
    while (driver.records().jobsInFlight() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            driver.name() + ": jobs still in flight after " + QUIET_WAIT + "; is a worker stuck?");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
