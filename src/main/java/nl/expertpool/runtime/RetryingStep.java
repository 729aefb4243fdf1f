package nl.expertpool.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A step of the start that needs a service which may not be up yet, such as the cluster or the
 * database. It runs in the background and tries again after a growing pause (doubling up to a
 * maximum) until it succeeds, so the app starts and answers while the service is away. A failure
 * that trying again cannot mend stops the retries. As a health component it is UP with the step's
 * result, or DOWN with the reason in one line, the number of attempts and the next one.
 *
 * <p>Each failed attempt is one log line, not a stack trace.
 */
public final class RetryingStep implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(RetryingStep.class);

  private final String name;
  private final Callable<Map<String, Object>> action;
  private final Predicate<Throwable> lasting;
  private final Function<Throwable, String> describe;
  private final StartupRetry retry;
  private final Clock clock = Clock.systemUTC();
  private final CountDownLatch done = new CountDownLatch(1);

  private volatile Thread thread;
  private volatile Map<String, Object> result;
  private volatile String reason = "not started yet";
  private volatile boolean gaveUp;
  private volatile int attempts;
  private volatile Instant nextAttempt;

  /**
   * @param name what the step does, for the log ("deploy the models")
   * @param action the step; its answer becomes the health details
   * @param lasting which failures trying again cannot mend
   * @param describe a failure in words for the health details and the log
   */
  public RetryingStep(
      String name,
      Callable<Map<String, Object>> action,
      Predicate<Throwable> lasting,
      Function<Throwable, String> describe,
      StartupRetry retry) {
    this.name = name;
    this.action = action;
    this.lasting = lasting;
    this.describe = describe;
    this.retry = retry;
  }

  /** As above, describing a failure by {@link #summary}. */
  public RetryingStep(
      String name,
      Callable<Map<String, Object>> action,
      Predicate<Throwable> lasting,
      StartupRetry retry) {
    this(name, action, lasting, RetryingStep::summary, retry);
  }

  /** Starts the attempts on a thread of their own; a second call does nothing. */
  public synchronized void start() {
    if (thread == null) {
      reason = "first attempt under way";
      thread = Thread.ofVirtual().name("retrying " + name).start(this::run);
    }
  }

  /** Stops trying, as the app shuts down. */
  public void stop() {
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
  }

  public boolean succeeded() {
    return result != null;
  }

  /** Waits until the step has succeeded, for at most {@code timeout}. */
  public boolean awaitSuccess(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        && succeeded();
  }

  @Override
  public Health health() {
    if (result != null) {
      return Health.up().withDetails(result).build();
    }
    var details = new LinkedHashMap<String, Object>();
    details.put("reason", reason);
    details.put("attempts", attempts);
    if (gaveUp) {
      details.put("retrying", false);
    } else if (nextAttempt != null) {
      details.put("nextAttempt", nextAttempt.toString());
    }
    return Health.down().withDetails(details).build();
  }

  private void run() {
    Duration pause = retry.first();
    while (!Thread.currentThread().isInterrupted()) {
      attempts++;
      try {
        Map<String, Object> answer = action.call();
        result = answer == null ? Map.of() : Map.copyOf(answer);
        nextAttempt = null;
        if (attempts > 1) {
          log.info("Done after {} attempts: {}", attempts, name);
        }
        done.countDown();
        return;
      } catch (Exception e) {
        reason = describe.apply(e);
        if (lasting.test(e)) {
          gaveUp = true;
          nextAttempt = null;
          log.error("Cannot {}, and trying again will not help: {}", name, reason, e);
          done.countDown();
          return;
        }
        nextAttempt = clock.instant().plus(pause);
        log.warn("Cannot {} yet (attempt {}, next in {}): {}", name, attempts, pause, reason);
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pause =
          pause.multipliedBy(2).compareTo(retry.max()) > 0 ? retry.max() : pause.multipliedBy(2);
    }
    done.countDown();
  }

  /**
   * A failure in one line that people can act on: the message of the innermost cause that is not a
   * bare socket or I/O error (whose words, such as "Connection refused", lack the address), else
   * the innermost message.
   */
  public static String summary(Throwable e) {
    String said = null;
    String innermost = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        continue;
      }
      innermost = message;
      String type = t.getClass().getName();
      if (!type.startsWith("java.net.") && !type.startsWith("java.io.")) {
        said = message;
      }
    }
    String chosen = said != null ? said : innermost;
    if (chosen == null) {
      return e.getClass().getSimpleName();
    }
    return chosen.lines().findFirst().orElse(chosen).strip();
  }
}
