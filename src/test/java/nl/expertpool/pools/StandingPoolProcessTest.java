package nl.expertpool.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.expertpool.engine.UserTask;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.lifecycle.NotificationLog;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.pools.Invitations.State;
import nl.expertpool.recruitment.Pool.PoolMember;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two projects of one standing pool (issue 23): the second invites certified members of the first
 * beside its open call. Their certification comes along, so only the newcomer is trained, and all
 * of them interview.
 */
@SpringBootTest
class StandingPoolProcessTest {

  private static final GivenConsent ON_THE_PAGE = new GivenConsent("v1", "en", "web-page");

  @Autowired LifecycleDriver driver;
  @Autowired PoolRegistry pools;
  @Autowired PoolMembership membership;
  @Autowired Invitations invitations;
  @Autowired Remuneration remuneration;
  @Autowired JdbcTemplate jdbc;

  @Test
  @SuppressWarnings("unchecked")
  void theSecondProjectInvitesThreeCertifiedMembersAndTrainsOnlyItsNewcomer() {
    var pool =
        pools.create(new NewPool("Almere region " + UUID.randomUUID(), "Flevoland", 24, 24), "pm");
    UUID first = trained(pool.getId(), "Olena Koval", "Andrii Melnyk", "Iryna Shevchenko");
    Map<UUID, Instant> certifiedInFirst = new HashMap<>();
    for (PoolMember expert : driver.pool.pool(first)) {
      membership.join(first, expert.expertId(), ON_THE_PAGE, "expert");
      certifiedInFirst.put(expert.expertId(), certifiedAt(expert.expertId()));
    }
    var roster = membership.roster(pool.getId());
    assertThat(roster).hasSize(3);

    driver.advance(Duration.ofDays(30));
    UUID second = driver.create("Almere 2028 " + UUID.randomUUID(), 4, null, pool.getId());
    List<Invitations.Sent> sent;
    List<String> tokens;
    try (var mail = NotificationLog.listen()) {
      sent =
          invitations.invite(
              second, roster.stream().map(PoolMembership.RosterEntry::memberId).toList(), "pm");
      invitations.invite(second, List.of(roster.getFirst().memberId()), "pm");
      tokens = mail.links("pool-invitation").stream().map(NotificationLog::secret).toList();
    }
    assertThat(sent).hasSize(3).allMatch(s -> s.state() == State.OPEN);
    assertThat(tokens).as("one message each, none again for a second invitation").hasSize(3);

    // Two answer through their link, one on their page (signed in as the first project's expert).
    assertThat(invitations.offer(tokens.get(0)).state()).isEqualTo(State.OPEN);
    assertThat(invitations.answer(tokens.get(0), true, "v1", "en").state())
        .isEqualTo(State.ACCEPTED);
    assertThat(invitations.answer(tokens.get(0), false, null, null).state())
        .as("a used link answers nothing again")
        .isEqualTo(State.ACCEPTED);
    assertThat(invitations.answer(tokens.get(1), true, "v1", "uk").state())
        .isEqualTo(State.ACCEPTED);
    Set<UUID> third =
        driver.pool.pool(first).stream()
            .map(PoolMember::expertId)
            .filter(
                id ->
                    invitations.openFor(Set.of(id)).stream().anyMatch(o -> o.state() == State.OPEN))
            .collect(Collectors.toSet());
    assertThat(third).hasSize(1);
    var offer = invitations.openFor(third).getFirst();
    assertThatThrownBy(
            () ->
                invitations.answerAsExpert(
                    Set.of(UUID.randomUUID()), offer.invitationId(), true, "v1", "en", "x"))
        .as("someone else's invitation")
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
    assertThat(
            invitations
                .answerAsExpert(third, offer.invitationId(), true, "v1", "en", "expert")
                .state())
        .isEqualTo(State.ACCEPTED);
    assertThat(invitations.ofProject(second))
        .extracting(Invitations.Sent::state)
        .containsOnly(State.ACCEPTED);
    var consents =
        jdbc.queryForList(
            "select c.method from consent_record c join application a on a.id = c.application_id"
                + " where a.project_id = ?",
            String.class,
            second);
    assertThat(consents)
        .as("the project's own consent, given by accepting")
        .hasSize(3)
        .containsOnly("pool-invitation");

    driver.apply(second, "Mariam Haidari");
    driver.advance(Duration.ofDays(14));
    driver.screen(second, "accept");
    driver.awaitMilestone(second, MilestoneKey.EXPERTS_RECRUITED);
    List<PoolMember> experts = driver.pool.pool(second);
    assertThat(experts).hasSize(4);
    assertThat(experts).filteredOn(PoolMember::certified).as("certified already").hasSize(3);

    driver.scheduleOneSession(second);
    driver.awaitActive(second, "LastSessionEndedTimer");
    driver.advance(Duration.ofDays(2));
    UserTask attendance = driver.task(second, "record-attendance");
    var rows = (List<Map<String, Object>>) attendance.variables().get("attendance");
    UUID newcomer =
        experts.stream().filter(e -> !e.certified()).findFirst().orElseThrow().expertId();
    assertThat(rows)
        .as("only the newcomer is on the attendance list")
        .extracting(r -> r.get("expertId"))
        .containsOnly(newcomer.toString());
    driver.recordAttendance(second, true);
    driver.awaitMilestone(second, MilestoneKey.TRAINING_COMPLETED);

    for (PoolMember expert : driver.pool.pool(second)) {
      assertThat(expert.certified()).isTrue();
      assertThat(remuneration.minutesBooked(expert.expertId(), Remuneration.Kind.TRAINING))
          .as("only the newcomer trained and was paid for it")
          .isEqualTo(expert.expertId().equals(newcomer) ? 180 : 0);
    }
    assertThat(
            experts.stream()
                .filter(PoolMember::certified)
                .map(e -> certifiedAt(e.expertId()))
                .collect(Collectors.toSet()))
        .as("a certification brought along keeps its date")
        .isEqualTo(Set.copyOf(certifiedInFirst.values()));

    List<UserTask> interviews = driver.tasks(second, "record-network-interview", 8);
    assertThat(
            interviews.stream().map(t -> t.variables().get("expertId")).collect(Collectors.toSet()))
        .as("all four interview, twice each")
        .isEqualTo(experts.stream().map(e -> e.expertId().toString()).collect(Collectors.toSet()));
    driver.recordAllInterviews(second, 8, "housing");
    driver.awaitMilestone(second, MilestoneKey.INTERVIEWS_COMPLETED);

    var after = membership.roster(pool.getId());
    assertThat(after)
        .hasSize(3)
        .allSatisfy(m -> assertThat(m.projects()).containsExactlyInAnyOrder(first, second));
    for (var member : after) {
      var before =
          roster.stream()
              .filter(r -> r.memberId().equals(member.memberId()))
              .findFirst()
              .orElseThrow();
      assertThat(member.certifiedUntil())
          .as("taking part again does not extend a certification")
          .isEqualTo(before.certifiedUntil());
    }
  }

