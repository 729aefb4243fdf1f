package nl.expertpool.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the engine last refused the app's client for want of a permission, for {@link #REMEMBERED}
 * after the refusal: the engine health reports it, naming the permission, so that a missing
 * authorization is told apart from an engine that is away. The pages and the reconciliation ask
 * again every few minutes, so a permission not granted stays in sight, and one granted drops out.
 */
public final class EngineAccess {

  /**
   * A refusal.
   *
   * @param request what the app asked, such as {@code POST /v2/user-tasks/search}
   * @param permission what the cluster said is missing; null when it did not say
   */
  public record Denial(String request, String permission, Instant at) {}

  public static final java.time.Duration REMEMBERED = java.time.Duration.ofMinutes(10);

  private final AtomicReference<Denial> last = new AtomicReference<>();
  private final Clock clock;

  public EngineAccess(Clock clock) {
    this.clock = clock;
  }

  public EngineAccess() {
    this(Clock.systemUTC());
  }

  public void denied(String request, String permission) {
    last.set(new Denial(request, permission, clock.instant()));
  }

  /** The last refusal, if it came less than {@link #REMEMBERED} ago. */
  public Optional<Denial> current() {
    return Optional.ofNullable(last.get())
        .filter(denial -> denial.at().isAfter(clock.instant().minus(REMEMBERED)));
  }
}
