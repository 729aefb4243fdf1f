package nl.expertpool.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a project manager changes in a running project's plan; what is left out stays as it is.
 * Deadlines (keys as {@link Phase#key()}) change for the phase under way and those after it; the
 * targets change until screening begins.
 */
public record PlanChange(
    Map<String, LocalDate> deadlines,
    @Min(1) @Max(500) Integer targetExperts,
    @Min(1) @Max(500) Integer minimumPool) {

  /** Whether it changes nothing at all. */
  boolean empty() {
    return (deadlines == null || deadlines.isEmpty())
        && targetExperts == null
        && minimumPool == null;
  }
}
