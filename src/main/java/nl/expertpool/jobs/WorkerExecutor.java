package nl.expertpool.jobs;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The threads that run the job workers, and the timer on which the Camunda client schedules a
 * worker's next poll, a job stream's reconnect and a job command sent again.
 *
 * <p>Once the app begins to close ({@link #beginClosing()}), a task scheduled with a delay no
 * longer runs. The Camunda client (8.8.14) needs this to shut down: a job stream that failed
 * schedules its reconnect, and a reconnect that comes due after its worker closed returns still
 * holding the stream's lock; the client closes every worker a second time when it closes itself,
 * and that second close then waits for the lock forever (an app that never stops). Tasks that run
 * at once, such as a job's handler, still run, so the jobs in hand finish.
 */
public final class WorkerExecutor extends ScheduledThreadPoolExecutor {

  private static final AtomicInteger POOLS = new AtomicInteger();

  /** Delayed tasks hold it shared while they run; closing takes it exclusively. */
  private final ReadWriteLock gate = new ReentrantReadWriteLock();

  private volatile boolean closing;

  WorkerExecutor(int threads) {
    super(threads, threadsNamed("job-worker-" + POOLS.incrementAndGet() + "-"));
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    if (delay <= 0) {
      // execute() and submit() come here too: a job's handler runs even while closing.
      return super.schedule(task, delay, unit);
    }
    return super.schedule(() -> runUnlessClosing(task), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
    if (delay <= 0) {
      return super.schedule(task, delay, unit);
    }
    return super.schedule(() -> callUnlessClosing(task), delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable task, long initialDelay, long period, TimeUnit unit) {
    return super.scheduleAtFixedRate(() -> runUnlessClosing(task), initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable task, long initialDelay, long delay, TimeUnit unit) {
    return super.scheduleWithFixedDelay(() -> runUnlessClosing(task), initialDelay, delay, unit);
  }

  private void runUnlessClosing(Runnable task) {
    gate.readLock().lock();
    try {
      if (!closing) {
        task.run();
      }
    } finally {
      gate.readLock().unlock();
    }
  }

  private <V> V callUnlessClosing(Callable<V> task) throws Exception {
    gate.readLock().lock();
    try {
      return closing ? null : task.call();
    } finally {
      gate.readLock().unlock();
    }
  }

  /**
   * From now on a delayed task comes due without running. Returns once no delayed task runs any
   * more, so none can start after a worker closes.
   */
  void beginClosing() {
    gate.writeLock().lock();
    try {
      closing = true;
    } finally {
      gate.writeLock().unlock();
    }
  }

  boolean isClosing() {
    return closing;
  }

  private static ThreadFactory threadsNamed(String prefix) {
    var count = new AtomicInteger();
    return task -> new Thread(task, prefix + count.incrementAndGet());
  }
}
