package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.lifecycle.NotificationLog;
import nl.expertpool.pools.GivenConsent;
import nl.expertpool.pools.Invitations;
import nl.expertpool.pools.NewPool;
import nl.expertpool.pools.PoolMembership;
import nl.expertpool.pools.PoolRegistry;
import nl.expertpool.recruitment.ExpertAccess;
import nl.expertpool.recruitment.Pool.PoolMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Invitations of a standing pool to a new project, on pages (issue 23): staff tick members on the
 * roster; a member answers through their link without an account, or on their own page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PoolInvitationPagesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired PoolRegistry pools;
  @Autowired PoolMembership membership;
  @Autowired Invitations invitations;
  @Autowired ExpertAccess access;
  @Autowired JdbcTemplate jdbc;

  @Test
  void staffInviteFromTheRosterOneMemberAnswersByLinkAndAnotherOnTheirPage() throws Exception {
    var pool =
        pools.create(new NewPool("Gelderland " + UUID.randomUUID(), "Gelderland", 24, 24), "pm");
    UUID first = driver.trainedPool(pool.getId());
    List<PoolMember> experts = driver.pool.pool(first);
    for (PoolMember expert : experts) {
      membership.join(first, expert.expertId(), new GivenConsent("v1", "nl", "paper"), "staff");
    }
    String username = "invited-" + Long.toString(System.nanoTime(), 36);
    UUID onThePage = experts.get(1).expertId();
    access.link(onThePage, username, "pm");
    var roster = membership.roster(pool.getId());

    assertThat(page(get("/pools/" + pool.getId()), "STAFF"))
        .contains("None of the pool&#39;s projects recruits now");
    String name = "Arnhem 2028 " + UUID.randomUUID();
    UUID second = driver.create(name, 3, null, pool.getId());
    assertThat(page(get("/pools/" + pool.getId()), "STAFF"))
        .contains("name=\"memberIds\"", "Invite the ticked members", name);
    mvc.perform(
            post("/pools/" + pool.getId() + "/invitations")
                .with(user("staff").roles("STAFF"))
                .with(csrf())
                .param("projectId", second.toString()))
        .andExpect(redirectedUrl("/pools/" + pool.getId() + "?noneTicked#invite"));

    List<String> invited;
    try (var mail = NotificationLog.listen()) {
      var invite =
          post("/pools/" + pool.getId() + "/invitations")
              .with(user("staff").roles("STAFF"))
              .with(csrf())
              .param("projectId", second.toString());
      roster.forEach(m -> invite.param("memberIds", m.memberId().toString()));
      mvc.perform(invite)
          .andExpect(redirectedUrl("/pools/" + pool.getId() + "#invitations-" + second));
      invited =
          mail.links(
              "pool-invitation",
              roster.stream()
                  .map(m -> m.memberId().toString())
                  .filter(m -> !m.equals(memberOf(onThePage).toString()))
                  .toList());
    }
    assertThat(page(get("/pools/" + pool.getId()), "PROJECT_MANAGER"))
        .contains("Invitations to " + name, "Awaiting an answer");

    // The first member's link, in Dutch: it asks, and only the button answers.
    String path = invited.getFirst();
    String asked = anonymous(get(path).locale(Locale.forLanguageTag("nl")), 200);
    assertThat(asked)
        .contains("data-state=\"OPEN\"", "Accepteren en meedoen", name, pool.getName())
        .contains("name=\"textVersion\" value=\"v1\"");
    String accepted =
        anonymous(
            post(path)
                .with(csrf())
                .locale(Locale.forLanguageTag("nl"))
                .param("answer", "accept")
                .param("textVersion", "v1")
                .param("language", "nl"),
            200);
    assertThat(accepted).contains("data-state=\"ACCEPTED\"", "geaccepteerd");
    assertThat(anonymous(get(path).locale(Locale.forLanguageTag("nl")), 200))
        .as("a used link says how it was answered, and offers nothing")
        .contains("data-state=\"ACCEPTED\"")
        .doesNotContain("name=\"answer\"");
    assertThat(anonymous(get("/pool-invitations/no-such-link"), 410))
        .contains("data-state=\"UNKNOWN\"", "This link does not work");

    // The other member sees the invitation on their own page and declines it there.
    var inArabic = new Cookie(ExpertLanguage.COOKIE, "ar");
    String mine =
        mvc.perform(
                get("/me")
                    .with(user(username).roles("EXPERT"))
                    .cookie(inArabic)
                    .locale(Locale.forLanguageTag("ar")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(mine).contains("id=\"my-invitations\"", "أقبل وأشارك", name);
    UUID invitationId = invitations.openFor(java.util.Set.of(onThePage)).getFirst().invitationId();
    mvc.perform(
            post("/me/invitations/" + invitationId)
                .with(user("someone-else").roles("EXPERT"))
                .with(csrf())
                .param("answer", "accept"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/me/invitations/" + invitationId)
                .with(user(username).roles("EXPERT"))
                .with(csrf())
                .param("answer", "decline"))
        .andExpect(redirectedUrl("/me#my-invitations"));
    assertThat(invitations.ofProject(second))
        .extracting(Invitations.Sent::state)
        .containsExactlyInAnyOrder(Invitations.State.ACCEPTED, Invitations.State.DECLINED);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from application where project_id = ?", Integer.class, second))
        .as("accepting made an application, declining none")
        .isEqualTo(1);
  }

  @Test
  void anExpiredInvitationGetsAClearPageAndAcceptsNothing() throws Exception {
    var pool = pools.create(new NewPool("Twente " + UUID.randomUUID(), "Twente", 24, 24), "pm");
    UUID first = driver.trainedPool(pool.getId());
    var expert = driver.pool.pool(first).getFirst();
    membership.join(first, expert.expertId(), new GivenConsent("v1", "en", "paper"), "staff");
    UUID second = driver.create("Enschede " + UUID.randomUUID(), 3, null, pool.getId());
    String path;
    try (var mail = NotificationLog.listen()) {
      invitations.invite(second, List.of(memberOf(expert.expertId())), "pm");
      path = mail.links("pool-invitation").getFirst();
    }

    driver.advance(Duration.ofDays(15));

    assertThat(anonymous(get(path), 410)).contains("data-state=\"EXPIRED\"", "has expired");
    assertThat(
            anonymous(
                post(path)
                    .with(csrf())
                    .param("answer", "accept")
                    .param("textVersion", "v1")
                    .param("language", "en"),
                410))
        .contains("data-state=\"EXPIRED\"");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from application where project_id = ?", Integer.class, second))
        .isZero();
  }

  private UUID memberOf(UUID expertId) {
    return jdbc.queryForObject(
        "select member_id from pool_member_project where expert_id = ?", UUID.class, expertId);
  }

  private String page(MockHttpServletRequestBuilder request, String role) throws Exception {
    return mvc.perform(request.with(user(role.toLowerCase()).roles(role)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String anonymous(MockHttpServletRequestBuilder request, int expected) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
