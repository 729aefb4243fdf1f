package nl.expertpool.remuneration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.Contact;
import nl.expertpool.remuneration.Remuneration.ExpertTime;
import nl.expertpool.remuneration.Remuneration.Settlement;
import nl.expertpool.web.Csv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's paid time as people read it: hours and amount per expert at the project's rate (the
 * settled rate once settled), and the payout list for the finance team, which alone carries names.
 */
@Service
public class PaidTime {

  private static final Contact NOBODY = new Contact("", null);

  private final Remuneration remuneration;
  private final ProjectLifecycle projects;
  private final Pool pool;

  PaidTime(Remuneration remuneration, ProjectLifecycle projects, Pool pool) {
    this.remuneration = remuneration;
    this.projects = projects;
    this.pool = pool;
  }

  @Transactional(readOnly = true)
  public Overview overview(UUID projectId) {
    Settlement settlement = remuneration.settlement(projectId).orElse(null);
    BigDecimal rate =
        settlement == null ? projects.get(projectId).getHourlyRate() : settlement.hourlyRate();
    return new Overview(
        rate,
        settlement == null ? null : settlement.settledAt(),
        settlement == null ? null : settlement.totalHours(),
        settlement == null ? null : settlement.totalAmount(),
        remuneration.timeOf(projectId).stream().map(t -> line(t, rate)).toList());
  }

  /** The payout list: one row per expert with name, e-mail address, hours and amount. */
  @Transactional(readOnly = true)
  public Csv.Table payoutList(UUID projectId) {
    Overview overview = overview(projectId);
    Map<UUID, Contact> people = pool.contacts(projectId);
    return new Csv.Table(
        "payout-" + projectId + ".csv",
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
  public record Overview(
      BigDecimal hourlyRate,
      Instant settledAt,
      BigDecimal totalHours,
      BigDecimal totalAmount,
      List<Line> experts) {}

  public record Line(
      UUID expertId,
      String pseudonym,
      BigDecimal trainingHours,
      BigDecimal interviewHours,
      BigDecimal sessionHours,
      BigDecimal hours,
      BigDecimal amount,
      boolean settled) {}
}
