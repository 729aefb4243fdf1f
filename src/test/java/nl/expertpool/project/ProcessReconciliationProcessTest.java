package nl.expertpool.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import nl.expertpool.audit.AuditEvent;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 21: PostgreSQL and the engine disagree when the engine loses a project's process instance
 * (its log deleted, a cluster's data lost). Reconciliation marks the project interrupted; the
 * project manager resumes it, and its process starts again in the phase it was in and runs on.
 */
@SpringBootTest
class ProcessReconciliationProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired ProcessReconciliation reconciliation;
  @Autowired CamundaClient client;
  @Autowired AuditTrail audit;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aProjectWhoseProcessTheEngineLostIsInterruptedAndResumedInItsPhase() {
    UUID project = driver.create(2, null);
    driver.awaitWindowOpen(project);
    driver.apply(project, "Olena Koval");
    driver.apply(project, "Andrii Melnyk");
    await().until(() -> driver.projects.get(project).getCurrentPhase().equals("RECRUITMENT"));
    long lost = driver.projects.get(project).getProcessInstanceKey();

    // The engine loses the instance: it stops here, and the project names a key it never had,
    // started long enough ago for reconciliation to look at it.
    client.newCancelInstanceCommand(lost).send().join();
    jdbc.update(
        "update project set process_instance_key = ?, process_started_at = ? where id = ?",
        lost + 1_000_000_000L,
        Timestamp.from(driver.clock.instant().minus(Duration.ofHours(1))),
        project);

    assertThat(reconciliation.reconcile()).containsExactly(project);
    assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.INTERRUPTED);
    assertThat(audit.about(AuditTrail.project(project)))
        .extracting(AuditEvent::action)
        .contains("project.interrupted");
    assertThat(reconciliation.reconcile()).as("marked once").isEmpty();

    var resumed = driver.projects.resume(project, "pm");
    assertThat(resumed.getStatus()).isEqualTo(ProjectStatus.ACTIVE);
    long instance = resumed.getProcessInstanceKey();
    assertThat(instance).isNotEqualTo(lost);
    await()
        .untilAsserted(
            () ->
                assertThat(driver.engine.activeElements(instance))
                    .extracting(ElementInstance::elementId)
                    .contains("RecruitmentPhase", "RecruitmentCall")
                    .doesNotContain("ProjectStartedMilestone"));
    assertThat(audit.about(AuditTrail.project(project)))
        .extracting(AuditEvent::action)
        .contains("project.resumed");
    assertThatThrownBy(() -> driver.projects.resume(project, "pm"))
        .isInstanceOf(ApiException.class);

    // It runs on: the window closes, the applicants are screened, the pool is recruited.
    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");
    driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
    assertThat(driver.pool.pool(project)).hasSize(2);
    assertThat(reconciliation.reconcile()).doesNotContain(project);
  }

  /** Resumed in the interviews, a project asks only for the interviews not recorded yet. */
  @Test
  void aProjectResumedInItsInterviewsDoesNotAskForARecordedOneAgain() {
    UUID project = driver.trainedPool();
    var open = driver.tasks(project, "record-network-interview", 4);
    driver.tasks.complete(
        LifecycleDriver.PM, open.getFirst().key(), LifecycleDriver.interview("housing"), "en");
    await()
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from interview where project_id = ?",
                        Integer.class,
                        project)
                    == 1);
    await().until(() -> driver.projects.get(project).getCurrentPhase().equals("INTERVIEWS"));
    long lost = driver.projects.get(project).getProcessInstanceKey();
    client.newCancelInstanceCommand(lost).send().join();
    driver.projects.interrupt(project, "test: the engine lost its instance");

    driver.projects.resume(project, "pm");

    var again = driver.tasks(project, "record-network-interview", 3);
    await()
        .during(Duration.ofSeconds(1))
        .until(() -> driver.tasks(project, "record-network-interview", 3).size() == 3);
    assertThat(again).hasSize(3);
    for (var task : again) {
      driver.tasks.complete(
          LifecycleDriver.PM, task.key(), LifecycleDriver.interview("housing"), "en");
    }
    driver.awaitMilestone(project, MilestoneKey.INTERVIEWS_COMPLETED);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from interview where project_id = ?", Integer.class, project))
        .isEqualTo(4);
    driver.task(project, "review-synthesis");
  }

  /**
   * Resumed in the agenda's year, a project goes on with its year: no recruitment again, and the
   * status requests keep their plan.
   */
  @Test
  void aProjectResumedInTheAgendasYearGoesOnWithItsYear() {
    UUID project = driver.handedOverWithAgendaYear("Resumed year " + UUID.randomUUID());
    driver.awaitActive(project, "StatusRequestDueTimer");
    long lost = driver.projects.get(project).getProcessInstanceKey();
    client.newCancelInstanceCommand(lost).send().join();
    driver.projects.interrupt(project, "test: the engine lost its instance");

    driver.projects.resume(project, "pm");

    driver.awaitActive(project, "StatusRequestDueTimer");
    assertThat(driver.activeElementIds(project))
        .doesNotContain("RecruitmentPhase", "WindowClosesTimer");
    assertThat(driver.projects.get(project).getCurrentPhase()).isEqualTo("FOLLOW_UP");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from agenda_follow_up where project_id = ?",
                Integer.class,
                project))
        .isEqualTo(1);
  }
}
