package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Collectors;
import nl.expertpool.ExpertPoolApplication;
import nl.expertpool.engine.UserTask;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.project.ProjectStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 21: running projects survive a restart of the embedded default. The app runs on a data
 * folder with two projects, one recruiting and one in its interviews, and stops: once as Ctrl-C
 * stops it (the context closed: workers finish, the engine's log is flushed), once by {@code kill
 * -9} of its JVM alone, which leaves its PostgreSQL running. Started again on the same folder, it
 * finds the projects where they were, with the same open tasks, stores nothing twice, and they run
 * on.
 */
class EmbeddedRestartTest {

  @TempDir Path data;

  /** What the projects were before the stop: the same after the start. */
  record Before(
      UUID recruiting, UUID interviewing, Map<Long, String> open, Map<String, Integer> census) {}

  @Test
  void runningProjectsSurviveAStopAsCtrlCStopsIt() {
    Before before;
    try (var app = start(data)) {
      before = twoProjects(app);
    }
    assertThat(data.resolve("engine").resolve("log")).exists();
    try (var app = start(data)) {
      asBeforeAndRunOn(app, before);
    }
  }

  @Test
  void runningProjectsSurviveAKillOfTheJvmAloneWhoseDatabaseLivesOn() throws Exception {
    Path log = Files.createDirectories(Path.of("target")).resolve("restart-first-app.log");
    Process first =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                appClassPath(),
                KilledApp.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Before before = null;
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (before == null && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(500);
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          if (line.startsWith(KilledApp.RESULT)) {
            before =
                new ObjectMapper()
                    .readValue(line.substring(KilledApp.RESULT.length()), Before.class);
          }
        }
      }
    } finally {
      first.destroyForcibly(); // kill -9 of the JVM alone
      first.waitFor(30, TimeUnit.SECONDS);
    }
    if (before == null) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      throw new AssertionError(
          "The first app did not set its projects up; its log ends:\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }
    assertThat(before).as("the first app set its projects up").isNotNull();
    long orphan =
        Long.parseLong(
            Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).getFirst());
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

    try (var app = start(data)) {
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      asBeforeAndRunOn(app, before);
    }
  }

  /**
   * The first app of the kill test: sets the projects up, says how they are, waits to be killed.
   */
  public static final class KilledApp {
    static final String RESULT = "EXPERTPOOL-RESTART-BEFORE ";

    public static void main(String[] args) throws Exception {
      var app = start(Path.of(args[0]));
      Before before = twoProjects(app);
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

  private static ConfigurableApplicationContext start(Path data) {
    return new SpringApplicationBuilder(ExpertPoolApplication.class)
        .run(
            "--expertpool.embedded.data-dir=" + data,
            "--server.port=0",
            "--expertpool.embedded.engine-port=0",
            "--expertpool.embedded.postgres-port=0");
  }

  /** A project in its interviews, one of four recorded, and one recruiting with two applicants. */
  private static Before twoProjects(ConfigurableApplicationContext app) {
    var driver = app.getBean(LifecycleDriver.class);
    UUID interviewing = driver.trainedPool();
    var interviews = driver.tasks(interviewing, "record-network-interview", 4);
    driver.tasks.complete(
        LifecycleDriver.PM,
        interviews.getFirst().key(),
        LifecycleDriver.interview("housing"),
        "en");
    UUID recruiting = driver.create(2, null);
    driver.awaitWindowOpen(recruiting);
    driver.apply(recruiting, "Oksana Melnyk");
    driver.apply(recruiting, "Taras Hrytsenko");
    org.awaitility.Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(30))
        .until(() -> driver.tasks(interviewing, "record-network-interview", 3).size() == 3);
    return new Before(
        recruiting, interviewing, open(driver, interviewing, recruiting), census(app));
  }

  private static void asBeforeAndRunOn(ConfigurableApplicationContext app, Before before) {
    var driver = app.getBean(LifecycleDriver.class);
    assertThat(driver.projects.get(before.interviewing()).getStatus())
        .isEqualTo(ProjectStatus.ACTIVE);
    assertThat(driver.projects.get(before.recruiting()).getStatus())
        .isEqualTo(ProjectStatus.ACTIVE);
    assertThat(open(driver, before.interviewing(), before.recruiting()))
        .as("the same open tasks, by key")
        .isEqualTo(before.open());
    assertThat(census(app)).as("nothing stored twice").isEqualTo(before.census());

    // They run on: the interviews are recorded, the call closes and the pool is recruited.
    for (UserTask task : driver.tasks(before.interviewing(), "record-network-interview", 3)) {
      driver.tasks.complete(
          LifecycleDriver.PM, task.key(), LifecycleDriver.interview("housing"), "en");
    }
    driver.awaitMilestone(before.interviewing(), MilestoneKey.INTERVIEWS_COMPLETED);
    driver.task(before.interviewing(), "review-synthesis");
    driver.advance(Duration.ofDays(14));
    driver.screen(before.recruiting(), "accept");
    driver.awaitMilestone(before.recruiting(), MilestoneKey.EXPERTS_RECRUITED);
    assertThat(
            app.getBean(JdbcTemplate.class)
                .queryForObject(
                    "select count(*) from interview where project_id = ?",
                    Integer.class,
                    before.interviewing()))
        .isEqualTo(4);
  }

  /** The open tasks of these projects, by key, with their form. */
  private static Map<Long, String> open(LifecycleDriver driver, UUID... projects) {
    var open = new TreeMap<Long, String>();
    for (UUID project : projects) {
      driver.tasks.open(LifecycleDriver.PM, project).forEach(t -> open.put(t.key(), t.formId()));
    }
    return open;
  }

  /** Rows per table of the app's schema, but the job ledger and the audit trail, which grow. */
  private static Map<String, Integer> census(ConfigurableApplicationContext app) {
    var jdbc = app.getBean(JdbcTemplate.class);
    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE' and table_name not like 'flyway%'"
                + " and table_name <> 'processed_job' and table_name <> 'audit_event'",
            String.class);
    return tables.stream()
        .collect(
            Collectors.toMap(
                t -> t,
                t -> jdbc.queryForObject("select count(*) from " + t, Integer.class),
                (a, b) -> a,
                TreeMap::new));
  }
}
