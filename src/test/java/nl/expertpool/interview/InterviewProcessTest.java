package nl.expertpool.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.Milestone;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.remuneration.Remuneration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The paths through {@code network-interviews}: interviews, reminders, deadline and synthesis. */
@SpringBootTest
class InterviewProcessTest {

  /** Two experts with two interviews each. */
  static final int PLANNED = 4;

  @Autowired LifecycleDriver driver;
  @Autowired InterviewOverview interviews;
  @Autowired Synthesis synthesis;
  @Autowired Remuneration remuneration;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyInterviewRecordedCompletesTheInterviewsAndSynthesisesThemByTheme() {
    UUID project = driver.trainedPool();

    var first = driver.tasks(project, "record-network-interview", PLANNED);
    assertThat(first).hasSize(PLANNED);
    assertThat(first.getFirst().candidateGroups()).containsExactly("experts", "staff");
    assertThat(first.getFirst().variables()).containsKeys("expertId", "interviewSlot");
    driver.recordAllInterviews(project, PLANNED, "housing");

    driver.awaitMilestone(project, MilestoneKey.INTERVIEWS_COMPLETED);
    Milestone milestone = milestone(project, MilestoneKey.INTERVIEWS_COMPLETED);
    assertThat(milestone.getProgressCurrent()).isEqualTo(PLANNED);
    assertThat(milestone.getProgressTotal()).isEqualTo(PLANNED);
    assertThat(interviews.of(project))
        .hasSize(PLANNED)
        .allMatch(i -> i.status() == Interview.Status.RECORDED)
        .extracting(Interview::intervieweePseudonym)
        .containsExactlyInAnyOrder("I-001", "I-002", "I-003", "I-004");
    for (var expert : driver.pool.pool(project)) {
      assertThat(remuneration.minutesBooked(expert.expertId(), Remuneration.Kind.INTERVIEW))
          .isEqualTo(2 * 90);
    }
    driver.task(project, "review-synthesis");
    var themes = synthesis.of(project).orElseThrow().themes();
    assertThat(themes).extracting("theme").containsExactly("housing", "work");
    assertThat(themes.getFirst().interviewCount()).isEqualTo(PLANNED);
    assertThat(themes.getFirst().percent()).isEqualTo(100);
    assertThat(themes.getFirst().topNeeds().getFirst().need()).isEqualTo("A place to live");
    assertThat(themes.getFirst().quotes()).hasSize(3);
    assertThat(themes.get(1).interviewCount()).isZero();
    assertThat(synthesis.document(project).orElseThrow())
        .contains("<svg", "I waited two years for a house.", "Shared housing for starters");
  }

  @Test
  void aDeclinedInterviewIsCountedAndStoresNoContent() {
    UUID project = driver.trainedPool();
    var tasks = driver.tasks(project, "record-network-interview", PLANNED);

    driver.tasks.complete(
        LifecycleDriver.PM,
        tasks.getFirst().key(),
        Map.of("intervieweeConsent", "declined", "keyQuotes", "Should not be kept"));
    for (var task : tasks.subList(1, PLANNED)) {
      driver.tasks.complete(LifecycleDriver.PM, task.key(), LifecycleDriver.interview("work"));
    }

    driver.awaitMilestone(project, MilestoneKey.INTERVIEWS_COMPLETED);
    var declined =
        interviews.of(project).stream()
            .filter(i -> i.status() == Interview.Status.DECLINED)
            .toList();
    assertThat(declined).hasSize(1);
    assertThat(declined.getFirst().keyQuotes()).isEmpty();
    assertThat(declined.getFirst().intervieweePseudonym()).isNull();
    assertThat(interviews.counts(project)).isEqualTo(new InterviewOverview.Counts(3, 1, 0));
    driver.task(project, "review-synthesis");
    assertThat(synthesis.of(project).orElseThrow().interviewsDeclined()).isEqualTo(1);
  }

