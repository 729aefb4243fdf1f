package nl.expertpool.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.expertpool.bench.Driver.ProjectRef;
import nl.expertpool.engine.UserTask;
import nl.expertpool.lifecycle.LifecycleDriver;

/**
 * One project's whole lifecycle, as people would work it: candidates apply, staff screen, schedule
 * and record training, every expert records every interview, the synthesis is approved, the session
 * planned and its outcome recorded, every expert gives feedback, staff hold the handover meeting,
 * the client accepts, and the retention period runs out. Every user task is completed with values
 * its form accepts; time passes through the {@link SimClock}.
 */
final class ProjectSimulation {

  /** How long one step may take before the run counts as stuck. */
  static final Duration STEP_TIMEOUT =
      Duration.ofSeconds(Long.getLong("bench.stepTimeoutSeconds", 300));

  private static final String[] THEMES = {"housing", "work"};

  /** Wall times of one lifecycle, in nanoseconds from its start. */
  record Result(long toCompletedNanos, long toEndNanos, int userTasks) {}

  private final Driver driver;
  private final SimClock clock;
  private final int experts;
  private final int interviews;
  private int userTasks;

  ProjectSimulation(Driver driver, SimClock clock, int experts, int interviews) {
    this.driver = driver;
    this.clock = clock;
    this.experts = experts;
    this.interviews = interviews;
  }

  Result run() throws InterruptedException {
    long start = System.nanoTime();
    ProjectRef project = driver.create(experts, interviews);
    awaitActive(project, "WindowClosesTimer");
    for (int i = 0; i < experts; i++) {
      driver.apply(project, i);
    }
    clock.pass(Duration.ofDays(14));

    screen(project);
    complete(project, task(project, "schedule-training"), trainingSession(driver.now()));
    awaitActive(project, "LastSessionEndedTimer");
    clock.pass(Duration.ofDays(2));
    recordAttendance(project);

    for (UserTask task : tasks(project, "record-network-interview", experts * interviews)) {
      complete(project, task, LifecycleDriver.interview(THEMES));
    }
    complete(project, task(project, "review-synthesis"), Map.of("synthesisDecision", "approve"));

    complete(
        project,
        task(project, "plan-stakeholder-session"),
        LifecycleDriver.sessionPlan(driver.now().plus(Duration.ofDays(3))));
    awaitActive(project, "ReminderDueTimer");
    clock.pass(Duration.ofDays(3).plusHours(1));
    complete(project, task(project, "record-session-outcome"), LifecycleDriver.sessionOutcome());

    giveFeedback(project);
    complete(
        project,
        task(project, "hold-handover-meeting"),
        LifecycleDriver.handoverMeeting(driver.now()));
    UserTask accept = task(project, "accept-handover");
    driver.complete(
        project, accept, Map.of("handoverAccepted", true, "clientRemarks", "Thank you"), true);
    userTasks++;

    awaitActive(project, "RetentionPeriodTimer");
    long completed = System.nanoTime() - start;
    clock.pass(Duration.ofDays(180).plusHours(1));
    awaitRecords(project, "process ended", () -> driver.records().ended(project.instanceKey()));
    return new Result(completed, System.nanoTime() - start, userTasks);
  }

  private void screen(ProjectRef project) {
    UserTask task = task(project, "screen-candidates");
    complete(project, task, LifecycleDriver.screening(task, "accept"));
  }

  private static Map<String, Object> trainingSession(Instant now) {
    return Map.of(
        "sessions",
        List.of(
            Map.of(
                "startsAt",
                now.plus(Duration.ofDays(1)).toString(),
                "durationHours",
                3,
                "location",
                "Library Almere",
                "trainer",
                "Trainer T")));
  }

  @SuppressWarnings("unchecked")
  private void recordAttendance(ProjectRef project) {
    UserTask task = task(project, "record-attendance");
    var rows =
        ((List<Map<String, Object>>) task.variables().get("attendance"))
            .stream()
                .map(
                    r -> {
                      var row = new HashMap<String, Object>(r);
                      row.put("attended", true);
                      return (Map<String, Object>) row;
                    })
                .toList();
    complete(project, task, Map.of("attendance", rows));
  }

  @SuppressWarnings("unchecked")
  private void giveFeedback(ProjectRef project) {
    for (UserTask task : tasks(project, "give-feedback", experts)) {
      var items =
          ((List<Map<String, Object>>) task.variables().get("feedbackItems"))
              .stream()
                  .map(
                      item -> {
                        var row = new HashMap<String, Object>(item);
                        row.put("support", "4");
                        row.put("comment", "Good, with us in the lead");
                        return (Map<String, Object>) row;
                      })
                  .toList();
      complete(project, task, Map.of("feedbackItems", items));
    }
  }

  private void complete(ProjectRef project, UserTask task, Map<String, Object> values) {
    driver.complete(project, task, values, false);
    userTasks++;
  }

  private UserTask task(ProjectRef project, String formId) {
    return tasks(project, formId, 1).getFirst();
  }

  /**
   * Once the engine has created them, the project's open tasks with this form as the task list
   * shows them (one request, as a person opening the list).
   */
  private List<UserTask> tasks(ProjectRef project, String formId, int count) {
    awaitRecords(
        project,
        count + " open task(s) " + formId,
        () -> driver.records().openTasks(project.instanceKey(), formId) >= count);
    return await(
        count + " open task(s) " + formId + " in the task list",
        () -> driver.openTasks(project).stream().filter(t -> formId.equals(t.formId())).toList(),
        found -> found.size() >= count);
  }

  private void awaitActive(ProjectRef project, String elementId) {
    awaitRecords(
        project,
        elementId + " active",
        () -> driver.records().active(project.instanceKey(), elementId));
  }

  private void awaitRecords(
      ProjectRef project, String what, java.util.function.BooleanSupplier condition) {
    try {
      driver.records().await(driver.name() + ": " + what, condition, STEP_TIMEOUT);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          e.getMessage() + "; project " + driver.records().describe(project.instanceKey()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + what, e);
    }
  }

  /** Polls quickly at first and then less often (5 ms up to 50 ms). */
  private <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    long pause = 5;
    while (true) {
      T value = probe.get();
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            driver.name() + ": waited " + STEP_TIMEOUT + " for " + what + "; the run is stuck");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + what, e);
      }
      pause = Math.min(50, pause * 3 / 2 + 1);
    }
  }
}
