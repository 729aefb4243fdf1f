package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.expertpool.feedback.FeedbackRound;
import nl.expertpool.feedback.ItemSupport;
import nl.expertpool.handover.HandoverPackage;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.privacy.PersonalDataHolder;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The paths through {@code feedback-round}, {@code project-handover} and the retention period. */
@SpringBootTest
class FeedbackAndHandoverProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired FeedbackRound feedback;
  @Autowired HandoverPackage handover;
  @Autowired Remuneration remuneration;
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

  @Test
  void theClientIsRemindedThenAcceptsAndThePoolIsPaidOnce() {
    UUID project = driver.awaitingAcceptance();
    assertThat(handover.html(project).orElseThrow())
        .contains("Handover: ", "Method guide", "housing desk with the experts")
        .doesNotContain("Olena", "I waited two years for a house.");
    assertThat(new String(handover.pdf(project).orElseThrow(), 0, 5)).isEqualTo("%PDF-");

    var foreignClient = new CurrentUser("other", Set.of(Role.CLIENT), "Gemeente Utrecht");
    long accept = driver.task(project, "accept-handover").key();
    assertThat(driver.tasks.open(foreignClient, project)).isEmpty();
    assertThatThrownBy(() -> driver.tasks.get(foreignClient, accept))
        .isInstanceOf(ApiException.class);
    assertThat(driver.tasks.open(LifecycleDriver.CLIENT, project)).hasSize(1);

    driver.advance(Duration.ofDays(7).plusHours(1));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> audits(project, "handover.client-reminded") == 1);
    driver.tasks.complete(
        LifecycleDriver.CLIENT,
        accept,
        Map.of("handoverAccepted", true, "clientRemarks", "Thanks"));

    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.COMPLETED);
    assertThat(driver.milestone(project, MilestoneKey.HANDOVER_COMPLETED))
        .isEqualTo(MilestoneStatus.REACHED);
    var settlement = remuneration.settlement(project).orElseThrow();
    // Two experts: 3 training hours and two 90-minute interviews each, at 25.00 an hour.
    assertThat(settlement.totalHours()).isEqualByComparingTo("12");
    assertThat(settlement.totalAmount()).isEqualByComparingTo("300.00");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from remuneration_entry where project_id = ?"
                    + " and settled_at is null",
                Integer.class,
                project))
        .isZero();
    assertThat(remuneration.settle(project, new BigDecimal("99"))).isEqualTo(settlement);
  }

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

  private int audits(UUID project, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where subject = ? and action = ?",
        Integer.class,
        "project:" + project,
        action);
  }
}
