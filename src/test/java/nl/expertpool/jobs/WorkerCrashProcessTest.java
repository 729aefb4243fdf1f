package nl.expertpool.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.result.DefaultResultProcessorStrategy;
import io.camunda.client.jobhandling.result.DocumentResultProcessorFailureHandlingStrategy;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import nl.expertpool.ModelConsistency;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.engine.embedded.EngineRecords;
import nl.expertpool.engine.embedded.EngineRecords.JobHistory;
import nl.expertpool.lifecycle.EveryWorkerScenario;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.lifecycle.ProjectCensus;
import nl.expertpool.lifecycle.RecordingNotifier;
import nl.expertpool.remuneration.Remuneration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker can die after its database transaction committed and before the job's completion reached
 * the engine. Here the first job of every job type in the projects under test does just that: its
 * effect is committed, then the worker stops without completing or failing the job. The engine
 * times the job out and delivers it again; the second delivery finds the job in the ledger, answers
 * what the first one stored and changes nothing, and the project goes on. Those projects and a
 * reference project without crashes take the same path through every worker type and must end with
 * the same rows, audit events and messages.
 */
@SpringBootTest(
    properties = "camunda.client.worker.defaults.timeout=" + WorkerCrashProcessTest.TIMEOUT)
@Import(WorkerCrashProcessTest.CrashAfterCommit.class)
class WorkerCrashProcessTest {

  /** Every job's timeout here: how long the engine waits for a worker that died. */
  static final String TIMEOUT = "PT1S";

  static final String REFERENCE = "Never crashing ";
  static final String CRASHING = "Crashing ";

  @Autowired LifecycleDriver driver;
  @Autowired Crashes crashes;
  @Autowired RecordingNotifier notifier;
  @Autowired Remuneration remuneration;
  @Autowired JdbcTemplate jdbc;
  @Autowired EmbeddedZeebe zeebe;

  @Test
  void aJobWhoseWorkerDiedAfterItsCommitIsDeliveredAgainAfterItsTimeoutAndChangesNothing() {
    long started = System.nanoTime();
    var scenario = new EveryWorkerScenario(driver, jdbc, remuneration, zeebe);
    List<UUID> completed =
        scenario.complete(List.of(REFERENCE + UUID.randomUUID(), CRASHING + UUID.randomUUID()));
    List<UUID> cancelled =
        scenario.cancel(List.of(REFERENCE + UUID.randomUUID(), CRASHING + UUID.randomUUID()));
    scenario.awaitNoOpenJob();

    Map<Long, JobHistory> jobs = EngineRecords.of(zeebe).jobs();
    List<Crash> crashed = crashes.all();
    Set<String> modelTypes = ModelConsistency.modelJobTypes(Path.of("bpmn"));
    System.out.printf(
        "Crash between commit and completion: %d crashes injected across %d of %d job types;"
            + " each job timed out after %s and was delivered again (%d time-outs, %d deliveries"
            + " in all); %.1f s%n",
        crashed.size(),
        crashed.stream().map(Crash::type).distinct().count(),
        modelTypes.size(),
        Duration.parse(TIMEOUT).toMillis() + " ms",
        crashed.stream().mapToInt(c -> jobs.get(c.jobKey()).timedOut()).sum(),
        crashed.stream().mapToInt(c -> crashes.answers(c.jobKey()).size()).sum(),
        (System.nanoTime() - started) / 1e9);

    assertThat(crashed).hasSize(modelTypes.size());
    assertThat(crashed.stream().map(Crash::type).collect(Collectors.toSet()))
        .isEqualTo(modelTypes)
        .isEqualTo(ModelConsistency.mainWorkerJobTypes());
    assertThat(crashed)
        .allSatisfy(
            crash -> {
              assertThat(crash.committed())
                  .as("%s committed its effect before the crash", crash.type())
                  .isTrue();
              JobHistory job = jobs.get(crash.jobKey());
              assertThat(job.timedOut()).as("%s timed out", crash.type()).isPositive();
              assertThat(job.completed()).as("%s completed", crash.type()).isEqualTo(1);
              // A job may have failed before, e.g. on a conflicting update, and been retried; the
              // crash itself sends nothing, so only the time-out brings the job back.
              assertThat(job.canceled()).as("%s cancelled", crash.type()).isZero();
              assertThat(crashes.answers(crash.jobKey()))
                  .as("%s delivered again and answered as the first time", crash.type())
                  .hasSizeGreaterThanOrEqualTo(2)
                  .containsOnly(crashes.answers(crash.jobKey()).getFirst());
            });
    assertThat(EngineRecords.of(zeebe).incidentsCreated()).isZero();

    scenario.assertCompletedAlongThePath(completed.get(0));
    scenario.assertCompletedAlongThePath(completed.get(1));
    scenario.assertCancelled(cancelled.get(0));
    scenario.assertCancelled(cancelled.get(1));
    assertThat(census(completed.get(1))).isEqualTo(census(completed.get(0)));
    assertThat(census(cancelled.get(1))).isEqualTo(census(cancelled.get(0)));
    assertThat(notifier.delivered()).isNotEmpty().doesNotHaveDuplicates();
  }

