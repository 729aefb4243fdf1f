package nl.expertpool.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.jobhandling.JobHandlingUtil;
import io.camunda.client.jobhandling.parameter.ParameterResolver;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.DefaultResultProcessorStrategy;
import io.camunda.client.jobhandling.result.DocumentResultProcessorFailureHandlingStrategy;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Zeebe delivers jobs at least once. Here every job of the projects under test is delivered {@value
 * #DELIVERIES} times: the worker method runs again on the same job, as a redelivery would, and
 * every delivery completes the job, so the engine refuses all completions after the first with
 * NOT_FOUND. Those projects and a reference project whose jobs are delivered once take the same
 * path, through every worker type; they must end with the same rows, audit events and messages.
 */
@SpringBootTest(properties = "logging.level.nl.expertpool.jobs.JobCommandFailureStrategy=debug")
@Import(RepeatedDeliveryProcessTest.DeliverEveryJobRepeatedly.class)
class RepeatedDeliveryProcessTest {

  /** How often each job of a project under test is delivered: once, and this less one again. */
  static final int DELIVERIES = 12;

  static final String REFERENCE = "Delivered once ";
  static final String REPEATED = "Delivered repeatedly ";

  @Autowired LifecycleDriver driver;
  @Autowired Deliveries deliveries;
  @Autowired RecordingNotifier notifier;
  @Autowired Remuneration remuneration;
  @Autowired JdbcTemplate jdbc;
  @Autowired EmbeddedZeebe zeebe;

  private final Logger commandFailures =
      (Logger) LoggerFactory.getLogger("nl.expertpool.jobs.JobCommandFailureStrategy");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    commandFailures.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    commandFailures.detachAppender(logged);
  }

  @Test
  void everyWorkerTypeHandlesRepeatedDeliveriesAndCompletionsWithTheEffectOfOne() {
    long started = System.nanoTime();
    var scenario = new EveryWorkerScenario(driver, jdbc, remuneration, zeebe);
    List<UUID> completed =
        scenario.complete(
            List.of(
                REFERENCE + UUID.randomUUID(),
                REPEATED + UUID.randomUUID(),
                REPEATED + UUID.randomUUID()));
    List<UUID> cancelled =
        scenario.cancel(List.of(REFERENCE + UUID.randomUUID(), REPEATED + UUID.randomUUID()));
    UUID reference = completed.get(0);

    // Every delivery's completion reached the engine: the first completed the job, the others
    // were refused because the job was gone.
    await()
        .atMost(LifecycleDriver.WAIT)
        .untilAsserted(
            () ->
                assertThat(repeatedJobs().values())
                    .filteredOn(
                        job ->
                            job.completed() + job.completionsRefusedAsNotFound()
                                != deliveries.completionsSent(job.key()))
                    .as("jobs with completions the engine has not answered")
                    .isEmpty());
    Map<Long, JobHistory> jobs = repeatedJobs();
    int duplicates = deliveries.duplicates();
    Set<String> types = deliveries.types();
    Set<String> modelTypes = ModelConsistency.modelJobTypes(Path.of("bpmn"));
    System.out.printf(
        "Repeated delivery: %d duplicate deliveries (handled and completed again) of %d jobs"
            + " across %d of %d job types; %d completions refused NOT_FOUND and handled"
            + " quietly; %.1f s%n",
        duplicates,
        jobs.size(),
        types.size(),
        modelTypes.size(),
        refusedCompletions(jobs),
        (System.nanoTime() - started) / 1e9);

    assertThat(deliveries.firstCompletionsFailed()).isEmpty();
    assertThat(duplicates).isGreaterThanOrEqualTo(1_000);
    assertThat(types).isEqualTo(modelTypes).isEqualTo(ModelConsistency.mainWorkerJobTypes());
    assertThat(deliveries.differing()).as("a repeated delivery answered differently").isEmpty();
    assertThat(jobs.values())
        .allSatisfy(
            job -> {
              assertThat(job.completed()).as("%s completed", job).isEqualTo(1);
              assertThat(job.completionsRefusedAsNotFound())
                  .as("%s refused completions", job)
                  .isEqualTo(deliveries.completionsSent(job.key()) - 1);
            });
    assertThat(EngineRecords.of(zeebe).incidentsCreated()).isZero();
    long refusedInAll =
        EngineRecords.of(zeebe).jobs().values().stream()
            .mapToInt(JobHistory::completionsRefusedAsNotFound)
            .sum();
    assertThat(logged.list)
        .as("every refused completion is logged at debug level, nothing louder")
        .hasSize((int) refusedInAll)
        .allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));

    completed.forEach(scenario::assertCompletedAlongThePath);
    cancelled.forEach(scenario::assertCancelled);
    for (UUID repeated : completed.subList(1, completed.size())) {
      assertThat(census(repeated)).isEqualTo(census(reference));
    }
    assertThat(census(cancelled.get(1))).isEqualTo(census(cancelled.get(0)));
    assertThat(notifier.delivered()).isNotEmpty().doesNotHaveDuplicates();
  }

  private Map<Long, JobHistory> repeatedJobs() {
    return EngineRecords.of(zeebe).jobs().entrySet().stream()
        .filter(e -> deliveries.completionsSent(e.getKey()) > 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static int refusedCompletions(Map<Long, JobHistory> jobs) {
    return jobs.values().stream().mapToInt(JobHistory::completionsRefusedAsNotFound).sum();
  }

  private Map<String, Integer> census(UUID project) {
    return ProjectCensus.of(jdbc, notifier, project, driver.projects.get(project).getName());
  }

  /** What the first and a later handling of one job answered. */
  record Delivery(long jobKey, String type, Object first, Object again) {}

  static class Deliveries {
    private final List<Delivery> repeated = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    private final List<String> firstCompletionsFailed = new CopyOnWriteArrayList<>();

    void firstCompletionFailed(ActivatedJob job, RuntimeException e) {
      firstCompletionsFailed.add(job.getType() + " " + job.getKey() + ": " + e.getMessage());
    }

    List<String> firstCompletionsFailed() {
      return firstCompletionsFailed;
    }

    /** False when the engine delivered this job before (it timed out while the clock moved). */
    boolean firstOf(long jobKey) {
      return completions.putIfAbsent(jobKey, new AtomicInteger()) == null;
    }

    void add(Delivery delivery) {
      repeated.add(delivery);
    }

    void completing(long jobKey) {
      completions.computeIfAbsent(jobKey, k -> new AtomicInteger()).incrementAndGet();
    }

    int completionsSent(long jobKey) {
      AtomicInteger sent = completions.get(jobKey);
      return sent == null ? 0 : sent.get();
    }

    int duplicates() {
      return repeated.size();
    }

    Set<String> types() {
      return repeated.stream().map(Delivery::type).collect(Collectors.toSet());
    }

    List<Delivery> differing() {
      return repeated.stream().filter(d -> !Objects.equals(d.first(), d.again())).toList();
    }
  }

  /**
   * Wraps the starter's result processing for the jobs of the projects under test: after the worker
   * method has run, it runs {@value #DELIVERIES} less one times more with the same job's
   * parameters; then the job is completed once per delivery. The first completion is sent here and
   * waited for; the others go the way the starter sends one, through the app's handling of failed
   * commands, the last one by the starter itself.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class DeliverEveryJobRepeatedly {

    @Bean
    Deliveries deliveries() {
      return new Deliveries();
    }

    @Bean
    @Primary
    RecordingNotifier recordingNotifier() {
      return new RecordingNotifier();
    }

    @Bean
    ResultProcessorStrategy resultProcessorStrategy(
        CamundaClient client,
        DocumentResultProcessorFailureHandlingStrategy documents,
        ParameterResolverStrategy parameters,
        CommandExceptionHandlingStrategy commandFailures,
        MetricsRecorder metrics,
        JdbcTemplate jdbc,
        Deliveries deliveries) {
      var defaults = new DefaultResultProcessorStrategy(client, documents);
      Map<UUID, Boolean> repeatedProjects = new ConcurrentHashMap<>();
      return new ResultProcessorStrategy() {
        @Override
        public ResultProcessor createProcessor(MethodInfo method) {
          ResultProcessor processor = defaults.createProcessor(method);
          List<ParameterResolver> resolvers =
              method.getParameters().stream().map(parameters::createResolver).toList();
          return new ResultProcessor() {
            @Override
            public Object process(ResultProcessorContext context) {
              Object result = processor.process(context);
              ActivatedJob job = context.getJob();
              boolean repeat =
                  repeatedProjects.computeIfAbsent(
                      JobLedger.projectId(job),
                      id ->
                          jdbc.queryForObject(
                                  "select name from project where id = ?", String.class, id)
                              .startsWith(REPEATED));
              if (!repeat || !deliveries.firstOf(job.getKey())) {
                return result;
              }
              for (int i = 1; i < DELIVERIES; i++) {
                Object[] arguments =
                    resolvers.stream().map(r -> r.resolve(client, job)).toArray(Object[]::new);
                Object again;
                try {
                  again = method.invoke(arguments);
                } catch (Exception e) {
                  again = e;
                }
                deliveries.add(
                    new Delivery(job.getKey(), job.getType(), context.getResult(), again));
              }
              deliveries.completing(job.getKey());
              try {
                complete(job, result).send().join();
              } catch (RuntimeException e) {
                deliveries.firstCompletionFailed(job, e);
              }
              for (int i = 2; i < DELIVERIES; i++) {
                deliveries.completing(job.getKey());
                new CommandWrapper(complete(job, result), job, commandFailures, metrics, 0)
                    .executeAsyncWithMetrics(
                        MetricsRecorder.METRIC_NAME_JOB,
                        MetricsRecorder.ACTION_COMPLETED,
                        job.getType());
              }
              deliveries.completing(job.getKey());
              return result;
            }
          };
        }

        private io.camunda.client.api.command.FinalCommandStep<?> complete(
            ActivatedJob job, Object result) {
          return JobHandlingUtil.applyVariables(result, client.newCompleteCommand(job.getKey()));
        }
      };
    }
  }
}
