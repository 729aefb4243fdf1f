package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.remuneration.Remuneration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The paths through {@code expert-training}. */
@SpringBootTest
class TrainingProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired Remuneration remuneration;

  private UUID recruitedPool() {
    UUID project = driver.create(2, null);
    driver.apply(project, "Olena Koval");
    driver.apply(project, "Andrii Melnyk");
    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");
    driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
    return project;
  }

  @Test
  void expertsWhoAttendAreCertifiedPaidAndTheNextPhaseStarts() {
    UUID project = recruitedPool();
    driver.scheduleOneSession(project);
    driver.advance(Duration.ofDays(2));
    driver.recordAttendance(project, true);

    driver.awaitMilestone(project, MilestoneKey.TRAINING_COMPLETED);
    assertThat(driver.recruitment.pool(project)).allMatch(e -> e.certified());
    for (var expert : driver.recruitment.pool(project)) {
      assertThat(remuneration.minutesBooked(expert.expertId(), Remuneration.Kind.TRAINING))
          .isEqualTo(180);
    }
    assertThat(driver.task(project, "record-network-interview").name())
        .isEqualTo("Record network interview");
    assertThat(driver.projects.get(project).getCurrentPhase()).isEqualTo("INTERVIEWS");
  }

  @Test
  void aPoolWithoutCertifiedExpertsGoesToTheProjectManagerWhoMayRetrain() {
    UUID project = recruitedPool();
    driver.scheduleOneSession(project);
    driver.advance(Duration.ofDays(2));
    driver.recordAttendance(project, false);

    driver.complete(
        project,
        "decide-retrain-or-cancel",
        Map.of("retrainDecision", "retrain", "retrainReason", "Nobody could come."));

    driver.scheduleOneSession(project);
    driver.advance(Duration.ofDays(2));
    driver.recordAttendance(project, true);
    driver.awaitMilestone(project, MilestoneKey.TRAINING_COMPLETED);
    assertThat(driver.milestone(project, MilestoneKey.TRAINING_COMPLETED))
        .isEqualTo(MilestoneStatus.REACHED);
  }
}
