package nl.expertpool.engine.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.Incident;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.TaskConflictException;
import nl.expertpool.engine.TaskNotFoundException;
import nl.expertpool.engine.UserTask;

/** The engine port on the in-memory engine: reads its record stream, writes its log. */
final class EmbeddedProcessEngine implements ProcessEngine {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

  private final EmbeddedZeebe zeebe;
  private final RecordProjection projection;
  private final EngineCommandWriter commands;
  private final ObjectMapper json;

  EmbeddedProcessEngine(EmbeddedZeebe zeebe, ObjectMapper json) {
    this(zeebe, json, null);
  }

  /**
   * @param snapshotPeriod how often the engine keeps a snapshot with this projection; null or zero
   *     takes none (the log then grows whole)
   */
  EmbeddedProcessEngine(EmbeddedZeebe zeebe, ObjectMapper json, Duration snapshotPeriod) {
    this.zeebe = zeebe;
    this.json = json;
    this.projection =
        zeebe
            .keptProjection()
            .map(kept -> new RecordProjection(kept.bytes(), zeebe::newFeed, json))
            .orElseGet(() -> new RecordProjection(zeebe.newFeed(), json));
    this.commands = new EngineCommandWriter(zeebe.engine());
    if (snapshotPeriod != null && snapshotPeriod.isPositive()) {
      zeebe.keepSnapshots(projection::save, snapshotPeriod);
    }
  }

  @Override
  public List<UserTask> openUserTasks(TaskQuery query) {
    return projection.openTasks(query);
  }

  @Override
  public Optional<UserTask> userTask(long taskKey) {
    return projection.openTask(taskKey);
  }

  @Override
  public void assign(long taskKey, String assignee) {
    ensureOpen(taskKey);
    String target = assignee == null ? "" : assignee;
    long before = projection.position();
    commands.assignUserTask(taskKey, target);
    await(
        taskKey,
        before,
        () ->
            projection.wasClosed(taskKey)
                || projection.assigneeOf(taskKey).map(target::equals).orElse(false));
  }

  @Override
  public void complete(long taskKey, Map<String, Object> variables) {
    ensureOpen(taskKey);
    if (projection.isCompleting(taskKey)) {
      throw new TaskConflictException(taskKey, "it is being completed");
    }
    long before = projection.position();
    commands.completeUserTask(taskKey, toJson(variables));
    await(taskKey, before, () -> projection.wasClosed(taskKey));
  }

  @Override
  public boolean knowsInstance(long processInstanceKey) {
    return projection.knowsInstance(processInstanceKey);
  }

  @Override
  public List<ElementInstance> activeElements(long processInstanceKey) {
    return projection.activeElements(processInstanceKey);
  }

  @Override
  public List<Incident> openIncidents(long processInstanceKey) {
    return projection.openIncidents(processInstanceKey);
  }

  @Override
  public boolean clockAdjustable() {
    return true;
  }

  @Override
  public Instant advanceClock(Duration duration) {
    return zeebe.advance(duration);
  }

  @Override
  public Optional<Instant> nextTimer(long processInstanceKey) {
    return projection.nextTimer(processInstanceKey);
  }

  private void ensureOpen(long taskKey) {
    if (projection.openTask(taskKey).isEmpty()) {
      if (projection.wasClosed(taskKey)) {
        throw new TaskConflictException(taskKey, "it is already completed");
      }
      throw new TaskNotFoundException(taskKey);
    }
  }

  /**
   * Waits for the engine to have processed a command, reading its log at first every millisecond
   * and then less often, up to every 16 ms: with many commands waiting at once, frequent reads by
   * every waiter take the CPU the engine needs to process them.
   */
  private void await(long taskKey, long after, BooleanSupplier done) {
    long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
    long pause = TimeUnit.MILLISECONDS.toNanos(1);
    while (!done.getAsBoolean()) {
      var rejection = projection.rejectionAfter(taskKey, after);
      if (rejection.isPresent()) {
        var r = rejection.get();
        if ("NOT_FOUND".equals(r.type())) {
          throw new TaskNotFoundException(taskKey);
        }
        throw new TaskConflictException(taskKey, r.reason());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The embedded engine did not process the command for user task %d within %s"
                .formatted(taskKey, COMMAND_TIMEOUT));
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
    }
  }

  private String toJson(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables == null ? Map.of() : variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Variables cannot be written as JSON", e);
    }
  }
}
