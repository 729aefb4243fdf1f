package nl.expertpool.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link ProcessEngine} does alike, on one scenario: the process {@code
 * engine-contract} (in {@code src/test/resources/engine-contract/}) starts with {@code contractId}
 * and {@code round = 1}, opens <em>Review contract</em> (group staff, form engine-sample;
 * completing it opens <em>Follow up contract</em>) and calls {@code engine-contract-phase}, which
 * opens <em>Check contract phase</em> (group experts, no form) and has a job that fails without
 * retries, an incident. A subclass starts that scenario on its engine; what legitimately differs
 * (the clock) it asserts itself.
 *
 * <p>A command's effect shows in the next read; the scenario's own start is awaited.
 */
public abstract class ProcessEngineContract {

  protected static final String PROCESS_ID = "engine-contract";
  protected static final String PHASE_PROCESS_ID = "engine-contract-phase";
  protected static final String SCOPES_PROCESS_ID = "engine-contract-scopes";
  protected static final String FAILING_JOB_TYPE = "contract.fail";
  protected static final String FAILURE = "contract failed on purpose";
  private static final long UNKNOWN_TASK = 4242L;
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The adapter under test. */
  protected abstract ProcessEngine engine();

  /**
   * Starts the scenario with this {@code contractId} and makes the phase's job fail without
   * retries, with {@link #FAILURE} as its message.
   *
   * @return the key of the {@code engine-contract} instance
   */
  protected abstract long start(String contractId);

  /**
   * Starts {@code engine-contract-scopes} with {@code contractId}, {@code round = 1} and {@code
   * experts}: a parallel multi-instance sub-process per expert (the interview phase's shape) whose
   * instances set {@code round = round + 1} and {@code stage = "sub-process"}, each with <em>Record
   * contract interview</em> inside, whose own scope sets {@code stage = "task"}.
   *
   * @return the key of the instance
   */
  protected abstract long startScopes(String contractId, List<String> experts);

  @Test
  void aTaskInsideAMultiInstanceSubProcessSeesEveryScopeTheInnerOnesFirst() {
    String id = newContractId();
    long instance = startScopes(id, List.of("anna", "bert"));
    List<UserTask> tasks = awaitTasks(id, 2);

    assertThat(tasks)
        .allSatisfy(
            task -> {
              assertThat(task.elementId()).isEqualTo("ContractInterviewTask");
              assertThat(task.processInstanceKey()).isEqualTo(instance);
              assertThat(task.candidateGroups()).containsExactly("experts");
              // The process instance's, the sub-process instance's in the middle (its round
              // shadows the process's), and the task's own (its stage shadows the middle's).
              assertThat(task.variables())
                  .containsEntry("contractId", id)
                  .containsEntry("round", 2)
                  .containsEntry("stage", "task")
                  .containsKey("loopCounter");
            });
    assertThat(tasks)
        .extracting(task -> task.variables().get("expert"))
        .containsExactlyInAnyOrder("anna", "bert");
    assertThat(keys(TaskQuery.all().ofInstance(instance).inGroups(List.of("experts"))))
        .containsExactlyInAnyOrderElementsOf(tasks.stream().map(UserTask::key).toList());

    UserTask first = tasks.getFirst();
    engine().complete(first.key(), Map.of());

    assertThat(awaitTasks(id, 1))
        .singleElement()
        .satisfies(
            other -> {
              assertThat(other.key()).isNotEqualTo(first.key());
              assertThat(other.variables().get("expert"))
                  .isNotEqualTo(first.variables().get("expert"));
            });
    assertThat(engine().userTask(first.key())).isEmpty();
  }

  @Test
  void findsOpenTasksByGroupInstanceAndVariable() {
    String id = newContractId();
    long instance = start(id);
    List<UserTask> tasks = awaitTasks(id, 2);
    long review = only(tasks, "ContractReviewTask").key();
    long phase = only(tasks, "ContractPhaseTask").key();
    TaskQuery ofContract = TaskQuery.all().withVariable("contractId", id);

    assertThat(keys(ofContract)).containsExactlyInAnyOrder(review, phase);
    assertThat(keys(ofContract.inGroups(List.of("staff")))).containsExactly(review);
    assertThat(keys(ofContract.inGroups(List.of("staff", "experts"))))
        .containsExactlyInAnyOrder(review, phase);
    assertThat(keys(ofContract.inGroups(List.of("clients")))).isEmpty();
    assertThat(keys(ofContract.inGroups(List.of()))).isEmpty();
    assertThat(keys(TaskQuery.all().ofInstance(instance))).containsExactly(review);
    assertThat(keys(TaskQuery.all().ofInstance(instance).withVariable("round", 1)))
        .containsExactly(review);
    assertThat(keys(TaskQuery.all().ofInstance(instance).withVariable("round", 2))).isEmpty();
    assertThat(keys(TaskQuery.all().withVariable("contractId", "someone else")))
        .doesNotContain(review, phase);
  }

