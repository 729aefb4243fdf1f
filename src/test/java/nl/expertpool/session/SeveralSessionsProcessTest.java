package nl.expertpool.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.remuneration.Remuneration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A project that holds two stakeholder (make) sessions, one after another (issue 23): each has its
 * own plan, invitations, participants and part of the agenda; the agenda is their union, each
 * action traced to its session, and it is drafted once both are held.
 */
@SpringBootTest
class SeveralSessionsProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired SessionRecording recording;
  @Autowired Remuneration remuneration;

  @Test
  void twoSessionsEachAddTheirPartToOneAgenda() {
    UUID project =
        driver.train(driver.create("Two sessions " + UUID.randomUUID(), 2, null, null, 2));
    driver.recordAllInterviews(project, 4, "housing", "work");
    driver.approveSynthesis(project);
    driver.awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);

    // The first session: housing.
    driver.planSession(project, Duration.ofDays(3));
    driver.awaitActive(project, "ReminderDueTimer");
    driver.advance(Duration.ofDays(3).plusHours(1));
    var outcome = driver.task(project, "record-session-outcome");
    assertThat(outcome.variables()).containsEntry("sessionNumber", 1);
    var present = driver.pool.pool(project).stream().map(e -> e.expertId().toString()).toList();
    var first = new HashMap<String, Object>(LifecycleDriver.sessionOutcome());
    first.put("expertsPresent", present);
    driver.complete(project, "record-session-outcome", first);

    // Only then the second: its own plan, on work.
    driver.awaitActive(project, "PlanStakeholderSessionTask");
    assertThat(driver.milestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED))
        .as("not drafted after the first of two sessions")
        .isNotEqualTo(MilestoneStatus.REACHED);
    assertThat(recording.agenda(project).orElseThrow().items()).hasSize(1);
    driver.complete(
        project,
        "plan-stakeholder-session",
        LifecycleDriver.sessionPlan(driver.clock.instant().plus(Duration.ofDays(10))));
    driver.awaitActive(project, "ReminderDueTimer");
    driver.advance(Duration.ofDays(10).plusHours(1));
    assertThat(driver.task(project, "record-session-outcome").variables())
        .containsEntry("sessionNumber", 2);
    var second = new HashMap<String, Object>(LifecycleDriver.sessionOutcome());
    second.put("sharedInsight", "Work that fits the diploma");
    second.put("expertsPresent", present);
    second.put(
        "agendaItems",
        List.of(
            LifecycleDriver.agendaItem(
                "work", "Recognise foreign diplomas within three months", "UWV", "long", "medium"),
            LifecycleDriver.agendaItem(
                "work",
                "Pair newcomers with a job coach",
                "Gemeente Almere",
                "short",
                "high",
                "work",
                "housing")));
    driver.complete(project, "record-session-outcome", second);
    driver.awaitMilestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED);

    ActionAgenda agenda = recording.agenda(project).orElseThrow();
    assertThat(agenda.items())
        .extracting(ActionAgenda.Item::position, ActionAgenda.Item::sessionNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 1),
            org.assertj.core.groups.Tuple.tuple(2, 2),
            org.assertj.core.groups.Tuple.tuple(3, 2));
    assertThat(agenda.sessions())
        .extracting(ActionAgenda.Session::number, ActionAgenda.Session::sharedInsight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "From empathy to perspective"),
            org.assertj.core.groups.Tuple.tuple(2, "Work that fits the diploma"));
    assertThat(agenda.sessions().get(1).sessionAt()).isAfter(agenda.sessions().get(0).sessionAt());
    assertThat(agenda.participants())
        .as("per organisation, over both sessions")
        .containsExactly(
            new ActionAgenda.Participation("Gemeente Almere", 6),
            new ActionAgenda.Participation("Expert pool", 4));
    assertThat(agenda.table(project).rows().stream().map(row -> (Object) row.get(1)).toList())
        .as("the download says which session each action came from")
        .containsExactly((Object) 1, 2, 2);
    for (var expert : driver.pool.pool(project)) {
      assertThat(remuneration.minutesBooked(expert.expertId(), Remuneration.Kind.SESSION))
          .as("paid for both sessions")
          .isEqualTo(300);
    }
    assertThat(driver.tasks(project, "give-feedback", 2)).hasSize(2);
  }
}
