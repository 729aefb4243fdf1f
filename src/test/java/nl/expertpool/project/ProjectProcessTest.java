package nl.expertpool.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The main process {@code expert-pool-project}: start, cancellation and overdue phases. */
@SpringBootTest
class ProjectProcessTest {

  @Autowired LifecycleDriver driver;

  @Test
  void aNewProjectReachesItsFirstMilestoneAndOpensTheCall() {
    UUID project = driver.create(20, null);

    driver.awaitMilestone(project, MilestoneKey.PROJECT_STARTED);
    assertThat(driver.milestone(project, MilestoneKey.EXPERTS_RECRUITED))
        .isEqualTo(MilestoneStatus.IN_PROGRESS);
    assertThat(driver.projects.get(project).getCurrentPhase()).isEqualTo("RECRUITMENT");
    assertThat(driver.call.callOf(project).signUpCode()).hasSize(8);
  }

  @Test
  void aCancellationClosesTheProjectWhereverItIs() {
    UUID project = driver.create(3, null);

    driver.projects.requestCancellation(project, "pm");

    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.CANCELLED);
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(
            () ->
                driver.activeElementIds(project).stream()
                    .filter(id -> !id.equals("ProjectCancelledSubProcess"))
                    .toList()
                    .equals(java.util.List.of("CancelledRetentionPeriodTimer")));
  }

  @Test
  void anOverduePhaseAsksTheProjectManagerWhoMayExtendItAndThenContinue() {
    UUID project = driver.create(3, Map.of(Phase.RECRUITMENT.key(), driver.today().plusDays(2)));

    driver.advance(Duration.ofDays(3));
    var overdue = driver.task(project, "phase-overdue-decision");
    assertThat(overdue.name()).isEqualTo("Phase overdue: decide");
    assertThat(overdue.variables()).containsEntry("phaseName", "Recruitment");
    Instant before = driver.projects.get(project).getDeadlines().get(Phase.RECRUITMENT);

    driver.complete(
        project, "phase-overdue-decision", Map.of("overdueDecision", "extend", "extendByDays", 3));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(
            () ->
                driver.projects.get(project).getDeadlines().get(Phase.RECRUITMENT).isAfter(before));
    assertThat(driver.hasTask(project, "phase-overdue-decision")).isFalse();

    driver.awaitActive(project, "RecruitmentDeadlineGateway");
    driver.advance(Duration.ofDays(4));
    driver.complete(project, "phase-overdue-decision", Map.of("overdueDecision", "continue"));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> !driver.hasTask(project, "phase-overdue-decision"));
    assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.ACTIVE);
  }

  @Test
  void anEarlierDeadlineReachesThePhaseUnderWayAtOnce() {
    UUID project = driver.create(3, null);
    driver.awaitActive(project, "RecruitmentDeadlineGateway");

    driver.projects.changePlan(
        project,
        new PlanChange(Map.of(Phase.RECRUITMENT.key(), driver.today().plusDays(3)), null, null),
        "pm");
    driver.advance(Duration.ofDays(4));

    var overdue = driver.task(project, "phase-overdue-decision");
    assertThat(overdue.variables()).containsEntry("phaseName", "Recruitment");
  }

  @Test
  void aLaterDeadlineMakesThePhaseUnderWayWaitForIt() {
    UUID project = driver.create(3, Map.of(Phase.RECRUITMENT.key(), driver.today().plusDays(2)));
    driver.awaitActive(project, "RecruitmentDeadlineGateway");

    driver.projects.changePlan(
        project,
        new PlanChange(Map.of(Phase.RECRUITMENT.key(), driver.today().plusDays(10)), null, null),
        "pm");
    driver.advance(Duration.ofDays(3));
    driver.awaitActive(project, "RecruitmentDeadlineGateway");
    assertThat(driver.hasTask(project, "phase-overdue-decision")).isFalse();

    driver.advance(Duration.ofDays(8));
    assertThat(driver.task(project, "phase-overdue-decision").variables())
        .containsEntry("phaseName", "Recruitment");
  }

  @Test
  void aLaterPhasesDeadlineReachesTheProcessBeforeThePhaseBegins() {
    UUID project = driver.create(2, null);
    LocalDate trainingDue = driver.today().plusDays(24);
    driver.projects.changePlan(
        project, new PlanChange(Map.of(Phase.TRAINING.key(), trainingDue), null, null), "pm");
    driver.apply(project, "Olena Koval");
    driver.apply(project, "Andrii Melnyk");
    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");
    driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
    driver.awaitActive(project, "TrainingDeadlineGateway");
    assertThat(driver.hasTask(project, "phase-overdue-decision")).isFalse();

    driver.advance(Duration.ofDays(11));

    assertThat(driver.task(project, "phase-overdue-decision").variables())
        .containsEntry("phaseName", "Training");
    assertThat(driver.projects.get(project).getDeadlines().get(Phase.TRAINING))
        .isEqualTo(trainingDue.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
  }

  @Test
  void cancellingAnOverduePhaseCancelsTheProject() {
    UUID project = driver.create(3, Map.of(Phase.RECRUITMENT.key(), driver.today().plusDays(1)));
    driver.advance(Duration.ofDays(2));

    driver.complete(project, "phase-overdue-decision", Map.of("overdueDecision", "cancel"));

    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.CANCELLED);
  }
}
