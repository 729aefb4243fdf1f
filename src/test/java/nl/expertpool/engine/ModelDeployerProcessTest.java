package nl.expertpool.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.runtime.FreePort;
import nl.expertpool.runtime.StartupProblem;
import nl.expertpool.runtime.StartupProblemAnalyzer;
import nl.expertpool.runtime.StartupRetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.env.MockEnvironment;

class ModelDeployerProcessTest {

  private static EmbeddedZeebe zeebe;
  private static CamundaClient client;

  @BeforeAll
  static void startEngine() {
    zeebe = new EmbeddedZeebe(FreePort.find());
    var address = URI.create("http://localhost:" + zeebe.port());
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .build();
  }

  @AfterAll
  static void stopEngine() {
    client.close();
    zeebe.close();
  }

  @Test
  void deploysTheModelsAndFormsItFinds() {
    var deployed = new DeployedModelIndex();
    var deployer = deployer(client, "bpmn", deployed, EMBEDDED);
    deployer.afterSingletonsInstantiated();

    assertThat(deployed.processIds()).contains("engine-sample");
    assertThat(deployed.formIds()).contains("engine-sample");
    assertThat(deployer.health().getStatus()).isEqualTo(Status.UP);
    assertThat(deployer.health().getDetails()).containsKeys("deployment", "processes", "forms");
  }

  @Test
  void onAClusterThatIsAwayTheAppStartsAndDeploysOnceTheClusterAnswers() throws Exception {
    int port = FreePort.find();
    var address = URI.create("http://localhost:" + port);
    var deployed = new DeployedModelIndex();
    try (var away =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .build()) {
      var deployer = deployer(away, "bpmn", deployed, CLUSTER);

      deployer.afterSingletonsInstantiated();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ((Integer) deployer.health().getDetails().get("attempts")) >= 2);
      var down = deployer.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsKeys("reason", "nextAttempt");
      assertThat(deployed.processIds()).isEmpty();

      try (var late = new EmbeddedZeebe(port)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> deployer.health().getStatus().equals(Status.UP));
        assertThat(deployed.processIds()).contains("engine-sample");
        assertThat(deployer.health().getDetails()).containsKey("deployment");
      } finally {
        deployer.destroy();
      }
    }
  }

  @Test
  void onAClusterARejectedModelIsReportedAndNotSentAgain() throws Exception {
    var deployer = deployer(client, "invalid-models", new DeployedModelIndex(), CLUSTER);

    deployer.afterSingletonsInstantiated();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Boolean.FALSE.equals(deployer.health().getDetails().get("retrying")));
    var health = deployer.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("attempts", 1);
    assertThat((String) health.getDetails().get("reason"))
        .startsWith("The cluster rejected the models: 'invalid-model.bpmn'")
        .contains("zeebe:taskDefinition");
  }

  @Test
  void anInvalidModelStopsTheStartWithTheFileNameAndTheEnginesReason() {
    var deployer = deployer(client, "invalid-models", new DeployedModelIndex(), EMBEDDED);

    assertThatThrownBy(deployer::afterSingletonsInstantiated)
        .isInstanceOf(StartupProblem.class)
        .hasMessageStartingWith("The engine rejected the models: 'invalid-model.bpmn'")
        .hasMessageContaining("NoJobTypeTask")
        .hasMessageContaining("zeebe:taskDefinition");
  }

  @Test
  void theStartFailureReportIsTheDescriptionAndTheAction() {
    var problem = new StartupProblem("Port 1 is taken.", "Use another port.");

    var analysis = new StartupProblemAnalyzer().analyze(new IllegalStateException(problem));

    assertThat(analysis.getDescription()).isEqualTo("Port 1 is taken.");
    assertThat(analysis.getAction()).isEqualTo("Use another port.");
    assertThat(analysis.getCause()).isNull();
  }

  private static final boolean EMBEDDED = false;
  private static final boolean CLUSTER = true;

  private static ModelDeployer deployer(
      CamundaClient client, String folder, DeployedModelIndex deployed, boolean cluster) {
    var environment = new MockEnvironment();
    if (cluster) {
      environment.setActiveProfiles("camunda");
    }
    var retry = new StartupRetry(Duration.ofMillis(200), Duration.ofSeconds(1));
    return new ModelDeployer(client, modelsFrom(folder), deployed, environment, retry);
  }

  /** Reads the models from another folder of the test classpath, the forms from forms/. */
  private static PathMatchingResourcePatternResolver modelsFrom(String folder) {
    return new PathMatchingResourcePatternResolver() {
      @Override
      public Resource[] getResources(String pattern) throws IOException {
        return super.getResources(
            pattern.replace("classpath*:bpmn/", "classpath*:" + folder + "/"));
      }
    };
  }
}
