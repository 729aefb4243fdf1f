package nl.expertpool.runtime;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Logs a health component's changes, one line each: when it goes DOWN (with the reason) and when it
 * is UP again. The checks themselves stay quiet, so a service that is away for an hour costs two
 * log lines, not a stack trace at every check.
 */
public final class HealthChangeLog {

  private static final Logger log = LoggerFactory.getLogger(HealthChangeLog.class);

  private final String component;
  private final AtomicReference<Status> last = new AtomicReference<>(Status.UNKNOWN);

  public HealthChangeLog(String component) {
    this.component = component;
  }

  /** Notes {@code health} and answers it. */
  public Health seen(Health health) {
    Status before = last.getAndSet(health.getStatus());
    if (!health.getStatus().equals(before)) {
      if (Status.UP.equals(health.getStatus())) {
        if (!Status.UNKNOWN.equals(before)) {
          log.info("{} is up again", component);
        }
      } else {
        log.warn("{} is {}: {}", component, health.getStatus(), health.getDetails().get("reason"));
      }
    }
    return health;
  }
}
