package nl.expertpool.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.EngineAccess;
import nl.expertpool.engine.EngineAccessDeniedException;
import nl.expertpool.engine.EngineUnavailableException;
import nl.expertpool.engine.Incident;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import nl.expertpool.engine.TaskConflictException;
import nl.expertpool.engine.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the REST adapter sends to a Camunda 8.8 cluster and how it reads the answers: filters,
 * paging, forms and variables, commands, the walk through called instances, and the cluster failing
 * or refusing the app. The cluster is {@link FakeCamundaApi}; the client is the real one.
 */
class CamundaProcessEngineTest {

  private final ObjectMapper json = new ObjectMapper();
  private FakeCamundaApi api;
  private final List<CamundaClient> clients = new ArrayList<>();
  private CamundaProcessEngine engine;

  @BeforeEach
  void startApi() {
    api = new FakeCamundaApi();
    engine = engine(null);
  }

  @AfterEach
  void stopApi() {
    clients.forEach(CamundaClient::close);
    api.close();
  }

  @Test
  void searchesOpenTasksWithTheDocumentedFilterSortAndPage() {
    long instance = api.startInstance("sample", null, null);
    api.variable(instance, "projectId", "p-1");
    long task = api.userTask(instance, "ReviewTask", "Review", List.of("staff"), null);

    var found =
        engine.openUserTasks(
            TaskQuery.all()
                .inGroups(List.of("staff", "project-manager"))
                .ofInstance(instance)
                .assignedTo(null)
                .withVariable("projectId", "p-1"));

    assertThat(found).extracting(UserTask::key).containsExactly(task);
    JsonNode search = api.requests("POST", "/v2/user-tasks/search").getFirst().body();
    assertThat(search.at("/filter/state/$in"))
        .extracting(JsonNode::asText)
        .containsExactly("CREATED", "ASSIGNING", "UPDATING");
    assertThat(value(search.at("/filter/processInstanceKey"))).isEqualTo(String.valueOf(instance));
    assertThat(search.at("/filter/candidateGroup/$in"))
        .extracting(JsonNode::asText)
        .containsExactly("staff", "project-manager");
    // Variable filters compare the stored JSON: a string value is sent with its quotes.
    assertThat(search.at("/filter/processInstanceVariables/0/name").asText())
        .isEqualTo("projectId");
    assertThat(value(search.at("/filter/processInstanceVariables/0/value"))).isEqualTo("\"p-1\"");
    assertThat(search.at("/sort/0/field").asText()).isEqualTo("creationDate");
    assertThat(search.at("/sort/0/order").asText()).isEqualToIgnoringCase("ASC");
    assertThat(search.at("/page/limit").asInt()).isEqualTo(CamundaProcessEngine.PAGE_SIZE);
  }

  @Test
  void followsTheCursorThroughEveryPageOfTasksAndOfVariables() {
    long instance = api.startInstance("sample", null, null);
    var created =
        IntStream.range(0, 250)
            .mapToObj(i -> api.userTask(instance, "BulkTask", "Bulk " + i, List.of("bulk"), null))
            .toList();
    long manyVariables = created.getFirst();
    long scope = api.elementInstanceOf(manyVariables);
    IntStream.range(0, 150).forEach(i -> api.variable(scope, "v" + i, i));

    var found = engine.openUserTasks(TaskQuery.all().inGroups(List.of("bulk")));

    assertThat(found).extracting(UserTask::key).containsExactlyElementsOf(created);
    var searches = api.requests("POST", "/v2/user-tasks/search");
    assertThat(searches).hasSize(3);
    assertThat(searches.getFirst().body().at("/page/after").isMissingNode()).isTrue();
    assertThat(searches.get(1).body().at("/page/after").asText()).isNotBlank();
    assertThat(searches.get(2).body().at("/page/after").asText())
        .isNotEqualTo(searches.get(1).body().at("/page/after").asText());
    assertThat(found.getFirst().variables()).hasSize(150).containsEntry("v149", 149);
    var variablePages =
        api.requests("POST", "/v2/user-tasks/" + manyVariables + "/variables/search");
    assertThat(variablePages).hasSize(2);
    assertThat(variablePages)
        .allSatisfy(r -> assertThat(r.query()).contains("truncateValues=false"));
  }

  @Test
  void aTaskVariableShadowsTheProcessVariableOfTheSameNameInWhateverOrderTheyCome() {
    long instance = api.startInstance("sample", null, null);
    api.variable(instance, "projectId", "p-1");
    long task = api.userTask(instance, "InterviewTask", "Interview", List.of("experts"), null);
    api.variable(api.elementInstanceOf(task), "slot", 2);
    // Set later in the process scope (e.g. by a parallel branch), so it comes after the task's own.
    api.variable(instance, "slot", 1);

    assertThat(engine.userTask(task))
        .get()
        .extracting(UserTask::variables)
        .isEqualTo(Map.of("slot", 2, "projectId", "p-1"));
  }

