package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
 * Issue 21: a running project survives a restart of the embedded default. The whole app runs on a
 * data folder, is stopped as Ctrl-C stops it (the context closed: workers finish, the engine's log
 * is flushed), and starts again on the same folder: the projects are where they were, with the same
 * open tasks, and run on; nothing is stored twice.
 */
class EmbeddedRestartTest {

  @TempDir Path data;

  @Test
  void runningProjectsSurviveARestartWithTheSameOpenTasksAndRunOn() {
    UUID recruiting;
    UUID interviewing;
    Map<Long, String> openBefore;
    Map<String, Integer> censusBefore;
    try (var app = start()) {
      var driver = app.getBean(LifecycleDriver.class);
      interviewing = driver.trainedPool();
      var interviews = driver.tasks(interviewing, "record-network-interview", 4);
      driver.tasks.complete(
          LifecycleDriver.PM,
          interviews.getFirst().key(),
          LifecycleDriver.interview("housing"),
          "en");
      driver.tasks(interviewing, "record-network-interview", 3);
      recruiting = driver.create(2, null);
      driver.awaitWindowOpen(recruiting);
      driver.apply(recruiting, "Oksana Melnyk");
      driver.apply(recruiting, "Taras Hrytsenko");
      awaitQuiet(driver, interviewing, 3);
      openBefore = open(driver, interviewing, recruiting);
      censusBefore = census(app);
    }
    assertThat(data.resolve("engine").resolve("log")).exists();

    try (var app = start()) {
      var driver = app.getBean(LifecycleDriver.class);
      assertThat(driver.projects.get(interviewing).getStatus()).isEqualTo(ProjectStatus.ACTIVE);
      assertThat(driver.projects.get(recruiting).getStatus()).isEqualTo(ProjectStatus.ACTIVE);
      assertThat(open(driver, interviewing, recruiting))
          .as("the same open tasks, by key")
          .isEqualTo(openBefore);
      assertThat(census(app)).as("nothing stored twice").isEqualTo(censusBefore);

      // They run on: the interviews are recorded, the call closes and the pool is recruited.
      for (UserTask task : driver.tasks(interviewing, "record-network-interview", 3)) {
        driver.tasks.complete(
            LifecycleDriver.PM, task.key(), LifecycleDriver.interview("housing"), "en");
      }
      driver.awaitMilestone(interviewing, MilestoneKey.INTERVIEWS_COMPLETED);
      driver.task(interviewing, "review-synthesis");
      driver.advance(Duration.ofDays(14));
      driver.screen(recruiting, "accept");
      driver.awaitMilestone(recruiting, MilestoneKey.EXPERTS_RECRUITED);
      var jdbc = app.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from interview where project_id = ?",
                  Integer.class,
                  interviewing))
          .isEqualTo(4);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ExpertPoolApplication.class)
        .run(
            "--expertpool.embedded.data-dir=" + data,
            "--server.port=0",
            "--expertpool.embedded.engine-port=0",
            "--expertpool.embedded.postgres-port=0");
  }

  /** The open tasks of these projects, by key, with their form. */
  private static Map<Long, String> open(LifecycleDriver driver, UUID... projects) {
    var open = new TreeMap<Long, String>();
    for (UUID project : projects) {
      driver.tasks.open(LifecycleDriver.PM, project).forEach(t -> open.put(t.key(), t.formId()));
    }
    return open;
  }

  /** Waits until the project has exactly this many interviews open and nothing else moves. */
  private static void awaitQuiet(LifecycleDriver driver, UUID project, int interviews) {
    org.awaitility.Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                driver.tasks(project, "record-network-interview", interviews).size() == interviews);
  }

  /** Rows per table of the app's schema. */
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
