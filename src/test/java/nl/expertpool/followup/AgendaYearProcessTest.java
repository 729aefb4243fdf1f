package nl.expertpool.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.followup.AgendaFollowUp.State;
import nl.expertpool.followup.AgendaFollowUp.Status;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.lifecycle.NotificationLog;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.project.ProjectStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The agenda's year after the handover, with the clock (issue 23): status requests go out every 8
 * weeks for 12 months, an owner answers through the link, a silent owner is reminded, the follow-up
 * session comes near the end, the milestone ends the year and the portal shows the history.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgendaYearProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired AgendaFollowUp followUp;
  @Autowired MockMvc mvc;
  @Autowired nl.expertpool.recruitment.ExpertAccess access;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private NotificationLog mail;

  @BeforeEach
  void listen() {
    mail = NotificationLog.listen();
  }

  @AfterEach
  void stop() {
    mail.close();
  }

  @Test
  void statusRequestsEveryEightWeeksRemindersAFollowUpSessionAndTheMilestone() throws Exception {
    String name = "Agenda's year " + UUID.randomUUID();
    UUID project = driver.handedOverWithAgendaYear(name);
    driver.awaitActive(project, "StatusRequestDueTimer");
    assertThat(driver.projects.get(project).getCurrentPhase()).isEqualTo("FOLLOW_UP");
    assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(driver.milestone(project, MilestoneKey.AGENDA_FOLLOWED_UP))
        .isEqualTo(MilestoneStatus.IN_PROGRESS);
    assertThat(followUp.year(project).orElseThrow().rounds()).isEqualTo(6);

    // Nothing before the interval; then one request per action, to its owner's contact.
    driver.advance(Duration.ofDays(55));
    assertThat(links(project, "agenda-status-request")).isEmpty();
    driver.advance(Duration.ofDays(1).plusHours(1));
    List<String> first = awaitLinks(project, "agenda-status-request", 2);
    // The message goes out from the job's transaction; the link works once that is committed.
    await().atMost(LifecycleDriver.WAIT).until(() -> followUp.request(first.get(1)).isOpen());

    // The owner updates the first action through the link, once.
    assertThat(followUp.request(first.get(0)).state()).isEqualTo(State.OPEN);
    assertThat(followUp.report(first.get(0), "under_way", "The desk opens in May").state())
        .isEqualTo(State.ANSWERED);
    assertThat(followUp.report(first.get(0), "done", null).state())
        .as("a used link stores nothing again")
        .isEqualTo(State.ANSWERED);

    // The silent owner of the second is reminded after two weeks, with a fresh link.
    driver.awaitActive(project, "ReminderDueTimer");
    driver.advance(Duration.ofDays(14).plusHours(1));
    List<String> reminders = awaitLinks(project, "agenda-status-reminder", 1);
    await().atMost(LifecycleDriver.WAIT).until(() -> followUp.request(reminders.get(0)).isOpen());
    assertThat(followUp.request(first.get(1)).state())
        .as("the reminder replaced the silent owner's link")
        .isEqualTo(State.UNKNOWN);
    assertThat(followUp.request(reminders.get(0)).state()).isEqualTo(State.OPEN);

    // Round two: the first action is done; from then on only the second is asked about.
    nextRound(project);
    List<String> second = awaitLinks(project, "agenda-status-request", 4);
    await().atMost(LifecycleDriver.WAIT).until(() -> followUp.request(second.get(3)).isOpen());
    followUp.report(second.get(2), "done", "Open since 1 May");
    driver.awaitActive(project, "ReminderDueTimer");
    driver.advance(Duration.ofDays(14).plusHours(1));
    awaitLinks(project, "agenda-status-reminder", 2);
    for (int round = 3; round <= 6; round++) {
      nextRound(project);
      awaitLinks(project, "agenda-status-request", 4 + round - 2);
      assertThat(driver.hasTask(project, "hold-follow-up-session")).isFalse();
      driver.awaitActive(project, "ReminderDueTimer");
      driver.advance(Duration.ofDays(14).plusHours(1));
    }

    // Near the end of the year: the follow-up session, then the milestone.
    var session = driver.task(project, "hold-follow-up-session");
    assertThat(session.name()).isEqualTo("Hold the follow-up session");
    driver.complete(
        project,
        "hold-follow-up-session",
        Map.of(
            "heldAt",
            driver.clock.instant().toString(),
            "summary",
            "The desk works; the second action needs a new owner."));
    driver.awaitMilestone(project, MilestoneKey.AGENDA_FOLLOWED_UP);
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.COMPLETED);

    var year = followUp.year(project).orElseThrow();
    assertThat(year.history(1))
        .extracting(AgendaFollowUp.Report::status)
        .containsExactly(Status.DONE, Status.UNDER_WAY);
    assertThat(year.history(2)).isEmpty();
    assertThat(year.sessionHeldAt()).isNotNull();
    String portal =
        mvc.perform(
                get("/portal/projects/" + project)
                    .with(
                        SecurityMockMvcRequestPostProcessors.user("client")
                            .authorities(
                                new SimpleGrantedAuthority("ROLE_CLIENT"),
                                new SimpleGrantedAuthority("ORG_Gemeente Almere"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal)
        .contains("Status reports", "Under way", "Done", "The desk opens in May")
        .contains("No report yet", "Agenda followed up");

    // The experts see the latest status beside each action on their own page.
    String username = "year-" + Long.toString(System.nanoTime(), 36);
    UUID application =
        jdbc.queryForObject(
            "select application_id from expert where project_id = ? order by pseudonym limit 1",
            UUID.class,
            project);
    access.link(application, username, "pm");
    String mine =
        mvc.perform(
                get("/me")
                    .with(SecurityMockMvcRequestPostProcessors.user(username).roles("EXPERT"))
                    .cookie(new jakarta.servlet.http.Cookie("expertpool-language", "uk"))
                    .locale(java.util.Locale.forLanguageTag("uk")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(mine).contains("class=\"action-status\"", "Виконано");
  }

  /** From the last reminder to the next round's requests. */
  private void nextRound(UUID project) {
    driver.awaitActive(project, "StatusRequestDueTimer");
    driver.advance(Duration.ofDays(42).plusHours(1));
  }

  /** The secrets of the links of this project's messages: to the contacts it invited. */
  private List<String> links(UUID project, String template) {
    List<String> contacts =
        jdbc.queryForList(
            "select id::text from session_invitation where project_id = ?", String.class, project);
    return mail.links(template, contacts).stream().map(NotificationLog::secret).toList();
  }

  private List<String> awaitLinks(UUID project, String template, int count) {
    return await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> links(project, template), found -> found.size() >= count);
  }
}