  @Test
  void asksForALinkedFormOnceAndReadsItsId() {
    long instance = api.startInstance("sample", null, null);
    api.userTask(instance, "FirstTask", "First", List.of("staff"), "screen-candidates");
    api.userTask(instance, "SecondTask", "Second", List.of("staff"), "screen-candidates");

    var found = engine.openUserTasks(TaskQuery.all());

    assertThat(found).extracting(UserTask::formId).containsOnly("screen-candidates");
    assertThat(api.requests().stream().filter(r -> r.path().endsWith("/form"))).hasSize(1);
  }

  @Test
  void assignsWithOverrideUnassignsWithDeleteAndCompletesWithTheVariables() {
    long instance = api.startInstance("sample", null, null);
    long task = api.userTask(instance, "ReviewTask", "Review", List.of("staff"), null);

    engine.assign(task, "anna");
    engine.assign(task, null);
    engine.complete(task, Map.of("verdict", "fine", "score", 4));

    JsonNode assignment =
        api.requests("POST", "/v2/user-tasks/" + task + "/assignment").getFirst().body();
    assertThat(assignment.path("assignee").asText()).isEqualTo("anna");
    assertThat(assignment.path("allowOverride").asBoolean()).isTrue();
    assertThat(api.requests("DELETE", "/v2/user-tasks/" + task + "/assignee")).hasSize(1);
    JsonNode completion =
        api.requests("POST", "/v2/user-tasks/" + task + "/completion").getFirst().body();
    assertThat(json.convertValue(completion.path("variables"), Map.class))
        .isEqualTo(Map.of("verdict", "fine", "score", 4));
  }

  @Test
  void aTaskPassingThroughAnAssignmentOrAnUpdateStaysOpenAndOneCompletingDoesNot() {
    long instance = api.startInstance("sample", null, null);
    long assigning = api.userTask(instance, "ReviewTask", "Review", List.of("staff"), null);
    long updating = api.userTask(instance, "CheckTask", "Check", List.of("staff"), null);
    long completing = api.userTask(instance, "SignTask", "Sign", List.of("staff"), null);
    api.taskState(assigning, "ASSIGNING");
    api.taskState(updating, "UPDATING");
    api.taskState(completing, "COMPLETING");

    assertThat(engine.openUserTasks(TaskQuery.all().ofInstance(instance)))
        .extracting(UserTask::key)
        .containsExactlyInAnyOrder(assigning, updating);
    assertThat(engine.userTask(assigning)).isPresent();
    assertThat(engine.userTask(updating)).isPresent();
    assertThat(engine.userTask(completing)).isEmpty();
    assertThatThrownBy(() -> engine.complete(completing, Map.of()))
        .isInstanceOf(TaskConflictException.class)
        .hasMessageContaining("COMPLETING");
    assertThatThrownBy(() -> engine.assign(assigning, "anna"))
        .isInstanceOf(TaskConflictException.class)
        .hasMessageContaining("ASSIGNING");
  }

  @Test
  void aCommandReturnsOnceTheSearchDataShowsIt() {
    long instance = api.startInstance("sample", null, null);
    long task = api.userTask(instance, "ReviewTask", "Review", List.of("staff"), null);
    api.lagReads(3);

    engine.assign(task, "anna");
    assertThat(engine.userTask(task)).get().extracting(UserTask::assignee).isEqualTo("anna");

    engine.complete(task, Map.of());
    assertThat(engine.userTask(task)).isEmpty();
  }

  @Test
  void aTaskTheEngineHasDroppedIsAConflictNotAnUnknownTask() {
    long instance = api.startInstance("sample", null, null);
    long task = api.userTask(instance, "ReviewTask", "Review", List.of("staff"), null);
    api.answerClosedTasksWithNotFound();
    engine.complete(task, Map.of());

    assertThatThrownBy(() -> engine.complete(task, Map.of()))
        .isInstanceOf(TaskConflictException.class)
        .hasMessageContaining("completed");
    assertThatThrownBy(() -> engine.assign(task, "anna")).isInstanceOf(TaskConflictException.class);
  }

  @Test
  void walksCalledInstancesAtAnyDepthForElementsAndIncidents() {
    long main = api.startInstance("main", null, null);
    long call = api.element(main, "PhaseCallActivity", "Run phase", "CALL_ACTIVITY");
    long phase = api.startInstance("phase", main, call);
    long subCall = api.element(phase, "StepCallActivity", "Run step", "CALL_ACTIVITY");
    long step = api.startInstance("step", phase, subCall);
    long job = api.element(step, "StepJobTask", "Do step", "SERVICE_TASK");
    api.incident(job, "JOB_NO_RETRIES", "step failed");
    long other = api.startInstance("main", null, null);
    api.incident(api.element(other, "OtherTask", "Other", "SERVICE_TASK"), "JOB_NO_RETRIES", "no");

    assertThat(engine.activeElements(main))
        .extracting(ElementInstance::elementId, ElementInstance::processInstanceKey)
        .containsExactlyInAnyOrder(
            tuple("PhaseCallActivity", main),
            tuple("StepCallActivity", phase),
            tuple("StepJobTask", step));
    assertThat(engine.openIncidents(main))
        .extracting(Incident::processInstanceKey, Incident::errorMessage)
        .containsExactly(tuple(step, "step failed"));
    var children = api.requests("POST", "/v2/process-instances/search");
    assertThat(children)
        .extracting(r -> value(r.body().at("/filter/parentProcessInstanceKey")))
        .contains(String.valueOf(main), String.valueOf(phase), String.valueOf(step));
    assertThat(children)
        .allSatisfy(r -> assertThat(value(r.body().at("/filter/state"))).isEqualTo("ACTIVE"));
  }

