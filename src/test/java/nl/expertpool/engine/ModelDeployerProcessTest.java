package nl.expertpool.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.URI;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.runtime.FreePort;
import nl.expertpool.runtime.StartupProblem;
import nl.expertpool.runtime.StartupProblemAnalyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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
    var deployed = new DeployedModels();
    new ModelDeployer(client, modelsFrom("bpmn"), deployed).afterSingletonsInstantiated();

    assertThat(deployed.processIds()).contains("engine-sample");
    assertThat(deployed.formIds()).contains("engine-sample");
  }

  @Test
  void anInvalidModelStopsTheStartWithTheFileNameAndTheEnginesReason() {
    var deployer = new ModelDeployer(client, modelsFrom("invalid-models"), new DeployedModels());

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