  private Map<String, Integer> census(UUID project) {
    return ProjectCensus.of(jdbc, notifier, project, driver.projects.get(project).getName());
  }

  /** A worker that died after its commit: whether the ledger held the job by then. */
  record Crash(long jobKey, String type, boolean committed) {}

  static class Crashes {
    private final Set<String> crashedTypes = ConcurrentHashMap.newKeySet();
    private final List<Crash> crashes = new CopyOnWriteArrayList<>();
    private final Map<Long, List<Object>> answers = new ConcurrentHashMap<>();

    void answered(long jobKey, Object result) {
      answers
          .computeIfAbsent(jobKey, k -> new CopyOnWriteArrayList<>())
          .add(result == null ? "nothing" : result);
    }

    /** The first job of each type crashes. */
    boolean shouldCrash(String type) {
      return crashedTypes.add(type);
    }

    void add(Crash crash) {
      crashes.add(crash);
    }

    List<Crash> all() {
      return crashes;
    }

    List<Object> answers(long jobKey) {
      return answers.getOrDefault(jobKey, List.of());
    }
  }

  /** Thrown where the worker dies: after the worker method, before the job's completion. */
  static final class WorkerCrash extends RuntimeException {
    WorkerCrash(ActivatedJob job) {
      super("Worker died after its commit, before completing job " + job.getKey());
    }
  }

  /**
   * Wraps the starter's result processing for the jobs of the projects under test: once the worker
   * method has returned (its transaction committed), the first job of each type throws {@link
   * WorkerCrash}, and the job exception handling sends nothing for it, as a dead worker would.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class CrashAfterCommit {

    @Bean
    Crashes crashes() {
      return new Crashes();
    }

    @Bean
    @Primary
    RecordingNotifier recordingNotifier() {
      return new RecordingNotifier();
    }

    /** Idle workers ask for jobs at least four times a second, so a timed-out job goes soon. */
    @Bean
    BackoffSupplier backoffSupplier() {
      return BackoffSupplier.newBackoffBuilder().maxDelay(250).build();
    }

    @Bean
    JobExceptionHandlingStrategy jobExceptionHandlingStrategy(
        CommandExceptionHandlingStrategy commands, MetricsRecorder metrics) {
      var defaults = new DefaultJobExceptionHandlingStrategy(commands, metrics);
      return (exception, context) -> {
        if (!(exception instanceof WorkerCrash)) {
          defaults.handleException(exception, context);
        }
      };
    }

    @Bean
    ResultProcessorStrategy resultProcessorStrategy(
        CamundaClient client,
        DocumentResultProcessorFailureHandlingStrategy documents,
        JdbcTemplate jdbc,
        Crashes crashes) {
      var defaults = new DefaultResultProcessorStrategy(client, documents);
      Map<UUID, Boolean> crashingProjects = new ConcurrentHashMap<>();
      return new ResultProcessorStrategy() {
        @Override
        public ResultProcessor createProcessor(MethodInfo method) {
          ResultProcessor processor = defaults.createProcessor(method);
          return new ResultProcessor() {
            @Override
            public Object process(ResultProcessorContext context) {
              ActivatedJob job = context.getJob();
              boolean crashing =
                  crashingProjects.computeIfAbsent(
                      JobLedger.projectId(job),
                      id ->
                          jdbc.queryForObject(
                                  "select name from project where id = ?", String.class, id)
                              .startsWith(CRASHING));
              if (crashing) {
                crashes.answered(job.getKey(), context.getResult());
                if (crashes.shouldCrash(job.getType())) {
                  // Read on another connection: only a committed effect is visible here.
                  boolean committed =
                      jdbc.queryForObject(
                              "select count(*) from processed_job where job_key = ?",
                              Integer.class,
                              job.getKey())
                          == 1;
                  crashes.add(new Crash(job.getKey(), job.getType(), committed));
                  throw new WorkerCrash(job);
                }
              }
              return processor.process(context);
            }
          };
        }
      };
    }
  }
}
