package nl.expertpool.tasks;

import java.util.Map;
import nl.expertpool.engine.UserTask;

/**
 * Adds what a form shows but the engine must not hold (e.g. applicants' names) to a task, for the
 * app's own task pages. Tasklist never sees it.
 */
public interface TaskDataContributor {

  boolean supports(String formId);

  /**
   * Display data keyed as the module likes, e.g. {@code candidates -> {applicationId -> {...}}}.
   */
  Map<String, Object> display(UserTask task);
}
