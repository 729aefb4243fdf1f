package nl.expertpool.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import nl.expertpool.runtime.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine with its log on disk: stopped and started again on the same folder, it
 * replays its log and its instances go on where they were, a timer at the engine's time (the demo
 * clock's offset kept) and a message subscription still open.
 */
class DurableEngineTest {

  @TempDir Path folder;

  @Test
  void aRestartedEngineReplaysItsLogAndItsInstancesGoOn() {
    long timed;
    long waiting;
    try (var engine = new EmbeddedZeebe(FreePort.find(), null, folder);
        var client = client(engine)) {
      assertThat(engine.recovery().durable()).isTrue();
      assertThat(engine.recovery().position()).isEqualTo(-1);
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("timed")
                  .startEvent()
                  .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT3H"))
                  .endEvent()
                  .done(),
              "timed.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("waiting")
                  .startEvent()
                  .intermediateCatchEvent(
                      "go", e -> e.message(m -> m.name("go").zeebeCorrelationKeyExpression("key")))
                  .endEvent()
                  .done(),
              "waiting.bpmn")
          .send()
          .join();
      timed = start(client, "timed", Map.of());
      waiting = start(client, "waiting", Map.of("key", "k-1"));
      await().until(() -> activated(engine, waiting, "go") && activated(engine, timed, "wait"));
      engine.advance(Duration.ofHours(2));
    }

    try (var engine = new EmbeddedZeebe(FreePort.find(), null, folder);
        var client = client(engine)) {
      assertThat(engine.recovery().position()).isPositive();
      assertThat(engine.recovery().blocks()).isPositive();
      assertThat(engine.recovery().cutOff()).isZero();
      assertThat(engine.processing()).isTrue();
      assertThat(engine.clock().instant())
          .as("the demo clock's two hours kept")
          .isAfter(Instant.now().plus(Duration.ofMinutes(119)));
      assertThat(completed(engine, timed)).isFalse();
      assertThat(completed(engine, waiting)).isFalse();

      // The timer fires at the engine's time: 2 hours passed before, 1 more now.
      engine.advance(Duration.ofHours(1).plusMinutes(1));
      await().atMost(Duration.ofSeconds(30)).until(() -> completed(engine, timed));
      // The subscription survived: the message reaches the instance.
      client.newPublishMessageCommand().messageName("go").correlationKey("k-1").send().join();
      await().atMost(Duration.ofSeconds(30)).until(() -> completed(engine, waiting));
      // New keys follow the old ones.
      assertThat(start(client, "waiting", Map.of("key", "k-2"))).isGreaterThan(waiting);
    }
  }

  /**
   * A snapshot keeps the state store and the app's projection, and the log before it goes (from the
   * file and from memory). The next start begins at the snapshot and replays only what follows: the
   * open tasks with their variables, the instances ended before it, an active timer and the keys
   * all go on.
   */
  @Test
  void aSnapshotLetsTheLogBeforeItGoAndTheNextStartBeginsThere() throws Exception {
    var json = new ObjectMapper();
    long reviewed;
    long later;
    long ended;
    long logBytes;
    try (var engine = new EmbeddedZeebe(FreePort.find(), null, folder);
        var client = client(engine)) {
      var app = new EmbeddedProcessEngine(engine, json, Duration.ofHours(1));
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("review")
                  .startEvent()
                  .userTask("check", t -> t.zeebeUserTask().zeebeCandidateGroups("staff"))
                  .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT3H"))
                  .endEvent()
                  .done(),
              "review.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("quick").startEvent().endEvent().done(), "quick.bpmn")
          .send()
          .join();
      reviewed = start(client, "review", Map.of("projectId", 7));
      ended = start(client, "quick", Map.of());
      for (int i = 0; i < 30; i++) {
        start(client, "quick", Map.of());
      }
      await().until(() -> app.openUserTasks(TaskQuery.all()).size() == 1);
      long sizeBefore = Files.size(folder.resolve(EmbeddedZeebe.LOG_FILE));

      var upTo = engine.snapshot();

      assertThat(upTo).isPresent();
      assertThat(Files.size(folder.resolve(EmbeddedZeebe.LOG_FILE)))
          .as("the log before the snapshot dropped from the file")
          .isLessThan(sizeBefore / 4);
      assertThat(engine.snapshot()).as("nothing new, no snapshot").isEmpty();
      later = start(client, "review", Map.of("projectId", 8));
      await().until(() -> app.openUserTasks(TaskQuery.all()).size() == 2);
      logBytes = Files.size(folder.resolve(EmbeddedZeebe.LOG_FILE));
    }
    assertThat(Files.size(folder.resolve(EmbeddedZeebe.LOG_FILE)))
        .as("the snapshot taken when the engine stopped dropped the rest")
        .isLessThan(logBytes);

    try (var engine = new EmbeddedZeebe(FreePort.find(), null, folder);
        var client = client(engine)) {
      var app = new EmbeddedProcessEngine(engine, json, Duration.ofHours(1));
      assertThat(engine.recovery().snapshotPosition()).isPositive();
      assertThat(engine.recovery().blocks()).isLessThan(5);
      var tasks = app.openUserTasks(TaskQuery.all());
      assertThat(tasks)
          .extracting(t -> t.processInstanceKey(), t -> t.variables().get("projectId"))
          .containsExactly(tuple(reviewed, 7), tuple(later, 8));
      assertThat(tasks.getFirst().candidateGroups()).containsExactly("staff");
      assertThat(tasks.getFirst().name()).isEqualTo("check");
      assertThat(app.knowsInstance(ended)).as("an instance ended before the snapshot").isTrue();

      app.complete(tasks.getFirst().key(), Map.of("checked", true));
      await().until(() -> app.nextTimer(reviewed).isPresent());
      app.advanceClock(Duration.ofHours(3).plusMinutes(1));
      await().atMost(Duration.ofSeconds(30)).until(() -> app.activeElements(reviewed).isEmpty());
      assertThat(start(client, "quick", Map.of())).isGreaterThan(later);
    }
  }

  private static CamundaClient client(EmbeddedZeebe engine) {
    var address = URI.create("http://localhost:" + engine.port());
    return CamundaClient.newClientBuilder()
        .grpcAddress(address)
        .restAddress(address)
        .preferRestOverGrpc(false)
        .build();
  }

  private static long start(CamundaClient client, String process, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(process)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static boolean completed(EmbeddedZeebe engine, long instance) {
    return has(
        engine,
        r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED && r.getKey() == instance);
  }

  private static boolean activated(EmbeddedZeebe engine, long instance, String elementId) {
    return has(
        engine,
        r ->
            r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
                && r.getValue() instanceof ProcessInstanceRecordValue value
                && value.getProcessInstanceKey() == instance
                && value.getBpmnElementType() == BpmnElementType.INTERMEDIATE_CATCH_EVENT
                && value.getElementId().equals(elementId));
  }

  private static boolean has(EmbeddedZeebe engine, Function<Record<?>, Boolean> test) {
    for (Record<?> record : engine.engine().getRecordStreamSource().getRecords()) {
      if (test.apply(record)) {
        return true;
      }
    }
    return false;
  }
}
