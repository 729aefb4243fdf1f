package nl.expertpool.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations the app needs from the workflow engine beyond starting instances, publishing
 * messages and working jobs (the Camunda client does those).
 *
 * <p>Every method may throw {@link EngineUnavailableException} when the engine does not answer,
 * fails, or refuses the app's credentials.
 */
public interface ProcessEngine {

  /** Open user tasks that match the query, oldest first. */
  List<UserTask> openUserTasks(TaskQuery query);

  /** An open user task. */
  Optional<UserTask> userTask(long taskKey);

  /**
   * Assigns an open task, or unassigns it when {@code assignee} is null.
   *
   * @throws TaskNotFoundException when no open task has this key
   */
  void assign(long taskKey, String assignee);

  /**
   * Completes an open task with the given variables; returns once the engine has completed it.
   *
   * @throws TaskNotFoundException when no task ever had this key
   * @throws TaskConflictException when the task is already completed or being completed
   */
  void complete(long taskKey, Map<String, Object> variables);

  /**
   * Elements active now in a process instance and in the instances it called (call activities), at
   * any depth; the instances themselves excluded.
   */
  List<ElementInstance> activeElements(long processInstanceKey);

  /**
   * Incidents not resolved yet in a process instance and in the instances it called (call
   * activities), at any depth: a phase's incident shows for the project's main instance.
   */
  List<Incident> openIncidents(long processInstanceKey);

  /**
   * Whether the engine knows this process instance, running or ended. False when it has no trace of
   * it: its log was deleted, or a cluster lost its data.
   *
   * @throws EngineUnavailableException when the engine cannot say now
   */
  boolean knowsInstance(long processInstanceKey);

  /** Whether this engine's clock can be moved (only the embedded engine's can). */
  boolean clockAdjustable();

  /**
   * Moves the engine clock forward, so timers that fall due fire.
   *
   * @return the engine's time afterwards
   * @throws UnsupportedOperationException when {@link #clockAdjustable()} is false
   */
  Instant advanceClock(Duration duration);

  /**
   * When the next timer of a process instance and the instances it called falls due; empty when
   * none waits, or when this engine cannot tell (a cluster, whose clock cannot be moved anyway).
   */
  default Optional<Instant> nextTimer(long processInstanceKey) {
    return Optional.empty();
  }

  /** Filter for open user tasks; null fields match everything. */
  record TaskQuery(
      List<String> candidateGroups,
      Long processInstanceKey,
      String assignee,
      String variableName,
      Object variableValue) {

    public static TaskQuery all() {
      return new TaskQuery(null, null, null, null, null);
    }

    public TaskQuery inGroups(List<String> groups) {
      return new TaskQuery(groups, processInstanceKey, assignee, variableName, variableValue);
    }

    public TaskQuery ofInstance(long key) {
      return new TaskQuery(candidateGroups, key, assignee, variableName, variableValue);
    }

    public TaskQuery assignedTo(String user) {
      return new TaskQuery(candidateGroups, processInstanceKey, user, variableName, variableValue);
    }

    public TaskQuery withVariable(String name, Object value) {
      return new TaskQuery(candidateGroups, processInstanceKey, assignee, name, value);
    }

    public boolean matches(UserTask task) {
      return (candidateGroups == null
              || task.candidateGroups().stream().anyMatch(candidateGroups::contains))
          && (processInstanceKey == null || task.processInstanceKey() == processInstanceKey)
          && (assignee == null || assignee.equals(task.assignee()))
          && (variableName == null || sameValue(task.variables().get(variableName), variableValue));
    }

    private static boolean sameValue(Object actual, Object expected) {
      if (actual instanceof Number a && expected instanceof Number e) {
        return a.doubleValue() == e.doubleValue();
      }
      return actual != null && String.valueOf(actual).equals(String.valueOf(expected));
    }
  }
}
