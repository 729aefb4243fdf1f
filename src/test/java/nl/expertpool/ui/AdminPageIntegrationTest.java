package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import nl.expertpool.audit.AuditEvent;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.project.ClientDirectory;
import nl.expertpool.security.AccountAdministration;
import nl.expertpool.security.Role;
import nl.expertpool.security.UserDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.FlashMap;

/**
 * Project managers add staff, project-manager and client accounts and client organisations on
 * {@code /admin}, deactivate and reactivate accounts and reset passwords; nobody but the account's
 * owner ever chooses its password.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdminPageIntegrationTest {

  /** A sign-in address of this test's own, so that other tests' wrong passwords never throttle. */
  private static final String ADDRESS = "192.0.2.19";

  private static final String PASSWORD = "letters-at-night";

  @Autowired MockMvc mvc;
  @Autowired UserDirectory users;
  @Autowired ClientDirectory clients;
  @Autowired AuditTrail audit;

  @Test
  void aNewStaffAccountGetsALinkShownOnceWithWhichItsOwnerChoosesAPasswordAndSignsIn()
      throws Exception {
    String page = page(get("/admin").with(pm()), 200);
    assertThat(page)
        .contains("Users and organisations", "name=\"username\"", "name=\"displayName\"")
        .contains("name=\"role\"", "value=\"STAFF\"", "value=\"PROJECT_MANAGER\"")
        .contains("value=\"CLIENT\"", "name=\"organisation\"", "name=\"organisationName\"")
        .doesNotContain("value=\"EXPERT\"", "type=\"password\"")
        .contains("data-user=\"staff\"", "data-user=\"pm\"", "This is you");
    String username = unique("sam");

    MvcResult created =
        mvc.perform(
                post("/admin/users")
                    .with(pm())
                    .with(csrf())
                    .param("username", " " + username + " ")
                    .param("displayName", "Sam de Vries")
                    .param("role", "STAFF")
                    .param("organisation", ""))
            .andExpect(redirectedUrl("/admin#hand-over"))
            .andReturn();
    String shown = page(get("/admin").with(pm()).flashAttrs(created.getFlashMap()), 200);
    String link = linkIn(shown);
    assertThat(shown)
        .contains("The account " + username + " is created.", "It works once, until")
        .contains("<tr data-user=\"" + username + "\"", "Sam de Vries", ">Staff<", ">Active<");
    assertThat(page(get("/admin").with(pm()), 200))
        .as("the link is shown once")
        .contains(username)
        .doesNotContain(link);
    assertThat(users.account(username).orElseThrow().role()).isEqualTo(Role.STAFF);
    assertThat(signIn(username, "")).isFalse();

    String path = URI.create(link).getPath();
    assertThat(page(get(path), 200)).contains(username);
    mvc.perform(post(path).with(csrf()).param("password", PASSWORD).param("repeat", PASSWORD))
        .andExpect(redirectedUrl("/login?passwordSet"));
    assertThat(signIn(username, PASSWORD)).isTrue();
    assertThat(api(username, PASSWORD)).isEqualTo(200);
    mvc.perform(get(path)).andExpect(status().isGone());

    List<AuditEvent> events = audit.about(AccountAdministration.subject(username));
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly("account.created", "account.password-set");
    assertThat(events.getFirst().actor()).isEqualTo("pm");
    assertThat(events.getFirst().detail()).startsWith("STAFF;");
    assertNoSecretIn(events, link);
  }

  @Test
  void aClientAccountBelongsToAClientOrganisationAddedOnThePage() throws Exception {
    String organisation = unique("Gemeente Zwolle");
    mvc.perform(
            post("/admin/organisations")
                .with(pm())
                .with(csrf())
                .param("organisationName", "  " + organisation + " "))
        .andExpect(redirectedUrl("/admin#organisations"))
        .andExpect(flash().attribute("notice", "admin.organisation.added"));
    ClientDirectory.Client added =
        clients.all().stream().filter(c -> c.name().equals(organisation)).findFirst().orElseThrow();
    assertThat(page(get("/admin").with(pm()), 200))
        .contains("data-organisation=\"" + organisation + "\"")
        .contains("<option value=\"" + organisation + "\">");

    String username = unique("client");
    mvc.perform(
            post("/admin/users")
                .with(pm())
                .with(csrf())
                .param("username", username)
                .param("role", "CLIENT")
                .param("organisation", organisation))
        .andExpect(redirectedUrl("/admin#hand-over"));

    assertThat(users.account(username).orElseThrow().organisation()).isEqualTo(organisation);
    assertThat(users.loadUserByUsername(username).getAuthorities())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("ROLE_CLIENT", "ORG_" + organisation);
    assertThat(audit.about(ClientDirectory.subject(added.id())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("client-organisation.created");
              assertThat(e.actor()).isEqualTo("pm");
            });
    assertThat(audit.about(AccountAdministration.subject(username)))
        .extracting(AuditEvent::detail)
        .singleElement()
        .asString()
        .startsWith("CLIENT of " + organisation + ";");

    // The same name in other capitals, and none at all: refused beside the field, the text kept.
    String again =
        page(
            post("/admin/organisations")
                .with(pm())
                .with(csrf())
                .param("organisationName", organisation.toUpperCase()),
            400);
    assertThat(again)
        .contains("The organisation was not added.", "An organisation of this name exists already")
        .contains("value=\"" + organisation.toUpperCase() + "\"")
        .contains("aria-invalid=\"true\"");
    assertThat(
            page(
                post("/admin/organisations")
                    .with(pm())
                    .with(csrf())
                    .param("organisationName", "   "),
                400))
        .contains("id=\"organisationName-note\"", "Fill this in.");
    assertThat(clients.all()).filteredOn(c -> c.name().equalsIgnoreCase(organisation)).hasSize(1);
  }

  @Test
  void aRefusedAccountComesBackWithEachProblemByItsFieldAndEverythingTypedKept() throws Exception {
    String page =
        page(
            post("/admin/users")
                .with(pm())
                .with(csrf())
                .param("username", "")
                .param("displayName", "Ana Horvat")
                .param("role", "CLIENT")
                .param("organisation", ""),
            400);
    assertThat(page)
        .contains("The account was not created: 2 fields need a look.")
        .contains("href=\"#username\"", "href=\"#organisation\"")
        .contains("id=\"username-note\"", "Fill this in.")
        .contains("A client account belongs to a client organisation")
        .contains("value=\"Ana Horvat\"")
        .containsPattern("value=\"CLIENT\"[^>]*checked")
        .contains("aria-invalid=\"true\"");

    assertRefused("with space", "STAFF", "", "Only letters, digits and . _ @ -");
    assertRefused("x".repeat(121), "STAFF", "", "At most 120 characters.");
    assertRefused("x", "STAFF", "", "At least 2 characters.");
    assertRefused("STAFF", "STAFF", "", "This username is taken");
    assertRefused(unique("nobody"), "", "", "Choose one of the roles.");
    assertRefused(unique("nobody"), "EXPERT", "", "Choose one of the roles.");
    assertRefused(unique("nobody"), "CLIENT", "No such organisation", "choose one of the list");

    String dutch =
        page(
            post("/admin/users?lang=nl")
                .with(pm())
                .with(csrf())
                .param("username", "")
                .param("role", "STAFF"),
            400);
    assertThat(dutch).contains("Het account is niet aangemaakt", "Vul dit in.");
    assertThat(users.all()).noneMatch(a -> a.username().startsWith("nobody-"));
  }

  @Test
  void aDeactivatedAccountSignsInNeitherOnThePagesNorTheApiUntilItIsReactivated() throws Exception {
    String username = withPassword(unique("dana"), Role.STAFF);
    MockHttpSession session = session(username, PASSWORD);
    mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
    assertThat(api(username, PASSWORD)).isEqualTo(200);

    String ask = page(get("/admin/users/" + username + "/deactivation").with(pm()), 200);
    assertThat(ask)
        .contains("Deactivate an account", username, "can then no longer sign in")
        .contains("You can reactivate the account later");
    mvc.perform(post("/admin/users/" + username + "/deactivation").with(pm()))
        .andExpect(status().isForbidden());
    assertThat(users.isDisabled(username)).as("no CSRF token, nothing done").isFalse();
    mvc.perform(post("/admin/users/" + username + "/deactivation").with(pm()).with(csrf()))
        .andExpect(redirectedUrl("/admin"))
        .andExpect(flash().attribute("notice", "admin.notice.deactivated"));

    assertThat(api(username, PASSWORD)).isEqualTo(401);
    assertThat(signIn(username, PASSWORD)).isFalse();
    mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/login?disabled"));
    assertThat(page(get("/admin").with(pm()), 200))
        .containsPattern("data-user=\"" + username + "\"[^>]*class=\"deactivated\"")
        .contains("/admin/users/" + username + "/activation");

    mvc.perform(post("/admin/users/" + username + "/activation").with(pm()).with(csrf()))
        .andExpect(redirectedUrl("/admin"))
        .andExpect(flash().attribute("notice", "admin.notice.reactivated"));
    assertThat(api(username, PASSWORD)).isEqualTo(200);
    assertThat(audit.about(AccountAdministration.subject(username)))
        .extracting(AuditEvent::action)
        .endsWith("account.deactivated", "account.reactivated")
        .allSatisfy(action -> assertThat(action).startsWith("account."));
  }

  @Test
  void nobodyDeactivatesTheirOwnAccountAndAnExpertsIsNotReactivatedHere() throws Exception {
    mvc.perform(get("/admin/users/pm/deactivation").with(pm()))
        .andExpect(redirectedUrl("/admin"))
        .andExpect(flash().attribute("notice", "admin.notice.notYourOwn"));
    mvc.perform(post("/admin/users/pm/deactivation").with(pm()).with(csrf()))
        .andExpect(flash().attribute("notice", "admin.notice.notYourOwn"));
    mvc.perform(post("/admin/users/pm/password-reset").with(pm()).with(csrf()))
        .andExpect(flash().attribute("notice", "admin.notice.notYourOwn"));
    assertThat(users.isDisabled("pm")).isFalse();
    String shown =
        page(
            get("/admin")
                .with(pm())
                .flashAttr("notice", "admin.notice.notYourOwn")
                .flashAttr("noticeArg", "pm"),
            200);
    assertThat(shown).contains("pm is your own account");

    String expert = unique("expert");
    users.addWithoutPassword(expert, Role.EXPERT);
    mvc.perform(post("/admin/users/" + expert + "/deactivation").with(pm()).with(csrf()))
        .andExpect(flash().attribute("notice", "admin.notice.deactivated"));
    assertThat(page(get("/admin").with(pm()), 200))
        .doesNotContain("/admin/users/" + expert + "/activation");
    mvc.perform(post("/admin/users/" + expert + "/activation").with(pm()).with(csrf()))
        .andExpect(flash().attribute("notice", "admin.notice.expertNotReactivated"));
    assertThat(users.isDisabled(expert)).isTrue();

    mvc.perform(get("/admin/users/nobody-at-all/deactivation").with(pm()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/admin/users/nobody-at-all/password-reset").with(pm()).with(csrf()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aResetPasswordStopsTheOldPasswordAndTheEarlierLinkAndGivesANewLinkOnce() throws Exception {
    String username = unique("rui");
    FlashMap first =
        mvc.perform(
                post("/admin/users")
                    .with(pm())
                    .with(csrf())
                    .param("username", username)
                    .param("role", "PROJECT_MANAGER"))
            .andReturn()
            .getFlashMap();
    String earlier =
        URI.create(linkIn(page(get("/admin").with(pm()).flashAttrs(first), 200))).getPath();

    assertThat(page(get("/admin/users/" + username + "/password-reset").with(pm()), 200))
        .contains("Reset a password", "stops working at once");
    MvcResult reset =
        mvc.perform(post("/admin/users/" + username + "/password-reset").with(pm()).with(csrf()))
            .andExpect(redirectedUrl("/admin#hand-over"))
            .andReturn();
    String shown = page(get("/admin").with(pm()).flashAttrs(reset.getFlashMap()), 200);
    assertThat(shown).contains("The password of " + username + " is reset");
    String later = URI.create(linkIn(shown)).getPath();

    assertThat(later).isNotEqualTo(earlier);
    mvc.perform(get(earlier)).andExpect(status().isGone());
    mvc.perform(post(later).with(csrf()).param("password", PASSWORD).param("repeat", PASSWORD))
        .andExpect(redirectedUrl("/login?passwordSet"));
    assertThat(api(username, PASSWORD)).isEqualTo(200);

    // Reset again: the password just chosen stops working at once.
    mvc.perform(post("/admin/users/" + username + "/password-reset").with(pm()).with(csrf()))
        .andExpect(redirectedUrl("/admin#hand-over"));
    assertThat(api(username, PASSWORD)).isEqualTo(401);
    assertThat(signIn(username, PASSWORD)).isFalse();

    List<AuditEvent> events = audit.about(AccountAdministration.subject(username));
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly(
            "account.created",
            "account.password-reset",
            "account.password-set",
            "account.password-reset");
    assertNoSecretIn(events, earlier);
    assertNoSecretIn(events, later);

    // A deactivated account's password is not reset: its links would not work anyway.
    mvc.perform(post("/admin/users/" + username + "/deactivation").with(pm()).with(csrf()));
    mvc.perform(post("/admin/users/" + username + "/password-reset").with(pm()).with(csrf()))
        .andExpect(flash().attribute("notice", "admin.notice.resetDeactivated"));
  }

  @Test
  void onlyProjectManagersGetTheAdminPagesAndEveryPostNeedsItsCsrfToken() throws Exception {
    for (RequestPostProcessor other :
        List.of(
            user("staff").roles("STAFF"),
            user("expert").roles("EXPERT"),
            user("client").roles("CLIENT"))) {
      mvc.perform(get("/admin").with(other)).andExpect(status().isForbidden());
      mvc.perform(get("/admin/users/staff/deactivation").with(other))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/admin/users")
                  .with(other)
                  .with(csrf())
                  .param("username", "sneaky")
                  .param("role", "PROJECT_MANAGER"))
          .andExpect(status().isForbidden());
    }
    assertThat(mvc.perform(get("/admin")).andReturn().getResponse().getRedirectedUrl())
        .endsWith("/login");

    String username = unique("token");
    mvc.perform(
            post("/admin/users")
                .with(pm())
                .param("username", username)
                .param("role", "PROJECT_MANAGER"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/organisations").with(pm()).param("organisationName", username))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/users/staff/password-reset").with(pm()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/users/staff/activation").with(pm())).andExpect(status().isForbidden());
    assertThat(users.account("sneaky")).isEmpty();
    assertThat(users.account(username)).isEmpty();
    assertThat(clients.exists(username)).isFalse();

    assertThat(page(get("/dashboard").with(pm()), 200)).contains("href=\"/admin\"");
    assertThat(page(get("/tasks").with(user("staff").roles("STAFF")), 200))
        .doesNotContain("href=\"/admin\"");
  }

  private void assertRefused(String username, String role, String organisation, String error)
      throws Exception {
    String page =
        page(
            post("/admin/users")
                .with(pm())
                .with(csrf())
                .param("username", username)
                .param("role", role)
                .param("organisation", organisation),
            400);
    assertThat(page).as(username + " as " + role).contains(error, "aria-invalid=\"true\"");
    if (!username.isEmpty()) {
      assertThat(page).contains("value=\"" + username + "\"");
    }
  }

  /** A stored account of this role whose owner chose {@link #PASSWORD} through its link. */
  private String withPassword(String username, Role role) throws Exception {
    MvcResult created =
        mvc.perform(
                post("/admin/users")
                    .with(pm())
                    .with(csrf())
                    .param("username", username)
                    .param("role", role.name()))
            .andExpect(redirectedUrl("/admin#hand-over"))
            .andReturn();
    String path =
        URI.create(linkIn(page(get("/admin").with(pm()).flashAttrs(created.getFlashMap()), 200)))
            .getPath();
    mvc.perform(post(path).with(csrf()).param("password", PASSWORD).param("repeat", PASSWORD))
        .andExpect(redirectedUrl("/login?passwordSet"));
    return username;
  }

  private boolean signIn(String username, String password) throws Exception {
    MvcResult result = mvc.perform(signInForm(username, password)).andReturn();
    if (result.getResponse().getRedirectedUrl().equals("/")) {
      authenticated().match(result);
      return true;
    }
    unauthenticated().match(result);
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    return false;
  }

  private MockHttpSession session(String username, String password) throws Exception {
    return (MockHttpSession)
        mvc.perform(signInForm(username, password))
            .andExpect(authenticated())
            .andReturn()
            .getRequest()
            .getSession(false);
  }

  private static MockHttpServletRequestBuilder signInForm(String username, String password) {
    return post("/login")
        .param("username", username)
        .param("password", password)
        .with(csrf())
        .with(from());
  }

  private int api(String username, String password) throws Exception {
    return mvc.perform(get("/api/tasks").with(httpBasic(username, password)).with(from()))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  /** The one-time link the page shows to hand over. */
  private static String linkIn(String page) {
    var link =
        java.util.regex.Pattern.compile(
                "<p class=\"set-password-link\"><a href=\"([^\"]+/account/set-password/[^\"]+)\"")
            .matcher(page);
    assertThat(link.find()).as("the page shows a set-password link").isTrue();
    return link.group(1);
  }

  /** Neither a link nor its secret is written to the audit trail. */
  private static void assertNoSecretIn(List<AuditEvent> events, String link) {
    String secret = link.substring(link.lastIndexOf('/') + 1);
    assertThat(events)
        .allSatisfy(
            e -> assertThat(String.valueOf(e.detail())).doesNotContain(secret, "set-password/"));
  }

  private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String unique(String name) {
    return name + "-" + Long.toString(System.nanoTime(), 36);
  }

  private static RequestPostProcessor from() {
    return request -> {
      request.setRemoteAddr(ADDRESS);
      return request;
    };
  }

  private static RequestPostProcessor pm() {
    return user("pm").roles("PROJECT_MANAGER");
  }
}
