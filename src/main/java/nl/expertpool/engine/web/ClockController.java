package nl.expertpool.engine.web;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the embedded engine's clock so that timers (recruitment windows, deadlines) fire now: for
 * demos and tests. A cluster's clock cannot be moved; there this answers 404.
 */
@RestController
class ClockController {

  private final ProcessEngine engine;

  ClockController(ProcessEngine engine) {
    this.engine = engine;
  }

  @PostMapping(value = "/api/dev/clock", produces = MediaType.APPLICATION_JSON_VALUE)
  ClockView advance(@RequestBody ClockAdvance request) {
    if (!engine.clockAdjustable()) {
      throw ApiException.notFound("The engine's clock can only be moved on the embedded default.");
    }
    Duration duration = parse(request.advance());
    return new ClockView(engine.advanceClock(duration));
  }

  private static final Duration MAX_ADVANCE = Duration.ofDays(3650);

  /** ISO-8601: {@code P14D}, {@code PT36H}, {@code P1DT2H}. */
  static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("advance", "is required (an ISO-8601 duration such as P14D)");
    }
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      try {
        Period period = Period.parse(text);
        if (period.getYears() != 0 || period.getMonths() != 0) {
          throw ApiException.invalid("advance", "must be in days, hours or minutes (e.g. P14D)");
        }
        duration = Duration.ofDays(period.getDays());
      } catch (DateTimeParseException again) {
        throw ApiException.invalid("advance", "is not an ISO-8601 duration (e.g. P14D or PT36H)");
      }
    }
    if (duration.isNegative() || duration.isZero()) {
      throw ApiException.invalid("advance", "must be positive: the clock only moves forward");
    }
    if (duration.compareTo(MAX_ADVANCE) > 0) {
      // Far bigger leaps overflow the engine's clock; no timer of the app is ten years off.
      throw ApiException.invalid("advance", "must be at most P3650D (ten years) at a time");
    }
    return duration;
  }

  record ClockAdvance(String advance) {}

  record ClockView(Instant now) {}
}
