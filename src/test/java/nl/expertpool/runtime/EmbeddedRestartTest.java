package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.expertpool.ExpertPoolApplication;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.UserTask;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.project.ProjectStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 21: running projects survive a restart of the embedded default. Three projects, one
 * recruiting, one in its interviews and one in its feedback round, are set up by the app in a JVM
 * of its own on a data folder, which then stops: once by SIGTERM (as Ctrl-C or a service manager
 * stops it: workers finish, a snapshot is taken, the log is flushed), once by {@code kill -9} of
 * that JVM alone, which leaves its PostgreSQL running. Started again on the same folder, the app
 * finds the projects where they were, with the same open tasks and nothing stored twice, and runs
 * each to COMPLETED and through its retention period. Every table then holds as many rows as after
 * a reference run of the same steps without a stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedRestartTest {

  /** What the projects were before the stop: the same after the start. */
  record Before(
      UUID recruiting,
      UUID interviewing,
      UUID feedback,
      Map<Long, String> open,
      Map<String, Integer> census) {}

  private Map<String, Integer> reference;

  @BeforeAll
  void referenceRun(@TempDir Path data) {
    try (var app = start(data)) {
      Before before = threeProjects(app, () -> {});
      runToTheEnd(app, before);
      reference = census(app);
    }
    assertThat(reference)
        .as("three projects, four interviews each")
        .containsEntry("project", 3)
        .containsEntry("interview", 12);
  }

  @Test
  void runningProjectsSurviveASigterm(@TempDir Path data) throws Exception {
    Before before = firstApp(data, "sigterm", Process::destroy);
    assertThat(data.resolve("engine").resolve("snapshot"))
        .as("the snapshot taken as the app stopped")
        .isDirectory();
    try (var app = start(data)) {
      var zeebe = app.getBean(EmbeddedZeebe.class);
      assertThat(zeebe.recovery().snapshotPosition()).isPositive();
      asBeforeAndToTheEndAsTheReference(app, before);
    }
  }

  @Test
  void runningProjectsSurviveAKillOfTheJvmAloneWhoseDatabaseLivesOn(@TempDir Path data)
      throws Exception {
    Before before = firstApp(data, "kill", Process::destroyForcibly);
    long orphan =
        Long.parseLong(
            Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).getFirst());
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

    try (var app = start(data)) {
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      var recovery = app.getBean(EmbeddedZeebe.class).recovery();
      assertThat(recovery.snapshotPosition())
          .as("the snapshot taken halfway, and the log after it replayed")
          .isPositive()
          .isLessThan(recovery.position());
      asBeforeAndToTheEndAsTheReference(app, before);
    }
  }

  /**
   * After a restart: the projects as before the stop, then run to the end, leaving the rows and
   * audit events of the reference run.
   */
  private void asBeforeAndToTheEndAsTheReference(
      ConfigurableApplicationContext app, Before before) {
    asBefore(app, before);
    runToTheEnd(app, before);
    assertThat(census(app)).as("rows per table, as in the reference run").isEqualTo(reference);
  }

  /**
   * The engine's data deleted between two starts (its log, snapshot and clock): the app marks the
   * three projects interrupted, the project manager resumes each in its phase, and they run to the
   * end with nothing done twice. The demo clock, lost with the engine's data, is first set forward
   * again to where it was, as the project manager would. (No grace period for new instances: the
   * test does not wait for the recruiting project, set up a moment ago, to be two minutes old.)
   */
  @Test
  void projectsWhoseEngineDataWasDeletedAreInterruptedAndResumedToTheEnd(@TempDir Path data)
      throws Exception {
    Before before;
    try (var app = start(data)) {
      before = threeProjects(app, () -> {});
    }
    Duration offset =
        Duration.parse(Files.readString(data.resolve("engine").resolve("clock")).strip());
    FileSystemUtils.deleteRecursively(data.resolve("engine"));

    try (var app = start(data, "--expertpool.reconciliation.grace=PT0S")) {
      var driver = app.getBean(LifecycleDriver.class);
      List<UUID> projects = List.of(before.feedback(), before.interviewing(), before.recruiting());
      for (UUID project : projects) {
        assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.INTERRUPTED);
      }
      driver.advance(offset);
      for (UUID project : projects) {
        driver.projects.resume(project, "pm");
      }
      assertThat(driver.tasks(before.feedback(), "give-feedback", 2)).hasSize(2);
      assertThat(driver.tasks(before.interviewing(), "record-network-interview", 3))
          .as("the recorded interview not asked for again")
          .hasSize(3);
      driver.awaitWindowOpen(before.recruiting());
      runToTheEnd(app, before);
      var expected = new TreeMap<>(reference);
      expected.merge("audit project.interrupted", 3, Integer::sum);
      expected.merge("audit project.resumed", 3, Integer::sum);
      expected.merge("audit interviews.replanned", 1, Integer::sum);
      expected.merge("audit_event", 7, Integer::sum);
      // The ledger forgot the jobs of the lost engine: it holds fewer.
      expected.remove("processed_job");
      var census = census(app);
      assertThat(census.remove("processed_job")).isPositive();
      assertThat(census)
          .as("rows per table and audit events, as in the reference run but the interruption")
          .isEqualTo(expected);
    }
  }

  /**
   * Runs the first app in a JVM of its own on the folder until it has set the projects up, then
   * stops it this way ({@link Process#destroy}: SIGTERM; {@link Process#destroyForcibly}: kill -9).
   */
  private static Before firstApp(Path data, String name, Consumer<Process> stop) throws Exception {
    Path log =
        Files.createDirectories(Path.of("target")).resolve("restart-first-app-" + name + ".log");
    Process first =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                appClassPath(),
                FirstApp.class.getName(),
                data.toString(),
                name)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Before before = null;
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      while (before == null && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(500);
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          if (line.startsWith(FirstApp.RESULT)) {
            before =
                new ObjectMapper()
                    .readValue(line.substring(FirstApp.RESULT.length()), Before.class);
          }
        }
      }
    } finally {
      stop.accept(before == null ? first.destroyForcibly() : first);
      if (!first.waitFor(60, TimeUnit.SECONDS)) {
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
    if (before == null) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      throw new AssertionError(
          "The first app did not set its projects up; its log ends:\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }
    return before;
  }

  /**
   * The first app: sets the projects up, says how they are, and waits to be stopped. Before a kill
   * it takes a snapshot halfway, so that the kill meets a snapshot with records after it.
   */
  public static final class FirstApp {
    static final String RESULT = "EXPERTPOOL-RESTART-BEFORE ";

    public static void main(String[] args) throws Exception {
      var app = start(Path.of(args[0]), "--expertpool.embedded.snapshot-period=1h");
      var zeebe = app.getBean(EmbeddedZeebe.class);
      Before before =
          threeProjects(
              app,
              () -> {
                if (args[1].equals("kill")) {
                  zeebe.snapshot();
                }
              });
      System.out.println(RESULT + app.getBean(ObjectMapper.class).writeValueAsString(before));
      System.out.flush();
      Thread.sleep(300_000);
    }
  }

  /**
   * This JVM's class path without the project folder the tests add to it (so that they read {@code
   * bpmn/} and {@code forms/} where they are edited): the app would find each model twice.
   */
  private static String appClassPath() {
    String project = Path.of("").toAbsolutePath().normalize().toString();
    return java.util.Arrays.stream(
            System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().toString().equals(project))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  private static ConfigurableApplicationContext start(Path data, String... more) {
    var args =
        new java.util.ArrayList<>(
            List.of(
                "--expertpool.embedded.data-dir=" + data,
                "--server.port=0",
                "--expertpool.embedded.engine-port=0",
                "--expertpool.embedded.postgres-port=0"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(ExpertPoolApplication.class)
        .run(args.toArray(String[]::new));
  }

  /**
   * Three projects: one in its feedback round (two feedback tasks open), one in its interviews (one
   * of four recorded), and one recruiting with two applicants. The first two go through recruitment
   * and training together.
   *
   * @param halfway what to do once the first is in its feedback round
   */
  private static Before threeProjects(ConfigurableApplicationContext app, Runnable halfway) {
    var driver = app.getBean(LifecycleDriver.class);
    UUID feedback = driver.create(2, null);
    UUID interviewing = driver.create(2, null);
    for (UUID project : List.of(feedback, interviewing)) {
      driver.apply(project, "Olena Koval");
      driver.apply(project, "Andrii Melnyk");
    }
    driver.advance(Duration.ofDays(14));
    for (UUID project : List.of(feedback, interviewing)) {
      driver.screen(project, "accept");
      driver.awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
      driver.scheduleOneSession(project);
      driver.awaitActive(project, "LastSessionEndedTimer");
    }
    driver.advance(Duration.ofDays(2));
    for (UUID project : List.of(feedback, interviewing)) {
      driver.recordAttendance(project, true);
      driver.awaitMilestone(project, MilestoneKey.TRAINING_COMPLETED);
    }
    toFeedback(driver, feedback, 4);
    driver.tasks(feedback, "give-feedback", 2);
    halfway.run();
    var interviews = driver.tasks(interviewing, "record-network-interview", 4);
    driver.tasks.complete(
        LifecycleDriver.PM,
        interviews.getFirst().key(),
        LifecycleDriver.interview("housing"),
        "en");
    UUID recruiting = driver.create(2, null);
    driver.apply(recruiting, "Oksana Melnyk");
    driver.apply(recruiting, "Taras Hrytsenko");
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(30))
        .until(() -> driver.tasks(interviewing, "record-network-interview", 3).size() == 3);
    var census = settledCensus(app, feedback, interviewing, recruiting);
    return new Before(
        recruiting,
        interviewing,
        feedback,
        open(driver, feedback, interviewing, recruiting),
        census);
  }

  /** Records the project's open interviews and takes it through its session to its feedback. */
  private static void toFeedback(LifecycleDriver driver, UUID project, int interviews) {
    driver.recordAllInterviews(project, interviews, "housing");
    driver.approveSynthesis(project);
    driver.awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);
    driver.planSession(project, Duration.ofDays(3));
    driver.awaitActive(project, "ReminderDueTimer");
    driver.advance(Duration.ofDays(3).plusHours(1));
    driver.complete(project, "record-session-outcome", LifecycleDriver.sessionOutcome());
    driver.awaitMilestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED);
  }

  /** From the feedback round on: full support, the handover, the client's acceptance. */
  private static void fromFeedback(LifecycleDriver driver, UUID project) {
    driver.giveFeedback(project, 2, 5);
    driver.awaitMilestone(project, MilestoneKey.FEEDBACK_INCORPORATED);
    driver.holdHandoverMeeting(project);
    driver.tasks.complete(
        LifecycleDriver.CLIENT,
        driver.task(project, "accept-handover").key(),
        Map.of("handoverAccepted", true));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.COMPLETED);
    driver.awaitActive(project, "RetentionPeriodTimer");
  }

  private static void asBefore(ConfigurableApplicationContext app, Before before) {
    var driver = app.getBean(LifecycleDriver.class);
    for (UUID project : List.of(before.feedback(), before.interviewing(), before.recruiting())) {
      assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.ACTIVE);
    }
    assertThat(open(driver, before.feedback(), before.interviewing(), before.recruiting()))
        .as("the same open tasks, by key")
        .isEqualTo(before.open());
    assertThat(census(app)).as("nothing stored twice").isEqualTo(before.census());
  }

  /** Runs the three projects on to COMPLETED, one after the other, and through retention. */
  private static void runToTheEnd(ConfigurableApplicationContext app, Before before) {
    var driver = app.getBean(LifecycleDriver.class);
    fromFeedback(driver, before.feedback());

    for (UserTask task : driver.tasks(before.interviewing(), "record-network-interview", 3)) {
      driver.tasks.complete(
          LifecycleDriver.PM, task.key(), LifecycleDriver.interview("housing"), "en");
    }
    driver.awaitMilestone(before.interviewing(), MilestoneKey.INTERVIEWS_COMPLETED);
    toFeedback(driver, before.interviewing(), 0);
    fromFeedback(driver, before.interviewing());

    UUID recruiting = before.recruiting();
    driver.advance(Duration.ofDays(14));
    driver.screen(recruiting, "accept");
    driver.awaitMilestone(recruiting, MilestoneKey.EXPERTS_RECRUITED);
    driver.scheduleOneSession(recruiting);
    driver.awaitActive(recruiting, "LastSessionEndedTimer");
    driver.advance(Duration.ofDays(2));
    driver.recordAttendance(recruiting, true);
    driver.awaitMilestone(recruiting, MilestoneKey.TRAINING_COMPLETED);
    toFeedback(driver, recruiting, 4);
    fromFeedback(driver, recruiting);

    driver.advance(Duration.ofDays(181));
    for (UUID project : List.of(before.feedback(), before.interviewing(), recruiting)) {
      driver.awaitMilestone(project, MilestoneKey.PERSONAL_DATA_ANONYMISED);
      await().atMost(LifecycleDriver.WAIT).until(() -> driver.activeElementIds(project).isEmpty());
    }
    assertThat(
            app.getBean(JdbcTemplate.class)
                .queryForObject(
                    "select count(*) from interview where project_id = ?",
                    Integer.class,
                    before.interviewing()))
        .isEqualTo(4);
  }

  /**
   * The census once the projects are still: no element with a job active in their processes and the
   * same rows a second later.
   */
  private static Map<String, Integer> settledCensus(
      ConfigurableApplicationContext app, UUID... projects) {
    var driver = app.getBean(LifecycleDriver.class);
    var engine = app.getBean(ProcessEngine.class);
    var last = new java.util.concurrent.atomic.AtomicReference<Map<String, Integer>>(census(app));
    await()
        .pollInterval(Duration.ofSeconds(1))
        .atMost(LifecycleDriver.WAIT)
        .until(
            () -> {
              boolean working =
                  java.util.Arrays.stream(projects)
                      .map(p -> driver.projects.get(p).getProcessInstanceKey())
                      .flatMap(key -> engine.activeElements(key).stream())
                      .anyMatch(e -> JOB_ELEMENTS.contains(e.elementType()));
              var now = census(app);
              return !working && now.equals(last.getAndSet(now));
            });
    return last.get();
  }

  /** Element types whose instances wait for a job. */
  private static final java.util.Set<String> JOB_ELEMENTS =
      java.util.Set.of(
          "SERVICE_TASK",
          "SEND_TASK",
          "SCRIPT_TASK",
          "BUSINESS_RULE_TASK",
          "INTERMEDIATE_THROW_EVENT",
          "END_EVENT");

  /** The open tasks of these projects, by key, with their form. */
  private static Map<Long, String> open(LifecycleDriver driver, UUID... projects) {
    var open = new TreeMap<Long, String>();
    for (UUID project : projects) {
      driver.tasks.open(LifecycleDriver.PM, project).forEach(t -> open.put(t.key(), t.formId()));
    }
    return open;
  }

  /**
   * Rows per table of the app's schema, the job ledger's included (a job done twice adds one), and
   * the audit trail's events per action.
   */
  private static Map<String, Integer> census(ConfigurableApplicationContext app) {
    var jdbc = app.getBean(JdbcTemplate.class);
    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE' and table_name not like 'flyway%'",
            String.class);
    var census = new TreeMap<String, Integer>();
    for (String table : tables) {
      census.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
    }
    jdbc.query(
        "select action, count(*) from audit_event group by action",
        rs -> {
          census.put("audit " + rs.getString(1), rs.getInt(2));
        });
    return census;
  }
}