  @Test
  void readsATaskWithItsFormGroupsAndTheVariablesItSees() {
    String id = newContractId();
    long instance = start(id);
    List<UserTask> tasks = awaitTasks(id, 2);

    UserTask review = only(tasks, "ContractReviewTask");
    assertThat(review.name()).isEqualTo("Review contract");
    assertThat(review.formId()).isEqualTo("engine-sample");
    assertThat(review.candidateGroups()).containsExactly("staff");
    assertThat(review.assignee()).isNull();
    assertThat(review.processInstanceKey()).isEqualTo(instance);
    assertThat(review.bpmnProcessId()).isEqualTo(PROCESS_ID);
    assertThat(review.processDefinitionKey()).isPositive();
    assertThat(review.createdAt()).isNotNull();
    assertThat(review.variables()).containsEntry("contractId", id).containsEntry("round", 1);

    UserTask phase = only(tasks, "ContractPhaseTask");
    assertThat(phase.name()).isEqualTo("Check contract phase");
    assertThat(phase.formId()).isNull();
    assertThat(phase.candidateGroups()).containsExactly("experts");
    assertThat(phase.bpmnProcessId()).isEqualTo(PHASE_PROCESS_ID);
    assertThat(phase.processInstanceKey()).isNotEqualTo(instance);
    assertThat(phase.variables()).containsEntry("contractId", id);

    assertThat(engine().userTask(review.key())).contains(review);
  }

  @Test
  void anUnknownTaskIsAbsentAndCannotBeAssignedOrCompleted() {
    assertThat(engine().userTask(UNKNOWN_TASK)).isEmpty();
    assertThatThrownBy(() -> engine().assign(UNKNOWN_TASK, "anna"))
        .isInstanceOf(TaskNotFoundException.class);
    assertThatThrownBy(() -> engine().assign(UNKNOWN_TASK, null))
        .isInstanceOf(TaskNotFoundException.class);
    assertThatThrownBy(() -> engine().complete(UNKNOWN_TASK, Map.of()))
        .isInstanceOf(TaskNotFoundException.class);
  }

  @Test
  void assigningAndUnassigningShowInTheNextRead() {
    String id = newContractId();
    start(id);
    long review = only(awaitTasks(id, 2), "ContractReviewTask").key();
    TaskQuery ofContract = TaskQuery.all().withVariable("contractId", id);

    engine().assign(review, "anna");
    assertThat(engine().userTask(review)).get().extracting(UserTask::assignee).isEqualTo("anna");
    assertThat(keys(ofContract.assignedTo("anna"))).containsExactly(review);

    engine().assign(review, "ben");
    assertThat(engine().userTask(review)).get().extracting(UserTask::assignee).isEqualTo("ben");
    assertThat(keys(ofContract.assignedTo("anna"))).isEmpty();

    engine().assign(review, null);
    assertThat(engine().userTask(review)).get().extracting(UserTask::assignee).isNull();
    assertThat(keys(ofContract.assignedTo("ben"))).isEmpty();
  }

  @Test
  void completingMovesOnWithTheVariablesAndASecondCompletionConflicts() {
    String id = newContractId();
    long instance = start(id);
    long review = only(awaitTasks(id, 2), "ContractReviewTask").key();

    engine().complete(review, Map.of("verdict", "fine"));

    assertThat(engine().userTask(review)).isEmpty();
    assertThat(keys(TaskQuery.all().withVariable("contractId", id))).doesNotContain(review);
    UserTask followUp =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    engine().openUserTasks(TaskQuery.all().ofInstance(instance)).stream()
                        .filter(t -> t.elementId().equals("ContractFollowUpTask"))
                        .findFirst()
                        .orElse(null),
                task -> task != null);
    assertThat(followUp.variables())
        .containsEntry("verdict", "fine")
        .containsEntry("contractId", id);

