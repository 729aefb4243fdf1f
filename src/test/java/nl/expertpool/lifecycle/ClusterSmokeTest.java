package nl.expertpool.lifecycle;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byKey;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byParentProcessInstanceKey;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byProcessId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.expertpool.ExpertPoolApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.annotation.Testable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The smoke suite: one project through its whole lifecycle on a real Camunda 8.8 cluster, from
 * recruitment to COMPLETED and, once its retention period is over, anonymised. The app runs on
 * profile {@code camunda} exactly as it is deployed (its own Camunda client from the {@code
 * CAMUNDA_CLIENT_*} variables, its models deployed at start, its job workers, its PostgreSQL) and
 * is driven through its REST API as a project manager.
 *
 * <p>Camunda Process Test, in its remote runtime mode, owns the cluster: it checks that the cluster
 * is healthy, moves the cluster's clock where a process waits for a date (a cluster's clock moves
 * only when the cluster runs with clock control, {@code ZEEBE_CLOCK_CONTROLLED=true}), asserts on
 * process instances and, after the test, resets the clock and deletes all of the cluster's data. So
 * the suite runs only when {@value #SWITCH} names the cluster's management API: setting the app's
 * own {@code CAMUNDA_CLIENT_*} variables never sets it off. Without it the suite is skipped.
 *
 * <p>The app's database is {@code SPRING_DATASOURCE_URL} when set, else an embedded PostgreSQL
 * started for the suite.
 */
// Declared before Spring's extension, so that it runs first.
@ExtendWith(ClusterSmokeTest.ClusterAnswers.class)
@SpringBootTest(
    classes = ClusterSmokeTest.ProcessTestOnly.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "camunda.process-test.runtime-mode=remote",
      "camunda.process-test.remote.camunda-monitoring-api-address=${"
          + ClusterSmokeTest.SWITCH
          + "}",
      "camunda.process-test.remote.client.rest-address=${CAMUNDA_CLIENT_REST_ADDRESS:"
          + ClusterSmokeTest.REST_DEFAULT
          + "}",
      "camunda.process-test.remote.client.grpc-address=${CAMUNDA_CLIENT_GRPC_ADDRESS:"
          + ClusterSmokeTest.GRPC_DEFAULT
          + "}"
    })
@CamundaSpringProcessTest
@EnabledIf(
    value = "clusterConfigured",
    disabledReason =
        "no cluster: set " + ClusterSmokeTest.SWITCH + " (README: Run on Camunda 8) to run it")
class ClusterSmokeTest {

  /** The cluster's management API (clock, purge): the one address only this suite needs. */
  static final String SWITCH = "CAMUNDA_PROCESSTEST_REMOTE_CAMUNDAMONITORINGAPIADDRESS";

  /** The app's defaults on profile {@code camunda} (application.yml). */
  static final String REST_DEFAULT = "http://localhost:8088";

  static final String GRPC_DEFAULT = "http://localhost:26500";

  /** A cluster's search data trails its engine by a moment, more on a busy machine. */
  static final Duration WAIT = Duration.ofSeconds(60);

  /** Makes this run's personal data unique, so that the engine's variables can be searched. */
  private static final String TOKEN =
      "Q" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

  private static final String MANAGER = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String PASSWORD = UUID.randomUUID().toString();

  private static final List<String> PEOPLE =
      List.of("Olena Koval" + TOKEN, "Andrii Melnyk" + TOKEN);

  private static EmbeddedPostgres postgres;

  @Autowired CamundaProcessTestContext cluster;
  @Autowired CamundaClient client;

  private ConfigurableApplicationContext app;
  private RestClient api;

  static boolean clusterConfigured() {
    return !setting(SWITCH, "").isBlank();
  }

