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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.expertpool.runtime.RetryingStep;
import nl.expertpool.runtime.StartupProblem;
import nl.expertpool.runtime.StartupRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model in {@code bpmn/} and every form in {@code forms/} as one deployment. The
 * engine keeps one version per unchanged file, so a restart adds none.
 *
 * <p>On the embedded default the engine is in the process: the deployment starts as soon as the
 * engine is there, runs while the rest of the app starts, and is done before the app takes
 * requests; a model the engine rejects stops the start with the engine's words. On a cluster
 * ({@code camunda} profile) the cluster may be away when the app starts: the deployment is tried in
 * the background until it succeeds, and health component {@code models} says where it stands, so a
 * cluster that is down does not become a crash loop.
 */
@Component("models")
class ModelDeployer implements SmartInitializingSingleton, HealthIndicator, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
  static final String MODELS = "classpath*:bpmn/*.bpmn";
  static final String FORMS = "classpath*:forms/*.form";
  static final java.time.Duration DEPLOY_TIMEOUT = java.time.Duration.ofSeconds(60);

  private final CamundaClient client;
  private final ResourcePatternResolver resources;
  private final DeployedModelIndex deployed;
  private final boolean cluster;
  private final StartupRetry retry;
  private volatile RetryingStep step;
  private final List<Resource> files;
  private final CompletableFuture<Map<String, Object>> embeddedDeployment;
  private volatile Health health = Health.down().withDetail("reason", "not deployed yet").build();

  ModelDeployer(
      CamundaClient client,
      ResourcePatternResolver resources,
      DeployedModelIndex deployed,
      Environment environment,
      StartupRetry retry) {
    this.client = client;
    this.resources = resources;
    this.deployed = deployed;
    this.cluster = environment.matchesProfiles("camunda");
    this.retry = retry;
    this.files = new ArrayList<>();
    files.addAll(find(FORMS));
    files.addAll(find(MODELS));
    this.embeddedDeployment =
        cluster || files.isEmpty()
            ? null
            : CompletableFuture.supplyAsync(() -> deploy(files), ModelDeployer::deployInBackground);
  }

  private static void deployInBackground(Runnable deployment) {
    Thread.ofPlatform().name("deploy-models").daemon().start(deployment);
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (files.isEmpty()) {
      log.warn("No models in bpmn/ and no forms in forms/: nothing to deploy");
      health = Health.up().withDetail("processes", 0).withDetail("forms", 0).build();
      return;
    }
    if (cluster) {
      step =
          new RetryingStep(
              "deploy the models to the cluster",
              () -> deploy(files),
              ModelDeployer::rejected,
              e ->
                  rejected(e)
                      ? "The cluster rejected the models: " + reason(e)
                      : RetryingStep.summary(e),
              retry);
      step.start();
      return;
    }
    try {
      health = Health.up().withDetails(embeddedDeployment.join()).build();
    } catch (CompletionException failed) {
      if (!(failed.getCause() instanceof ClientStatusException
          || failed.getCause() instanceof ProblemException)) {
        throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
      }
      var e = (RuntimeException) failed.getCause();
      throw new StartupProblem(
          "The engine rejected the models: " + reason(e),
          "Fix the file named above (open it in Camunda Modeler to see the problem in place),"
              + " then start again.",
          e);
    }
  }

  @Override
  public Health health() {
    RetryingStep background = step;
    return background == null ? health : background.health();
  }

  @Override
  public void destroy() {
    RetryingStep background = step;
    if (background != null) {
      background.stop();
    }
  }

  private Map<String, Object> deploy(List<Resource> files) {
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 next = null;
    for (var file : files) {
      next =
          next == null
              ? command.addResourceBytes(bytes(file), file.getFilename())
              : next.addResourceBytes(bytes(file), file.getFilename());
    }
    // A busy machine may need longer than the client's default 10 s for the first deployment.
    DeploymentEvent event = next.requestTimeout(DEPLOY_TIMEOUT).send().join();
    deployed.record(event);
    log.info(
        "Deployed {} processes and {} forms (deployment {})",
        event.getProcesses().size(),
        event.getForm().size(),
        event.getKey());
    return Map.of(
        "deployment", event.getKey(),
        "processes", event.getProcesses().size(),
        "forms", event.getForm().size());
  }

  /** The engine refused the files themselves: deploying them again will not help. */
  static boolean rejected(Throwable e) {
    return (e instanceof ProblemException problem && problem.code() == 400)
        || (e instanceof ClientStatusException status
            && status.getStatusCode() == io.grpc.Status.Code.INVALID_ARGUMENT);
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
  static String reason(Throwable e) {
    String message =
        e instanceof ProblemException problem && problem.details() != null
            ? problem.details().getDetail()
            : e.getMessage();
    String marker = "encountered the following errors:";
    int at = message == null ? -1 : message.indexOf(marker);
    return at < 0 ? String.valueOf(message) : message.substring(at + marker.length()).strip();
  }
}
