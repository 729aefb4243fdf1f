package nl.expertpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.lifecycle.NewProjects;
import nl.expertpool.runtime.FreePort;
import nl.expertpool.runtime.HealthChangeLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a cluster the database and the cluster may be away when the app starts (a compose stack
 * starting, a restart of the database). The app must start anyway, say in its health which part is
 * down and why, answer requests with 503 instead of failing, and take up its work by itself once
 * both are there: schema migrated, initial manager created, models deployed, workers running.
 */
@ExtendWith(ClusterStartupIntegrationTest.StopServicesAfterApp.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("camunda")
@DirtiesContext
class ClusterStartupIntegrationTest {

  private static final int DATABASE_PORT = FreePort.find();
  private static final int CLUSTER_PORT = FreePort.find();
  private static final Duration AWHILE = Duration.ofSeconds(60);
  private static final String MANAGER = "boss:first-manager-1";

  private static EmbeddedPostgres database;
  private static EmbeddedZeebe cluster;

  @LocalServerPort int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void awayServices(DynamicPropertyRegistry properties) {
    properties.add(
        "spring.datasource.url",
        () -> "jdbc:postgresql://localhost:" + DATABASE_PORT + "/postgres");
    properties.add("spring.datasource.username", () -> "postgres");
    properties.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    // The embedded engine stands in for the cluster: it speaks gRPC only.
    properties.add("camunda.client.prefer-rest-over-grpc", () -> "false");
    properties.add("camunda.client.grpc-address", () -> "http://localhost:" + CLUSTER_PORT);
    properties.add("camunda.client.rest-address", () -> "http://localhost:" + CLUSTER_PORT);
    properties.add("expertpool.startup.retry.first", () -> "200ms");
    properties.add("expertpool.startup.retry.max", () -> "1s");
    properties.add("expertpool.security.initial-manager.username", () -> "boss");
    properties.add("expertpool.security.initial-manager.password", () -> "first-manager-1");
  }

  /**
   * Stops the database and the engine after the app, as in a real shutdown. Declared before
   * {@code @SpringBootTest}, so it runs after the Spring extension has closed the app.
   */
  static class StopServicesAfterApp implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      if (cluster != null) {
        cluster.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }

  @Test
  void startsWithoutDatabaseAndClusterThenTakesUpItsWorkWhenBothArrive() throws Exception {
    var healthLog = listen(HealthChangeLog.class);
    var health = health();
    assertThat(health.statusCode()).isEqualTo(503);
    JsonNode components = read(health).path("components");
    assertThat(components.at("/db/status").asText()).isEqualTo("DOWN");
    assertThat(components.at("/engine/status").asText()).isEqualTo("DOWN");
    assertThat(components.at("/schema/status").asText()).isEqualTo("DOWN");
    assertThat(components.at("/models/status").asText()).isEqualTo("DOWN");
    // Why is for project managers and the log: nobody can sign in without the database.
    assertThat(read(health).findValues("details")).isEmpty();
    await()
        .atMost(AWHILE)
        .untilAsserted(
            () ->
                assertThat(healthLog.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .startsWith("The database is DOWN")
                                .contains("localhost:" + DATABASE_PORT)
                                .doesNotContain("\n"))
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .startsWith("The workflow engine is DOWN")
                                .contains("" + CLUSTER_PORT)));

    var withoutDatabase = projects(null);
    assertThat(withoutDatabase.statusCode()).isEqualTo(503);
    assertThat(withoutDatabase.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(read(withoutDatabase).path("detail").asText()).contains("database");

    database = EmbeddedPostgres.builder().setPort(DATABASE_PORT).start();
    await().atMost(AWHILE).until(() -> status("schema").equals("UP"));
    assertThat(status("db")).isEqualTo("UP");
    assertThat(read(health(MANAGER)).at("/components/schema/details/version").asText())
        .isNotBlank();
    assertThat(projects(null).statusCode())
        .as("the initial manager exists once the schema is there")
        .isEqualTo(200);

    cluster = new EmbeddedZeebe(CLUSTER_PORT);
    await().atMost(AWHILE).until(() -> status("models").equals("UP"));
    await().atMost(AWHILE).until(() -> health().statusCode() == 200);
    assertThat(read(health(MANAGER)).at("/components/models/details/processes").asInt())
        .isGreaterThan(1);

    var project =
        projects(
            NewProjects.json(
                "Expert pool Almere",
                3,
                2,
                List.of("housing", "work"),
                LocalDate.now().toString()));
    assertThat(project.statusCode()).isEqualTo(201);
    var jdbc = new JdbcTemplate(database.getPostgresDatabase());
    await()
        .atMost(AWHILE)
        .until(
            () ->
                jdbc.queryForObject(
                    "select count(*) from processed_job where job_type = 'recruitment.open-call'",
                    Integer.class),
            count -> count == 1);
  }

  private HttpResponse<String> health() throws Exception {
    return health(null);
  }

  private HttpResponse<String> health(String credentials) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(30));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private static ListAppender<ILoggingEvent> listen(Class<?> type) {
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
    return appender;
  }

  private String status(String component) throws Exception {
    return read(health()).at("/components/" + component + "/status").asText();
  }

  /** GET the projects, or POST {@code body} as a new one, as the initial manager. */
  private HttpResponse<String> projects(Object body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects"))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("boss:first-manager-1".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json");
    if (body != null) {
      request.POST(BodyPublishers.ofString(json.writeValueAsString(body)));
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }
}