  /**
   * An interview is kept in the words the expert typed, marked with the language they wrote in: the
   * page's, the API's {@code Content-Language}, or else the expert's own from their application.
   */
  @Test
  void anInterviewIsKeptAsGivenInItsLanguageAndTheSynthesisSaysTheLanguageOfEachQuote() {
    UUID project = driver.trainedPool();
    var tasks = driver.tasks(project, "record-network-interview", PLANNED);
    String ukrainian = "Ми чекали на житло два роки.";
    String arabic = "انتظرنا سكناً لمدة عامين.";

    driver.tasks.complete(LifecycleDriver.PM, tasks.get(0).key(), said(ukrainian), "uk");
    driver.tasks.complete(LifecycleDriver.PM, tasks.get(1).key(), said(arabic), "ar");
    driver.tasks.complete(
        LifecycleDriver.PM, tasks.get(2).key(), LifecycleDriver.interview("housing"), "en");
    driver.tasks.complete(
        LifecycleDriver.PM, tasks.get(3).key(), LifecycleDriver.interview("housing"));

    driver.awaitMilestone(project, MilestoneKey.INTERVIEWS_COMPLETED);
    var byQuote = new java.util.HashMap<String, String>();
    var languages = new java.util.ArrayList<String>();
    for (Interview interview : interviews.of(project)) {
      byQuote.put(interview.keyQuotes().getFirst(), interview.language());
      languages.add(interview.language());
    }
    assertThat(byQuote).containsEntry(ukrainian, "uk").containsEntry(arabic, "ar");
    assertThat(languages)
        .as("without a language given, the expert's own (nl in their application)")
        .containsExactlyInAnyOrder("uk", "ar", "en", "nl");
    assertThat(
            jdbc.queryForObject(
                "select needs::text from interview where language = 'uk'", String.class))
        .contains("Житло поруч із роботою");

    driver.task(project, "review-synthesis");
    var work = synthesis.of(project).orElseThrow().themes().get(1);
    assertThat(work.theme()).isEqualTo("work");
    assertThat(work.quotes())
        .extracting(q -> q.text() + " / " + q.language())
        .containsExactlyInAnyOrder(ukrainian + " / uk", arabic + " / ar");
    assertThat(synthesis.document(project).orElseThrow())
        .contains(ukrainian, arabic, ", in Ukrainian", ", in Arabic", "lang=\"uk\"");
  }

  private static Map<String, Object> said(String quote) {
    return Map.of(
        "intervieweeConsent", "given",
        "residenceStatus", "temporary-protection",
        "themes", java.util.List.of("work"),
        "needs", "Житло поруч із роботою",
        "keyQuotes", quote);
  }

