package nl.expertpool.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.ModelConsistency;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import nl.expertpool.engine.UserTask;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.engine.embedded.EngineAccess;
import nl.expertpool.project.Phase;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.runtime.FreePort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The engine's own throughput: a second in-memory engine of the same version with the same models
 * and forms, no-op workers for every job type and no database. User tasks go through the app's
 * engine port (the same projection of the record stream the app reads) and are completed with the
 * form values as Tasklist would send them, unvalidated and unstored.
 */
final class BaselineDriver implements Driver {

  private final EmbeddedZeebe zeebe;
  private final CamundaClient client;
  private final ProcessEngine engine;
  private final Clock clock;
  private final NoOpWorkers workers;
  private final RecordWatch records;
  private final java.util.concurrent.atomic.AtomicInteger slowCompletions =
      new java.util.concurrent.atomic.AtomicInteger();

  BaselineDriver(ObjectMapper json) {
    zeebe = new EmbeddedZeebe(FreePort.find());
    var address = URI.create("http://localhost:" + zeebe.port());
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .build();
    deployModelsAndForms();
    engine = EngineAccess.port(zeebe, json);
    clock = zeebe.clock();
    workers = new NoOpWorkers(client, clock, ModelConsistency.mainWorkerJobTypes());
    records = new RecordWatch(zeebe);
  }

  private void deployModelsAndForms() {
    var files = new ArrayList<Resource>();
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      files.addAll(List.of(resolver.getResources("classpath*:bpmn/*.bpmn")));
      files.addAll(List.of(resolver.getResources("classpath*:forms/*.form")));
      DeployResourceCommandStep2 command = null;
      for (Resource file : files) {
        // Only the app's own models: test resources on the classpath hold samples as well.
        if (!file.getURL().toString().contains("/classes/")) {
          continue;
        }
        byte[] bytes = file.getContentAsByteArray();
        command =
            command == null
                ? client.newDeployResourceCommand().addResourceBytes(bytes, file.getFilename())
                : command.addResourceBytes(bytes, file.getFilename());
      }
      command.send().join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "baseline";
  }

  /** The variables the app starts a project's process with (deadlines that do not fall due). */
  @Override
  public ProjectRef create(int experts, int interviewsPerExpert) {
    UUID id = UUID.randomUUID();
    workers.plan(id, experts, interviewsPerExpert);
    Map<String, Object> variables = new HashMap<>();
    variables.put("projectId", id.toString());
    variables.put("targetExperts", experts);
    variables.put("retentionPeriod", "P180D");
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (Phase phase : Phase.values()) {
      day = day.plusDays(60);
      variables.put(
          phase.deadlineVariable(), day.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
    }
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(ProjectLifecycle.PROCESS_ID)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    return new ProjectRef(id, instance);
  }

  @Override
  public void apply(ProjectRef project, int index) {
    UUID application = UUID.randomUUID();
    workers.applied(project.id(), application);
    client
        .newPublishMessageCommand()
        .messageName(Intake.APPLICATION_MESSAGE)
        .correlationKey(project.id().toString())
        .messageId(application.toString())
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
  }

  @Override
  public List<UserTask> openTasks(ProjectRef project) {
    return engine.openUserTasks(TaskQuery.all().withVariable("projectId", project.id().toString()));
  }

  @Override
  /**
   * Without a database in the way the simulated people complete tasks faster than the in-memory
   * engine processes them once many projects run; the port then gives up waiting after its 30 s.
   * The command is in the engine's log all the same, so here the wait goes on until the task is
   * closed: the baseline measures how fast the engine gets through its work, however long.
   */
  public void complete(
      ProjectRef project, UserTask task, Map<String, Object> values, boolean byClient) {
    try {
      engine.complete(task.key(), values);
    } catch (IllegalStateException e) {
      slowCompletions.incrementAndGet();
      long deadline = System.nanoTime() + ProjectSimulation.STEP_TIMEOUT.toNanos();
      while (engine.userTask(task.key()).isPresent()) {
        if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
      }
    }
  }

  @Override
  public int slowCompletions() {
    return slowCompletions.get();
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public void advanceClock(Duration duration) {
    engine.advanceClock(duration);
  }

  @Override
  public RecordWatch records() {
    return records;
  }

  @Override
  public void close() {
    records.close();
    workers.close();
    client.close();
    zeebe.close();
  }
}
