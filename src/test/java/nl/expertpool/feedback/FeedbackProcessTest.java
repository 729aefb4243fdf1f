package nl.expertpool.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The paths through {@code feedback-round}: support, reminders, flags and the revision. */
@SpringBootTest
class FeedbackProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired FeedbackRound feedback;
  @Autowired JdbcTemplate jdbc;

  @Test
  void allFeedbackInWithFullSupportIncorporatesTheAgendaWithoutARevision() {
    UUID project = driver.agendaDrafted();
    var tasks = driver.tasks(project, "give-feedback", 2);
    assertThat(tasks.getFirst().candidateGroups()).containsExactly("experts", "staff");

    driver.giveFeedback(project, 2, 5);

    driver.awaitMilestone(project, MilestoneKey.FEEDBACK_INCORPORATED);
    ItemSupport item = feedback.support(project, true).getFirst();
    assertThat(item.meanSupport()).isEqualByComparingTo("5");
    assertThat(item.supportCount()).isEqualTo(2);
    assertThat(item.flagged()).isFalse();
    assertThat(item.comments()).containsExactly("Support 5", "Support 5");
    assertThat(feedback.responses(project)).containsEntry("GIVEN", 2).containsEntry("MISSING", 0);
    assertThat(driver.hasTask(project, "revise-action-agenda")).isFalse();
  }

  /**
   * Issue 17: workers trusted the ids they received. Feedback on an action the agenda does not
   * have, sent to the engine directly (as Tasklist or the REST API can), is refused by the worker:
   * the expert's task comes back, nothing is stored, and no incident stalls the round.
   */
  @Test
  void feedbackOnAnActionTheAgendaDoesNotHaveIsRefusedAndTheTaskComesBack() {
    UUID project = driver.agendaDrafted();
    var first = driver.tasks(project, "give-feedback", 2).getFirst();

    driver.engine.complete(
        first.key(), Map.of("feedbackItems", List.of(Map.of("position", 99, "support", "1"))));

    await()
        .atMost(LifecycleDriver.WAIT)
        .until(
            () -> driver.tasks.open(LifecycleDriver.PM, project),
            open ->
                open.stream().filter(t -> "give-feedback".equals(t.formId())).count() == 2
                    && open.stream().noneMatch(t -> t.key() == first.key()));
    long instance = driver.projects.get(project).getProcessInstanceKey();
    assertThat(driver.engine.openIncidents(instance)).isEmpty();
    assertThat(feedback.responses(project)).containsEntry("GIVEN", 0);
    assertThat(audits(project, "feedback.given")).isZero();
  }

  @Test
  void anExpertWhoMissesTheDeadlineIsRemindedAndThenLeftOut() {
    UUID project = driver.agendaDrafted();
    var tasks = driver.tasks(project, "give-feedback", 2);
    driver.tasks.complete(
        LifecycleDriver.PM,
        tasks.getFirst().key(),
        Map.of("feedbackItems", List.of(Map.of("position", 1, "support", "4"))));

    driver.advance(Duration.ofDays(5).plusHours(1));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> audits(project, "feedback.reminder-sent") == 1);
    driver.advance(Duration.ofDays(5));

    driver.awaitMilestone(project, MilestoneKey.FEEDBACK_INCORPORATED);
    assertThat(feedback.responses(project)).containsEntry("GIVEN", 1).containsEntry("MISSING", 1);
    assertThat(feedback.support(project, false).getFirst().supportCount()).isEqualTo(1);
  }

  @Test
  void aWeaklySupportedActionIsFlaggedAndStaffReviseItOnce() {
    UUID project = driver.agendaDrafted();
    driver.giveFeedback(project, 2, 2);

    var revise = driver.task(project, "revise-action-agenda");
    assertThat(revise.variables()).containsEntry("flaggedCount", 1);
    driver.complete(
        project,
        "revise-action-agenda",
        Map.of(
            "flaggedItems",
            List.of(
                Map.of(
                    "position", 1,
                    "decision", "edit",
                    "revisedAction", "A housing desk run with the experts, twice a week",
                    "reason", "Experts want it run with them"))));

    driver.awaitMilestone(project, MilestoneKey.FEEDBACK_INCORPORATED);
    ItemSupport item = feedback.support(project, true).getFirst();
    assertThat(item.flagged()).isTrue();
    assertThat(item.meanSupport()).isEqualByComparingTo(new BigDecimal("2"));
    assertThat(item.status()).isEqualTo("EDITED");
    assertThat(item.action()).isEqualTo("A housing desk run with the experts, twice a week");
    assertThat(item.originalAction()).isEqualTo("Open a starters' housing desk with the experts");
    assertThat(driver.hasTask(project, "revise-action-agenda")).isFalse();
  }

  private int audits(UUID project, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where subject = ? and action = ?",
        Integer.class,
        "project:" + project,
        action);
  }
}
