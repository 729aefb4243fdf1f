package nl.expertpool.engine;

/** No user task with this key exists (or ever existed). */
public class TaskNotFoundException extends RuntimeException {

  public TaskNotFoundException(long taskKey) {
    super("No user task with key " + taskKey);
  }
}