  @Test
  void aProjectOfCertifiedMembersOnlySkipsTheTraining() {
    var pool =
        pools.create(new NewPool("Utrecht region " + UUID.randomUUID(), "Utrecht", 24, 24), "pm");
    UUID first = trained(pool.getId(), "Hamid Rahimi", "Semhar Tesfay");
    for (PoolMember expert : driver.pool.pool(first)) {
      membership.join(first, expert.expertId(), ON_THE_PAGE, "expert");
    }
    UUID second = driver.create("Utrecht 2028 " + UUID.randomUUID(), 2, null, pool.getId());
    invitations.invite(
        second,
        membership.roster(pool.getId()).stream().map(PoolMembership.RosterEntry::memberId).toList(),
        "pm");
    Set<UUID> firstExperts =
        driver.pool.pool(first).stream().map(PoolMember::expertId).collect(Collectors.toSet());
    for (var offer : invitations.openFor(firstExperts)) {
      invitations.answerAsExpert(firstExperts, offer.invitationId(), true, "v1", "nl", "expert");
    }
    driver.advance(Duration.ofDays(14));
    driver.screen(second, "accept");

    driver.awaitMilestone(second, MilestoneKey.TRAINING_COMPLETED);
    assertThat(driver.hasTask(second, "schedule-training")).as("no training to schedule").isFalse();
    assertThat(driver.pool.pool(second)).hasSize(2).allMatch(PoolMember::certified);
    driver.tasks(second, "record-network-interview", 4);
  }

  /** A project of the pool whose experts, these people, are trained and certified. */
  private UUID trained(UUID poolId, String... people) {
    UUID project = driver.create("Pool " + UUID.randomUUID(), people.length, null, poolId);
    for (String person : people) {
      driver.apply(project, person);
    }
    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");
    driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
    driver.scheduleOneSession(project);
    driver.awaitActive(project, "LastSessionEndedTimer");
    driver.advance(Duration.ofDays(2));
    driver.recordAttendance(project, true);
    driver.awaitMilestone(project, MilestoneKey.TRAINING_COMPLETED);
    return project;
  }

  private Instant certifiedAt(UUID expertId) {
    return jdbc.queryForObject(
        "select certified_at from expert where id = ?", Instant.class, expertId);
  }
}
