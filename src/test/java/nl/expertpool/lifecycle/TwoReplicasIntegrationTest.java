package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import nl.expertpool.ExpertPoolApplication;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.engine.embedded.EngineRestFacade;
import nl.expertpool.runtime.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Two replicas of the app on the {@code camunda} profile, as behind a load balancer: one engine
 * (the embedded engine's gRPC gateway for jobs and commands, and the REST API answered from the
 * same engine and checked against Camunda's OpenAPI document) and one database. They start at the
 * same moment, so that the schema migration and the model deployment race. Then every request goes
 * to the other replica than the last: a person's sign-in holds on both, and a project runs its
 * whole lifecycle with no row twice and every job done once.
 */
class TwoReplicasIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String MANAGER = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String PASSWORD = UUID.randomUUID().toString();
  private static final String TOKEN =
      "R" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private static EmbeddedPostgres database;
  private static EmbeddedZeebe engine;
  private static EngineRestFacade rest;
  private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
  private static final List<String> bases = new ArrayList<>();

  @BeforeAll
  static void startOneEngineOneDatabaseAndTwoReplicasAtOnce() throws Exception {
    database = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30)).start();
    int gateway = FreePort.find();
    engine = new EmbeddedZeebe(gateway);
    rest = new EngineRestFacade(engine);
    try (var starting = Executors.newFixedThreadPool(2)) {
      List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
      for (String name : List.of("a", "b")) {
        started.add(starting.submit(() -> start(name, gateway)));
      }
      for (var replica : started) {
        replicas.add(replica.get());
      }
    }
    for (var replica : replicas) {
      String base = "http://localhost:" + replica.getEnvironment().getProperty("local.server.port");
      bases.add(base);
      var client = RestClient.builder().baseUrl(base).build();
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  client
                      .get()
                      .uri("/actuator/health")
                      .exchange((request, response) -> response.getStatusCode().value() == 200));
    }
  }

  private static ConfigurableApplicationContext start(String name, int gateway) {
    return new SpringApplicationBuilder(ExpertPoolApplication.class)
        .initializers(
            context ->
                context
                    .getBeanFactory()
                    .registerSingleton("withoutTestTypes", new ClusterSmokeTest.WithoutTestTypes()))
        .run(
            "--spring.profiles.active=camunda",
            "--server.port=0",
            "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--camunda.client.prefer-rest-over-grpc=false",
            "--camunda.client.grpc-address=http://localhost:" + gateway,
            "--camunda.client.rest-address=" + rest.address(),
            "--camunda.client.worker.defaults.name=replica-" + name,
            "--expertpool.startup.retry.first=200ms",
            "--expertpool.startup.retry.max=1s",
            "--expertpool.security.initial-manager.username=" + MANAGER,
            "--expertpool.security.initial-manager.password=" + PASSWORD);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    replicas.forEach(ConfigurableApplicationContext::close);
    if (rest != null) {
      rest.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theSchemaIsMigratedOnceAndTheModelsDeployedOnce() {
    var jdbc = new JdbcTemplate(database.getPostgresDatabase());

    assertThat(
            jdbc.queryForList(
                "select version from flyway_schema_history where version is not null"
                    + " group by version having count(*) > 1",
                String.class))
        .isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from flyway_schema_history where not success", Integer.class))
        .isZero();
    // Both replicas deployed the same models; the engine kept one version of each.
    var versions = new HashMap<String, Integer>();
    for (Record<?> record : records()) {
      if (record.getValueType() == ValueType.PROCESS
          && record.getIntent() == ProcessIntent.CREATED) {
        versions.merge(((Process) record.getValue()).getBpmnProcessId(), 1, Integer::sum);
      }
    }
    assertThat(versions).isNotEmpty().allSatisfy((process, count) -> assertThat(count).isOne());
  }

  @Test
  void aSignInOnOneReplicaHoldsOnTheOtherUntilSignedOutOnEither() throws Exception {
    var browser = new Browser();
    String login = get(browser, 0, "/login").body();
    var signedIn =
        post(
            browser,
            0,
            "/login",
            login,
            "username=" + MANAGER + "&password=" + java.net.URLEncoder.encode(PASSWORD, "UTF-8"));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    // The session is Spring Session's, kept in the database, with the app's cookie attributes.
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax"));
    assertThat(
            new JdbcTemplate(database.getPostgresDatabase())
                .queryForObject(
                    "select count(*) from spring_session where principal_name = ?",
                    Integer.class,
                    MANAGER))
        .isPositive();
    assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");

    for (int i = 1; i <= 6; i++) {
      var page = get(browser, i % 2, "/dashboard");
      assertThat(page.statusCode()).as("request %d, on replica %d", i, i % 2).isEqualTo(200);
      assertThat(page.body()).contains("/logout").doesNotContain("name=\"password\"");
    }

    var home = get(browser, 1, "/dashboard").body();
    assertThat(post(browser, 1, "/logout", home, "").statusCode()).isEqualTo(302);
    var after = get(browser, 0, "/dashboard");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location")).get().asString().contains("/login");
  }

  @Test
  void aProjectRunsItsWholeLifecycleWithRequestsAlternatingBetweenTheReplicas() {
    var turn = new AtomicInteger();
    var clients =
        bases.stream()
            .map(
                base ->
                    RestClient.builder()
                        .baseUrl(base)
                        .defaultHeaders(headers -> headers.setBasicAuth(MANAGER, PASSWORD))
                        .build())
            .toList();
    var run =
        new ApiProjectRun(
            () -> clients.get(turn.getAndIncrement() % 2),
            new EmbeddedCluster(),
            TOKEN,
            List.of("Olena Koval" + TOKEN, "Andrii Melnyk" + TOKEN, "Iryna Bondar" + TOKEN),
            WAIT);

    String project = run.createProject();
    long instance = run.get("/api/projects/" + project).path("processInstanceKey").asLong();
    run.recruit(project, instance);
    run.train(project, instance);
    run.interviewAndSynthesise(project);
    run.holdTheSession(project, instance);
    run.giveFeedback(project);
    run.handOver(project);

    assertThat(turn.get()).as("requests sent, half to each replica").isGreaterThan(40);
    var jdbc = new JdbcTemplate(database.getPostgresDatabase());
    assertThat(rows(jdbc, "application", project)).isEqualTo(3);
    assertThat(rows(jdbc, "expert", project)).isEqualTo(3);
    assertThat(rows(jdbc, "interview", project)).isEqualTo(3);
    assertThat(
            jdbc.queryForList(
                "select key from milestone where project_id = ?::uuid"
                    + " group by key having count(*) > 1",
                String.class,
                project))
        .isEmpty();

    // Every job was done once: completed once, by one replica or the other. A completion the
    // engine refused is one of a job that had lapsed while out at a worker: timed out (the clock
    // moved days on) or canceled (its task interrupted), and given to no one else since.
    var completedBy = new HashMap<Long, String>();
    var lapsed = new HashSet<Long>();
    var refusedCompletions = new ArrayList<String>();
    var polls = new HashMap<String, Integer>();
    for (Record<?> record : records()) {
      if (record.getValueType() == ValueType.JOB_BATCH
          && record.getRecordType() == RecordType.COMMAND) {
        polls.merge(((JobBatchRecordValue) record.getValue()).getWorker(), 1, Integer::sum);
      }
      if (record.getValueType() != ValueType.JOB) {
        continue;
      }
      var job = (JobRecordValue) record.getValue();
      if (record.getRecordType() == RecordType.EVENT && record.getIntent() == JobIntent.COMPLETED) {
        String previous = completedBy.put(record.getKey(), job.getWorker());
        assertThat(previous).as("job %d completed twice", record.getKey()).isNull();
      }
      if (record.getRecordType() == RecordType.EVENT
          && (record.getIntent() == JobIntent.TIMED_OUT
              || record.getIntent() == JobIntent.CANCELED)) {
        lapsed.add(record.getKey());
      }
      if (record.getRecordType() == RecordType.COMMAND_REJECTION
          && record.getIntent() == JobIntent.COMPLETE
          && !lapsed.contains(record.getKey())) {
        refusedCompletions.add(record.getKey() + ": " + record.getRejectionReason());
      }
    }
    assertThat(refusedCompletions).isEmpty();
    // Which replica's worker gets a job is the engine's choice (either may take them all).
    assertThat(completedBy.values())
        .isNotEmpty()
        .allMatch(List.of("replica-a", "replica-b")::contains);
    System.out.printf(
        "Jobs completed: %d by replica a, %d by replica b; %d lapsed at a worker%n",
        completedBy.values().stream().filter("replica-a"::equals).count(),
        completedBy.values().stream().filter("replica-b"::equals).count(),
        lapsed.size());
    // Both replicas' workers asked for jobs all along, so each job was one they competed for.
    assertThat(polls).containsKeys("replica-a", "replica-b");
    System.out.println("Polls for jobs: " + polls);
    var ledger = jdbc.queryForList("select job_key from processed_job", Long.class);
    assertThat(ledger).doesNotHaveDuplicates();
    var doneOrLapsed = new HashSet<>(completedBy.keySet());
    doneOrLapsed.addAll(lapsed);
    assertThat(doneOrLapsed).containsAll(ledger);
    assertThat(rest.violations()).isEmpty();
    assertThat(rest.requests()).isPositive();
  }

  /** The embedded engine as the run's cluster: its clock, and its elements as the facade reads. */
  private static final class EmbeddedCluster implements ApiProjectRun.Cluster {

    @Override
    public Instant now() {
      return engine.clock().instant();
    }

    @Override
    public void increaseTime(Duration duration) {
      engine.advance(duration);
    }

    @Override
    public void awaitWaitingAt(long instance, String phase, String elementId) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  rest.engine().activeElements(instance).stream()
                      .anyMatch(
                          e -> e.bpmnProcessId().equals(phase) && e.elementId().equals(elementId)));
    }
  }

  private static List<Record<?>> records() {
    var all = new ArrayList<Record<?>>();
    var feed = engine.newFeed();
    for (var batch = feed.next(); !batch.isEmpty(); batch = feed.next()) {
      all.addAll(batch);
    }
    return all;
  }

  private static int rows(JdbcTemplate jdbc, String table, String project) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where project_id = ?::uuid", Integer.class, project);
  }

  /**
   * A person's browser behind a load balancer: one address for both replicas, so the cookies the
   * one sets go to the other.
   */
  private static final class Browser {

    private final HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        var header = new StringBuilder();
        cookies.forEach(
            (name, value) ->
                header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        request.header("Cookie", header.toString());
      }
      var response = http.send(request.build(), BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        if (value.isEmpty() || set.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    }
  }

  private static HttpResponse<String> get(Browser browser, int replica, String path)
      throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(bases.get(replica) + path)));
  }

  /** Posts a form with the CSRF token of the page it was on. */
  private static HttpResponse<String> post(
      Browser browser, int replica, String path, String page, String form) throws Exception {
    var token = CSRF.matcher(page);
    assertThat(token.find()).as("a CSRF token on the page for " + path).isTrue();
    String body =
        "_csrf="
            + java.net.URLEncoder.encode(token.group(1), "UTF-8")
            + (form.isEmpty() ? "" : "&" + form);
    return browser.send(
        HttpRequest.newBuilder(URI.create(bases.get(replica) + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body)));
  }
}
