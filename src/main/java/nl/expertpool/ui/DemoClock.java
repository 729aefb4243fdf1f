package nl.expertpool.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The embedded default's demo clock on the project page: a day, a week, or on to the project's next
 * timer, so that a demo or a training walks through months in minutes. The same engine call as
 * {@code POST /api/dev/clock}; a cluster's clock cannot be moved, and there this answers 404.
 */
@Controller
class DemoClock {

  static final String DAY = "P1D";
  static final String WEEK = "P7D";
  static final String NEXT_TIMER = "next-timer";

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT)
          .withZone(ZoneId.of("Europe/Amsterdam"));

  private final ProcessEngine engine;
  private final ProjectLifecycle projects;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DemoClock(
      ProcessEngine engine,
      ProjectLifecycle projects,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.engine = engine;
    this.projects = projects;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  @PostMapping("/dashboard/projects/{id}/clock")
  String advance(
      @PathVariable UUID id,
      @RequestParam(required = false) String advance,
      RedirectAttributes flash) {
    if (!engine.clockAdjustable()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Project project =
        projects
            .find(id)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, PortalController.NO_PROJECT));
    Optional<Duration> step = step(advance, project);
    if (step.isEmpty()) {
      flash.addFlashAttribute("notice", "clock.noTimer");
      return "redirect:/dashboard/projects/" + id + "#clock";
    }
    Instant now = engine.advanceClock(step.get());
    String actor = CurrentUser.get().name();
    transactions.executeWithoutResult(
        status ->
            audit.record(
                actor, "engine.clock-advanced", AuditTrail.project(id), step.get().toString()));
    flash.addFlashAttribute("notice", "clock.moved");
    flash.addFlashAttribute("noticeArg", SHOWN.format(now));
    return "redirect:/dashboard/projects/" + id + "#clock";
  }

  private Optional<Duration> step(String advance, Project project) {
    if (DAY.equals(advance)) {
      return Optional.of(Duration.ofDays(1));
    }
    if (WEEK.equals(advance)) {
      return Optional.of(Duration.ofDays(7));
    }
    if (NEXT_TIMER.equals(advance) && project.getProcessInstanceKey() != null) {
      return engine
          .nextTimer(project.getProcessInstanceKey())
          .map(due -> Duration.between(clock.instant(), due).plusSeconds(1))
          .map(d -> d.isNegative() ? Duration.ofSeconds(1) : d);
    }
    throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
  }
}
