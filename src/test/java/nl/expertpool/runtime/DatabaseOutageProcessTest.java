package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.project.ProjectStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The database goes away for 30 s while jobs are due, and comes back on the same data. The jobs
 * must fail and be tried again after a backoff without using up their retries, leave no incident,
 * and the project must end exactly as one run without the outage: the same rows in every table.
 */
@SpringBootTest
@DirtiesContext
class DatabaseOutageProcessTest {

  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Path DATA = temporaryFolder();
  private static final int PORT = FreePort.find();

  private static EmbeddedDatabase restarted;

  @Autowired LifecycleDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired EmbeddedDatabase postgres;
  @Autowired EmbeddedProperties embedded;

  @DynamicPropertySource
  static void databaseThatCanBeRestarted(DynamicPropertyRegistry properties) {
    properties.add("expertpool.embedded.data-dir", DATA::toString);
    properties.add("expertpool.embedded.postgres-port", () -> PORT);
  }

  @AfterAll
  static void stopRestartedDatabase() throws IOException {
    if (restarted != null) {
      restarted.close();
    }
    FileSystemUtils.deleteRecursively(DATA);
  }

  @Test
  void jobsWaitOutADatabaseOutageAndTheProjectEndsAsWithoutIt() throws Exception {
    var before = rowsPerTable();
    UUID reference = runProject(false);
    var afterReference = rowsPerTable();

    var ledgerLog = listen(JobLedger.class);
    UUID withOutage = runProject(true);
    var afterOutage = rowsPerTable();

    var waited =
        ledgerLog.list.stream()
            .filter(e -> e.getMessage().contains("waits for the database"))
            .toList();
    var usedUpRetries =
        ledgerLog.list.stream().filter(e -> e.getMessage().contains("retries left")).toList();
    System.out.printf(
        "Database outage of %d s: %d failed deliveries waited for the database (%s),"
            + " %d used up a retry%n",
        OUTAGE.toSeconds(),
        waited.size(),
        waited.stream().map(e -> String.valueOf(e.getArgumentArray()[1])).distinct().toList(),
        usedUpRetries.size());
    assertThat(waited).as("jobs that failed while the database was away").isNotEmpty();
    assertThat(usedUpRetries).as("failures that used up a retry").isEmpty();

    for (UUID project : List.of(reference, withOutage)) {
      assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.COMPLETED);
      long instance = driver.projects.get(project).getProcessInstanceKey();
      assertThat(driver.engine.openIncidents(instance)).isEmpty();
    }
    Map<String, Long> referenceRows = difference(before, afterReference);
    Map<String, Long> outageRows = difference(afterReference, afterOutage);
    // The first project of a client organisation adds it; the second finds it.
    referenceRows.remove("client_organisation");
    outageRows.remove("client_organisation");
    assertThat(outageRows).isEqualTo(referenceRows);
    assertThat(outageRows.get("processed_job")).isPositive();
  }

  /**
   * One project from a trained pool to COMPLETED. With {@code outage}, the database stops just
   * before the clock reaches the session reminder and the session itself, whose jobs then fall due,
   * and starts again on the same data after {@link #OUTAGE}.
   */
  private UUID runProject(boolean outage) throws Exception {
    UUID project = driver.trainedPool();
    driver.recordAllInterviews(project, 4, "housing");
    driver.approveSynthesis(project);
    driver.awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);
    driver.planSession(project, Duration.ofDays(3));
    driver.awaitActive(project, "ReminderDueTimer");
    if (outage) {
      postgres.close();
    }
    driver.advance(Duration.ofDays(3).plusHours(1));
    if (outage) {
      Thread.sleep(OUTAGE.toMillis());
      restarted = EmbeddedDatabase.start(embedded);
    }
    driver.complete(project, "record-session-outcome", LifecycleDriver.sessionOutcome());
    driver.awaitMilestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED);
    driver.giveFeedback(project, 2, 5);
    driver.awaitMilestone(project, MilestoneKey.FEEDBACK_INCORPORATED);
    driver.holdHandoverMeeting(project);
    long accept = driver.task(project, "accept-handover").key();
    driver.tasks.complete(LifecycleDriver.CLIENT, accept, Map.of("handoverAccepted", true));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.COMPLETED);
    return project;
  }

  /** The number of rows in every table of the app's schema. */
  private Map<String, Long> rowsPerTable() {
    var counts = new LinkedHashMap<String, Long>();
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'"
                + " order by table_name",
            String.class)) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  private static Map<String, Long> difference(Map<String, Long> from, Map<String, Long> to) {
    var added = new LinkedHashMap<String, Long>();
    to.forEach((table, rows) -> added.put(table, rows - from.getOrDefault(table, 0L)));
    return added;
  }

  private static ListAppender<ILoggingEvent> listen(Class<?> type) {
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
    return appender;
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("expertpool-outage");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
