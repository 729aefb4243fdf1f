package nl.expertpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.expertpool.engine.DeployedModelIndex;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import nl.expertpool.jobs.WorkerExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The whole app on the embedded default: engine, database, deployment, a worker and a task. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExpertPoolApplicationIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired DeployedModelIndex deployed;
  @Autowired ProcessEngine engine;
  @Autowired CamundaClient client;

  @Test
  void healthIsUpWithTheDatabaseAndTheEngineAsComponents() {
    JsonNode health =
        http.withBasicAuth("pm", "demo").getForObject("/actuator/health", JsonNode.class);

    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    assertThat(health.at("/components/engine/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/engine/details/partitions").asInt()).isEqualTo(1);
    // Issue 21: the engine says how far the log it recovered goes and that replay is done (the
    // tests keep it in memory); UP means ready: the app has started whole.
    assertThat(health.at("/components/engine/details/replayFinished").asBoolean()).isTrue();
    assertThat(health.at("/components/engine/details/logOnDisk").asBoolean()).isFalse();
    assertThat(health.at("/components/engine/details/recoveredPosition").asLong()).isEqualTo(-1);
    assertThat(health.at("/components/readinessState/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/schema/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/schema/details/version").asText()).matches("\\d+");
    assertThat(health.at("/components/models/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/models/details/processes").asInt())
        .isEqualTo(deployed.processIds().size());
  }

  /** Issue 17: anonymous callers saw the data path, disk bytes and versions. */
  @Test
  void healthShowsOthersOnlyWhetherEachPartIsUp() {
    for (var caller : List.of(http, http.withBasicAuth("staff", "demo"))) {
      JsonNode health = caller.getForObject("/actuator/health", JsonNode.class);

      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
      assertThat(health.findValues("details")).isEmpty();
      assertThat(health.toString()).doesNotContain("PostgreSQL", "path", "free", "version");
    }
  }

  @Test
  void workersRunOnTheExecutorThatStopsItsDelayedTasksWhenTheAppCloses() {
    assertThat(client.getConfiguration().jobWorkerExecutor())
        .isInstanceOf(WorkerExecutor.class)
        .isInstanceOfSatisfying(
            WorkerExecutor.class, executor -> assertThat(executor.getCorePoolSize()).isEqualTo(4));
  }

  @Test
  void deploysEveryModelAndEveryFormOfTheRepository() throws IOException {
    assertThat(deployed.processIds())
        .containsAll(baseNames(Path.of("bpmn"), ".bpmn"))
        .contains("engine-sample");
    assertThat(deployed.formIds())
        .containsAll(baseNames(Path.of("forms"), ".form"))
        .contains("engine-sample");
  }

  @Test
  void runsTheSampleProcessToTheEndThroughAWorkerAndACompletedUserTask() {
    String sampleId = UUID.randomUUID().toString();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("engine-sample")
            .latestVersion()
            .variables(Map.of("sampleId", sampleId))
            .send()
            .join()
            .getProcessInstanceKey();

    await().until(() -> !engine.openUserTasks(TaskQuery.all().ofInstance(instance)).isEmpty());
    var task = engine.openUserTasks(TaskQuery.all().ofInstance(instance)).getFirst();
    assertThat(task.variables()).containsEntry("prepared", true);
    engine.complete(task.key(), Map.of("verdict", "fine"));

    engine.advanceClock(Duration.ofHours(1));
    await().until(() -> activeElementIds(instance).contains("SampleContinuedEvent"));
    client
        .newPublishMessageCommand()
        .messageName("sample-continued")
        .correlationKey(sampleId)
        .send()
        .join();
    await().until(() -> engine.activeElements(instance).isEmpty());
  }

  private List<String> activeElementIds(long instance) {
    return engine.activeElements(instance).stream().map(ElementInstance::elementId).toList();
  }

  private static List<String> baseNames(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .map(n -> n.substring(0, n.length() - suffix.length()))
          .toList();
    }
  }
}
