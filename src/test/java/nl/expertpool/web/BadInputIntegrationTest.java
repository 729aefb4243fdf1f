package nl.expertpool.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.expertpool.engine.UserTask;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.lifecycle.NewProjects;
import nl.expertpool.pools.NewPool;
import nl.expertpool.pools.PoolRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 8: every API endpoint, as Spring maps it, gets malformed requests from one catalogue
 * (broken JSON, wrong types, nulls, 2 MB bodies, unknown and malformed ids, negative and huge
 * counts, invalid ISO durations and dates, over-long text, unknown options, wrong content types,
 * broken credentials and paths), through the servlet container on a real port. Each must get a 4xx
 * {@code application/problem+json} naming the field at fault, and store nothing. A request whose
 * only flaw is a script tag may be taken; its text must then show escaped on the pages. Each
 * endpoint is a test of its own, named after it ({@code POST /api/projects}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputIntegrationTest {

  static final int MINIMUM_PER_ENDPOINT = 20;
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final int TWO_MB = 2_000_000;

  @LocalServerPort int port;
  @Autowired LifecycleDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired PoolRegistry pools;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * One malformed request, and the field its problem must name (null: the request as a whole).
   * {@code user} null asks as nobody, any other as the project manager {@link #PM}.
   */
  record Case(
      String endpoint,
      String label,
      String method,
      String path,
      String user,
      Map<String, String> headers,
      byte[] body,
      boolean chunked,
      String field,
      boolean scriptOnly) {}

  /** A request whose only flaw was a script tag, taken by the app: its text must show escaped. */
  record Taken(Case request, JsonNode answer) {}

  private final List<Case> cases = new ArrayList<>();

  // What the tests of one run share, in the order they run.
  private Fixture fixture;
  private Map<String, Object> counts;
  private Duration clockOffset;
  private int pageRequests;
  private final List<Taken> taken = new ArrayList<>();

  /**
   * One test per endpoint, so that a failure names it: first the malformed requests that must be
   * refused, endpoint by endpoint; then the pages; then the requests whose only flaw is a script
   * tag (a request that is taken starts work, processes and workers, that would blur the row counts
   * of the refused ones after it); then the pages that show what was taken.
   */
  @TestFactory
  List<DynamicTest> everyEndpointRefusesMalformedRequestsWithAProblemAndStoresNothing() {
    long start = System.nanoTime();
    fixture = fixture();
    catalogue(fixture);
    long ready = System.nanoTime();

    Set<String> endpoints = apiEndpoints();
    Map<String, List<Case>> byEndpoint = new LinkedHashMap<>();
    cases.forEach(c -> byEndpoint.computeIfAbsent(c.endpoint(), e -> new ArrayList<>()).add(c));
    Map<String, Integer> perEndpoint = new TreeMap<>();
    byEndpoint.forEach((endpoint, all) -> perEndpoint.put(endpoint, all.size()));

    clockOffset = engineClockOffset();
    awaitQuiet();
    counts = counts();

    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        dynamicTest(
            "every API endpoint has malformed-request cases",
            () ->
                assertThat(perEndpoint.keySet())
                    .as(
                        "every API endpoint has malformed-request cases, and every case an endpoint")
                    .containsExactlyInAnyOrderElementsOf(endpoints)));
    byEndpoint.forEach(
        (endpoint, all) ->
            tests.add(
                dynamicTest(
                    endpoint,
                    () -> {
                      refusesMalformedRequests(all);
                      assertThat(all.size())
                          .as(endpoint)
                          .isGreaterThanOrEqualTo(MINIMUM_PER_ENDPOINT);
                    })));
    tests.add(
        dynamicTest(
            "the refused requests left the open task and the engine's clock alone",
            this::leftTheTaskAndTheClockAlone));
    tests.add(
        dynamicTest(
            "pages answer bad input with a page and store nothing",
            this::pagesAnswerBadInputWithAPageAndStoreNothing));
    byEndpoint.forEach(
        (endpoint, all) -> {
          List<Case> scripts = all.stream().filter(Case::scriptOnly).toList();
          if (!scripts.isEmpty()) {
            tests.add(
                dynamicTest(
                    endpoint + " with script tags", () -> takesScriptTagsOnlyAsText(scripts)));
          }
        });
    tests.add(
        dynamicTest(
            "text with script tags shows escaped on the pages",
            () -> {
              report(endpoints.size(), perEndpoint, ready - start, System.nanoTime() - ready);
              textShowsEscapedOnPages(fixture, taken);
            }));
    return tests;
  }

  /** How many requests went where, and how long they took: the suite's output file shows it. */
  private void report(
      int endpoints, Map<String, Integer> perEndpoint, long prepareNanos, long sendNanos) {
    System.out.println(
        "Bad input: "
            + cases.size()
            + " malformed requests to "
            + endpoints
            + " API endpoints, and "
            + pageRequests
            + " to pages, in "
            + Duration.ofNanos(sendNanos).toSeconds()
            + " s (and "
            + Duration.ofNanos(prepareNanos).toSeconds()
            + " s to prepare the projects)");
    perEndpoint.forEach((endpoint, n) -> System.out.printf("  %4d  %s%n", n, endpoint));
    System.out.println(
        "  taken (script tags only, checked on pages): "
            + taken.stream().map(t -> t.request().endpoint() + " " + t.request().label()).toList());
  }

  /** Each request gets a proper refusal and leaves the row counts as they were. */
  private void refusesMalformedRequests(List<Case> all) throws Exception {
    List<String> broken = new ArrayList<>();
    for (Case c : all) {
      if (c.scriptOnly()) {
        continue;
      }
      String problem = problem(c, send(c));
      Map<String, Object> after = counts();
      if (problem == null && !after.equals(counts)) {
        problem = "stored something: " + counts + " -> " + after;
      }
      counts = after;
      if (problem != null) {
        broken.add(c.endpoint() + " [" + c.label() + "]: " + problem);
      }
    }
    assertNoneBroken(broken);
  }

  private void leftTheTaskAndTheClockAlone() {
    List<String> broken = new ArrayList<>();
    if (driver.tasks.open(LifecycleDriver.PM, fixture.project).stream()
        .noneMatch(t -> t.key() == fixture.interviewTask())) {
      broken.add("the interview task is no longer open");
    }
    if (engineClockOffset().minus(clockOffset).abs().compareTo(Duration.ofMinutes(1)) > 0) {
      broken.add("the engine's clock moved");
    }
    assertNoneBroken(broken);
  }

  private void pagesAnswerBadInputWithAPageAndStoreNothing() throws Exception {
    List<String> broken = new ArrayList<>();
    pageRequests = pagesAnswerBadInputWithAPage(fixture, broken);
    assertThat(counts()).as("pages stored nothing").isEqualTo(counts);
    assertNoneBroken(broken);
  }

  /** A request whose only flaw is a script tag is refused properly or taken, to check on pages. */
  private void takesScriptTagsOnlyAsText(List<Case> scripts) throws Exception {
    List<String> broken = new ArrayList<>();
    for (Case c : scripts) {
      HttpResponse<byte[]> response = send(c);
      String problem = problem(c, response);
      if (problem == null && response.statusCode() / 100 == 2) {
        byte[] body = response.body();
        taken.add(new Taken(c, body.length == 0 ? null : json.readTree(body)));
      } else if (problem != null) {
        broken.add(c.endpoint() + " [" + c.label() + "]: " + problem);
      }
    }
    assertNoneBroken(broken);
  }

  private static void assertNoneBroken(List<String> broken) {
    broken.forEach(b -> System.out.println("  BROKEN " + b));
    assertThat(broken).as("requests not refused as they should be").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // The app's state the requests are aimed at

  /** Real ids: a trained pool with open interview tasks, a project with an open call, and more. */
  private record Fixture(
      UUID project,
      UUID open,
      UUID spare,
      String signUpCode,
      UUID expertApplication,
      UUID applicant,
      long interviewTask,
      Map<String, Object> interview) {}

  /**
   * The project manager the requests come from: stored with an unhashed password, so that a
   * thousand requests do not each spend a bcrypt round (minutes on this suite); signing in goes the
   * same way as for anyone.
   */
  private static final String PM = "bad-input-pm";

  private static final String PM_PASSWORD = UUID.randomUUID().toString();

  private Fixture fixture() {
    jdbc.update(
        "insert into app_user (username, password_hash, role, created_at)"
            + " values (?, ?, 'PROJECT_MANAGER', now())",
        PM,
        "{noop}" + PM_PASSWORD);
    UUID project = driver.trainedPool();
    UUID open = driver.createFor("Gemeente Almere");
    UUID spare = driver.createFor("Gemeente Almere");
    UUID applicant = driver.apply(open, "Taras Shevchenko");
    UUID expertApplication =
        jdbc.queryForObject(
            "select application_id from expert where project_id = ? order by pseudonym limit 1",
            UUID.class,
            project);
    UserTask task = driver.tasks(project, "record-network-interview", 4).getFirst();
    return new Fixture(
        project,
        open,
        spare,
        driver.call.callOf(open).signUpCode(),
        expertApplication,
        applicant,
        task.key(),
        LifecycleDriver.interview("housing"));
  }

  // ---------------------------------------------------------------------------------------------
  // The catalogue

  private void catalogue(Fixture f) {
    String today = driver.today().toString();
    String project = f.project.toString();

    // Projects
    var newProject =
        NewProjects.json("Pool " + UUID.randomUUID(), 3, 2, List.of("housing", "work"), today);
    var create = new Target("POST /api/projects", "/api/projects", "pm", newProject, true);
    common(create);
    brokenBodies(create);
    fields(
        create,
        field("name", null, 42, List.of(), Map.of(), "", "   ", long_(201)),
        field("clientName", null, "", 7, long_(201)),
        field("region", null, false, long_(121)),
        field(
            "targetExperts",
            null,
            "three",
            1.5,
            -1,
            0,
            501,
            2147483648L,
            raw("1e400"),
            true,
            "P3D"),
        field("interviewsPerExpert", null, 0, -5, 21, "x"),
        field(
            "themes",
            null,
            List.of(),
            "housing",
            Map.of("0", "housing"),
            listOf((Object) null),
            List.of(""),
            List.of(long_(81)),
            repeat("theme", 21)),
        field(
            "startDate",
            null,
            "",
            "2026-13-01",
            "2026-02-30",
            "01-02-2026",
            "tomorrow",
            20260101,
            "+999999999-12-31",
            "-999999999-01-01"),
        field("recruitmentWindowDays", -1, 0, 121, "P14D", 1e9),
        field("minimumPool", -1, 0, 501, 4),
        field("requiredSessions", 0, -3, 21),
        field("hourlyRate", -0.01, "abc", "NaN", 1e12, raw("1e400"), 12.345),
        field(
            "deadlines",
            "2027-01-01",
            List.of(),
            Map.of("nope", "2027-01-01"),
            Map.of("recruitment", "soon"),
            mapOf("recruitment", null),
            Map.of("recruitment", "1999-01-01"),
            Map.of("recruitment", "+999999999-12-31"),
            Map.of("recruitment", "P14D")),
        field("interviewDeadlineDays", 0, 91, -21),
        field("interviewMinutes", 14, 481, -90, "PT90M"),
        field("retentionDays", 0, 3651, -180, "P180D"),
        field("stakeholderSessions", 0, 21, -1, "two", 1.5, true),
        field(
            "agendaYear",
            "a year",
            12,
            List.of(12),
            Map.of("months", 0),
            Map.of("months", 37),
            Map.of("months", "twelve"),
            Map.of("intervalWeeks", 27),
            Map.of("months", 12, "intervalWeeks", -8),
            Map.of("intervalWeeks", "P8W")));
    fields(
        create,
        field(
            "themeLabels",
            "wonen",
            List.of("wonen"),
            Map.of("housing", "wonen"),
            Map.of("housing", Map.of("dutch", "wonen")),
            Map.of("housing", Map.of("nl", "")),
            Map.of("housing", Map.of("nl", long_(81))),
            Map.of("nothing", Map.of("nl", "niets"))));
    fields(
        create, field("poolId", "not-a-uuid", 42, UUID.randomUUID().toString(), List.of(), true));
    unknownField(create, "targetExpert", 3);
    scripts(create, "name", "clientName", "region", "themes[0]");

    var list = new Target("GET /api/projects", "/api/projects", "pm", null, true);
    common(list);

    // Standing pools
    var pool = pools.create(new NewPool("Pool " + UUID.randomUUID(), "Utrecht", null, null), "pm");
    var createPool =
        new Target(
            "POST /api/pools",
            "/api/pools",
            "pm",
            body(
                "name",
                "Pool " + UUID.randomUUID(),
                "region",
                "Utrecht",
                "certificationMonths",
                24,
                "membershipMonths",
                24),
            true);
    common(createPool);
    brokenBodies(createPool);
    fields(
        createPool,
        field("name", null, 42, List.of(), "", "   ", long_(201), pool.getName()),
        field("region", null, false, "", long_(121)),
        field("certificationMonths", 0, -1, 121, "two years", 1.5, "P24M", raw("1e400")),
        field("membershipMonths", 0, 121, "x", true, 2147483648L));
    unknownField(createPool, "certificationMonth", 24);
    scripts(createPool, "name", "region");
    common(new Target("GET /api/pools", "/api/pools", "pm", null, true));
    uuidPath(new Target("GET /api/pools/{id}", "/api/pools/" + pool.getId(), "pm", null, true));
    uuidPath(
        new Target(
            "GET /api/pools/{id}/roster",
            "/api/pools/" + pool.getId() + "/roster",
            "pm",
            null,
            true));
    uuidPath(
        new Target(
            "DELETE /api/pools/{id}/members/{memberId}",
            "/api/pools/" + pool.getId() + "/members/" + UUID.randomUUID(),
            "pm",
            null,
            false));
    var poolConsent =
        new Target(
            "POST /api/projects/{id}/experts/{expertId}/pool-consent",
            "/api/projects/" + project + "/experts/" + UUID.randomUUID() + "/pool-consent",
            "staff",
            body("textVersion", "v1", "language", "uk", "method", "paper"),
            true);
    uuidPath(poolConsent);
    brokenBodies(poolConsent);
    fields(
        poolConsent,
        field("textVersion", null, "", "1", "v1.0", "../v1", 1, long_(41), List.of("v1")),
        field("language", null, "", "ukr-UA", "UK", "u", 7, Map.of("code", "uk")),
        field("method", null, "", "   ", long_(41), false));
    unknownField(poolConsent, "given", true);
    var invite =
        new Target(
            "POST /api/projects/{id}/pool-invitations",
            "/api/projects/" + project + "/pool-invitations",
            "staff",
            body("memberIds", List.of(UUID.randomUUID().toString())),
            true);
    uuidPath(invite);
    brokenBodies(invite);
    fields(
        invite,
        field("memberIds", null, List.of(), "x", 7, List.of("not-a-uuid"), Map.of("id", 1)));
    unknownField(invite, "projectId", UUID.randomUUID().toString());
    uuidPath(
        new Target(
            "GET /api/projects/{id}/pool-invitations",
            "/api/projects/" + project + "/pool-invitations",
            "staff",
            null,
            true));

    uuidPath(new Target("GET /api/projects/{id}", "/api/projects/" + project, "pm", null, true));
    var cancel =
        new Target(
            "POST /api/projects/{id}/cancellation",
            "/api/projects/" + f.spare + "/cancellation",
            "pm",
            null,
            false);
    uuidPath(cancel);
    uuidPath(
        new Target(
            "POST /api/projects/{id}/resumption",
            "/api/projects/" + f.spare + "/resumption",
            "pm",
            null,
            true));
    var planChange =
        new Target(
            "POST /api/projects/{id}/plan-changes",
            "/api/projects/" + f.open + "/plan-changes",
            "pm",
            body("targetExperts", 3, "minimumPool", 2),
            true);
    uuidPath(planChange);
    brokenBodies(planChange);
    fields(
        planChange,
        field("targetExperts", "three", 1.5, -1, 0, 501, raw("1e400"), true),
        field("minimumPool", 0, 501, "x", 4),
        field(
            "deadlines",
            "2027-01-01",
            List.of(),
            Map.of("nophase", today),
            Map.of("recruitment", "soon"),
            mapOf("recruitment", null),
            Map.of("recruitment", "1999-01-01"),
            Map.of("recruitment", "+999999999-12-31")));
    unknownField(planChange, "startDate", today);
    for (String section :
        List.of(
            "recruitment",
            "milestones",
            "interviews",
            "insights",
            "action-agenda",
            "feedback",
            "handover-package",
            "remuneration")) {
      uuidPath(
          new Target(
              "GET /api/projects/{id}/" + section,
              "/api/projects/" + project + "/" + section,
              "pm",
              null,
              true));
    }

    uuidPath(
        new Target(
            "GET /api/projects/{id}/agenda-follow-up",
            "/api/projects/" + project + "/agenda-follow-up",
            "pm",
            null,
            false));

    // The public sign-up
    var application =
        body(
            "signUpCode", f.signUpCode,
            "name", "Olena Koval",
            "email", "olena@example.org",
            "languages", List.of("uk", "en"),
            "motivation", "I know what newcomers need.",
            "preferredLanguage", "nl",
            "consent", body("given", true, "textVersion", "2026-01", "method", "web-form"));
    var apply =
        new Target(
            "POST /api/projects/{id}/applications",
            "/api/projects/" + f.open + "/applications",
            null,
            application,
            true);
    uuidPath(apply);
    brokenBodies(apply);
    fields(
        apply,
        field("signUpCode", null, "", "WRONG", long_(21), 123, List.of(f.signUpCode)),
        field("name", null, "", long_(201), Map.of()),
        field("email", "not-an-email", long_(201) + "@example.org", 5, List.of("a@b.nl")),
        field("phone", "abc", "1".repeat(30)),
        field(
            "languages",
            null,
            List.of(),
            "uk",
            List.of(""),
            listOf((Object) null),
            repeat("uk", 11),
            List.of(long_(41)),
            List.of(List.of("uk"))),
        field("motivation", null, "", long_(2001), 3.14),
        field("preferredLanguage", "de", "", 1, "NL"),
        field("consent", null, Map.of(), "yes", true, List.of()),
        field("consent.given", false, null, "yes", 1, "false"),
        field("consent.textVersion", null, "", long_(41)),
        field("consent.method", null, long_(41), List.of("web-form")));
    cases(
        apply,
        "neither e-mail nor phone",
        with(with(application, "email", null), "phone", null),
        "contact");
    cases(
        apply,
        "unknown consent field",
        with(application, "consent.signed", true),
        "consent.signed");
    cases(
        apply,
        "sign-up code of another project",
        with(application, "signUpCode", "ZZZZZZ"),
        "signUpCode");
    unknownField(apply, "mail", "olena@example.org");
    scripts(apply, "name", "motivation");

    // An applicant confirms with a code texted to their phone
    var codeConfirmation =
        new Target(
            "POST /api/projects/{id}/applications/confirmation",
            "/api/projects/" + f.open + "/applications/confirmation",
            null,
            body("phone", "+31 6 1234 5678", "code", "123456"),
            true);
    uuidPath(codeConfirmation);
    brokenBodies(codeConfirmation);
    fields(
        codeConfirmation,
        field("phone", null, "", "abc", "1".repeat(30), 31612345678L, List.of("+31")),
        field("code", null, "", "12345", "1234567", "abcdef", 123456, List.of("123456")));
    cases(
        codeConfirmation,
        "a code nobody was sent",
        body("phone", "+31 6 0000 0000", "code", "000000"),
        "code");
    unknownField(codeConfirmation, "applicationId", UUID.randomUUID().toString());

    // Staff confirm an application after a call
    String confirmPath =
        "/api/projects/" + f.open + "/applications/" + f.applicant + "/confirmation";
    var confirm =
        new Target(
            "POST /api/projects/{id}/applications/{applicationId}/confirmation",
            confirmPath,
            "pm",
            null,
            false);
    uuidPath(confirm);
    for (String bad : List.of("not-a-uuid", "123", "%20", f.applicant + "0", "x".repeat(3000))) {
      add(
          confirm,
          "applicationId " + abbreviate(bad),
          "POST",
          confirmPath.replace(f.applicant.toString(), bad),
          "pm",
          Map.of("Content-Type", "application/json"),
          null,
          "applicationId");
    }
    cases(
        confirm.at("/api/projects/" + f.spare + "/applications/" + f.applicant + "/confirmation"),
        "an application of another project",
        null,
        null);

    // People
    uuidPath(
        new Target(
            "GET /api/people/{id}/export",
            "/api/people/" + UUID.randomUUID() + "/export",
            "pm",
            null,
            true));
    uuidPath(
        new Target(
            "DELETE /api/people/{id}", "/api/people/" + UUID.randomUUID(), "pm", null, false));
    var unlink =
        new Target(
            "DELETE /api/people/{id}/account",
            "/api/people/" + f.expertApplication + "/account",
            "pm",
            null,
            false);
    uuidPath(unlink);
    cases(
        unlink.at("/api/people/" + f.applicant + "/account"),
        "an applicant without an account",
        null,
        null);
    var account = body("username", "expert-" + UUID.randomUUID().toString().substring(0, 8));
    var link =
        new Target(
            "PUT /api/people/{id}/account",
            "/api/people/" + f.expertApplication + "/account",
            "pm",
            account,
            true);
    uuidPath(link);
    brokenBodies(link);
    fields(
        link,
        field("username", null, "", "a", long_(121), "bad name!", SCRIPT, List.of("x"), Map.of()));
    cases(link, "an existing project manager", body("username", "pm"), "username");
    cases(
        link,
        "a password chosen by the project manager",
        body("username", "expert", "password", "letters-at-night"),
        "password");
    cases(
        link.at("/api/people/" + f.applicant + "/account"),
        "an applicant, no expert",
        account,
        null);
    unknownField(link, "role", "PROJECT_MANAGER");

    // Tasks
    var tasks = new Target("GET /api/tasks", "/api/tasks?projectId=" + project, "pm", null, true);
    common(tasks);
    for (String bad :
        List.of(
            "abc", "-1", "1", project + "0", enc(SCRIPT), UUID.randomUUID().toString(), "null")) {
      add(
          tasks,
          "projectId=" + bad,
          "GET",
          "/api/tasks?projectId=" + bad,
          "pm",
          Map.of(),
          null,
          bad.length() == 36 ? null : "projectId");
    }
    String taskPath = "/api/tasks/" + f.interviewTask;
    longPath(new Target("GET /api/tasks/{id}", taskPath, "pm", null, true));
    var complete =
        new Target(
            "POST /api/tasks/{id}/completion",
            taskPath + "/completion",
            "pm",
            body("variables", f.interview),
            false);
    longPath(complete);
    brokenBodies(complete);
    cases(complete, "no variables", body(), "intervieweeConsent");
    cases(complete, "variables null", mapOf("variables", null), "intervieweeConsent");
    cases(complete, "variables a list", body("variables", List.of(f.interview)), "variables");
    cases(complete, "variables a text", body("variables", "given"), "variables");
    unknownField(complete, "vars", Map.of());
    fields(
        complete,
        field("variables.intervieweeConsent", null, "maybe", 1, List.of("given"), true),
        field("variables.ageBand", "17", 26, List.of("26-35")),
        field("variables.gender", "unknown", Map.of()),
        field("variables.timeInNetherlands", "<2", -1),
        field("variables.themes", "housing", List.of("nope"), List.of(1), Map.of()),
        field("variables.needs", long_(4001), 42, List.of("a place to live"), Map.of()),
        field("variables.keyQuotes", false),
        field("variables.insights", long_(4001)));
    cases(
        complete,
        "unknown form field",
        with(body("variables", f.interview), "variables.name", "Olena"),
        "name");
    for (String language : List.of("12", "not a language", "x-private", "uk_UA_x")) {
      add(
          complete,
          "Content-Language " + language,
          "POST",
          complete.path(),
          "pm",
          headers(contentType(complete), "Content-Language", language),
          bytes(complete.body()),
          "Content-Language");
    }
    scripts(
        complete,
        "variables.needs",
        "variables.keyQuotes",
        "variables.insights",
        "variables.solutions");

    // The embedded engine's clock
    var clockTarget =
        new Target("POST /api/dev/clock", "/api/dev/clock", "pm", body("advance", "P14D"), false);
    common(clockTarget);
    brokenBodies(clockTarget);
    fields(
        clockTarget,
        field(
            "advance",
            null,
            "",
            "14 days",
            "P",
            "PT",
            "P14",
            "14D",
            "P-14D",
            "-P14D",
            "PT0S",
            "P0D",
            "P1Y",
            "P1M",
            "P1.5D",
            "PT1.5H",
            "P14D ",
            "2026-01-01",
            "PT9999999999999999999H",
            "P999999999999D",
            "P106751991167300D",
            14,
            true,
            List.of("P14D"),
            Map.of("days", 14)));
  }

  // Generic parts of the catalogue, applied to a target: a valid request to spoil.

  /** An endpoint, a valid path to it, who asks, a valid body, and whether it answers a body. */
  private record Target(
      String endpoint, String path, String user, Map<String, Object> body, boolean answers) {

    String method() {
      return endpoint.substring(0, endpoint.indexOf(' '));
    }

    Target at(String otherPath) {
      return new Target(endpoint, otherPath, user, body, answers);
    }
  }

  /** Spoiled credentials, paths, methods, media types and sizes: for every endpoint. */
  private void common(Target t) {
    byte[] valid = t.body() == null ? null : bytes(t.body());
    Map<String, String> type = contentType(t);
    String method = t.method();
    if (t.user() != null) {
      add(t, "no credentials", method, t.path(), null, type, valid, null);
      add(
          t,
          "Bearer token",
          method,
          t.path(),
          null,
          headers(type, "Authorization", "Bearer abc.def.ghi"),
          valid,
          null);
    }
    for (var credentials :
        List.of("pm:wrong", "nobody:demo", ":demo", "pm", "pm:", long_(2000) + ":demo")) {
      add(
          t,
          "credentials " + abbreviate(credentials),
          method,
          t.path(),
          null,
          headers(type, "Authorization", "Basic " + base64(credentials)),
          valid,
          null);
    }
    add(
        t,
        "credentials not base64",
        method,
        t.path(),
        null,
        headers(type, "Authorization", "Basic !!!"),
        valid,
        null);
    String path = t.path();
    String query = "";
    int q = path.indexOf('?');
    if (q >= 0) {
      query = path.substring(q);
      path = path.substring(0, q);
    }
    add(t, "trailing slash", method, path + "/" + query, t.user(), type, valid, null);
    add(t, "path parameter", method, path + ";jsessionid=1" + query, t.user(), type, valid, null);
    add(
        t,
        "double slash",
        method,
        path.replaceFirst("/api/", "/api//") + query,
        t.user(),
        type,
        valid,
        null);
    add(
        t,
        "dot segment",
        method,
        path.replaceFirst("/api/", "/api/./") + query,
        t.user(),
        type,
        valid,
        null);
    add(
        t,
        "encoded slash",
        method,
        path.replaceFirst("/api/", "/api%2F") + query,
        t.user(),
        type,
        valid,
        null);
    add(t, "unsupported method", "PATCH", t.path(), t.user(), type, valid, null);
    if (t.answers()) {
      for (String accept :
          List.of("application/xml", "image/png", "no/such;;type", "application/zip")) {
        add(
            t,
            "Accept " + accept,
            method,
            t.path(),
            t.user(),
            headers(type, "Accept", accept),
            valid,
            null);
      }
    }
    byte[] big = t.body() == null ? padding : bytes(bigBody(t.body()));
    var bigType = Map.of("Content-Type", "application/json");
    add(t, "2 MB body", method, t.path(), t.user(), bigType, big, null);
    cases.add(
        new Case(
            t.endpoint(),
            "2 MB body, chunked",
            method,
            t.path(),
            t.user(),
            bigType,
            big,
            true,
            null,
            false));
  }

  /** A 2 MB body for endpoints that take none. */
  private final byte[] padding = bytes(body("padding", "x".repeat(TWO_MB)));

  /** A valid request made 2 MB long by a long text in it. */
  private Map<String, Object> bigBody(Map<String, Object> valid) {
    var big = new LinkedHashMap<>(valid);
    String first = valid.keySet().iterator().next();
    big.put(first, "x".repeat(TWO_MB));
    return big;
  }

  /** A path whose {id} is a UUID: unknown, malformed, too long, not a UUID at all. */
  private void uuidPath(Target t) {
    common(t);
    String id = idIn(t.path());
    for (String bad :
        List.of(
            UUID.randomUUID().toString(),
            "00000000-0000-0000-0000-000000000000",
            "not-a-uuid",
            "123",
            "-1",
            "null",
            id + "0",
            id.substring(0, 35) + "g",
            "%7B" + id + "%7D",
            enc(SCRIPT),
            "%20",
            "x".repeat(3000))) {
      add(
          t,
          "id " + abbreviate(bad),
          t.method(),
          t.path().replace(id, bad),
          t.user(),
          contentType(t),
          t.body() == null ? null : bytes(t.body()),
          bad.equals(enc(SCRIPT)) || bad.length() == 36 ? null : "id");
    }
  }

  /** A path whose {id} is a task key: unknown, not a number, too large, negative, fractional. */
  private void longPath(Target t) {
    common(t);
    String id = idIn(t.path());
    for (String bad :
        List.of(
            "9007199254740993",
            "0",
            "-1",
            "abc",
            "1.5",
            "1e3",
            "0x1F",
            "99999999999999999999",
            "NaN",
            enc(SCRIPT),
            "%20",
            "9".repeat(3000))) {
      // Spring reads 0x1F as the number 31 (an unknown task), the rest are no numbers.
      boolean number = bad.matches("-?\\d{1,18}|0x1F");
      add(
          t,
          "id " + abbreviate(bad),
          t.method(),
          t.path().replace(id, bad),
          t.user(),
          t.body() == null ? Map.of() : Map.of("Content-Type", "application/json"),
          t.body() == null ? null : bytes(t.body()),
          number || bad.equals(enc(SCRIPT)) ? null : "id");
    }
  }

  private static final Pattern ID = Pattern.compile("/(\\d{6,}|[0-9a-f-]{36})(?=/|$|\\?)");

  private static String idIn(String path) {
    Matcher m = ID.matcher(path);
    if (!m.find()) {
      throw new IllegalArgumentException("No id in " + path);
    }
    return m.group(1);
  }

  /** Bodies that are no JSON, JSON of the wrong shape, or of the wrong media type. */
  private void brokenBodies(Target t) {
    byte[] valid = bytes(t.body());
    String text = new String(valid, StandardCharsets.UTF_8);
    Map<String, String> type = Map.of("Content-Type", "application/json");
    var raws = new LinkedHashMap<String, byte[]>();
    raws.put("empty body", new byte[0]);
    raws.put("JSON null", utf8("null"));
    raws.put("unclosed object", utf8("{"));
    raws.put("cut off", utf8(text.substring(0, text.length() / 2)));
    raws.put("trailing comma", utf8(text.substring(0, text.length() - 1) + ",}"));
    raws.put("single quotes", utf8(text.replace('"', '\'')));
    raws.put("trailing garbage", utf8(text + "}"));
    raws.put("two objects", utf8(text + text));
    raws.put("not JSON", utf8("name=Olena&email=olena@example.org"));
    raws.put("an array", utf8("[" + text + "]"));
    raws.put("a string", utf8("\"" + text.replace("\"", "\\\"") + "\""));
    raws.put("a number", utf8("42"));
    raws.put("a boolean", utf8("true"));
    raws.put("deep nesting", utf8("[".repeat(5000) + "]".repeat(5000)));
    raws.put(
        "invalid UTF-8",
        concat(
            utf8(text.substring(0, text.length() - 1)),
            new byte[] {',', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
    raws.put("2 MB not JSON", "x".repeat(TWO_MB).getBytes(StandardCharsets.UTF_8));
    raws.put(
        "duplicate field", utf8(text.substring(0, text.length() - 1) + "," + text.substring(1)));
    raws.put("huge number", utf8("{\"n\":" + "9".repeat(2000) + "}"));
    raws.forEach((label, body) -> add(t, label, t.method(), t.path(), t.user(), type, body, null));
    for (String contentType :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=nonsense",
            "no/such;;type")) {
      add(
          t,
          "Content-Type " + contentType,
          t.method(),
          t.path(),
          t.user(),
          Map.of("Content-Type", contentType),
          valid,
          null);
    }
    add(t, "no Content-Type", t.method(), t.path(), t.user(), Map.of(), valid, null);
  }

  /** One field of a valid body and the values it must not take. */
  private record Field(String path, List<Object> values) {}

  private static Field field(String path, Object... values) {
    return new Field(path, java.util.Arrays.asList(values));
  }

  private void fields(Target t, Field... fields) {
    for (Field field : fields) {
      for (Object value : field.values()) {
        cases(
            t,
            field.path()
                + " = "
                + abbreviate(String.valueOf(value instanceof RawValue r ? r.rawValue() : value)),
            with(t.body(), field.path(), value),
            field.path().replaceFirst("^variables\\.", ""));
      }
    }
  }

  private void unknownField(Target t, String name, Object value) {
    cases(t, "unknown field " + name, with(t.body(), name, value), name);
  }

  /** A script tag in each of these text fields, the request valid otherwise: it may be taken. */
  private void scripts(Target t, String... paths) {
    for (String path : paths) {
      Object value = SCRIPT + " in " + path;
      var spoiled = with(t.body(), path, value);
      cases.add(
          new Case(
              t.endpoint(),
              "script tag in " + path,
              t.method(),
              t.path(),
              t.user(),
              Map.of("Content-Type", "application/json"),
              bytes(spoiled),
              false,
              null,
              true));
    }
  }

  private void cases(Target t, String label, Map<String, Object> body, String field) {
    add(
        t,
        label,
        t.method(),
        t.path(),
        t.user(),
        body == null ? contentType(t) : Map.of("Content-Type", "application/json"),
        body == null ? null : bytes(body),
        field);
  }

  /**
   * JSON for a body, and for every call that changes something even without one: the API takes no
   * other (a form post gets 415, see SecurityRegressionIntegrationTest).
   */
  private static Map<String, String> contentType(Target t) {
    return t.body() != null || !t.method().equals("GET")
        ? Map.of("Content-Type", "application/json")
        : Map.of();
  }

  private void add(
      Target t,
      String label,
      String method,
      String path,
      String user,
      Map<String, String> headers,
      byte[] body,
      String field) {
    cases.add(
        new Case(t.endpoint(), label, method, path, user, headers, body, false, field, false));
  }

  // ---------------------------------------------------------------------------------------------
  // Sending and judging

  private HttpResponse<byte[]> send(Case c) throws Exception {
    BodyPublisher body;
    if (c.body() == null) {
      body = BodyPublishers.noBody();
    } else if (c.chunked()) {
      body = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()));
    } else {
      body = BodyPublishers.ofByteArray(c.body());
    }
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
            .timeout(Duration.ofSeconds(30))
            .method(c.method(), body);
    c.headers().forEach(request::header);
    if (c.user() != null) {
      request.header("Authorization", "Basic " + base64(PM + ":" + PM_PASSWORD));
    }
    try {
      return http.send(request.build(), BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new AssertionError(c.endpoint() + " [" + c.label() + "]: no answer: " + e, e);
    }
  }

  /** What is wrong with the answer to a malformed request; null when it is a proper refusal. */
  private String problem(Case c, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (c.scriptOnly() && status / 100 == 2) {
      return null;
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status < 400 || status > 499) {
      return "status " + status + " " + abbreviate(body);
    }
    if (!type.startsWith("application/problem+json")) {
      return status + " with Content-Type '" + type + "': " + abbreviate(body);
    }
    JsonNode problem;
    try {
      problem = json.readTree(body);
    } catch (Exception e) {
      return status + " with a body that is no JSON: " + abbreviate(body);
    }
    if (problem.path("status").asInt() != status || problem.path("title").asText().isEmpty()) {
      return status + " with a problem without status or title: " + abbreviate(body);
    }
    if (body.contains("Exception") || body.contains("\tat ") || problem.has("trace")) {
      return status + " showing a stack trace or exception: " + abbreviate(body);
    }
    if (c.label().startsWith("2 MB") && status != 413) {
      return status + " for a 2 MB body, not 413: " + abbreviate(body);
    }
    if (c.field() != null) {
      List<String> fields = new ArrayList<>();
      problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
      boolean named =
          fields.stream()
              .anyMatch(
                  f ->
                      f.equals(c.field())
                          || f.startsWith(c.field() + ".")
                          || f.startsWith(c.field() + "["));
      boolean reasoned =
          problem.path("errors").findValues("reason").stream().noneMatch(r -> r.asText().isBlank());
      if (!named || !reasoned) {
        return status + " without naming field " + c.field() + ": " + abbreviate(body);
      }
    }
    return null;
  }

  /** All API endpoints as Spring maps them, e.g. {@code GET /api/projects/{id}}. */
  private Set<String> apiEndpoints() {
    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                  info.getMethodsCondition()
                      .getMethods()
                      .forEach(verb -> mapped.add(verb + " " + pattern));
                }
              }
            });
    return mapped;
  }

  /** Rows a request could have stored, in the tables the API writes. */
  private Map<String, Object> counts() {
    return jdbc.queryForMap(
        """
        select (select count(*) from project) as project,
               (select count(*) from client_organisation) as client_organisation,
               (select count(*) from phase_deadline) as phase_deadline,
               (select count(*) from application) as application,
               (select count(*) from application where anonymised_at is not null) as anonymised,
               (select count(*) from consent_record) as consent_record,
               (select count(*) from expert_account) as expert_account,
               (select count(*) from app_user) as app_user,
               (select count(*) from task_submission) as task_submission,
               (select count(*) from audit_event where actor <> 'engine') as audit_by_people
        """);
  }

  /** Workers of the setup may still be writing: start when the counts stand still. */
  private void awaitQuiet() {
    var last = new Object[] {counts()};
    await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ofSeconds(1))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              var now = counts();
              boolean same = now.equals(last[0]);
              last[0] = now;
              return same;
            });
  }

  private Duration engineClockOffset() {
    return Duration.between(java.time.Instant.now(), clock.instant());
  }

  // ---------------------------------------------------------------------------------------------
  // Text with script tags, where it shows later

  private void textShowsEscapedOnPages(Fixture f, List<Taken> taken) throws Exception {
    var pm = new Browser("pm");
    List<String> pages = new ArrayList<>();
    pages.add(pm.get("/dashboard"));
    pages.add(pm.get("/portal"));
    for (Taken t : taken) {
      if (t.request().endpoint().equals("POST /api/projects")) {
        String id = t.answer().path("id").asText();
        pages.add(pm.get("/dashboard/projects/" + id));
        pages.add(pm.get("/portal/projects/" + id));
      }
    }
    pages.add(pm.get("/dashboard/projects/" + f.open));
    pages.add(pm.get("/tasks?projectId=" + f.open));

    // The interview with script tags is one of four: record the others, and read the synthesis.
    for (UserTask task : driver.tasks(f.project, "record-network-interview", 1)) {
      driver.tasks.complete(LifecycleDriver.PM, task.key(), LifecycleDriver.interview("housing"));
    }
    UserTask review = driver.task(f.project, "review-synthesis");
    pages.add(pm.get("/tasks/" + review.key()));
    var document =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/api/projects/" + f.project + "/insights"))
                .header("Accept", "text/html")
                .header("Authorization", "Basic " + base64("pm:demo"))
                .build(),
            BodyHandlers.ofString());
    assertThat(document.statusCode()).isEqualTo(200);
    pages.add(document.body());

    String all = String.join("\n", pages);
    assertThat(all).as("raw script tags on a page").doesNotContain(SCRIPT);
    for (Taken t : taken) {
      String label = t.request().label().replace("script tag in ", "");
      if (!SHOWN_ON_NO_PAGE.contains(label)) {
        assertThat(all)
            .as("the escaped text of " + t.request().endpoint() + " " + label)
            .contains(ESCAPED + " in " + label);
      }
    }
  }

  /**
   * Text taken that none of the pages above shows: a project's themes first show as the options of
   * the interview form (whose labels {@code FormHtmlTest} checks are escaped); an applicant's
   * motivation shows on no page at all, only in the data export.
   */
  private static final Set<String> SHOWN_ON_NO_PAGE = Set.of("themes[0]", "motivation");

  /** Page requests with bad input get a page that says so; returns how many were tried. */
  private int pagesAnswerBadInputWithAPage(Fixture f, List<String> broken) throws Exception {
    var pm = new Browser("pm");
    long open = driver.find(f.project, "record-network-interview").key();
    String csrf = pm.csrf("/tasks/" + open);
    int tried = 0;
    for (String path :
        List.of(
            "/tasks/abc",
            "/tasks/99999999999999999999",
            "/tasks/" + Long.MAX_VALUE,
            "/tasks?projectId=abc",
            "/dashboard/projects/abc",
            "/dashboard/projects/" + UUID.randomUUID(),
            "/dashboard/models/no-such-process",
            "/dashboard/models/" + enc("../application.yml"),
            "/portal/projects/abc",
            "/portal/projects/abc/handover",
            "/portal/projects/abc/handover.pdf",
            "/portal/projects/" + UUID.randomUUID())) {
      tried++;
      var response = pm.request("GET", path, null);
      String wrong = pageProblem(response);
      if (wrong != null) {
        broken.add("GET " + path + ": " + wrong);
      }
    }
    String task = "/tasks/" + open;
    List<List<String>> forms =
        List.of(
            List.of(task, "intervieweeConsent=maybe&needs=" + enc(SCRIPT)),
            List.of(task, "intervieweeConsent=given&needs=" + "x".repeat(4001)),
            List.of(task, "intervieweeConsent=given&themes=nope"),
            List.of(task, "intervieweeConsent=given&name=Olena"),
            List.of("/tasks/abc", "intervieweeConsent=given"),
            List.of("/tasks/abc/claim", ""),
            List.of("/tasks/" + Long.MAX_VALUE + "/claim", ""),
            List.of(task + "/claim?projectId=abc", ""),
            List.of("/dashboard/projects/abc/people/xyz/account", "username=expert"),
            List.of(
                "/dashboard/projects/" + f.project + "/people/" + UUID.randomUUID() + "/account",
                "username=expert"));
    for (List<String> form : forms) {
      tried++;
      String path = form.get(0);
      var response = pm.request("POST", path, form.get(1) + "&_csrf=" + csrf);
      String wrong = response.statusCode() == 302 ? flashError(response) : pageProblem(response);
      if (wrong != null) {
        broken.add("POST " + path + " " + abbreviate(form.get(1)) + ": " + wrong);
      } else if (response.body().contains(SCRIPT)) {
        broken.add("POST " + path + ": the page shows the raw script tag");
      }
    }
    return tried;
  }

  /** A refused page request gets a page: 4xx, HTML, no stack trace. */
  private static String pageProblem(HttpResponse<String> response) {
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status < 400 || status > 499) {
      return "status " + status;
    }
    if (!type.startsWith("text/html")) {
      return status + " with " + type + ": " + abbreviate(response.body());
    }
    if (response.body().contains("Exception") || response.body().contains("\tat ")) {
      return status + " with a stack trace";
    }
    return null;
  }

  /** A form on the dashboard comes back to its page with the error next to the row. */
  private static String flashError(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElse("");
    if (!location.contains("/dashboard/projects/")) {
      return "redirect to " + location;
    }
    return null;
  }

  /** A signed-in browser: a session cookie and the CSRF token of its pages. */
  private final class Browser {

    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();

    Browser(String user) throws Exception {
      String token = csrf("/login");
      var login =
          request("POST", "/login", "username=" + user + "&password=demo&_csrf=" + enc(token));
      assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    String csrf(String path) throws Exception {
      Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(get(path));
      if (!m.find()) {
        m = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(get(path));
        assertThat(m.find()).as("a CSRF token on " + path).isTrue();
      }
      return enc(m.group(1));
    }

    String get(String path) throws Exception {
      var response = request("GET", path, null);
      assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
      return response.body();
    }

    HttpResponse<String> request(String method, String path, String form) throws Exception {
      var request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
      if (form == null) {
        request.method(method, BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, BodyPublishers.ofString(form));
      }
      return client.send(request.build(), BodyHandlers.ofString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  private static Map<String, Object> body(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> mapOf(String key, Object value) {
    var map = new LinkedHashMap<String, Object>();
    map.put(key, value);
    return map;
  }

  private static List<Object> listOf(Object... values) {
    return java.util.Arrays.asList(values);
  }

  private static List<String> repeat(String value, int times) {
    return java.util.Collections.nCopies(times, value);
  }

  /** A copy of the body with the value at this path ({@code a.b}, {@code a[0]}) replaced. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
    Map<String, Object> copy = (Map<String, Object>) deepCopy(body);
    String[] parts = path.split("\\.");
    Map<String, Object> at = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      at = (Map<String, Object>) at.get(parts[i]);
    }
    String last = parts[parts.length - 1];
    Matcher index = Pattern.compile("(.+)\\[(\\d+)]").matcher(last);
    if (index.matches()) {
      List<Object> items = (List<Object>) at.get(index.group(1));
      items.set(Integer.parseInt(index.group(2)), value);
    } else {
      at.put(last, value);
    }
    return copy;
  }

  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(BadInputIntegrationTest::deepCopy).toList());
    }
    return value;
  }

  private byte[] bytes(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RawValue raw(String json) {
    return new RawValue(json);
  }

  private static String long_(int length) {
    return "x".repeat(length);
  }

  private static Map<String, String> headers(Map<String, String> base, String name, String value) {
    var all = new LinkedHashMap<>(base);
    all.put(name, value);
    return all;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 60) + "… (" + text.length() + " chars)";
  }
}