    assertThatThrownBy(() -> engine().complete(review, Map.of("verdict", "twice")))
        .isInstanceOf(TaskConflictException.class);
    assertThatThrownBy(() -> engine().assign(review, "anna"))
        .isInstanceOf(TaskConflictException.class);
  }

  /** Issue 21: what reconciliation asks of the engine for each active project. */
  @Test
  void knowsTheInstancesItRunsAndNotOthers() {
    String id = newContractId();
    long instance = start(id);
    awaitTasks(id, 2);

    assertThat(engine().knowsInstance(instance)).isTrue();
    assertThat(engine().knowsInstance(instance + 1_000_000_000L)).isFalse();
  }

  @Test
  void activeElementsIncludeThoseOfTheCalledInstance() {
    String id = newContractId();
    long instance = start(id);
    long phaseInstance = only(awaitTasks(id, 2), "ContractPhaseTask").processInstanceKey();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(engine().activeElements(instance))
                    .extracting(ElementInstance::elementId)
                    .containsExactlyInAnyOrder(
                        "ContractReviewTask",
                        "ContractPhaseCallActivity",
                        "ContractPhaseTask",
                        "ContractFailingTask"));
    var byId = engine().activeElements(instance);
    assertThat(element(byId, "ContractPhaseCallActivity"))
        .extracting(
            ElementInstance::processInstanceKey,
            ElementInstance::bpmnProcessId,
            ElementInstance::elementName,
            ElementInstance::elementType)
        .containsExactly(instance, PROCESS_ID, "Run contract phase", "CALL_ACTIVITY");
    assertThat(element(byId, "ContractFailingTask"))
        .extracting(
            ElementInstance::processInstanceKey,
            ElementInstance::bpmnProcessId,
            ElementInstance::elementName,
            ElementInstance::elementType)
        .containsExactly(phaseInstance, PHASE_PROCESS_ID, "Fail on purpose", "SERVICE_TASK");
    assertThat(element(byId, "ContractReviewTask").elementType()).isEqualTo("USER_TASK");

    assertThat(engine().activeElements(phaseInstance))
        .extracting(ElementInstance::elementId)
        .containsExactlyInAnyOrder("ContractPhaseTask", "ContractFailingTask");
  }

  @Test
  void incidentsOfTheCalledInstanceShowForTheMainInstance() {
    String id = newContractId();
    long instance = start(id);
    long phaseInstance = only(awaitTasks(id, 2), "ContractPhaseTask").processInstanceKey();

    List<Incident> incidents =
        await().atMost(WAIT).until(() -> engine().openIncidents(instance), list -> !list.isEmpty());

    assertThat(incidents).hasSize(1);
    Incident incident = incidents.getFirst();
    assertThat(incident.processInstanceKey()).isEqualTo(phaseInstance);
    assertThat(incident.bpmnProcessId()).isEqualTo(PHASE_PROCESS_ID);
    assertThat(incident.elementId()).isEqualTo("ContractFailingTask");
    assertThat(incident.elementInstanceKey())
        .isEqualTo(element(engine().activeElements(instance), "ContractFailingTask").key());
    assertThat(incident.jobKey()).isPositive();
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).isEqualTo(FAILURE);
    assertThat(incident.createdAt()).isNotNull();
    assertThat(engine().openIncidents(phaseInstance)).containsExactly(incident);
  }

  protected static String newContractId() {
    return UUID.randomUUID().toString();
  }

  /** Waits until the contract's open tasks number this many, and returns them. */
  protected List<UserTask> awaitTasks(String contractId, int count) {
    TaskQuery ofContract = TaskQuery.all().withVariable("contractId", contractId);
    return await()
        .atMost(WAIT)
        .until(() -> engine().openUserTasks(ofContract), tasks -> tasks.size() == count);
  }

  private List<Long> keys(TaskQuery query) {
    return engine().openUserTasks(query).stream().map(UserTask::key).toList();
  }

  private static UserTask only(List<UserTask> tasks, String elementId) {
    return tasks.stream()
        .filter(t -> t.elementId().equals(elementId))
        .reduce(
            (a, b) -> {
              throw new AssertionError("More than one open " + elementId);
            })
        .orElseThrow(() -> new AssertionError("No open " + elementId + " in " + tasks));
  }

  private static ElementInstance element(List<ElementInstance> elements, String elementId) {
    return elements.stream()
        .filter(e -> e.elementId().equals(elementId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No active " + elementId + " in " + elements));
  }
}
