package nl.expertpool.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;

/**
 * What the simulator does to a project: the app's services (with the database) or, for the
 * baseline, the engine alone with no-op workers. The script in {@link ProjectSimulation} is the
 * same for both.
 */
interface Driver extends AutoCloseable {

  /** A project on the simulator's side: its id and its main process instance. */
  record ProjectRef(UUID id, long instanceKey) {}

  String name();

  /** Starts a project for this many experts, each interviewing this many people. */
  ProjectRef create(int experts, int interviewsPerExpert);

  /** The {@code index}th candidate applies (call open). */
  void apply(ProjectRef project, int index);

  /** The project's open user tasks. */
  List<UserTask> openTasks(ProjectRef project);

  /** Completes a task with the values a person fills in its form. */
  void complete(ProjectRef project, UserTask task, Map<String, Object> values, boolean byClient);

  Instant now();

  void advanceClock(Duration duration);

  /** Task completions that took the engine longer than the app's 30 s to process. */
  default int slowCompletions() {
    return 0;
  }

  /** The engine's records as they come: what the benchmark counts and what people wait for. */
  RecordWatch records();
}
