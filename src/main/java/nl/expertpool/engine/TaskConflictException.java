package nl.expertpool.engine;

/** The user task exists but is no longer open, e.g. it was completed already. */
public class TaskConflictException extends RuntimeException {

  public TaskConflictException(long taskKey, String reason) {
    super("User task " + taskKey + " cannot be changed: " + reason);
  }
}
