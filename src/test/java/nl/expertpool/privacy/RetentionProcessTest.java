package nl.expertpool.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.handover.HandoverPackage;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.project.ProjectStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The retention period: a completed or cancelled project's personal data is anonymised. */
@SpringBootTest
class RetentionProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired HandoverPackage handover;
  @Autowired JdbcTemplate jdbc;

  @Test
  void afterTheRetentionPeriodTheProjectsPersonalDataIsAnonymised() {
    UUID project = driver.awaitingAcceptance();
    driver.complete(project, "accept-handover", Map.of("handoverAccepted", true));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.COMPLETED);
    driver.awaitActive(project, "RetentionPeriodTimer");

    driver.advance(Duration.ofDays(180).plusHours(1));

    driver.awaitMilestone(project, MilestoneKey.PERSONAL_DATA_ANONYMISED);
    assertThat(
            jdbc.queryForList(
                "select name from application where project_id = ?", String.class, project))
        .hasSize(2)
        .containsOnly(PersonalDataHolder.REMOVED);
    assertThat(rows("select count(*) from task_submission where project_id = ?", project)).isZero();
    assertThat(rows("select count(*) from interview where project_id = ?", project)).isEqualTo(4);
    assertThat(
            rows(
                "select count(*) from interview where project_id = ? and key_quotes <> '[]'",
                project))
        .isZero();
    assertThat(rows("select count(*) from action_item where project_id = ?", project)).isEqualTo(1);
    assertThat(
            rows(
                "select count(*) from consent_record c join application a"
                    + " on a.id = c.application_id where a.project_id = ?",
                project))
        .isEqualTo(2);
    assertThat(handover.html(project)).isPresent();
    assertThat(driver.projects.get(project).getAnonymisedAt()).isNotNull();
    assertThat(driver.milestones.of(project).getLast().isClientVisible()).isFalse();
  }

  @Test
  void aCancelledProjectIsAnonymisedAfterTheRetentionPeriodToo() {
    UUID project = driver.create(3, null);
    driver.apply(project, "Olena Koval");
    driver.projects.requestCancellation(project, "pm");
    driver.awaitActive(project, "CancelledRetentionPeriodTimer");

    driver.advance(Duration.ofDays(180).plusHours(1));

    driver.awaitMilestone(project, MilestoneKey.PERSONAL_DATA_ANONYMISED);
    assertThat(
            jdbc.queryForObject(
                "select name from application where project_id = ?", String.class, project))
        .isEqualTo(PersonalDataHolder.REMOVED);
  }

  private int rows(String sql, UUID project) {
    return jdbc.queryForObject(sql, Integer.class, project);
  }
}
