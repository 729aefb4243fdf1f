package nl.expertpool.remuneration.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.Contact;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.remuneration.Remuneration.ExpertTime;
import nl.expertpool.remuneration.Remuneration.Settlement;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paid time per expert (project managers only). The JSON names experts by pseudonym; the CSV is the
 * payout list for the finance team and so carries names and e-mail addresses.
 */
@RestController
class RemunerationController {

  private static final String PATH = "/api/projects/{id}/remuneration";
  private static final Contact NOBODY = new Contact("", null);

  private final Remuneration remuneration;
  private final ProjectLifecycle projects;
  private final Pool pool;

  RemunerationController(Remuneration remuneration, ProjectLifecycle projects, Pool pool) {
    this.remuneration = remuneration;
    this.projects = projects;
    this.pool = pool;
  }

  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Overview overview(@PathVariable UUID id) {
    Project project = project(id);
    Settlement settlement = remuneration.settlement(id).orElse(null);
    BigDecimal rate = settlement == null ? project.getHourlyRate() : settlement.hourlyRate();
    return new Overview(
        rate,
        settlement == null ? null : settlement.settledAt(),
        settlement == null ? null : settlement.totalHours(),
        settlement == null ? null : settlement.totalAmount(),
        remuneration.timeOf(id).stream().map(t -> line(t, rate)).toList());
  }

  @GetMapping(value = PATH, produces = Csv.MEDIA_TYPE)
  ResponseEntity<String> payoutList(@PathVariable UUID id) {
    Overview overview = overview(id);
    Map<UUID, Contact> people = pool.contacts(id);
    return Csv.download(
        "payout-" + id + ".csv",
        List.of(
            "expert",
            "name",
            "email",
            "training hours",
            "interview hours",
            "session hours",
            "hours",
            "hourly rate",
            "amount",
            "settled"),
        overview.experts().stream()
            .<List<?>>map(
                e -> {
                  Contact person = people.getOrDefault(e.expertId(), NOBODY);
                  return List.of(
                      e.pseudonym(),
                      person.name() == null ? "" : person.name(),
                      person.email() == null ? "" : person.email(),
                      e.trainingHours(),
                      e.interviewHours(),
                      e.sessionHours(),
                      e.hours(),
                      overview.hourlyRate(),
                      e.amount(),
                      e.settled() ? "yes" : "no");
                })
            .toList());
  }

  private Project project(UUID id) {
    return projects.find(id).orElseThrow(() -> ApiException.notFound("No project " + id));
  }

  private static Line line(ExpertTime time, BigDecimal rate) {
    BigDecimal hours = Remuneration.hours(time.totalMinutes());
    return new Line(
        time.expertId(),
        time.pseudonym(),
        Remuneration.hours(time.trainingMinutes()),
        Remuneration.hours(time.interviewMinutes()),
        Remuneration.hours(time.sessionMinutes()),
        hours,
        Remuneration.amount(hours, rate),
        time.settled());
  }

  /** The project's paid time; the settlement fields are null until it is settled. */
  record Overview(
      BigDecimal hourlyRate,
      Instant settledAt,
      BigDecimal totalHours,
      BigDecimal totalAmount,
      List<Line> experts) {}

  record Line(
      UUID expertId,
      String pseudonym,
      BigDecimal trainingHours,
      BigDecimal interviewHours,
      BigDecimal sessionHours,
      BigDecimal hours,
      BigDecimal amount,
      boolean settled) {}
}
