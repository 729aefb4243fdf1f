package nl.expertpool.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import nl.expertpool.engine.TaskConflictException;
import nl.expertpool.engine.TaskNotFoundException;
import nl.expertpool.engine.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine port's embedded adapter on the sample model: task, timer, message, incident. */
class EmbeddedProcessEngineProcessTest {

  private static SampleEngine sample;
  private static EmbeddedProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    sample = new SampleEngine();
    engine = new EmbeddedProcessEngine(sample.zeebe, new ObjectMapper());
  }

  @AfterAll
  static void stopEngine() {
    sample.close();
  }

  @Test
  void runsTheSampleThroughWorkerUserTaskTimerAndMessage() {
    String sampleId = UUID.randomUUID().toString();
    long instance = sample.start(sampleId, false);

    UserTask task = awaitTask(instance);
    assertThat(task.name()).isEqualTo("Review sample");
    assertThat(task.elementId()).isEqualTo("ReviewSampleTask");
    assertThat(task.formId()).isEqualTo("engine-sample");
    assertThat(task.candidateGroups()).containsExactly("staff");
    assertThat(task.bpmnProcessId()).isEqualTo("engine-sample");
    assertThat(task.assignee()).isNull();
    assertThat(task.variables())
        .containsEntry("sampleId", sampleId)
        .containsEntry("prepared", true);

    engine.assign(task.key(), "anna");
    assertThat(engine.userTask(task.key())).get().extracting(UserTask::assignee).isEqualTo("anna");
    assertThat(engine.openUserTasks(TaskQuery.all().assignedTo("anna")))
        .extracting(UserTask::key)
        .contains(task.key());
    engine.assign(task.key(), null);
    assertThat(engine.userTask(task.key())).get().extracting(UserTask::assignee).isNull();

    engine.complete(task.key(), Map.of("verdict", "fine"));
    assertThat(engine.userTask(task.key())).isEmpty();
    assertThat(activeElementIds(instance)).containsExactly("OneHourPassedTimer");
    assertThat(engine.activeElements(instance).getFirst().elementName())
        .isEqualTo("One hour passed");

    engine.advanceClock(Duration.ofHours(1));
    await().until(() -> activeElementIds(instance).contains("SampleContinuedEvent"));

    sample
        .client
        .newPublishMessageCommand()
        .messageName("sample-continued")
        .correlationKey(sampleId)
        .send()
        .join();
    await().until(() -> sample.completed(instance));
    assertThat(engine.activeElements(instance)).isEmpty();
  }

  @Test
  void filtersOpenTasksByGroupInstanceAndVariable() {
    String sampleId = UUID.randomUUID().toString();
    long instance = sample.start(sampleId, false);
    long key = awaitTask(instance).key();

    assertThat(keys(TaskQuery.all().inGroups(List.of("staff")).withVariable("sampleId", sampleId)))
        .containsExactly(key);
    assertThat(keys(TaskQuery.all().inGroups(List.of("clients")).ofInstance(instance))).isEmpty();
    assertThat(keys(TaskQuery.all().withVariable("sampleId", "someone else"))).doesNotContain(key);
  }

  @Test
  void refusesToCompleteATaskTwiceOrAnUnknownTask() {
    long instance = sample.start(UUID.randomUUID().toString(), false);
    long key = awaitTask(instance).key();
    engine.complete(key, Map.of("verdict", "once"));

    assertThatThrownBy(() -> engine.complete(key, Map.of("verdict", "twice")))
        .isInstanceOf(TaskConflictException.class);
    assertThatThrownBy(() -> engine.assign(key, "anna")).isInstanceOf(TaskConflictException.class);
    assertThatThrownBy(() -> engine.complete(4242L, Map.of()))
        .isInstanceOf(TaskNotFoundException.class);
  }

  @Test
  void showsAnIncidentUntilItIsResolved() {
    long instance = sample.start(UUID.randomUUID().toString(), true);
    await().until(() -> !engine.openIncidents(instance).isEmpty());

    var incident = engine.openIncidents(instance).getFirst();
    assertThat(incident.elementId()).isEqualTo("PrepareSampleTask");
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).isEqualTo("sample failed on purpose");
    assertThat(activeElementIds(instance)).containsExactly("PrepareSampleTask");

    sample.client.newSetVariablesCommand(instance).variables(Map.of("failMe", false)).send().join();
    sample.client.newUpdateRetriesCommand(incident.jobKey()).retries(1).send().join();
    sample.client.newResolveIncidentCommand(incident.key()).send().join();

    await().until(() -> engine.openIncidents(instance).isEmpty());
    assertThat(awaitTask(instance).elementId()).isEqualTo("ReviewSampleTask");
  }

  @Test
  void theAppClockMovesWithTheEngineClock() {
    var before = sample.zeebe.clock().instant();
    var after = engine.advanceClock(Duration.ofDays(2));
    assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofDays(2));
    assertThat(sample.zeebe.clock().instant()).isAfterOrEqualTo(after);
    assertThat(engine.clockAdjustable()).isTrue();
  }

  private static UserTask awaitTask(long instance) {
    await().until(() -> !engine.openUserTasks(TaskQuery.all().ofInstance(instance)).isEmpty());
    return engine.openUserTasks(TaskQuery.all().ofInstance(instance)).getFirst();
  }

  private static List<Long> keys(TaskQuery query) {
    return engine.openUserTasks(query).stream().map(UserTask::key).toList();
  }

  private static List<String> activeElementIds(long instance) {
    return engine.activeElements(instance).stream().map(ElementInstance::elementId).toList();
  }
}
