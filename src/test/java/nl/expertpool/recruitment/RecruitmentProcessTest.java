package nl.expertpool.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.project.ProjectStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The paths through {@code expert-recruitment}, with the real workers and database. */
@SpringBootTest
class RecruitmentProcessTest {

  @Autowired LifecycleDriver driver;

  @Test
  void enoughAcceptedCandidatesFormThePoolAndTrainingStarts() {
    UUID project = driver.create(3, null);
    driver.apply(project, "Olena Koval");
    driver.apply(project, "Andrii Melnyk");
    driver.apply(project, "Iryna Bondar");

    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");

    driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
    assertThat(driver.task(project, "schedule-training")).isNotNull();
    assertThat(driver.pool.pool(project)).hasSize(3);
    assertThat(driver.hasTask(project, "boost-recruitment")).isFalse();
  }

  @Test
  void tooFewApplicationsHalfwayAskStaffToBoostRecruitmentUntilTheWindowCloses() {
    UUID project = driver.create(4, null);
    driver.apply(project, "Olena Koval");

    driver.advance(Duration.ofDays(7).plusHours(1));
    assertThat(driver.task(project, "boost-recruitment")).isNotNull();

    driver.advance(Duration.ofDays(7));
    driver.task(project, "screen-candidates");
    assertThat(driver.hasTask(project, "boost-recruitment")).isFalse();
  }

  @Test
  void aSmallPoolExtendsTheWindowOnceThenTheProjectManagerDecidesToProceed() {
    UUID project = driver.create(5, null);
    driver.apply(project, "Olena Koval");
    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");

    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.call.callOf(project).windowExtensions() == 1);
    assertThat(driver.call.callOf(project).status()).isEqualTo("OPEN");
    driver.awaitWindowOpen(project);
    driver.apply(project, "Andrii Melnyk");
    driver.advance(Duration.ofDays(7));
    driver.screen(project, "waitlist");

    var decision = driver.task(project, "decide-small-pool");
    assertThat(decision.candidateGroups()).containsExactly("project-managers");
    assertThat(decision.variables()).containsEntry("acceptedCount", 1);
    driver.complete(
        project,
        "decide-small-pool",
        Map.of("smallPoolDecision", "proceed", "smallPoolReason", "Start small, grow later."));

    driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
    assertThat(driver.pool.pool(project)).hasSize(1);
  }

  @Test
  void aSmallPoolTheProjectManagerDoesNotAcceptCancelsTheProject() {
    UUID project = driver.create(5, null);
    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");
    driver.awaitWindowOpen(project);
    driver.advance(Duration.ofDays(8));
    driver.screen(project, "accept");

    driver.complete(
        project,
        "decide-small-pool",
        Map.of("smallPoolDecision", "cancel", "smallPoolReason", "Nobody applied."));

    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.CANCELLED);
    assertThat(driver.milestone(project, MilestoneKey.EXPERTS_RECRUITED))
        .isNotEqualTo(MilestoneStatus.REACHED);
  }

  /**
   * Issue 17: a screening completed with another organisation's application in place of one of the
   * project's closed the task and left an incident that stalled recruitment. Now the worker refuses
   * it: the candidates are listed again, nobody is decided on, and no incident stays.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aScreeningWithAnotherProjectsApplicationIsRefusedAndTheCandidatesAreListedAgain() {
    UUID project = driver.create(1, null);
    driver.apply(project, "Olena Koval");
    UUID other = driver.createFor("Gemeente Utrecht");
    UUID foreign = driver.apply(other, "Amina Yusuf");
    driver.advance(Duration.ofDays(14));
    var task = driver.task(project, "screen-candidates");
    var decisions = (Map<String, Object>) LifecycleDriver.screening(task, "accept");
    var candidates = new java.util.ArrayList<Map<String, Object>>();
    for (var candidate : (java.util.List<Map<String, Object>>) decisions.get("candidates")) {
      var swapped = new java.util.HashMap<>(candidate);
      swapped.put("applicationId", foreign.toString());
      candidates.add(swapped);
    }

    driver.engine.complete(task.key(), Map.of("candidates", candidates));

    var again =
        await()
            .atMost(LifecycleDriver.WAIT)
            .until(
                () -> driver.find(project, "screen-candidates"),
                t -> t != null && t.key() != task.key());
    assertThat(again.variables().get("candidates").toString()).doesNotContain(foreign.toString());
    long instance = driver.projects.get(project).getProcessInstanceKey();
    assertThat(driver.engine.openIncidents(instance)).isEmpty();
    assertThat(driver.pool.pool(project)).isEmpty();
    assertThat(driver.pool.pool(other)).isEmpty();

    driver.screen(project, "accept");
    driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
    assertThat(driver.pool.pool(project)).hasSize(1);
  }
}
