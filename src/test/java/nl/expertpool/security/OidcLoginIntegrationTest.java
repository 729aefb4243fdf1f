package nl.expertpool.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.lifecycle.OidcProviderStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sign-in with OIDC, switched on by the standard Spring properties: the whole authorization-code
 * flow against a provider stub laid out like a Keycloak realm, with the roles in Keycloak's realm
 * roles claim.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OidcLoginIntegrationTest {

  static final OidcProviderStub provider = OidcProviderStub.start();

  @DynamicPropertySource
  static void signInWithTheStub(DynamicPropertyRegistry registry) {
    String client = "spring.security.oauth2.client.";
    registry.add(client + "registration.stub.client-id", () -> OidcProviderStub.CLIENT_ID);
    registry.add(client + "registration.stub.client-secret", () -> OidcProviderStub.CLIENT_SECRET);
    registry.add(client + "registration.stub.client-name", () -> "Stub Keycloak");
    registry.add(client + "registration.stub.scope", () -> "openid,profile");
    registry.add(client + "provider.stub.issuer-uri", provider::issuer);
    registry.add("expertpool.security.oidc.roles-claim", () -> "realm_access.roles");
  }

  @AfterAll
  static void stopProvider() {
    provider.close();
  }

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void theSignInPageOffersTheProviderInEnglishAndDutchBesideTheForm() throws Exception {
    String english = page("/login", new MockHttpSession());
    String dutch = page("/login?lang=nl", new MockHttpSession());

    assertThat(english)
        .contains(
            "name=\"password\"",
            "href=\"/oauth2/authorization/stub\"",
            "Sign in with Stub Keycloak");
    assertThat(dutch)
        .contains("href=\"/oauth2/authorization/stub\"", "Aanmelden met Stub Keycloak");
  }

  @Test
  void aProjectManagerSignsInAtTheProviderAndReachesTheDashboardUnderTheirUserName()
      throws Exception {
    MockHttpSession session = new MockHttpSession();
    MockHttpServletResponse callback =
        signIn(session, user("anna.pm", "offline_access", "project-managers"));

    assertThat(callback.getRedirectedUrl()).isEqualTo("/");
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/dashboard"));
    assertThat(page("/dashboard", session)).contains("(anna.pm)");
    // The API keeps HTTP Basic: a page session is no key to it.
    mvc.perform(get("/api/projects").session(session)).andExpect(status().isUnauthorized());
  }

  @Test
  void aClientWithAnOrganisationSeesOnlyTheirOwnProjectsAndNotTheDashboard() throws Exception {
    UUID own = driver.createFor("Gemeente Almere");
    UUID foreign = driver.createFor("Gemeente Utrecht");
    MockHttpSession session = new MockHttpSession();
    Map<String, Object> claims = new java.util.HashMap<>(user("bert.client", "CLIENT"));
    claims.put("organisation", "Gemeente Almere");
    signIn(session, claims);

    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/portal"));
    assertThat(page("/portal", session))
        .contains(own.toString())
        .doesNotContain(foreign.toString());
    mvc.perform(get("/portal/projects/" + foreign).session(session))
        .andExpect(status().isNotFound());
    mvc.perform(get("/dashboard").session(session)).andExpect(status().isForbidden());
  }

  @Test
  void aClientWithoutAnOrganisationGetsNoClientRoleAndSoNoProjects() throws Exception {
    driver.createFor("Gemeente Almere");
    MockHttpSession session = new MockHttpSession();
    signIn(session, user("cor.client", "clients"));

    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/no-role"));
    mvc.perform(get("/portal").session(session)).andExpect(status().isForbidden());
    mvc.perform(get("/tasks").session(session)).andExpect(status().isForbidden());
  }

  @Test
  void aUserWithNoneOfTheAppsRolesSignsInButSeesOnlyThePageSayingSo() throws Exception {
    MockHttpSession session = new MockHttpSession();
    signIn(session, user("dirk.nobody", "offline_access", "admin"));

    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/no-role"));
    assertThat(page("/no-role", session))
        .contains("You are signed in as dirk.nobody")
        .doesNotContain("href=\"/tasks\"");
    for (String refused : List.of("/dashboard", "/portal", "/tasks", "/tasks/1")) {
      mvc.perform(get(refused).session(session)).andExpect(status().isForbidden());
    }
  }

  @Test
  void aDisabledStoredUserOfTheSameNameIsRefused() throws Exception {
    users.addIfAbsent("eva.disabled", UUID.randomUUID().toString(), Role.STAFF, null);
    jdbc.update("update app_user set enabled = false where username = 'eva.disabled'");
    MockHttpSession session = new MockHttpSession();

    MockHttpServletResponse callback = signIn(session, user("eva.disabled", "staff"));

    assertThat(callback.getRedirectedUrl()).isEqualTo("/login?refused");
    mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/login"));
    assertThat(page("/login?refused", session)).contains("role=\"alert\"");
  }

  @Test
  void signingOutEndsTheSessionAtTheProviderToo() throws Exception {
    MockHttpSession session = new MockHttpSession();
    signIn(session, user("fleur.staff", "STAFF"));

    String logout =
        mvc.perform(post("/logout").session(session).with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    assertThat(logout)
        .startsWith(provider.endSessionEndpoint() + "?")
        .contains("id_token_hint=", "post_logout_redirect_uri=http://localhost/login?logout");
    mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/login"));
  }

  /** Keycloak's shape: realm roles under {@code realm_access.roles}. */
  private static Map<String, Object> user(String username, String... realmRoles) {
    return Map.of(
        "preferred_username", username, "realm_access", Map.of("roles", List.of(realmRoles)));
  }

  /**
   * The browser's part of the authorization-code flow: start at the app, get sent to the provider,
   * which signs the user in and sends them back to the app with a code.
   *
   * @return the app's answer to that return
   */
  private MockHttpServletResponse signIn(MockHttpSession session, Map<String, Object> claims)
      throws Exception {
    provider.signInNextAs(claims);
    String authorization =
        mvc.perform(get("/oauth2/authorization/stub").session(session))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(authorization)
        .startsWith(provider.authorizationEndpoint() + "?")
        .contains("state=", "nonce=", "redirect_uri=");

    HttpResponse<Void> atProvider =
        browser.send(
            HttpRequest.newBuilder(URI.create(authorization)).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(atProvider.statusCode()).isEqualTo(302);
    URI back = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/login/oauth2/code/stub");

    return mvc.perform(get(back).session(session)).andReturn().getResponse();
  }

  private String page(String path, MockHttpSession session) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
