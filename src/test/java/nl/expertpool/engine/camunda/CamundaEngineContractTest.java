package nl.expertpool.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.List;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.ProcessEngineContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine port's contract on the Camunda REST adapter, against a fake of the cluster's REST API
 * that holds the scenario the contract's models describe.
 */
class CamundaEngineContractTest extends ProcessEngineContract {

  private static FakeCamundaApi api;
  private static CamundaClient client;
  private static CamundaProcessEngine engine;

  @BeforeAll
  static void startApi() {
    api = new FakeCamundaApi();
    client = api.client(null);
    engine = new CamundaProcessEngine(client, new ObjectMapper());
  }

  @AfterAll
  static void stopApi() {
    client.close();
    api.close();
  }

  @Override
  protected ProcessEngine engine() {
    return engine;
  }

  /** What engine-contract.bpmn and engine-contract-phase.bpmn do up to their waiting states. */
  @Override
  protected long start(String contractId) {
    long instance = api.startInstance(PROCESS_ID, null, null);
    api.variable(instance, "contractId", contractId);
    api.variable(instance, "round", 1);
    api.userTask(
        instance, "ContractReviewTask", "Review contract", List.of("staff"), "engine-sample");
    api.whenCompleted(
        "ContractReviewTask",
        at ->
            api.userTask(
                at,
                "ContractFollowUpTask",
                "Follow up contract",
                List.of("staff"),
                "engine-sample"));
    long call =
        api.element(instance, "ContractPhaseCallActivity", "Run contract phase", "CALL_ACTIVITY");
    long phase = api.startInstance(PHASE_PROCESS_ID, instance, call);
    api.variable(phase, "contractId", contractId);
    api.variable(phase, "round", 1);
    api.userTask(phase, "ContractPhaseTask", "Check contract phase", List.of("experts"), null);
    long failing = api.element(phase, "ContractFailingTask", "Fail on purpose", "SERVICE_TASK");
    api.incident(failing, "JOB_NO_RETRIES", FAILURE);
    return instance;
  }

  /** What engine-contract-scopes.bpmn does up to its waiting tasks. */
  @Override
  protected long startScopes(String contractId, List<String> experts) {
    long instance = api.startInstance(SCOPES_PROCESS_ID, null, null);
    api.variable(instance, "contractId", contractId);
    api.variable(instance, "round", 1);
    api.variable(instance, "experts", experts);
    long body =
        api.element(
            instance, "ContractInterviewSubProcess", "Interview per expert", "MULTI_INSTANCE_BODY");
    int loopCounter = 0;
    for (String expert : experts) {
      long inner =
          api.scope(body, "ContractInterviewSubProcess", "Interview per expert", "SUB_PROCESS");
      api.variable(inner, "expert", expert);
      api.variable(inner, "loopCounter", ++loopCounter);
      api.variable(inner, "round", 2);
      api.variable(inner, "stage", "sub-process");
      long task =
          api.userTaskIn(
              inner,
              "ContractInterviewTask",
              "Record contract interview",
              List.of("experts"),
              null);
      api.variable(api.elementInstanceOf(task), "stage", "task");
    }
    return instance;
  }

  @Test
  void aClustersClockCannotBeMoved() {
    api.clearRequests();

    assertThat(engine.clockAdjustable()).isFalse();
    assertThatThrownBy(() -> engine.advanceClock(Duration.ofDays(1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(api.requests()).isEmpty();
  }
}