  @Test
  void refusedCredentialsMakeTheEngineUnavailableAndNameTheCause() {
    api.requireBearer("s3cret");

    assertThatThrownBy(() -> engine.openUserTasks(TaskQuery.all()))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> engine.complete(1L, Map.of()))
        .isInstanceOf(EngineUnavailableException.class);

    var withToken = engine(bearer("s3cret"));
    assertThat(withToken.openUserTasks(TaskQuery.all())).isEmpty();
    assertThat(api.requests().getLast().authorization()).isEqualTo("Bearer s3cret");
  }

  @Test
  void basicCredentialsAreSentAndWrongOnesRefused() {
    api.requireBasic("expertpool", "right");

    var wrong = engine(basic("expertpool", "wrong"));
    assertThatThrownBy(() -> wrong.activeElements(1L))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("401");
    assertThat(engine(basic("expertpool", "right")).activeElements(1L)).isEmpty();
  }

  @Test
  void aFailingOrSilentClusterIsUnavailable() {
    api.refuseEverything(503, "Service Unavailable", "Partition leader not found");
    assertThatThrownBy(() -> engine.userTask(1L))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("503")
        .hasMessageContaining("Partition leader not found");

    api.close();
    assertThatThrownBy(() -> engine.openUserTasks(TaskQuery.all()))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("did not answer");
  }

  /**
   * Backpressure passes: a 503 is tried again after a pause (the client's HTTP layer tries once
   * more on its own, after a second), and the answer that follows counts; one that lasts makes the
   * engine unavailable after a few tries.
   */
  @Test
  void backpressureIsTriedAgainWithAGrowingPause() {
    api.refuseNext(
        2, 503, "Service Unavailable", "Expected to handle the request, but the broker is busy");
    int before = api.requests().size();

    assertThat(engine.openUserTasks(TaskQuery.all())).isEmpty();
    assertThat(api.requests().size() - before).as("two refused, the third answered").isEqualTo(3);

    api.refuseEverything(503, "Service Unavailable", "Still busy");
    int busy = api.requests().size();
    assertThatThrownBy(() -> engine.userTask(1L))
        .isInstanceOf(EngineUnavailableException.class)
        .isNotInstanceOf(EngineAccessDeniedException.class)
        .hasMessageContaining("503");
    assertThat(api.requests().size() - busy).as("tried again, and then given up").isBetween(3, 6);
  }

  /**
   * A missing authorization is not an outage: the error and the engine's access record name the
   * permission the cluster said is missing.
   */
  @Test
  void aMissingAuthorizationNamesThePermission() {
    var access = new EngineAccess();
    var engine = engine(null, access);
    int before = api.requests().size();
    api.refuseEverything(
        403,
        "Forbidden",
        "Insufficient permissions to perform operation 'READ_PROCESS_INSTANCE' on resource"
            + " 'PROCESS_DEFINITION'");

    assertThatThrownBy(() -> engine.openIncidents(1L))
        .isInstanceOfSatisfying(
            EngineAccessDeniedException.class,
            e ->
                assertThat(e.permission()).isEqualTo("READ_PROCESS_INSTANCE on PROCESS_DEFINITION"))
        .hasMessageContaining("403")
        .hasMessageContaining("grant the permission READ_PROCESS_INSTANCE on PROCESS_DEFINITION");
    assertThat(access.current())
        .hasValueSatisfying(
            denial -> {
              assertThat(denial.permission())
                  .isEqualTo("READ_PROCESS_INSTANCE on PROCESS_DEFINITION");
              assertThat(denial.request()).contains("/v2/");
            });
    assertThat(api.requests().size() - before).as("a 403 is not tried again").isEqualTo(1);
  }

  private CamundaProcessEngine engine(CredentialsProvider credentials) {
    return engine(credentials, new EngineAccess());
  }

  private CamundaProcessEngine engine(CredentialsProvider credentials, EngineAccess access) {
    var client = api.client(credentials);
    clients.add(client);
    return new CamundaProcessEngine(client, json, Duration.ofSeconds(2), access);
  }

  /** A filter property's value, whether sent plain or as {@code {"$eq": ...}}. */
  private static String value(JsonNode property) {
    return property.has("$eq") ? property.get("$eq").asText() : property.asText();
  }

  private static CredentialsProvider bearer(String token) {
    return new CredentialsProvider() {
      @Override
      public void applyCredentials(CredentialsApplier applier) {
        applier.put("Authorization", "Bearer " + token);
      }

      @Override
      public boolean shouldRetryRequest(StatusCode statusCode) {
        return false;
      }
    };
  }

  private static CredentialsProvider basic(String username, String password) {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
        .applyEnvironmentOverrides(false)
        .username(username)
        .password(password)
        .build();
  }
}
