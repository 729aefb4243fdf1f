package nl.expertpool.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.expertpool.project.Phase;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.project.workers.ProjectWorkers;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.workers.RecruitmentWorkers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Zeebe delivers jobs at least once: a second delivery of the same job changes nothing. */
@SpringBootTest
class RepeatedDeliveryIntegrationTest {

  private static final AtomicLong KEYS =
      new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000);

  @Autowired RecruitmentWorkers recruitmentWorkers;
  @Autowired ProjectWorkers projectWorkers;
  @Autowired CallForExperts call;
  @Autowired ProjectLifecycle projects;
  @Autowired JobLedger ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired java.time.Clock clock;

  private UUID projectWithOpenCall() {
    UUID project =
        projects
            .create(
                new nl.expertpool.project.NewProject(
                    "Repeated delivery " + UUID.randomUUID(),
                    "Gemeente Almere",
                    "Almere",
                    3,
                    2,
                    java.util.List.of("housing"),
                    java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
                    null,
                    null,
                    null,
                    null,
                    null),
                "pm")
            .getId();
    org.awaitility.Awaitility.await().until(() -> call.callOf(project) != null);
    return project;
  }

  @Test
  void extendingTheWindowTwiceForOneJobExtendsItOnceAndAnswersTheSame() {
    UUID project = projectWithOpenCall();
    ActivatedJob job = job(RecruitmentWorkers.EXTEND_WINDOW, Map.of());

    var first = recruitmentWorkers.extendWindow(job, project.toString());
    var second = recruitmentWorkers.extendWindow(job, project.toString());

    assertThat(second).isEqualTo(first);
    assertThat(call.callOf(project).windowExtensions()).isEqualTo(1);
    assertThat(
            recruitmentWorkers.extendWindow(
                job(RecruitmentWorkers.EXTEND_WINDOW, Map.of()), project.toString()))
        .containsEntry("windowExtensions", 2);
  }

  @Test
  void extendingADeadlineTwiceForOneJobMovesItOnce() {
    UUID project = projectWithOpenCall();
    ActivatedJob job =
        job(
            ProjectWorkers.EXTEND_DEADLINE,
            Map.of("phase", "training", "deadlineVariable", "trainingDeadline"));
    var before = projects.get(project).getDeadlines().get(Phase.TRAINING);

    var first = projectWorkers.extendDeadline(job, project.toString(), 5);
    var second = projectWorkers.extendDeadline(job, project.toString(), 5);

    assertThat(second).isEqualTo(first);
    assertThat(projects.get(project).getDeadlines().get(Phase.TRAINING))
        .isEqualTo(before.plus(Duration.ofDays(5)));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where subject = ? and action = ?",
                Integer.class,
                "project:" + project,
                "project.deadline-extended"))
        .isEqualTo(1);
  }

  @Test
  void aTechnicalFailureFailsTheJobWithOneRetryLessAndABackoffAndStoresNothing() {
    ActivatedJob job = job("test.failing", Map.of());
    when(job.getRetries()).thenReturn(3);

    assertThatThrownBy(
            () ->
                ledger.once(
                    job,
                    Boolean.class,
                    () -> {
                      throw new IllegalStateException("database said no");
                    }))
        .isInstanceOfSatisfying(
            JobError.class,
            error -> {
              assertThat(error.getRetries()).isEqualTo(2);
              assertThat(error.getRetryBackoff()).isEqualTo(Duration.ofSeconds(5));
            });
    assertThat(
            jdbc.queryForObject(
                "select count(*) from processed_job where job_key = ?",
                Integer.class,
                job.getKey()))
        .isZero();
  }

  @Test
  void aConflictWithAConcurrentTransactionIsTriedAgainAtOnce() {
    ActivatedJob job = job("test.conflicting", Map.of());
    var runs = new java.util.concurrent.atomic.AtomicInteger();

    Boolean result =
        ledger.once(
            job,
            Boolean.class,
            () -> {
              if (runs.incrementAndGet() == 1) {
                throw new OptimisticLockingFailureException("changed meanwhile");
              }
              return true;
            });

    assertThat(result).isTrue();
    assertThat(runs).hasValue(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from processed_job where job_key = ?",
                Integer.class,
                job.getKey()))
        .isEqualTo(1);
  }

  @Test
  void aLastingConflictFailsTheJobWithABackoff() {
    ActivatedJob job = job("test.conflicting", Map.of());
    var runs = new java.util.concurrent.atomic.AtomicInteger();

    assertThatThrownBy(
            () ->
                ledger.once(
                    job,
                    Boolean.class,
                    () -> {
                      runs.incrementAndGet();
                      throw new OptimisticLockingFailureException("changed meanwhile");
                    }))
        .isInstanceOfSatisfying(
            JobError.class, error -> assertThat(error.getRetries()).isEqualTo(2));
    assertThat(runs).hasValue(JobLedger.ATTEMPTS_ON_CONFLICT);
  }

  /**
   * A job key is unique only within one engine's life: a new engine (its data lost) hands the same
   * keys out again. The ledger tells the jobs of two projects apart, and once a project is
   * interrupted it forgets that project's jobs, so that its resumed process's jobs run.
   */
  @Test
  void aJobKeyHandedOutAgainIsAnotherJobForAnotherProjectOrOnceTheProjectIsForgotten() {
    UUID lost = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    long key = KEYS.incrementAndGet();
    ActivatedJob ofLost = job("test.keyed", Map.of());
    when(ofLost.getKey()).thenReturn(key);
    when(ofLost.getVariablesAsMap()).thenReturn(Map.of("projectId", lost.toString()));
    ActivatedJob ofOther = job("test.keyed", Map.of());
    when(ofOther.getKey()).thenReturn(key);
    when(ofOther.getVariablesAsMap()).thenReturn(Map.of("projectId", other.toString()));

    assertThat(ledger.once(ofLost, String.class, () -> "first")).isEqualTo("first");
    assertThat(ledger.once(ofOther, String.class, () -> "other"))
        .as("the same key in another project: another job")
        .isEqualTo("other");
    assertThat(ledger.once(ofLost, String.class, () -> "again"))
        .as("a second delivery of the first")
        .isEqualTo("first");

    assertThat(ledger.forget(lost)).isEqualTo(1);

    assertThat(ledger.once(ofLost, String.class, () -> "the new engine's job"))
        .isEqualTo("the new engine's job");
    assertThat(ledger.once(ofOther, String.class, () -> "again")).isEqualTo("other");
  }

  private static ActivatedJob job(String type, Map<String, String> headers) {
    ActivatedJob job = mock(ActivatedJob.class);
    long key = KEYS.incrementAndGet();
    when(job.getKey()).thenReturn(key);
    when(job.getType()).thenReturn(type);
    when(job.getRetries()).thenReturn(3);
    when(job.getCustomHeaders()).thenReturn(headers);
    return job;
  }
}
