package nl.expertpool.security;

import static nl.expertpool.security.AccessMatrixTest.Expect.DENIED;
import static nl.expertpool.security.AccessMatrixTest.Expect.HIDDEN;
import static nl.expertpool.security.AccessMatrixTest.Expect.LOGIN;
import static nl.expertpool.security.AccessMatrixTest.Expect.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the app maps × every role × the client's own or another client's project. The
 * rules below must name exactly the endpoints Spring maps, so an endpoint added without a rule
 * fails this test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTest {

  /** What a request may get. */
  enum Expect {
    /** Let through: anything but 401, 403, a redirect to the sign-in page or a hiding 404. */
    OK,
    /** 403. */
    DENIED,
    /** 404, as if the project did not exist. */
    HIDDEN,
    /** 401 for the API, a redirect to the sign-in page for pages. */
    LOGIN
  }

  /** Who asks: nobody, each role, and a client of the project's organisation or of another. */
  enum Who {
    ANONYMOUS,
    PROJECT_MANAGER,
    STAFF,
    EXPERT,
    OWN_CLIENT,
    OTHER_CLIENT
  }

  private static final Map<String, List<Expect>> RULES = new LinkedHashMap<>();

  /** Expectations in the order of {@link Who}. */
  private static void rule(String endpoint, Expect... byWho) {
    RULES.put(endpoint, List.of(byWho));
  }

  static {
    // API: anonymous, project manager, staff, expert, own client, other client
    rule("GET /api/projects", LOGIN, OK, OK, DENIED, OK, OK);
    rule("POST /api/projects", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /api/pools", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("POST /api/pools", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /api/pools/{id}", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("GET /api/pools/{id}/roster", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("DELETE /api/pools/{id}/members/{memberId}", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule(
        "POST /api/projects/{id}/experts/{expertId}/pool-consent",
        LOGIN,
        OK,
        OK,
        DENIED,
        DENIED,
        DENIED);
    rule("GET /api/projects/{id}/pool-invitations", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("POST /api/projects/{id}/pool-invitations", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("GET /api/projects/{id}", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /api/projects/{id}/agenda-follow-up", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("POST /api/projects/{id}/cancellation", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("POST /api/projects/{id}/plan-changes", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("POST /api/projects/{id}/resumption", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("POST /api/projects/{id}/applications", OK, OK, OK, OK, OK, OK);
    rule("POST /api/projects/{id}/applications/confirmation", OK, OK, OK, OK, OK, OK);
    rule(
        "POST /api/projects/{id}/applications/{applicationId}/confirmation",
        LOGIN,
        OK,
        OK,
        DENIED,
        DENIED,
        DENIED);
    rule("GET /api/projects/{id}/recruitment", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("GET /api/projects/{id}/milestones", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /api/projects/{id}/interviews", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("GET /api/projects/{id}/insights", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /api/projects/{id}/action-agenda", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /api/projects/{id}/feedback", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /api/projects/{id}/handover-package", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /api/projects/{id}/remuneration", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /api/people/{id}/export", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("DELETE /api/people/{id}", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("PUT /api/people/{id}/account", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("DELETE /api/people/{id}/account", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /api/tasks", LOGIN, OK, OK, OK, OK, OK);
    rule("GET /api/tasks/{id}", LOGIN, OK, OK, OK, OK, OK);
    rule("POST /api/tasks/{id}/completion", LOGIN, OK, OK, OK, OK, OK);
    rule("POST /api/dev/clock", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    // Pages
    rule("GET /", LOGIN, OK, OK, OK, OK, OK);
    rule("GET /login", OK, OK, OK, OK, OK, OK);
    rule("GET /no-role", LOGIN, OK, OK, OK, OK, OK);
    rule("GET /portal", LOGIN, OK, OK, DENIED, OK, OK);
    rule("GET /portal/projects/{id}", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /portal/projects/{id}/handover", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /portal/projects/{id}/handover.pdf", LOGIN, OK, OK, DENIED, OK, HIDDEN);
    rule("GET /dashboard", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /dashboard/projects/{id}", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /dashboard/models/{processId}", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /dashboard/projects/{id}/payout.csv", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule(
        "GET /dashboard/projects/{id}/action-agenda.csv",
        LOGIN,
        OK,
        DENIED,
        DENIED,
        DENIED,
        DENIED);
    rule("GET /dashboard/projects/{id}/insights.csv", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /dashboard/projects/{id}/synthesis", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    for (String page :
        List.of(
            "GET /dashboard/projects/{id}/cancellation",
            "POST /dashboard/projects/{id}/cancellation",
            "POST /dashboard/projects/{id}/resumption",
            "GET /dashboard/projects/{id}/plan",
            "POST /dashboard/projects/{id}/plan",
            "GET /dashboard/projects/{id}/people/{person}/export",
            "GET /dashboard/projects/{id}/people/{person}/erasure",
            "POST /dashboard/projects/{id}/people/{person}/erasure",
            "POST /dashboard/projects/{id}/clock",
            "POST /dashboard/demo-data",
            "GET /dashboard/projects/{id}/sign-up-qr.png",
            "GET /dashboard/projects/{id}/flyer.pdf")) {
      rule(page, LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    }
    rule("GET /projects/new", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    rule("GET /me", LOGIN, DENIED, DENIED, OK, DENIED, DENIED);
    rule("GET /me/certificate/{expertId}.pdf", LOGIN, DENIED, DENIED, OK, DENIED, DENIED);
    rule("POST /me/pool-consent/{expertId}", LOGIN, DENIED, DENIED, OK, DENIED, DENIED);
    rule("GET /pools", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("GET /pools/{id}", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("POST /pools/{id}/invitations", LOGIN, OK, OK, DENIED, DENIED, DENIED);
    rule("POST /me/invitations/{invitationId}", LOGIN, DENIED, DENIED, OK, DENIED, DENIED);
    rule("GET /pool-invitations/{token}", OK, OK, OK, OK, OK, OK);
    rule("GET /agenda-status/{token}", OK, OK, OK, OK, OK, OK);
    rule("POST /agenda-status/{token}", OK, OK, OK, OK, OK, OK);
    rule("POST /pool-invitations/{token}", OK, OK, OK, OK, OK, OK);
    rule("POST /me/pool-leave/{expertId}", LOGIN, DENIED, DENIED, OK, DENIED, DENIED);
    rule("POST /projects/new", LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    for (String page :
        List.of(
            "GET /admin",
            "POST /admin/users",
            "POST /admin/organisations",
            "GET /admin/users/{username}/deactivation",
            "POST /admin/users/{username}/deactivation",
            "POST /admin/users/{username}/activation",
            "GET /admin/users/{username}/password-reset",
            "POST /admin/users/{username}/password-reset")) {
      rule(page, LOGIN, OK, DENIED, DENIED, DENIED, DENIED);
    }
    rule(
        "POST /dashboard/projects/{id}/people/{person}/account",
        LOGIN,
        OK,
        DENIED,
        DENIED,
        DENIED,
        DENIED);
    rule("GET /tasks", LOGIN, OK, OK, OK, OK, OK);
    rule("GET /tasks/{key}", LOGIN, OK, OK, OK, OK, OK);
    rule("POST /tasks/{key}", LOGIN, OK, OK, OK, OK, OK);
    rule("POST /tasks/{key}/claim", LOGIN, OK, OK, OK, OK, OK);
    rule("POST /tasks/{key}/unclaim", LOGIN, OK, OK, OK, OK, OK);
    rule("POST /tasks/{key}/confirmations/{applicationId}", LOGIN, OK, OK, OK, OK, OK);
    rule("GET /apply/confirm/{token}", OK, OK, OK, OK, OK, OK);
    rule("POST /apply/confirm/{token}", OK, OK, OK, OK, OK, OK);
    rule("GET /apply/{code}", OK, OK, OK, OK, OK, OK);
    rule("POST /apply/{code}", OK, OK, OK, OK, OK, OK);
    rule("POST /apply/{code}/confirmation", OK, OK, OK, OK, OK, OK);
    rule("GET /account/password", LOGIN, OK, OK, OK, OK, OK);
    rule("POST /account/password", LOGIN, OK, OK, OK, OK, OK);
    rule("GET /account/set-password/{token}", OK, OK, OK, OK, OK, OK);
    rule("POST /account/set-password/{token}", OK, OK, OK, OK, OK, OK);
  }

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theRulesNameEveryMappedEndpoint() {
    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (method.getBeanType().getPackageName().startsWith("nl.expertpool")) {
                for (String pattern : info.getPatternValues()) {
                  for (var verb : info.getMethodsCondition().getMethods()) {
                    mapped.add(verb + " " + pattern);
                  }
                }
              }
            });

    assertThat(mapped).containsExactlyInAnyOrderElementsOf(RULES.keySet());
  }

  @Test
  void everyRoleGetsWhatItsRuleSaysForItsOwnAndAnotherClientsProject() throws Exception {
    UUID project = driver.createFor("Gemeente Almere");
    List<String> broken = new ArrayList<>();
    for (var rule : RULES.entrySet()) {
      for (Who who : Who.values()) {
        Expect expected = rule.getValue().get(who.ordinal());
        int status = request(rule.getKey(), project, who);
        String location = lastLocation;
        if (!matches(expected, status, location, lastBody)) {
          broken.add(rule.getKey() + " as " + who + ": expected " + expected + ", got " + status);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  /** Someone an identity provider signed in without any of the app's roles. */
  @Test
  void aSignedInUserWithoutARoleIsRefusedEveryPageButTheirOwn() throws Exception {
    UUID project = driver.createFor("Gemeente Almere");
    Set<String> open =
        Set.of(
            "GET /",
            "GET /login",
            "GET /no-role",
            "GET /account/set-password/{token}",
            "POST /account/set-password/{token}",
            "GET /apply/confirm/{token}",
            "POST /apply/confirm/{token}",
            "GET /pool-invitations/{token}",
            "GET /agenda-status/{token}",
            "POST /agenda-status/{token}",
            "POST /pool-invitations/{token}",
            "GET /apply/{code}",
            "POST /apply/{code}",
            "POST /apply/{code}/confirmation");
    List<String> broken = new ArrayList<>();
    for (String endpoint : RULES.keySet()) {
      if (endpoint.contains(" /api/")) {
        continue; // the API has HTTP Basic only, and every stored user has a role
      }
      int status = request(endpoint, project, user("nobody").authorities(List.of()));
      Expect expected = open.contains(endpoint) ? OK : DENIED;
      if (!matches(expected, status, lastLocation, lastBody)) {
        broken.add(endpoint + ": expected " + expected + ", got " + status);
      }
    }
    assertThat(broken).isEmpty();
  }

  private String lastLocation;
  private String lastBody;

  private int request(String endpoint, UUID project, Who who) throws Exception {
    return request(endpoint, project, as(who));
  }

  private int request(String endpoint, UUID project, RequestPostProcessor as) throws Exception {
    String[] parts = endpoint.split(" ", 2);
    String path =
        parts[1]
            .replace(
                "{id}",
                parts[1].startsWith("/api/people")
                    ? UUID.randomUUID().toString()
                    : project.toString())
            .replace("{key}", "1")
            .replace("{person}", UUID.randomUUID().toString())
            .replace("{processId}", "expert-pool-project")
            .replace("{token}", "no-such-link")
            .replace("{code}", "NOSUCHCODE")
            .replace("{expertId}", UUID.randomUUID().toString())
            .replace("{projectId}", project.toString())
            .replace("{memberId}", UUID.randomUUID().toString())
            .replace("{poolId}", UUID.randomUUID().toString())
            .replace("{username}", "no-such-user")
            .replace("{applicationId}", UUID.randomUUID().toString())
            .replace("{invitationId}", UUID.randomUUID().toString());
    if (parts[1].startsWith("/api/tasks/{id}")) {
      path = parts[1].replace("{id}", "1");
    }
    var request =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}")
            .with(csrf());
    if (as != null) {
      request.with(as);
    }
    var response = mvc.perform(request).andReturn().getResponse();
    lastLocation = response.getHeader("Location");
    lastBody = response.getContentAsString();
    return response.getStatus();
  }

  private static boolean matches(Expect expected, int status, String location, String body) {
    boolean toLogin = status == 302 && location != null && location.endsWith("/login");
    boolean hidden =
        status == 404
            && (body.contains("\"detail\":\"No project ")
                || body.contains("data-reason=\"No project\""));
    return switch (expected) {
      case OK -> status != 401 && status != 403 && !toLogin && !hidden;
      case DENIED -> status == 403;
      case HIDDEN -> hidden;
      case LOGIN -> status == 401 || toLogin;
    };
  }

  private static RequestPostProcessor as(Who who) {
    return switch (who) {
      case ANONYMOUS -> null;
      case PROJECT_MANAGER -> user("pm").roles("PROJECT_MANAGER");
      case STAFF -> user("staff").roles("STAFF");
      case EXPERT -> user("expert").roles("EXPERT");
      case OWN_CLIENT -> client("Gemeente Almere");
      case OTHER_CLIENT -> client("Gemeente Utrecht");
    };
  }

  private static RequestPostProcessor client(String organisation) {
    return user("client-" + organisation.hashCode())
        .authorities(
            new SimpleGrantedAuthority("ROLE_CLIENT"),
            new SimpleGrantedAuthority("ORG_" + organisation));
  }
}
