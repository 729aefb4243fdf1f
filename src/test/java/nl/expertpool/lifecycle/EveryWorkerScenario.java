package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.expertpool.engine.UserTask;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.engine.embedded.EngineRecords;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.project.NewProject;
import nl.expertpool.project.Phase;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.remuneration.Remuneration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One path through the lifecycle on which every worker type gets work, taken by several projects
 * side by side: both recruitment rounds, training, interviews with a reminder and a missing one, a
 * synthesis revision, the session with an overdue phase extended, feedback with a reminder, a
 * missing expert and a revision, the handover with a reminder, the agenda's year with its status
 * requests, reminders and follow-up session, the retention period; and a cancellation.
 *
 * <p>Each step is taken for every project before the engine clock moves, and the clock moves only
 * once the engine has no job left that a worker still owes: a job still being handled when its
 * timer fires could be cancelled, or its project take another turn. So projects that run together
 * go the same way and can be compared, however long their jobs take.
 */
public final class EveryWorkerScenario {

  private final LifecycleDriver driver;
  private final JdbcTemplate jdbc;
  private final Remuneration remuneration;
  private final EmbeddedZeebe zeebe;
  private final Map<UUID, Instant> sessionDeadlines = new HashMap<>();
  private Instant extendedAt;

  public EveryWorkerScenario(
      LifecycleDriver driver, JdbcTemplate jdbc, Remuneration remuneration, EmbeddedZeebe zeebe) {
    this.driver = driver;
    this.jdbc = jdbc;
    this.remuneration = remuneration;
    this.zeebe = zeebe;
  }

