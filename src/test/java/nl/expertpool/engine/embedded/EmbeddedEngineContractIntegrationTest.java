package nl.expertpool.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.ProcessEngineContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The engine port's contract on the app's embedded engine, as the app runs it. */
@SpringBootTest
class EmbeddedEngineContractIntegrationTest extends ProcessEngineContract {

  private static volatile boolean deployed;

  @Autowired ProcessEngine engine;
  @Autowired CamundaClient client;

  @Override
  protected ProcessEngine engine() {
    return engine;
  }

  @Override
  protected long start(String contractId) {
    deploy();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS_ID)
            .latestVersion()
            .variables(Map.of("contractId", contractId, "round", 1))
            .send()
            .join()
            .getProcessInstanceKey();
    failJobOf(contractId);
    return instance;
  }

  @Override
  protected long startScopes(String contractId, List<String> experts) {
    deploy();
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(SCOPES_PROCESS_ID)
        .latestVersion()
        .variables(Map.of("contractId", contractId, "round", 1, "experts", experts))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Test
  void theEmbeddedClockMovesForward() {
    assertThat(engine.clockAdjustable()).isTrue();
    var before = Instant.now();

    var after = engine.advanceClock(Duration.ofSeconds(1));

    assertThat(after).isAfterOrEqualTo(before.plusSeconds(1));
  }

  /** The test models live outside bpmn/, so the app does not deploy them itself. */
  private void deploy() {
    if (!deployed) {
      client
          .newDeployResourceCommand()
          .addResourceFromClasspath("engine-contract/engine-contract.bpmn")
          .addResourceFromClasspath("engine-contract/engine-contract-phase.bpmn")
          .addResourceFromClasspath("engine-contract/engine-contract-scopes.bpmn")
          .addResourceFromClasspath("forms/engine-sample.form")
          .send()
          .join();
      deployed = true;
    }
  }

  /**
   * Fails every waiting job of the failing type without retries until this contract's job was among
   * them: the incident the scenario needs. No worker runs for that type.
   */
  private void failJobOf(String contractId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              boolean mine = false;
              for (var job :
                  client
                      .newActivateJobsCommand()
                      .jobType(FAILING_JOB_TYPE)
                      .maxJobsToActivate(10)
                      .timeout(Duration.ofMinutes(5))
                      .fetchVariables("contractId")
                      .requestTimeout(Duration.ofSeconds(1))
                      .send()
                      .join()
                      .getJobs()) {
                client.newFailCommand(job.getKey()).retries(0).errorMessage(FAILURE).send().join();
                mine |= contractId.equals(job.getVariablesAsMap().get("contractId"));
              }
              return mine;
            });
  }
}