  @Test
  void aWeekWithoutInterviewsRemindsEachExpertWhoThenRecordsThem() {
    UUID project = driver.trainedPool();
    driver.tasks(project, "record-network-interview", PLANNED);

    driver.advance(Duration.ofDays(7).plusHours(1));

    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> audits(project, "interview.reminder-sent") == 2);
    driver.recordAllInterviews(project, PLANNED, "housing");
    driver.awaitMilestone(project, MilestoneKey.INTERVIEWS_COMPLETED);
    assertThat(interviews.counts(project)).isEqualTo(new InterviewOverview.Counts(PLANNED, 0, 0));
  }

  @Test
  void theDeadlineRecordsTheInterviewsStillOpenAsMissing() {
    UUID project = driver.trainedPool();
    var tasks = driver.tasks(project, "record-network-interview", PLANNED);
    driver.tasks.complete(
        LifecycleDriver.PM, tasks.getFirst().key(), LifecycleDriver.interview("housing"));
    await().atMost(LifecycleDriver.WAIT).until(() -> interviews.counts(project).recorded() == 1);

    driver.advance(Duration.ofDays(21).plusHours(1));

    driver.awaitMilestone(project, MilestoneKey.INTERVIEWS_COMPLETED);
    assertThat(interviews.counts(project)).isEqualTo(new InterviewOverview.Counts(1, 0, 3));
    assertThat(driver.hasTask(project, "record-network-interview")).isFalse();
    assertThat(milestone(project, MilestoneKey.INTERVIEWS_COMPLETED).getProgressCurrent())
        .isEqualTo(PLANNED);
  }

  @Test
  void aRevisedSynthesisIsReviewedAgainAndThenApproved() {
    UUID project = driver.trainedPool();
    driver.recordAllInterviews(project, PLANNED, "housing", "work");

    driver.complete(
        project,
        "review-synthesis",
        Map.of("synthesisDecision", "revise", "reviewNotes", "Say more about diplomas."));
    var revise = driver.task(project, "revise-synthesis");
    assertThat(driver.tasks.display(revise)).containsKey("summaries");
    driver.tasks.complete(
        LifecycleDriver.PM,
        revise.key(),
        Map.of(
            "synthesisThemes",
            java.util.List.of(
                Map.of("theme", "housing", "summary", "Everyone waits for a house."),
                Map.of("theme", "work", "summary", "Diplomas are not recognised."))));
    driver.approveSynthesis(project);

    driver.awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);
    var approved = synthesis.of(project).orElseThrow();
    assertThat(approved.version()).isEqualTo(2);
    assertThat(approved.status()).isEqualTo("APPROVED");
    assertThat(approved.themes().get(1).summary()).isEqualTo("Diplomas are not recognised.");
    assertThat(synthesis.document(project).orElseThrow())
        .contains("Diplomas are not recognised.", "approved");
    assertThat(driver.projects.get(project).getCurrentPhase()).isEqualTo("STAKEHOLDER_SESSION");
  }

  @Test
  void theSessionIsPlannedRemindedHeldAndItsAgendaStoredWithItsInsights() {
    UUID project = driver.trainedPool();
    driver.recordAllInterviews(project, PLANNED, "housing");
    driver.approveSynthesis(project);
    driver.awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);

    driver.planSession(project, Duration.ofDays(5));
    await().atMost(LifecycleDriver.WAIT).until(() -> audits(project, "session.planned") == 1);
    driver.awaitActive(project, "ReminderDueTimer");
    driver.advance(Duration.ofDays(3).plusHours(1));
    await().atMost(LifecycleDriver.WAIT).until(() -> audits(project, "session.reminded") == 1);
    assertThat(driver.hasTask(project, "record-session-outcome")).isFalse();
    driver.awaitActive(project, "SessionHeldTimer");
    driver.advance(Duration.ofDays(2));

    var outcome = driver.task(project, "record-session-outcome");
    assertThat(outcome.variables()).containsKeys("projectThemes", "insightOptions");
    @SuppressWarnings("unchecked")
    var experts = (java.util.List<Map<String, Object>>) outcome.variables().get("expertOptions");
    assertThat(experts).hasSize(2);
    var values = new java.util.HashMap<>(LifecycleDriver.sessionOutcome());
    values.put("expertsPresent", java.util.List.of(experts.getFirst().get("value")));
    driver.tasks.complete(LifecycleDriver.PM, outcome.key(), values);

    driver.awaitMilestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED);
    assertThat(
            jdbc.queryForObject(
                "select shared_insight from stakeholder_session where project_id = ?",
                String.class,
                project))
        .isEqualTo("From empathy to perspective");
    UUID present = UUID.fromString(String.valueOf(experts.getFirst().get("value")));
    assertThat(remuneration.minutesBooked(present, Remuneration.Kind.SESSION)).isEqualTo(150);
    UUID absent = UUID.fromString(String.valueOf(experts.get(1).get("value")));
    assertThat(remuneration.minutesBooked(absent, Remuneration.Kind.SESSION)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select jsonb_array_length(supporting_insights) from action_item"
                    + " where project_id = ?",
                Integer.class,
                project))
        .isEqualTo(1);
  }

  private Milestone milestone(UUID project, MilestoneKey key) {
    return driver.milestones.of(project).stream()
        .filter(m -> m.getKey() == key)
        .findFirst()
        .orElseThrow();
  }

  private int audits(UUID project, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where subject = ? and action = ?",
        Integer.class,
        "project:" + project,
        action);
  }
}
