package nl.expertpool.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.ApiException.Violation;
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
    assertThat(driver.pool.pool(project)).allMatch(e -> e.certified());
    for (var expert : driver.pool.pool(project)) {
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

  /**
   * Issue 17: staff added a row carrying an expert of another project to the attendance list, and
   * that expert was paid. Through this app the list is refused; sent to the engine directly (as
   * Tasklist or the REST API can), the worker refuses it, the list is prepared again and nobody is
   * paid, with no incident.
   */
  @Test
  @SuppressWarnings("unchecked")
  void anAttendanceListWithAnotherProjectsExpertIsRefusedAndNobodyIsPaid() {
    UUID project = recruitedPool();
    UUID other = recruitedPool();
    UUID foreign = driver.pool.pool(other).getFirst().expertId();
    driver.scheduleOneSession(project);
    driver.awaitActive(project, "LastSessionEndedTimer");
    driver.advance(Duration.ofDays(2));
    UserTask task = driver.task(project, "record-attendance");
    var listed = (List<Map<String, Object>>) task.variables().get("attendance");
    var rows = new ArrayList<Map<String, Object>>();
    for (var row : listed) {
      var attended = new HashMap<>(row);
      attended.put("attended", true);
      rows.add(attended);
    }
    var added = new HashMap<>(rows.getFirst());
    added.put("expertId", foreign.toString());
    rows.add(added);
    var swapped = new ArrayList<>(rows.subList(0, listed.size()));
    var foreignRow = new HashMap<>(swapped.getFirst());
    foreignRow.put("expertId", foreign.toString());
    swapped.set(0, foreignRow);

    assertThatThrownBy(
            () -> driver.tasks.complete(LifecycleDriver.PM, task.key(), Map.of("attendance", rows)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.violations()).extracting(Violation::field).contains("attendance");
            });
    assertThatThrownBy(
            () ->
                driver.tasks.complete(
                    LifecycleDriver.PM, task.key(), Map.of("attendance", swapped)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("attendance[0].expertId"));

    driver.engine.complete(task.key(), Map.of("attendance", rows));

    UserTask again =
        await()
            .atMost(LifecycleDriver.WAIT)
            .until(
                () -> driver.find(project, "record-attendance"),
                t -> t != null && t.key() != task.key());
    assertThat((List<?>) again.variables().get("attendance")).hasSameSizeAs(listed);
    long instance = driver.projects.get(project).getProcessInstanceKey();
    assertThat(driver.engine.openIncidents(instance)).isEmpty();
    assertThat(remuneration.minutesBooked(foreign, Remuneration.Kind.TRAINING)).isZero();
    for (var expert : driver.pool.pool(project)) {
      assertThat(remuneration.minutesBooked(expert.expertId(), Remuneration.Kind.TRAINING))
          .isZero();
    }

    driver.recordAttendance(project, true);
    driver.awaitMilestone(project, MilestoneKey.TRAINING_COMPLETED);
    assertThat(remuneration.minutesBooked(foreign, Remuneration.Kind.TRAINING)).isZero();
  }
}
