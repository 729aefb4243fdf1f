package nl.expertpool.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nl.expertpool.runtime.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model in {@code bpmn/} and every form in {@code forms/} as one deployment before
 * the app takes requests. The engine keeps one version per unchanged file, so a restart adds none.
 */
@Component
class ModelDeployer implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
  static final String MODELS = "classpath*:bpmn/*.bpmn";
  static final String FORMS = "classpath*:forms/*.form";
  static final java.time.Duration DEPLOY_TIMEOUT = java.time.Duration.ofSeconds(60);

  private final CamundaClient client;
  private final ResourcePatternResolver resources;
  private final DeployedModels deployed;

  ModelDeployer(CamundaClient client, ResourcePatternResolver resources, DeployedModels deployed) {
    this.client = client;
    this.resources = resources;
    this.deployed = deployed;
  }

  @Override
  public void afterSingletonsInstantiated() {
    var files = new ArrayList<Resource>();
    files.addAll(find(FORMS));
    files.addAll(find(MODELS));
    if (files.isEmpty()) {
      log.warn("No models in bpmn/ and no forms in forms/: nothing to deploy");
      return;
    }
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 next = null;
    for (var file : files) {
      next =
          next == null
              ? command.addResourceBytes(bytes(file), file.getFilename())
              : next.addResourceBytes(bytes(file), file.getFilename());
    }
    try {
      // A busy machine may need longer than the client's default 10 s for the first deployment.
      DeploymentEvent event = next.requestTimeout(DEPLOY_TIMEOUT).send().join();
      deployed.record(event);
      log.info(
          "Deployed {} processes and {} forms (deployment {})",
          event.getProcesses().size(),
          event.getForm().size(),
          event.getKey());
    } catch (ClientStatusException | ProblemException e) {
      throw new StartupProblem(
          "The engine rejected the models: " + reason(e),
          "Fix the file named above (open it in Camunda Modeler to see the problem in place),"
              + " then start again.",
          e);
    }
  }

  private List<Resource> find(String pattern) {
    try {
      return Arrays.stream(resources.getResources(pattern))
          .sorted(Comparator.comparing(Resource::getFilename))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Resource file) {
    try (var in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.getFilename(), e);
    }
  }

  /** The engine's own words, without the command envelope around them. */
  static String reason(Exception e) {
    String message =
        e instanceof ProblemException problem && problem.details() != null
            ? problem.details().getDetail()
            : e.getMessage();
    String marker = "encountered the following errors:";
    int at = message == null ? -1 : message.indexOf(marker);
    return at < 0 ? String.valueOf(message) : message.substring(at + marker.length()).strip();
  }
}