  /** Creates a project per name and runs them all to completion and through retention. */
  public List<UUID> complete(List<String> names) {
    Map<String, LocalDate> deadlines =
        Map.of(
            Phase.RECRUITMENT.key(), driver.today().plusDays(25),
            Phase.TRAINING.key(), driver.today().plusDays(28),
            Phase.INTERVIEWS.key(), driver.today().plusDays(60),
            Phase.STAKEHOLDER_SESSION.key(), driver.today().plusDays(70));
    List<UUID> projects =
        names.stream()
            .map(
                name ->
                    driver.create(name, 2, deadlines, null, null, new NewProject.AgendaYear(1, 1)))
            .toList();
    for (UUID p : projects) {
      sessionDeadlines.put(p, driver.projects.get(p).getDeadlines().get(Phase.STAKEHOLDER_SESSION));
    }

    // Recruitment: one applicant, too few (Boost recruitment halfway, on day 7), so the window is
    // extended once when it closes on day 14, by 7 days; again too few halfway (day 17.5), then a
    // second one joins. The clock stops past each halfway, as the check it starts would otherwise
    // race the window closing.
    each(projects, p -> driver.apply(p, "Olena Koval"));
    advance(Duration.ofDays(7));
    each(projects, p -> driver.task(p, "boost-recruitment"));
    advance(Duration.ofDays(7));
    each(projects, p -> driver.screen(p, "accept"));
    each(
        projects,
        p ->
            await()
                .atMost(LifecycleDriver.WAIT)
                .until(() -> driver.call.callOf(p).windowExtensions() == 1));
    each(projects, driver::awaitWindowOpen);
    advance(Duration.ofDays(4));
    each(projects, p -> driver.task(p, "boost-recruitment"));
    each(projects, p -> driver.apply(p, "Andrii Melnyk"));
    advance(Duration.ofDays(3));
    each(projects, p -> driver.screen(p, "accept"));
    each(projects, p -> driver.awaitMilestone(p, MilestoneKey.EXPERTS_RECRUITED));

    each(projects, driver::scheduleOneSession);
    each(projects, p -> driver.awaitActive(p, "LastSessionEndedTimer"));
    advance(Duration.ofDays(2));
    each(projects, p -> driver.recordAttendance(p, true));
    each(projects, p -> driver.awaitMilestone(p, MilestoneKey.TRAINING_COMPLETED));

    // Day 23: three of four interviews recorded; the reminder and then the deadline catch the last.
    each(
        projects,
        p -> {
          List<UserTask> interviews = driver.tasks(p, "record-network-interview", 4);
          for (UserTask task : interviews.subList(0, 3)) {
            driver.tasks.complete(
                LifecycleDriver.PM, task.key(), LifecycleDriver.interview("housing"));
          }
        });
    each(
        projects,
        p ->
            await()
                .atMost(LifecycleDriver.WAIT)
                .until(() -> driver.tasks(p, "record-network-interview", 1).size() == 1));
    advance(Duration.ofDays(22));
    each(projects, p -> driver.awaitMilestone(p, MilestoneKey.INTERVIEWS_COMPLETED));

    each(
        projects,
        p ->
            driver.complete(
                p,
                "review-synthesis",
                Map.of("synthesisDecision", "revise", "reviewNotes", "Shorter, please.")));
    each(
        projects,
        p ->
            driver.complete(
                p,
                "revise-synthesis",
                Map.of(
                    "synthesisThemes",
                    List.of(
                        Map.of("theme", "housing", "summary", "Housing first."),
                        Map.of("theme", "work", "summary", "Not raised.")))));
    each(projects, driver::approveSynthesis);
    each(projects, p -> driver.awaitMilestone(p, MilestoneKey.INSIGHTS_SYNTHESISED));

    // Day 45: the session on day 55 (reminder day 53); the phase deadline of day 70 then passes.
    each(projects, p -> driver.planSession(p, Duration.ofDays(10)));
    each(projects, p -> driver.awaitActive(p, "ReminderDueTimer"));
    advance(Duration.ofDays(8).plusHours(1));
    each(projects, p -> driver.awaitActive(p, "SessionHeldTimer"));
    advance(Duration.ofDays(2));
    each(projects, p -> driver.task(p, "record-session-outcome"));
    advance(Duration.ofDays(16));
    extendedAt = driver.clock.instant();
    each(
        projects,
        p ->
            driver.complete(
                p,
                "phase-overdue-decision",
                Map.of("overdueDecision", "extend", "extendByDays", 10)));
    each(
        projects,
        p ->
            await()
                .atMost(LifecycleDriver.WAIT)
                .until(
                    () ->
                        driver
                            .projects
                            .get(p)
                            .getDeadlines()
                            .get(Phase.STAKEHOLDER_SESSION)
                            .isAfter(sessionDeadlines.get(p))));
    // The extension is stored before its job completes; ending the phase now would cancel that job.
    awaitNoOpenJob();
    each(
        projects,
        p -> driver.complete(p, "record-session-outcome", LifecycleDriver.sessionOutcome()));
    each(projects, p -> driver.awaitMilestone(p, MilestoneKey.ACTION_AGENDA_DRAFTED));

    // Feedback: one expert scores low, the other misses the deadline after a reminder.
    each(
        projects,
        p -> {
          var feedback = driver.tasks(p, "give-feedback", 2);
          driver.tasks.complete(
              LifecycleDriver.PM,
              feedback.getFirst().key(),
              Map.of("feedbackItems", List.of(Map.of("position", 1, "support", "2"))));
        });
    advance(Duration.ofDays(10).plusHours(1));
    each(
        projects,
        p ->
            driver.complete(
                p,
                "revise-action-agenda",
                Map.of(
                    "flaggedItems",
                    List.of(
                        Map.of(
                            "position", 1, "decision", "keep", "reason", "The city insists.")))));
    each(projects, p -> driver.awaitMilestone(p, MilestoneKey.FEEDBACK_INCORPORATED));

    each(projects, driver::holdHandoverMeeting);
    Map<UUID, Long> acceptances = new HashMap<>();
    each(projects, p -> acceptances.put(p, driver.task(p, "accept-handover").key()));
    advance(Duration.ofDays(7).plusHours(1));
    each(
        projects,
        p ->
            await()
                .atMost(LifecycleDriver.WAIT)
                .until(() -> auditCount(p, "handover.client-reminded") == 1));
    awaitNoOpenJob();
    each(
        projects,
        p ->
            driver.tasks.complete(
                LifecycleDriver.CLIENT, acceptances.get(p), Map.of("handoverAccepted", true)));

    // The agenda's year of one month, a request every week: three rounds, at 7, 14 and 21 days,
    // each owner silent and reminded 3.5 days later; then the follow-up session.
    each(projects, p -> driver.awaitActive(p, "StatusRequestDueTimer"));
    Instant started =
        projects.stream()
            .map(
                p -> jdbcInstant("select started_at from agenda_follow_up where project_id = ?", p))
            .max(java.util.Comparator.naturalOrder())
            .orElseThrow();
    for (int round = 1; round <= 3; round++) {
      int r = round;
      Instant request = started.plus(Duration.ofDays(7L * round));
      advance(Duration.between(driver.clock.instant(), request.plus(Duration.ofHours(1))));
      each(
          projects,
          p ->
              await()
                  .atMost(LifecycleDriver.WAIT)
                  .until(() -> auditCount(p, "followup.status-requested") == r));
      each(projects, p -> driver.awaitActive(p, "ReminderDueTimer"));
      advance(
          Duration.between(
              driver.clock.instant(), request.plus(Duration.ofDays(3)).plus(Duration.ofHours(14))));
      each(
          projects,
          p ->
              await()
                  .atMost(LifecycleDriver.WAIT)
                  .until(() -> auditCount(p, "followup.reminded") == r));
    }
    awaitNoOpenJob();
    each(
        projects,
        p ->
            driver.complete(
                p,
                "hold-follow-up-session",
                Map.of(
                    "heldAt",
                    driver.clock.instant().toString(),
                    "summary",
                    "Every action is under way.")));
    each(projects, p -> driver.awaitMilestone(p, MilestoneKey.AGENDA_FOLLOWED_UP));
    each(
        projects,
        p ->
            await()
                .atMost(LifecycleDriver.WAIT)
                .until(() -> driver.projects.get(p).getStatus() == ProjectStatus.COMPLETED));
    each(projects, p -> driver.awaitActive(p, "RetentionPeriodTimer"));
    advance(Duration.ofDays(181));
    each(projects, p -> driver.awaitMilestone(p, MilestoneKey.PERSONAL_DATA_ANONYMISED));
    return projects;
  }