  @BeforeAll
  static void startTheDatabaseUnlessOneIsGiven() throws IOException {
    if (setting("SPRING_DATASOURCE_URL", "").isBlank()) {
      postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30)).start();
    }
  }

  @AfterAll
  static void stopTheDatabase() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** After Camunda Process Test connected, and per test: its clean-up removes the deployment. */
  @BeforeEach
  void startTheAppOnTheCluster() {
    var args = new ArrayList<String>();
    args.add("--spring.profiles.active=camunda");
    args.add("--server.port=0");
    args.add("--expertpool.security.initial-manager.username=" + MANAGER);
    args.add("--expertpool.security.initial-manager.password=" + PASSWORD);
    if (postgres != null) {
      args.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
      args.add("--spring.datasource.username=postgres");
      args.add("--spring.datasource.password=");
    }
    app =
        new SpringApplicationBuilder(ExpertPoolApplication.class)
            .initializers(
                context ->
                    context
                        .getBeanFactory()
                        .registerSingleton("withoutTestTypes", new WithoutTestTypes()))
            .run(args.toArray(String[]::new));
    api =
        RestClient.builder()
            .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
            .defaultHeaders(headers -> headers.setBasicAuth(MANAGER, PASSWORD))
            .build();
    // On a cluster the schema migration and the deployment run in the background after the start.
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                api.get()
                    .uri("/actuator/health")
                    .exchange((request, response) -> response.getStatusCode().value() == 200));
    CamundaAssert.setAssertionTimeout(WAIT);
  }

  /** Before Camunda Process Test deletes the cluster's data. */
  @AfterEach
  void stopTheApp() {
    CamundaAssert.setAssertionTimeout(CamundaAssert.DEFAULT_ASSERTION_TIMEOUT);
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aProjectRunsItsWholeLifecycleOnTheCluster() {
    var run =
        new ApiProjectRun(
            () -> api,
            new ApiProjectRun.Cluster() {
              @Override
              public java.time.Instant now() {
                return cluster.getCurrentTime();
              }

              @Override
              public void increaseTime(Duration duration) {
                cluster.increaseTime(duration);
              }

              @Override
              public void awaitWaitingAt(long instance, String phase, String elementId) {
                assertThatProcessInstance(
                        byParentProcessInstanceKey(instance).and(byProcessId(phase)))
                    .hasActiveElements(elementId);
              }
            },
            TOKEN,
            PEOPLE,
            WAIT);
    String project = run.createProject();
    long instance = run.get("/api/projects/" + project).path("processInstanceKey").asLong();
    assertThat(instance).as("the project's process instance").isPositive();

    run.recruit(project, instance);
    run.train(project, instance);
    run.interviewAndSynthesise(project);
    run.holdTheSession(project, instance);
    run.giveFeedback(project);
    run.handOver(project);

    var reached = new ArrayList<String>();
    for (JsonNode milestone : run.get("/api/projects/" + project + "/milestones")) {
      if ("REACHED".equals(milestone.path("status").asText())) {
        reached.add(milestone.path("key").asText());
      }
    }
    assertThat(reached)
        .containsExactly(
            "PROJECT_STARTED",
            "EXPERTS_RECRUITED",
            "TRAINING_COMPLETED",
            "INTERVIEWS_COMPLETED",
            "INSIGHTS_SYNTHESISED",
            "ACTION_AGENDA_DRAFTED",
            "FEEDBACK_INCORPORATED",
            "HANDOVER_COMPLETED");
    JsonNode pay = run.get("/api/projects/" + project + "/remuneration");
    assertThat(pay.path("settledAt").isNull()).isFalse();
    assertThat(pay.path("experts")).hasSize(2);
    byte[] pdf =
        api.get()
            .uri("/api/projects/" + project + "/handover-package")
            .accept(MediaType.APPLICATION_PDF)
            .retrieve()
            .body(byte[].class);
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

    // The retention period (one day in this project) ends on the cluster's clock.
    assertThatProcessInstance(byKey(instance)).hasActiveElements("RetentionPeriodTimer");
    cluster.increaseTime(Duration.ofDays(1).plusHours(1));
    run.awaitMilestone(project, "PERSONAL_DATA_ANONYMISED");
    assertThatProcessInstance(byKey(instance)).isCompleted().hasNoActiveIncidents();

    assertThat(personalDataInTheEngine(instance)).isEmpty();
  }

  /**
   * Which personal strings of this run are in a variable of the project's instances, its phases
   * included: process variables carry ids, pseudonyms and counts only.
   */
  private List<String> personalDataInTheEngine(long instance) {
    var personal = new ArrayList<String>(List.of(TOKEN));
    personal.addAll(
        List.of(
            "Petra de Vries",
            "p.devries@almere.example",
            "I waited two years for a house.",
            "Waiting lists dominate",
            "I want to help newcomers"));
    var tree = instanceTree(instance);
    assertThat(tree).as("the main instance and its six phases").hasSizeGreaterThanOrEqualTo(7);
    var found = new ArrayList<String>();
    for (long key : tree) {
      for (Variable variable : variablesOf(key)) {
        String value = String.valueOf(variable.getValue()).toLowerCase(Locale.ROOT);
        personal.stream()
            .filter(text -> value.contains(text.toLowerCase(Locale.ROOT)))
            .forEach(text -> found.add(variable.getName() + " of " + key + " holds " + text));
      }
    }
    return found;
  }

  /** The instance and every instance it called, at any depth, finished or not. */
  private List<Long> instanceTree(long instance) {
    var tree = new ArrayList<>(List.of(instance));
    for (int i = 0; i < tree.size(); i++) {
      long parent = tree.get(i);
      client
          .newProcessInstanceSearchRequest()
          .filter(f -> f.parentProcessInstanceKey(parent))
          .page(p -> p.limit(100))
          .send()
          .join()
          .items()
          .forEach(child -> tree.add(child.getProcessInstanceKey()));
    }
    return tree;
  }

  private List<Variable> variablesOf(long instance) {
    var variables = new ArrayList<Variable>();
    String after = null;
    while (true) {
      String cursor = after;
      var page =
          client
              .newVariableSearchRequest()
              .filter(f -> f.processInstanceKey(instance))
              .withFullValues()
              .page(
                  p -> {
                    p.limit(100);
                    if (cursor != null) {
                      p.after(cursor);
                    }
                  })
              .send()
              .join();
      variables.addAll(page.items());
      after = page.page() == null ? null : page.page().endCursor();
      if (page.items().size() < 100 || after == null) {
        return variables;
      }
    }
  }

  /** An environment variable, or a system property of the same name (mvn -D...). */
  static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * The test's own context: only what Camunda Process Test brings, the app runs beside it. Not a
   * component, so the app's scan passes it by; not a test configuration, which Spring Boot would
   * add to the app's own configuration.
   */
  static class ProcessTestOnly {}

  /**
   * Keeps test configurations and the classes nested in test classes (one delivers every job twice,
   * others are controllers that fail on purpose) out of the app, as Spring Boot's own filter does
   * for the contexts of its tests: the app is started from the test classpath, where that filter
   * does not reach.
   */
  static class WithoutTestTypes extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      if (reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName())) {
        return true;
      }
      String enclosing = reader.getClassMetadata().getEnclosingClassName();
      if (enclosing == null) {
        return false;
      }
      MetadataReader outer = factory.getMetadataReader(enclosing);
      return outer.getAnnotationMetadata().isAnnotated(ExtendWith.class.getName())
          || outer.getAnnotationMetadata().hasAnnotatedMethods(Testable.class.getName())
          || match(outer, factory);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WithoutTestTypes;
    }

    @Override
    public int hashCode() {
      return WithoutTestTypes.class.hashCode();
    }
  }

  /**
   * Fails the suite at once, naming each address that does not answer, where Camunda Process Test
   * would retry for a minute and then say only that it could not connect.
   */
  static class ClusterAnswers implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
      var addresses = new LinkedHashMap<String, String>();
      addresses.put(SWITCH, setting(SWITCH, ""));
      addresses.put(
          "CAMUNDA_CLIENT_REST_ADDRESS", setting("CAMUNDA_CLIENT_REST_ADDRESS", REST_DEFAULT));
      addresses.put(
          "CAMUNDA_CLIENT_GRPC_ADDRESS", setting("CAMUNDA_CLIENT_GRPC_ADDRESS", GRPC_DEFAULT));
      var silent = new ArrayList<String>();
      addresses.forEach(
          (variable, address) -> {
            String problem = unanswered(address);
            if (problem != null) {
              silent.add("%s (%s): %s".formatted(address, variable, problem));
            }
          });
      if (!silent.isEmpty()) {
        throw new IllegalStateException(
            "The Camunda cluster of the smoke suite does not answer at "
                + String.join("; ", silent)
                + ". Start it with clock control (README: Run on Camunda 8), or unset "
                + SWITCH
                + " to skip the suite.");
      }
    }

    /** Why nothing answers at the address, or null when something does. */
    private static String unanswered(String address) {
      URI uri;
      try {
        uri = URI.create(address);
      } catch (IllegalArgumentException e) {
        return "not an address";
      }
      if (uri.getHost() == null) {
        return "not an address with a host";
      }
      int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), port), 3000);
        return null;
      } catch (IOException e) {
        return String.valueOf(e.getMessage());
      }
    }
  }
}
