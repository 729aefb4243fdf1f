package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.jobhandling.parameter.ParameterResolver;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.DefaultResultProcessorStrategy;
import io.camunda.client.jobhandling.result.DocumentResultProcessorFailureHandlingStrategy;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.expertpool.ModelConsistency;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.notification.Notification;
import nl.expertpool.notification.Notifier;
import nl.expertpool.project.Phase;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.remuneration.Remuneration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Zeebe delivers jobs at least once. Here every job of every worker type is handled twice before it
 * is completed — the worker method runs again on the same job, as a redelivery would — while two
 * projects run through every path that has a worker. The second run must answer what the first did,
 * and the projects must end exactly as if each job had run once.
 */
@SpringBootTest
@Import(RepeatedDeliveryProcessTest.DeliverEveryJobTwice.class)
class RepeatedDeliveryProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired Deliveries deliveries;
  @Autowired RecordingNotifier notifier;
  @Autowired Remuneration remuneration;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyWorkerHandlesASecondDeliveryOfTheSameJobWithoutASecondEffect() {
    UUID completed = runToCompletionThroughEveryWorker();
    UUID cancelled = driver.create(3, null);
    driver.projects.requestCancellation(cancelled, "pm");
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(cancelled).getStatus() == ProjectStatus.CANCELLED);

    assertThat(deliveries.types()).containsAll(ModelConsistency.mainWorkerJobTypes());
    assertThat(deliveries.differing()).as("second delivery answered differently").isEmpty();

    assertThat(driver.projects.get(completed).getStatus()).isEqualTo(ProjectStatus.COMPLETED);
    for (MilestoneKey key : MilestoneKey.values()) {
      assertThat(driver.milestone(completed, key))
          .as(key.name())
          .isEqualTo(MilestoneStatus.REACHED);
    }
    assertThat(driver.recruitment.callOf(completed).windowExtensions()).isEqualTo(1);
    assertThat(rows("select count(*) from training_session where project_id = ?", completed))
        .isEqualTo(1);
    var pool = driver.recruitment.pool(completed);
    assertThat(pool).hasSize(2).allMatch(e -> e.certified());
    for (var expert : pool) {
      assertThat(remuneration.minutesBooked(expert.expertId(), Remuneration.Kind.TRAINING))
          .isEqualTo(180);
    }
    assertThat(driver.projects.get(completed).getDeadlines().get(Phase.STAKEHOLDER_SESSION))
        .as("an overdue phase is extended from the day of the decision, once")
        .isBetween(
            extendedAt.plus(Duration.ofDays(10)),
            extendedAt.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(5)));
    assertThat(auditCount(completed, "milestone.reached")).isEqualTo(MilestoneKey.values().length);
    assertThat(rows("select count(*) from interview where project_id = ?", completed)).isEqualTo(4);
    assertThat(
            rows(
                "select count(*) from interview where project_id = ? and status = 'MISSING'",
                completed))
        .isEqualTo(1);
    assertThat(auditCount(completed, "interview.reminder-sent")).isEqualTo(1);
    assertThat(rows("select version from synthesis where project_id = ?", completed)).isEqualTo(2);
    assertThat(rows("select count(*) from action_item where project_id = ?", completed))
        .isEqualTo(1);
    assertThat(rows("select count(*) from feedback where project_id = ?", completed)).isEqualTo(2);
    assertThat(auditCount(completed, "feedback.reminder-sent")).isEqualTo(1);
    assertThat(auditCount(completed, "agenda.revised")).isEqualTo(1);
    assertThat(auditCount(completed, "handover.package-built")).isEqualTo(1);
    assertThat(auditCount(completed, "privacy.project-anonymised")).isEqualTo(1);
    assertThat(
            rows(
                "select count(*) from remuneration_entry where project_id = ?"
                    + " and settled_at is null",
                completed))
        .isZero();
    assertThat(rows("select count(*) from remuneration_entry where project_id = ?", completed))
        .as("two trainings and three interviews")
        .isEqualTo(5);
    assertThat(auditCount(completed, "project.deadline-extended")).isEqualTo(1);
    assertThat(auditCount(completed, "project.completed")).isEqualTo(1);
    assertThat(auditCount(cancelled, "project.closed")).isEqualTo(1);
    assertThat(notifier.delivered()).isNotEmpty().doesNotHaveDuplicates();
  }

  private java.time.Instant sessionDeadline;
  private java.time.Instant extendedAt;

  /**
   * Both recruitment rounds, training, interviews with a reminder and a missing one, a synthesis
   * revision, the session with an overdue phase extended, feedback with a reminder, a missing
   * expert and a revision, the handover with a reminder, and the retention period.
   */
  private UUID runToCompletionThroughEveryWorker() {
    UUID project =
        driver.create(
            2,
            Map.of(
                Phase.RECRUITMENT.key(), driver.today().plusDays(25),
                Phase.TRAINING.key(), driver.today().plusDays(28),
                Phase.INTERVIEWS.key(), driver.today().plusDays(60),
                Phase.STAKEHOLDER_SESSION.key(), driver.today().plusDays(70)));
    sessionDeadline = driver.projects.get(project).getDeadlines().get(Phase.STAKEHOLDER_SESSION);
    driver.apply(project, "Olena Koval");
    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.recruitment.callOf(project).windowExtensions() == 1);
    driver.awaitWindowOpen(project);
    driver.apply(project, "Andrii Melnyk");
    driver.advance(Duration.ofDays(7));
    driver.screen(project, "accept");
    driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);

    driver.scheduleOneSession(project);
    driver.awaitActive(project, "LastSessionEndedTimer");
    driver.advance(Duration.ofDays(2));
    driver.recordAttendance(project, true);
    driver.awaitMilestone(project, MilestoneKey.TRAINING_COMPLETED);

    // Day 23: three of four interviews recorded; the reminder and then the deadline catch the last.
    var interviews = driver.tasks(project, "record-network-interview", 4);
    for (var task : interviews.subList(0, 3)) {
      driver.tasks.complete(LifecycleDriver.PM, task.key(), LifecycleDriver.interview("housing"));
    }
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.tasks(project, "record-network-interview", 1).size() == 1);
    driver.advance(Duration.ofDays(22));
    driver.awaitMilestone(project, MilestoneKey.INTERVIEWS_COMPLETED);

    driver.complete(
        project,
        "review-synthesis",
        Map.of("synthesisDecision", "revise", "reviewNotes", "Shorter, please."));
    driver.complete(
        project,
        "revise-synthesis",
        Map.of(
            "synthesisThemes",
            List.of(
                Map.of("theme", "housing", "summary", "Housing first."),
                Map.of("theme", "work", "summary", "Not raised."))));
    driver.approveSynthesis(project);
    driver.awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);

    // Day 45: the session on day 55 (reminder day 53); the phase deadline of day 70 then passes.
    driver.planSession(project, Duration.ofDays(10));
    driver.awaitActive(project, "ReminderDueTimer");
    driver.advance(Duration.ofDays(8).plusHours(1));
    driver.awaitActive(project, "SessionHeldTimer");
    driver.advance(Duration.ofDays(2));
    driver.task(project, "record-session-outcome");
    driver.advance(Duration.ofDays(16));
    extendedAt = driver.clock.instant();
    driver.complete(
        project, "phase-overdue-decision", Map.of("overdueDecision", "extend", "extendByDays", 10));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(
            () ->
                driver
                    .projects
                    .get(project)
                    .getDeadlines()
                    .get(Phase.STAKEHOLDER_SESSION)
                    .isAfter(sessionDeadline));
    driver.complete(project, "record-session-outcome", LifecycleDriver.sessionOutcome());
    driver.awaitMilestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED);

    // Feedback: one expert scores low, the other misses the deadline after a reminder.
    var feedback = driver.tasks(project, "give-feedback", 2);
    driver.tasks.complete(
        LifecycleDriver.PM,
        feedback.getFirst().key(),
        Map.of("feedbackItems", List.of(Map.of("position", 1, "support", "2"))));
    driver.advance(Duration.ofDays(10).plusHours(1));
    driver.complete(
        project,
        "revise-action-agenda",
        Map.of(
            "flaggedItems",
            List.of(Map.of("position", 1, "decision", "keep", "reason", "The city insists."))));
    driver.awaitMilestone(project, MilestoneKey.FEEDBACK_INCORPORATED);

    driver.holdHandoverMeeting(project);
    long accept = driver.task(project, "accept-handover").key();
    driver.advance(Duration.ofDays(7).plusHours(1));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> auditCount(project, "handover.client-reminded") == 1);
    driver.tasks.complete(LifecycleDriver.CLIENT, accept, Map.of("handoverAccepted", true));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.COMPLETED);
    driver.awaitActive(project, "RetentionPeriodTimer");
    driver.advance(Duration.ofDays(181));
    driver.awaitMilestone(project, MilestoneKey.PERSONAL_DATA_ANONYMISED);
    return project;
  }

  private int rows(String sql, UUID project) {
    return jdbc.queryForObject(sql, Integer.class, project);
  }

  private int auditCount(UUID project, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where subject = ? and action = ?",
        Integer.class,
        "project:" + project,
        action);
  }

  /** What the first and the second handling of one job answered. */
  record Delivery(long jobKey, String type, Object first, Object second) {}

  static class Deliveries {
    private final List<Delivery> all = new CopyOnWriteArrayList<>();

    void add(Delivery delivery) {
      all.add(delivery);
    }

    java.util.Set<String> types() {
      return all.stream().map(Delivery::type).collect(java.util.stream.Collectors.toSet());
    }

    List<Delivery> differing() {
      return all.stream().filter(d -> !Objects.equals(d.first(), d.second())).toList();
    }
  }

  static class RecordingNotifier implements Notifier {
    private final List<Notification> delivered = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(Notification notification) {
      delivered.add(notification);
    }

    List<Notification> delivered() {
      return delivered;
    }
  }

  /**
   * Wraps the starter's result processing: after a worker method has run for a job, and before the
   * job is completed, the method runs once more with the same job's parameters.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class DeliverEveryJobTwice {

    @Bean
    Deliveries deliveries() {
      return new Deliveries();
    }

    @Bean
    @Primary
    RecordingNotifier recordingNotifier() {
      return new RecordingNotifier();
    }

    @Bean
    ResultProcessorStrategy resultProcessorStrategy(
        CamundaClient client,
        DocumentResultProcessorFailureHandlingStrategy documents,
        ParameterResolverStrategy parameters,
        Deliveries deliveries) {
      var defaults = new DefaultResultProcessorStrategy(client, documents);
      return new ResultProcessorStrategy() {
        @Override
        public ResultProcessor createProcessor(MethodInfo method) {
          ResultProcessor processor = defaults.createProcessor(method);
          List<ParameterResolver> resolvers =
              method.getParameters().stream().map(parameters::createResolver).toList();
          return new ResultProcessor() {
            @Override
            public Object process(ResultProcessorContext context) {
              ActivatedJob job = context.getJob();
              Object[] arguments =
                  resolvers.stream().map(r -> r.resolve(client, job)).toArray(Object[]::new);
              try {
                Object again = method.invoke(arguments);
                deliveries.add(
                    new Delivery(job.getKey(), job.getType(), context.getResult(), again));
              } catch (Exception e) {
                deliveries.add(new Delivery(job.getKey(), job.getType(), context.getResult(), e));
              }
              return processor.process(context);
            }
          };
        }
      };
    }
  }
}