  /** Creates a project per name and cancels each once its call is open. */
  public List<UUID> cancel(List<String> names) {
    List<UUID> projects = names.stream().map(name -> driver.create(name, 3, null)).toList();
    awaitNoOpenJob();
    each(projects, p -> driver.projects.requestCancellation(p, "pm"));
    each(
        projects,
        p ->
            await()
                .atMost(LifecycleDriver.WAIT)
                .until(() -> driver.projects.get(p).getStatus() == ProjectStatus.CANCELLED));
    return projects;
  }

  /** The completed project went exactly the way the path leads, every worker's effect once. */
  public void assertCompletedAlongThePath(UUID project) {
    assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.COMPLETED);
    for (MilestoneKey key : MilestoneKey.values()) {
      assertThat(driver.milestone(project, key)).as(key.name()).isEqualTo(MilestoneStatus.REACHED);
    }
    assertThat(driver.call.callOf(project).windowExtensions()).isEqualTo(1);
    assertThat(rows("select count(*) from training_session where project_id = ?", project))
        .isEqualTo(1);
    var pool = driver.pool.pool(project);
    assertThat(pool).hasSize(2).allMatch(e -> e.certified());
    for (var expert : pool) {
      assertThat(remuneration.minutesBooked(expert.expertId(), Remuneration.Kind.TRAINING))
          .isEqualTo(180);
    }
    assertThat(driver.projects.get(project).getDeadlines().get(Phase.STAKEHOLDER_SESSION))
        .as("an overdue phase is extended from the day of the decision, once")
        .isBetween(
            extendedAt.plus(Duration.ofDays(10)),
            extendedAt.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(5)));
    assertThat(auditCount(project, "milestone.reached")).isEqualTo(MilestoneKey.values().length);
    assertThat(rows("select count(*) from interview where project_id = ?", project)).isEqualTo(4);
    assertThat(
            rows(
                "select count(*) from interview where project_id = ? and status = 'MISSING'",
                project))
        .isEqualTo(1);
    assertThat(auditCount(project, "interview.reminder-sent")).isEqualTo(1);
    assertThat(rows("select version from synthesis where project_id = ?", project)).isEqualTo(2);
    assertThat(rows("select count(*) from action_item where project_id = ?", project)).isEqualTo(1);
    assertThat(rows("select count(*) from feedback where project_id = ?", project)).isEqualTo(2);
    assertThat(auditCount(project, "feedback.reminder-sent")).isEqualTo(1);
    assertThat(auditCount(project, "agenda.revised")).isEqualTo(1);
    assertThat(auditCount(project, "handover.package-built")).isEqualTo(1);
    assertThat(auditCount(project, "privacy.project-anonymised")).isEqualTo(1);
    assertThat(
            rows(
                "select count(*) from remuneration_entry where project_id = ?"
                    + " and settled_at is null",
                project))
        .isZero();
    assertThat(rows("select count(*) from remuneration_entry where project_id = ?", project))
        .as("two trainings and three interviews")
        .isEqualTo(5);
    assertThat(auditCount(project, "project.deadline-extended")).isEqualTo(1);
    assertThat(auditCount(project, "project.completed")).isEqualTo(1);
    assertThat(auditCount(project, "followup.status-requested")).isEqualTo(3);
    assertThat(auditCount(project, "followup.reminded")).isEqualTo(3);
    assertThat(auditCount(project, "followup.session-held")).isEqualTo(1);
    assertThat(rows("select count(*) from action_status_request where project_id = ?", project))
        .as("one request a round for the one action")
        .isEqualTo(3);
  }

  public void assertCancelled(UUID project) {
    assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.CANCELLED);
    assertThat(auditCount(project, "project.closed")).isEqualTo(1);
  }

  public String name(UUID project) {
    return driver.projects.get(project).getName();
  }

  private void advance(Duration duration) {
    awaitNoOpenJob();
    driver.advance(duration);
  }

  /** For a moment, as a job may follow a step that has just completed. */
  public void awaitNoOpenJob() {
    await()
        .atMost(LifecycleDriver.WAIT)
        .during(Duration.ofMillis(300))
        .until(() -> EngineRecords.of(zeebe).openJobs() == 0);
  }

  private static void each(List<UUID> projects, Consumer<UUID> step) {
    projects.forEach(step);
  }

  private Instant jdbcInstant(String sql, UUID project) {
    return jdbc.queryForObject(sql, java.sql.Timestamp.class, project).toInstant();
  }

  private int rows(String sql, UUID project) {
    return jdbc.queryForObject(sql, Integer.class, project);
  }

  public int auditCount(UUID project, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where subject = ? and action = ?",
        Integer.class,
        "project:" + project,
        action);
  }
}
